#include "torchbackend.h"

#include "common/blaskernels.h"

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <ATen/Version.h>
#include <torch/cuda.h>
#include <torch/version.h>

#ifdef FATHOM_WITH_CUDA
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAGuard.h>
#include <cuda_runtime_api.h>
#endif

#include <dlfcn.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace fathom::ml {

namespace {

std::string firstToken(const std::string& s)
{
    std::stringstream words(s);
    std::string word;
    words >> word;
    return word;
}

std::string settingOf(const std::string& text, const std::string& name)
{
    const auto at = text.find(name + "=");
    if (at == std::string::npos)
        return {};
    const auto start = at + name.size() + 1;
    return text.substr(start, text.find_first_of(", \n", start) - start);
}

// The BLAS library this process really mapped: Debian's libblas.so.3 is an alternative that may
// point at the reference BLAS or OpenBLAS, and LibTorch only knows "generic".
std::string mappedBlas()
{
    std::ifstream maps("/proc/self/maps");
    for (std::string line; std::getline(maps, line);) {
        const auto path = line.find('/');
        if (path != std::string::npos && line.find("blas", path) != std::string::npos)
            return line.substr(path);
    }
    return {};
}

} // namespace

BuildInfo parseTorchConfig(const std::string& text)
{
    BuildInfo build;
    std::stringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        const auto item = line.find("- ");
        if (item == std::string::npos)
            continue;
        const auto body = line.substr(item + 2);
        if (body.rfind("CUDA Runtime ", 0) == 0)
            build.cudaVersion = firstToken(body.substr(13));
        else if (body.rfind("CuDNN ", 0) == 0)
            build.cudnnVersion = firstToken(body.substr(6));
        else if (body.find("DNN") != std::string::npos && body.find(" v") != std::string::npos)
            build.onednn = firstToken(body.substr(body.find(" v") + 2));
        else if (body.rfind("OpenMP ", 0) == 0)
            build.openmp = body.find("OpenMP ", 7) != std::string::npos
                               ? firstToken(body.substr(body.find("OpenMP ", 7) + 7))
                               : firstToken(body.substr(7));
    }
    build.blas = settingOf(text, "BLAS_INFO");
    build.torchVersion = settingOf(text, "TORCH_VERSION");
    build.cudaBuilt = settingOf(text, "USE_CUDA") == "ON" || settingOf(text, "USE_CUDA") == "1";
    if (!build.openmp.empty() && build.openmp.back() == ')')
        build.openmp.pop_back();
    if (build.openmp.empty())
        build.openmp = settingOf(text, "USE_OPENMP");
    if (build.onednn.empty())
        build.onednn = settingOf(text, "USE_MKLDNN") == "ON" ? "ON" : "OFF";
    build.configText = text;
    return build;
}

namespace {

class TorchBackend : public ComputeBackend
{
public:
    BuildInfo buildInfo() const override
    {
        auto build = parseTorchConfig(at::show_config());
        build.torchVersion = TORCH_VERSION;
        build.cudaBuilt = at::hasCUDA() || build.cudaBuilt;
        build.mpsBuilt = at::hasMPS();
        build.intraOpThreads = at::get_num_threads();
        build.interOpThreads = at::get_num_interop_threads();
        if (const auto blas = mappedBlas(); !blas.empty())
            build.blas += " (" + blas + ")";
        // What runs, first: LibTorch's build says "generic" for Debian's BLAS, which is OpenBLAS.
        if (const auto kernels = blasDescription(); !kernels.empty())
            build.blas = kernels + "; LibTorch built for " + build.blas;
        return build;
    }

    std::vector<GpuProperties> cudaDevices() const override
    {
        std::vector<GpuProperties> gpus;
#ifdef FATHOM_WITH_CUDA
        if (!torch::cuda::is_available())
            return gpus;
        const int count = static_cast<int>(torch::cuda::device_count());
        for (int i = 0; i < count; ++i) {
            const cudaDeviceProp* prop = at::cuda::getDeviceProperties(i);
            GpuProperties gpu;
            gpu.index = i;
            gpu.name = prop->name;
            gpu.memoryTotal = prop->totalGlobalMem;
            gpu.memoryFree = prop->totalGlobalMem;
            gpu.computeMajor = prop->major;
            gpu.computeMinor = prop->minor;
            gpu.multiprocessors = prop->multiProcessorCount;
            char bus[32];
            std::snprintf(bus, sizeof bus, "%04x:%02x:%02x", prop->pciDomainID, prop->pciBusID, prop->pciDeviceID);
            gpu.pciBusId = bus;
            gpus.push_back(gpu);
        }
#endif
        return gpus;
    }

    bool mpsAvailable() const override
    {
        return at::hasMPS();
    }

    std::optional<std::pair<std::uint64_t, std::uint64_t>> cudaMemory(int index) const override
    {
#ifdef FATHOM_WITH_CUDA
        c10::cuda::CUDAGuard guard(static_cast<c10::DeviceIndex>(index));
        size_t free = 0, total = 0;
        if (cudaMemGetInfo(&free, &total) == cudaSuccess)
            return std::make_pair<std::uint64_t, std::uint64_t>(free, total);
#else
        (void)index;
#endif
        return std::nullopt;
    }
};

} // namespace

int setThreads(int threads)
{
    // OpenBLAS (Debian's libblas.so.3 alternative) starts a thread per core of its own; beside
    // LibTorch's threads they oversubscribe the cores and spin. One BLAS thread per caller.
    using SetBlasThreads = void (*)(int);
    if (auto set = reinterpret_cast<SetBlasThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        set(1);
    if (threads > 0)
        at::set_num_threads(threads);
    return at::get_num_threads();
}

std::optional<std::uint64_t> takeDevicePeakBytes(const std::string& id)
{
#ifdef FATHOM_WITH_CUDA
    if (id.rfind("cuda", 0) == 0 && torch::cuda::is_available()) {
        const auto index = static_cast<c10::DeviceIndex>(id.size() > 5 ? std::stoi(id.substr(5)) : 0);
        namespace allocator = c10::cuda::CUDACachingAllocator;
        const auto peak = allocator::getDeviceStats(index).allocated_bytes[0].peak;
        allocator::resetPeakStats(index);
        return std::uint64_t(peak);
    }
#else
    (void)id;
#endif
    return std::nullopt;
}

std::optional<std::uint64_t> deviceFreeBytes(const std::string& id)
{
#ifdef FATHOM_WITH_CUDA
    if (id.rfind("cuda", 0) == 0 && torch::cuda::is_available()) {
        const auto index = static_cast<c10::DeviceIndex>(id.size() > 5 ? std::stoi(id.substr(5)) : 0);
        c10::cuda::CUDAGuard guard(index);
        size_t free = 0, total = 0;
        if (cudaMemGetInfo(&free, &total) != cudaSuccess)
            return std::nullopt;
        const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(index);
        const auto cached = stats.reserved_bytes[0].current - stats.allocated_bytes[0].current;
        return std::uint64_t(free) + std::uint64_t(std::max<std::int64_t>(0, cached));
    }
#else
    (void)id;
#endif
    return std::nullopt;
}

std::unique_ptr<ComputeBackend> makeTorchBackend()
{
    return std::make_unique<TorchBackend>();
}

} // namespace fathom::ml
