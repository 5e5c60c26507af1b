#pragma once

#include "device/computebackend.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace fathom::ml {

// The LibTorch view of the machine: CUDA devices and their properties, MPS, and the build.
std::unique_ptr<ComputeBackend> makeTorchBackend();

// LibTorch's intra-op threads for this process (0 leaves LibTorch's choice); returns the number in use.
int setThreads(int threads);

// The most memory LibTorch's allocator has held on a CUDA device ("cuda:N") since the last reset
// (and resets it); nothing for the CPU or a build without CUDA.
std::optional<std::uint64_t> takeDevicePeakBytes(const std::string& id);
// Free memory of a CUDA device ("cuda:N") as the driver reports it, plus what LibTorch's caching
// allocator holds unused; nothing for any other device.
std::optional<std::uint64_t> deviceFreeBytes(const std::string& id);

// Reads the fields of LibTorch's build summary (at::show_config()) that users ask about.
BuildInfo parseTorchConfig(const std::string& showConfig);

} // namespace fathom::ml
