#pragma once

#include <cstdint>
#include <string>

namespace fathom {

// Live figures of the machine's NVIDIA GPUs. The real one is NVML loaded at run time
// (NvmlMonitor); tests substitute a fake.
class GpuMonitor
{
public:
    struct Reading
    {
        bool ok = false;
        bool lost = false; // the GPU has fallen off the bus or stopped answering
        std::uint64_t used = 0;
        std::uint64_t total = 0;
        int utilisationPercent = -1;
        std::string problem;
    };

    virtual ~GpuMonitor() = default;
    virtual bool available() const = 0;
    // Why the monitor is unavailable (library missing, broken, no driver); empty when available.
    virtual std::string problem() const = 0;
    virtual int count() const = 0;
    virtual std::string pciBusId(int index) const = 0;
    virtual std::string name(int index) const = 0;
    virtual Reading read(int index) = 0;
};

// Stands in when no NVIDIA library is to be used.
class NoGpuMonitor : public GpuMonitor
{
public:
    explicit NoGpuMonitor(std::string why = "no GPU monitor")
        : m_why(std::move(why))
    {
    }
    bool available() const override { return false; }
    std::string problem() const override { return m_why; }
    int count() const override { return 0; }
    std::string pciBusId(int) const override { return {}; }
    std::string name(int) const override { return {}; }
    Reading read(int) override { return {false, false, 0, 0, -1, m_why}; }

private:
    std::string m_why;
};

} // namespace fathom
