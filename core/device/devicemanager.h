#pragma once

#include "computebackend.h"
#include "deviceinfo.h"
#include "gpumonitor.h"

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace fathom {

class Config;

// Knows every device of the machine, picks the one in use (CUDA, then MPS, then CPU) and samples
// live memory. Asking for an absent or unknown device selects the CPU with a message; nothing
// here throws after construction.
class DeviceManager
{
public:
    // Why a request was not met, so front ends can say it in the user's language.
    enum class Shortfall { None, Unknown, CudaNotBuilt, NoCuda, CudaAbsent, MpsAbsent };

    struct Selection
    {
        std::string requested; // as the user wrote it: "auto", "cuda:1", …
        std::string id;        // the device in use
        std::string message;   // why the request was not met (English); empty when it was
        Shortfall shortfall = Shortfall::None;
    };

    DeviceManager(const Config& config, std::unique_ptr<ComputeBackend> backend, std::unique_ptr<GpuMonitor> monitor);
    ~DeviceManager();

    const std::vector<DeviceInfo>& devices() const { return m_devices; }
    const BuildInfo& buildInfo() const { return m_build; }
    const DeviceInfo* find(const std::string& id) const;
    // "auto" and then every device id, in the order shown to users.
    std::vector<std::string> choices() const;

    Selection select(const std::string& request);
    const Selection& selection() const { return m_selection; }
    const DeviceInfo& active() const;

    // Thread-safe: called by the monitor's worker thread.
    DeviceSample sample();
    std::string monitorProblem() const { return m_monitor->problem(); }
    // Config values that could not be used (the default stood in); shown to the user once.
    const std::vector<std::string>& problems() const { return m_problems; }

private:
    void addCpu(const Config& config);
    void addCuda(const Config& config);
    void addMps(const Config& config);
    DeviceProfile profileFor(const Config& config, const DeviceInfo& device);
    int nvmlIndexFor(const GpuProperties& gpu) const;
    Selection resolve(const std::string& request) const;
    std::string cudaIds() const;

    std::unique_ptr<ComputeBackend> m_backend;
    std::unique_ptr<GpuMonitor> m_monitor;
    BuildInfo m_build;
    std::vector<DeviceInfo> m_devices;
    std::map<std::string, int> m_nvmlIndex; // device id -> NVML index
    std::map<std::string, bool> m_gpuLost;
    std::vector<std::string> m_problems;
    Selection m_selection;
    std::mutex m_sampleMutex;
    std::chrono::steady_clock::time_point m_start;
};

} // namespace fathom
