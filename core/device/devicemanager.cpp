#include "devicemanager.h"

#include "common/config.h"
#include "common/error.h"
#include "common/logging.h"
#include "hostinfo.h"

#include <algorithm>
#include <cctype>

namespace fathom {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    return s;
}

// "cuda" -> 0, "cuda:3" -> 3, anything else -> -1.
int cudaIndexOf(const std::string& request)
{
    if (request == "cuda")
        return 0;
    if (request.rfind("cuda:", 0) != 0 || request.size() == 5 || request.size() > 8)
        return -1;
    const auto digits = request.substr(5);
    if (!std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); }))
        return -1;
    return std::stoi(digits);
}

MixedPrecision parsePrecision(const std::string& value, const DeviceInfo& device, bool& ok)
{
    ok = true;
    if (value == "none")
        return MixedPrecision::None;
    if (value == "bf16")
        return MixedPrecision::Bf16;
    if (value == "fp16")
        return MixedPrecision::Fp16;
    if (value == "auto") {
        if (device.kind == DeviceKind::Cuda)
            return device.bf16 ? MixedPrecision::Bf16 : MixedPrecision::Fp16;
        return MixedPrecision::None;
    }
    ok = false;
    return MixedPrecision::None;
}

} // namespace

DeviceManager::DeviceManager(const Config& config, std::unique_ptr<ComputeBackend> backend,
                             std::unique_ptr<GpuMonitor> monitor)
    : m_backend(std::move(backend))
    , m_monitor(monitor ? std::move(monitor) : std::make_unique<NoGpuMonitor>())
    , m_build(m_backend->buildInfo())
    , m_start(std::chrono::steady_clock::now())
{
    addCpu(config);
    addCuda(config);
    addMps(config);
    if (!m_monitor->available() && m_build.cudaBuilt)
        logging::info("GPU monitor: " + m_monitor->problem());
    m_selection = resolve("auto");
}

DeviceManager::~DeviceManager() = default;

void DeviceManager::addCpu(const Config& config)
{
    DeviceInfo cpu;
    cpu.id = "cpu";
    cpu.kind = DeviceKind::Cpu;
    cpu.cpu = host::cpu();
    cpu.name = cpu.cpu->name;
    cpu.bf16 = host::cpuHasBf16(*cpu.cpu);
    const auto memory = host::memory();
    cpu.memoryTotal = memory.total;
    cpu.memoryFree = memory.available;
    cpu.profile = profileFor(config, cpu);
    m_devices.push_back(cpu);
}

void DeviceManager::addCuda(const Config& config)
{
    for (const auto& gpu : m_backend->cudaDevices()) {
        DeviceInfo device;
        device.id = "cuda:" + std::to_string(gpu.index);
        device.kind = DeviceKind::Cuda;
        device.name = gpu.name;
        device.gpu = gpu;
        device.bf16 = gpu.computeMajor >= 8;
        device.memoryTotal = gpu.memoryTotal;
        device.memoryFree = gpu.memoryFree;
        if (const int nvml = nvmlIndexFor(gpu); nvml >= 0) {
            m_nvmlIndex[device.id] = nvml;
            if (const auto reading = m_monitor->read(nvml); reading.ok) {
                device.memoryTotal = reading.total;
                device.memoryFree = reading.total - std::min(reading.used, reading.total);
            }
        } else if (const auto memory = m_backend->cudaMemory(gpu.index)) {
            device.memoryFree = memory->first;
            device.memoryTotal = memory->second;
        }
        device.profile = profileFor(config, device);
        m_devices.push_back(device);
    }
}

void DeviceManager::addMps(const Config& config)
{
    if (!m_backend->mpsAvailable())
        return;
    DeviceInfo mps;
    mps.id = "mps";
    mps.kind = DeviceKind::Mps;
    mps.name = "Apple Metal (MPS)";
    // MPS shares the host's unified memory.
    const auto memory = host::memory();
    mps.memoryTotal = memory.total;
    mps.memoryFree = memory.available;
    mps.profile = profileFor(config, mps);
    m_devices.push_back(mps);
}

int DeviceManager::nvmlIndexFor(const GpuProperties& gpu) const
{
    if (!m_monitor->available())
        return -1;
    for (int i = 0; i < m_monitor->count(); ++i)
        if (!gpu.pciBusId.empty() && m_monitor->pciBusId(i) == gpu.pciBusId)
            return i;
    // Without bus ids, the orders agree when every GPU is visible to both.
    const auto gpus = m_backend->cudaDevices().size();
    return static_cast<int>(gpus) == m_monitor->count() ? gpu.index : -1;
}

