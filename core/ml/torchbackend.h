#pragma once

#include "device/computebackend.h"

#include <memory>
#include <string>

namespace fathom::ml {

// The LibTorch view of the machine: CUDA devices and their properties, MPS, and the build.
std::unique_ptr<ComputeBackend> makeTorchBackend();

// LibTorch's intra-op threads for this process (0 leaves LibTorch's choice); returns the number in use.
int setThreads(int threads);

// Reads the fields of LibTorch's build summary (at::show_config()) that users ask about.
BuildInfo parseTorchConfig(const std::string& showConfig);

} // namespace fathom::ml
