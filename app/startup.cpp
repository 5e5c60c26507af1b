#include "startup.h"

#include "common/error.h"
#include "common/logging.h"
#include "common/paths.h"
#include "device/hostinfo.h"
#include "device/nvmlmonitor.h"
#include "ml/models.h"
#include "ml/torchbackend.h"

#include <algorithm>
#include <cstdlib>

namespace fathom {

namespace {

std::string fromEnv(const char* name, const std::string& fallback)
{
    const char* value = std::getenv(name);
    return value && *value ? value : fallback;
}

void addOptionalFile(Startup& s, const std::filesystem::path& file)
{
    if (!std::filesystem::exists(file))
        return;
    try {
        s.config.addFile(file);
    } catch (const Error& e) {
        s.warnings.push_back(std::string(e.what()) + " — this file is ignored");
    }
}

} // namespace

std::unique_ptr<Startup> start(const StartupOptions& options)
{
    auto s = std::make_unique<Startup>();
    const auto environment = options.environment.empty() ? fromEnv("FATHOM_ENV", "local") : options.environment;
    const auto envFile = paths::shareDir() / "environments" / (environment + ".yaml");
    if (std::filesystem::exists(envFile))
        addOptionalFile(*s, envFile);
    else
        s->warnings.push_back("environment '" + environment + "' has no file " + envFile.string() +
                              "; built-in defaults are used");
    if (!options.configFile.empty())
        s->config.addFile(options.configFile);
    else
        addOptionalFile(*s, paths::configDir() / "config.yaml");
    for (const auto& assignment : options.overrides)
        s->config.addOverride(assignment);
    if (!options.device.empty())
        s->config.addOverride("device=" + options.device);
    if (!options.logLevel.empty())
        s->config.addOverride("log.level=" + options.logLevel);

    const auto logFile = s->config.getString("log.file", logging::defaultLogFile().string());
    logging::init(s->config.getString("log.level", "info"), logFile);
    for (const auto& warning : s->warnings)
        logging::warn(warning);

    // compute.threads 0: one per physical core. LibTorch's own choice was one thread on the
    // project's 2-core machines (its CPU probe found one core), which left bf16 inference of the
    // ensemble at 1.40 s where two threads take 0.83 s (docs/BENCHMARKS.md).
    const auto cpu = host::cpu(); // /proc/cpuinfo, read once here
    const auto threads = int(s->config.getInt("compute.threads", 0));
    ml::setThreads(threads > 0 ? threads : std::max(1, cpu.cores)); // and OpenBLAS held to one thread
    const auto kernels = s->config.getString("compute.recurrent_kernels", "fathom");
    if (kernels != "fathom" && kernels != "libtorch")
        logging::warn("compute.recurrent_kernels is '" + kernels + "'; expected fathom or libtorch: Fathom's are used");
    ml::setFusedRecurrent(kernels != "libtorch");
    // bf16 is four times as fast on a CPU with Intel AMX but moves scores near an alert threshold
    // (docs/BENCHMARKS.md): asked for, never the default.
    const auto inference = s->config.getString("compute.inference_precision", "fp32");
    const bool matrices = host::cpuHasBf16Matrices(cpu);
    if (inference != "auto" && inference != "fp32" && inference != "bf16")
        logging::warn("compute.inference_precision is '" + inference + "'; expected fp32, bf16 or auto: fp32 is used");
    if (inference == "bf16" && !host::cpuHasBf16(cpu))
        logging::warn("compute.inference_precision is bf16 but this CPU has no bf16 instructions: it is emulated, "
                      "slower than fp32");
    ml::setCpuInferencePrecision(inference == "bf16" || (inference == "auto" && matrices) ? "bf16" : "fp32");
    auto monitor = std::make_unique<NvmlMonitor>(fromEnv("FATHOM_NVML_LIBRARY", "libnvidia-ml.so.1"));
    s->devices = std::make_unique<DeviceManager>(s->config, ml::makeTorchBackend(), std::move(monitor));
    for (const auto& problem : s->devices->problems())
        s->warnings.push_back(problem);
    s->devices->select(s->config.getString("device", "auto"));
    return s;
}

} // namespace fathom
