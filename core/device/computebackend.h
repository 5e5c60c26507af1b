#pragma once

#include "deviceinfo.h"

#include <optional>
#include <vector>

namespace fathom {

// The compute library's view of the machine: which accelerators it can really use and how it was
// built. The LibTorch implementation lives in core/ml (DESIGN.md rule 1); tests use fakes.
class ComputeBackend
{
public:
    virtual ~ComputeBackend() = default;
    virtual BuildInfo buildInfo() const = 0;
    virtual std::vector<GpuProperties> cudaDevices() const = 0;
    virtual bool mpsAvailable() const = 0;
    // Free and total bytes of a CUDA device, for when NVML cannot say.
    virtual std::optional<std::pair<std::uint64_t, std::uint64_t>> cudaMemory(int index) const = 0;
};

// A backend that offers only the CPU, for builds or tests with no compute library at hand.
class CpuOnlyBackend : public ComputeBackend
{
public:
    BuildInfo buildInfo() const override { return {}; }
    std::vector<GpuProperties> cudaDevices() const override { return {}; }
    bool mpsAvailable() const override { return false; }
    std::optional<std::pair<std::uint64_t, std::uint64_t>> cudaMemory(int) const override { return std::nullopt; }
};

} // namespace fathom
