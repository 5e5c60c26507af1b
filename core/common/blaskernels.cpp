#include "blaskernels.h"

#include <array>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <unistd.h>

namespace fathom {

namespace {

constexpr const char* restartedMark = "FATHOM_BLAS_KERNELS_CHOSEN";

const char* openBlasCore()
{
    using CoreName = char* (*)();
    auto name = reinterpret_cast<CoreName>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    return name ? name() : nullptr;
}

// The kernels this CPU can run, best first; null when it has neither AVX-512 nor AVX2.
const char* kernelsForThisCpu()
{
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl") &&
        __builtin_cpu_supports("avx512dq"))
        return "SkylakeX";
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return "Haswell";
#endif
    return nullptr;
}

// Cores whose kernels predate AVX2: on a CPU with AVX2 they mean OpenBLAS did not know it.
bool withoutAvx2(const char* core)
{
    static constexpr std::array weak{"Prescott", "Core2",     "Penryn",     "Dunnington", "Nehalem",
                                     "Atom",     "Katmai",    "Coppermine", "Northwood",  "Banias",
                                     "Opteron",  "Barcelona", "Bobcat",     "Sandybridge"};
    for (const char* name : weak)
        if (std::strcmp(core, name) == 0)
            return true;
    return false;
}

} // namespace

void chooseBlasKernels(char** argv)
{
#ifdef __linux__
    if (std::getenv("OPENBLAS_CORETYPE") || std::getenv(restartedMark))
        return;
    const char* core = openBlasCore();
    const char* better = kernelsForThisCpu();
    if (!core || !better || !withoutAvx2(core))
        return;
    setenv("OPENBLAS_CORETYPE", better, 1);
    setenv(restartedMark, core, 1); // what OpenBLAS had chosen, for blasDescription()
    // The resolved path, not /proc/self/exe: the process keeps its name in ps and top.
    std::array<char, 4096> self{};
    if (readlink("/proc/self/exe", self.data(), self.size() - 1) > 0)
        execv(self.data(), argv);
    // The restart failed: go on with the slow kernels rather than not at all.
    unsetenv("OPENBLAS_CORETYPE");
    unsetenv(restartedMark);
#else
    (void)argv;
#endif
}

void reuseLargeBlocks()
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

std::string blasDescription()
{
    const char* core = openBlasCore();
    if (!core)
        return {};
    using Config = char* (*)();
    std::string version = "OpenBLAS";
    if (auto config = reinterpret_cast<Config>(dlsym(RTLD_DEFAULT, "openblas_get_config"))) {
        const std::string text = config(); // "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY …"
        const auto space = text.find(' ', std::strlen("OpenBLAS "));
        version = text.substr(0, space);
    }
    std::string description = version + ", " + core + " kernels";
    if (const char* before = std::getenv(restartedMark))
        description += std::string(" (chosen by Fathom: OpenBLAS took this CPU for a ") + before + ")";
    else if (std::getenv("OPENBLAS_CORETYPE"))
        description += " (from OPENBLAS_CORETYPE)";
    return description;
}

} // namespace fathom
