#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fathom {

enum class DeviceKind { Cpu, Cuda, Mps };

std::string kindName(DeviceKind kind); // "cpu", "cuda", "mps"

enum class MixedPrecision { None, Bf16, Fp16 };

std::string precisionName(MixedPrecision precision); // "none", "bf16", "fp16"

// How work is sized for one device; comes from the layered config (profiles.<kind> and
// profiles."<id>"), with "auto" settings resolved against the device's capabilities.
struct DeviceProfile
{
    int batchSize = 32;
    int workers = 1;
    double memoryFraction = 0.5;
    std::uint64_t memoryLimitBytes = 0; // memoryFraction of the device's total memory
    MixedPrecision mixedPrecision = MixedPrecision::None;
};

// One GPU as the compute backend (LibTorch) sees it.
struct GpuProperties
{
    int index = 0;
    std::string name;
    std::uint64_t memoryTotal = 0;
    std::uint64_t memoryFree = 0;
    int computeMajor = 0;
    int computeMinor = 0;
    int multiprocessors = 0;
    std::string pciBusId; // "0000:3b:00.0"; links the backend's device to NVML's
};

struct CpuProperties
{
    std::string name;
    int cores = 0;                      // physical
    int threads = 0;                    // logical
    std::string simd;                   // best level: "AVX-512", "AVX2", "AVX", "SSE4.2", "NEON", "baseline"
    std::vector<std::string> simdFlags; // e.g. avx2, fma, avx512f, avx512bf16
};

// What the LibTorch in use was built with.
struct BuildInfo
{
    std::string torchVersion;
    bool cudaBuilt = false;
    std::string cudaVersion; // empty when LibTorch has no CUDA
    std::string cudnnVersion;
    bool mpsBuilt = false;
    std::string blas;   // as LibTorch reports it (BLAS_INFO)
    std::string openmp; // "ON"/"OFF" or a version
    std::string onednn; // oneDNN (MKLDNN) version or "OFF"
    int intraOpThreads = 0;
    int interOpThreads = 0;
    std::string configText; // LibTorch's full build summary
};

struct DeviceInfo
{
    std::string id; // "cpu", "cuda:0", "mps"
    DeviceKind kind = DeviceKind::Cpu;
    std::string name;
    std::uint64_t memoryTotal = 0;
    std::uint64_t memoryFree = 0;
    std::optional<GpuProperties> gpu;
    std::optional<CpuProperties> cpu;
    bool bf16 = false; // native bf16 arithmetic
    DeviceProfile profile;
};

// One reading of live memory, sampled about twice a second.
struct GpuSample
{
    std::string id; // "cuda:0"
    bool available = true;
    std::uint64_t memoryUsed = 0;
    std::uint64_t memoryTotal = 0;
    int utilisationPercent = -1; // -1: not known (no NVML)
    std::string problem;         // why the GPU could not be read
};

struct DeviceSample
{
    double timeSeconds = 0; // since the manager was created
    std::uint64_t hostUsed = 0;
    std::uint64_t hostTotal = 0;
    std::uint64_t processResident = 0;
    std::vector<GpuSample> gpus;
};

} // namespace fathom
