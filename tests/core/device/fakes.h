#pragma once

#include "device/computebackend.h"
#include "device/gpumonitor.h"

#include <memory>
#include <vector>

namespace fathom::test {

// A compute backend with made-up CUDA GPUs, as a CUDA LibTorch would report them.
class FakeBackend : public ComputeBackend
{
public:
    explicit FakeBackend(std::vector<GpuProperties> gpus, bool cudaBuilt = true, bool mps = false)
        : m_gpus(std::move(gpus))
        , m_cudaBuilt(cudaBuilt)
        , m_mps(mps)
    {
    }
    BuildInfo buildInfo() const override
    {
        BuildInfo build;
        build.torchVersion = "2.5.0";
        build.cudaBuilt = m_cudaBuilt;
        build.cudaVersion = m_cudaBuilt ? "12.4" : "";
        return build;
    }
    std::vector<GpuProperties> cudaDevices() const override { return m_gpus; }
    bool mpsAvailable() const override { return m_mps; }
    std::optional<std::pair<std::uint64_t, std::uint64_t>> cudaMemory(int index) const override
    {
        const auto& gpu = m_gpus.at(index);
        return std::make_pair(gpu.memoryFree, gpu.memoryTotal);
    }

private:
    std::vector<GpuProperties> m_gpus;
    bool m_cudaBuilt;
    bool m_mps;
};

inline GpuProperties fakeGpu(int index, const char* name, int major, std::uint64_t totalGiB, const char* bus)
{
    GpuProperties gpu;
    gpu.index = index;
    gpu.name = name;
    gpu.memoryTotal = totalGiB << 30;
    gpu.memoryFree = totalGiB << 30;
    gpu.computeMajor = major;
    gpu.multiprocessors = 100 + index;
    gpu.pciBusId = bus;
    return gpu;
}

// NVML stand-in: memory per GPU that a test can move, and GPUs that a test can make vanish.
// NVML may order GPUs differently from CUDA; the bus ids link them.
class FakeMonitor : public GpuMonitor
{
public:
    struct Gpu
    {
        std::string bus;
        std::uint64_t used;
        std::uint64_t total;
        int util;
        bool lost = false;
    };
    explicit FakeMonitor(std::shared_ptr<std::vector<Gpu>> gpus)
        : m_gpus(std::move(gpus))
    {
    }
    bool available() const override { return true; }
    std::string problem() const override { return {}; }
    int count() const override { return static_cast<int>(m_gpus->size()); }
    std::string pciBusId(int index) const override { return m_gpus->at(index).bus; }
    std::string name(int) const override { return "fake"; }
    Reading read(int index) override
    {
        const auto& gpu = m_gpus->at(index);
        if (gpu.lost)
            return {false, true, 0, 0, -1, "NVML memory query failed: GPU is lost"};
        return {true, false, gpu.used, gpu.total, gpu.util, {}};
    }

private:
    std::shared_ptr<std::vector<Gpu>> m_gpus;
};

} // namespace fathom::test
