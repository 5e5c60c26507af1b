#pragma once

#include "gpumonitor.h"

#include <memory>
#include <string>

namespace fathom {

// NVML (libnvidia-ml.so.1) opened with dlopen, so builds and machines without NVIDIA's driver
// need nothing from NVIDIA. A missing or broken library leaves the monitor unavailable with
// the reason in problem(); it never throws.
class NvmlMonitor : public GpuMonitor
{
public:
    explicit NvmlMonitor(const std::string& library = "libnvidia-ml.so.1");
    ~NvmlMonitor() override;
    NvmlMonitor(const NvmlMonitor&) = delete;
    NvmlMonitor& operator=(const NvmlMonitor&) = delete;

    bool available() const override;
    std::string problem() const override;
    int count() const override;
    std::string pciBusId(int index) const override;
    std::string name(int index) const override;
    Reading read(int index) override;

private:
    struct Api;
    std::unique_ptr<Api> m_api;
    std::string m_problem;
    int m_count = 0;
};

} // namespace fathom