DeviceProfile DeviceManager::profileFor(const Config& config, const DeviceInfo& device)
{
    const DeviceProfile defaults;
    DeviceProfile profile;
    auto key = [&](const std::string& field) {
        const auto own = "profiles." + device.id + "." + field;
        return config.has(own) ? own : "profiles." + kindName(device.kind) + "." + field;
    };
    auto guarded = [&](auto read) {
        try {
            read();
        } catch (const Error& e) {
            m_problems.push_back(std::string(e.what()) + "; the default is used");
            logging::warn(m_problems.back());
        }
    };
    guarded(
        [&] { profile.batchSize = static_cast<int>(std::max<std::int64_t>(1, config.getInt(key("batch_size"), 32))); });
    guarded([&] { profile.workers = static_cast<int>(std::max<std::int64_t>(0, config.getInt(key("workers"), 1))); });
    guarded([&] {
        const double fraction = config.getDouble(key("memory_fraction"), defaults.memoryFraction);
        if (fraction <= 0 || fraction > 1)
            throw Error("config " + config.source(key("memory_fraction")) + ": " + key("memory_fraction") +
                        ": expected a fraction in (0, 1], got " + std::to_string(fraction));
        profile.memoryFraction = fraction;
    });
    profile.memoryLimitBytes = static_cast<std::uint64_t>(profile.memoryFraction * double(device.memoryTotal));
    guarded([&] {
        const auto value = lower(config.getString(key("mixed_precision"), "none"));
        bool ok = false;
        profile.mixedPrecision = parsePrecision(value, device, ok);
        if (!ok)
            throw Error("config " + config.source(key("mixed_precision")) + ": " + key("mixed_precision") +
                        ": expected none, auto, bf16 or fp16, got '" + value + "'");
    });
    if (profile.mixedPrecision == MixedPrecision::Bf16 && !device.bf16) {
        profile.mixedPrecision = device.kind == DeviceKind::Cuda ? MixedPrecision::Fp16 : MixedPrecision::None;
        m_problems.push_back(device.id + " has no native bf16; mixed precision " +
                             precisionName(profile.mixedPrecision) + " is used instead");
        logging::warn(m_problems.back());
    }
    return profile;
}

const DeviceInfo* DeviceManager::find(const std::string& id) const
{
    for (const auto& device : m_devices)
        if (device.id == id)
            return &device;
    return nullptr;
}

std::vector<std::string> DeviceManager::choices() const
{
    std::vector<std::string> ids{"auto"};
    for (const auto& device : m_devices)
        ids.push_back(device.id);
    return ids;
}

std::string DeviceManager::cudaIds() const
{
    std::string ids;
    for (const auto& device : m_devices)
        if (device.kind == DeviceKind::Cuda)
            ids += (ids.empty() ? "" : ", ") + device.id;
    return ids;
}

DeviceManager::Selection DeviceManager::select(const std::string& request)
{
    m_selection = resolve(request);
    if (!m_selection.message.empty())
        logging::warn(m_selection.message);
    logging::info("Active device: " + m_selection.id + " (" + active().name + ")");
    return m_selection;
}

DeviceManager::Selection DeviceManager::resolve(const std::string& request) const
{
    Selection selection{request, "cpu", {}};
    const auto wanted = lower(request);
    if (wanted.empty() || wanted == "auto") {
        for (const char* preferred : {"cuda:0", "mps"})
            if (find(preferred)) {
                selection.id = preferred;
                break;
            }
        if (selection.id == "cpu")
            for (const auto& device : m_devices)
                if (device.kind == DeviceKind::Cuda) {
                    selection.id = device.id;
                    break;
                }
    } else if (wanted == "cpu") {
        selection.id = "cpu";
    } else if (wanted == "mps") {
        if (find("mps"))
            selection.id = "mps";
        else
            selection = {request, "cpu", "MPS (Apple Metal) is not available on this machine; using the CPU.",
                         Shortfall::MpsAbsent};
    } else if (const int index = cudaIndexOf(wanted); index >= 0) {
        const auto id = "cuda:" + std::to_string(index);
        if (find(id))
            selection.id = id;
        else if (!m_build.cudaBuilt)
            selection = {request, "cpu",
                         "CUDA device " + id + " requested, but this LibTorch was built without CUDA; using the CPU.",
                         Shortfall::CudaNotBuilt};
        else if (cudaIds().empty())
            selection = {request, "cpu",
                         "CUDA device " + id + " requested, but no CUDA GPU is available; using the CPU.",
                         Shortfall::NoCuda};
        else
            selection = {request, "cpu",
                         "CUDA device " + id + " is not present (this machine has " + cudaIds() + "); using the CPU.",
                         Shortfall::CudaAbsent};
    } else {
        selection = {request, "cpu",
                     "Unknown device '" + request + "': expected auto, cpu, cuda, cuda:N or mps; using the CPU.",
                     Shortfall::Unknown};
    }
    return selection;
}

const DeviceInfo& DeviceManager::active() const
{
    const auto* device = find(m_selection.id);
    return device ? *device : m_devices.front();
}

DeviceSample DeviceManager::sample()
{
    std::lock_guard lock(m_sampleMutex);
    DeviceSample sample;
    sample.timeSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    const auto memory = host::memory();
    sample.hostTotal = memory.total;
    sample.hostUsed = memory.total - std::min(memory.available, memory.total);
    sample.processResident = host::processResidentBytes();
    for (const auto& device : m_devices) {
        if (device.kind != DeviceKind::Cuda)
            continue;
        GpuSample gpu{device.id};
        if (const auto it = m_nvmlIndex.find(device.id); it != m_nvmlIndex.end()) {
            const auto reading = m_monitor->read(it->second);
            gpu.available = reading.ok;
            gpu.memoryUsed = reading.used;
            gpu.memoryTotal = reading.total;
            gpu.utilisationPercent = reading.utilisationPercent;
            gpu.problem = reading.problem;
        } else if (const auto free = m_backend->cudaMemory(device.gpu->index)) {
            gpu.memoryTotal = free->second;
            gpu.memoryUsed = free->second - std::min(free->first, free->second);
        } else {
            gpu.available = false;
            gpu.problem = "memory of " + device.id + " cannot be read";
        }
        bool& lost = m_gpuLost[device.id];
        if (!gpu.available && !lost)
            logging::warn(device.id + " stopped answering: " + gpu.problem);
        else if (gpu.available && lost)
            logging::info(device.id + " answers again");
        lost = !gpu.available;
        sample.gpus.push_back(gpu);
    }
    return sample;
}

} // namespace fathom
