#include "nvmlmonitor.h"

#include <dlfcn.h>

#include <cstdio>
#include <vector>

namespace fathom {

namespace {

// The few NVML declarations used, per NVIDIA's published C API (nvml.h is not on a CPU machine).
using nvmlReturn_t = int;
using nvmlDevice_t = struct nvmlDevice_st*;
constexpr nvmlReturn_t kSuccess = 0;
constexpr nvmlReturn_t kGpuIsLost = 15;

struct NvmlMemory
{
    unsigned long long total;
    unsigned long long free;
    unsigned long long used;
};

struct NvmlUtilization
{
    unsigned int gpu;
    unsigned int memory;
};

struct NvmlPciInfo
{
    char busIdLegacy[16];
    unsigned int domain;
    unsigned int bus;
    unsigned int device;
    unsigned int pciDeviceId;
    unsigned int pciSubSystemId;
    char busId[32];
};

} // namespace

struct NvmlMonitor::Api
{
    void* handle = nullptr;
    nvmlReturn_t (*init)() = nullptr;
    nvmlReturn_t (*shutdown)() = nullptr;
    const char* (*errorString)(nvmlReturn_t) = nullptr;
    nvmlReturn_t (*getCount)(unsigned int*) = nullptr;
    nvmlReturn_t (*getHandle)(unsigned int, nvmlDevice_t*) = nullptr;
    nvmlReturn_t (*getMemory)(nvmlDevice_t, NvmlMemory*) = nullptr;
    nvmlReturn_t (*getUtilization)(nvmlDevice_t, NvmlUtilization*) = nullptr;
    nvmlReturn_t (*getName)(nvmlDevice_t, char*, unsigned int) = nullptr;
    nvmlReturn_t (*getPci)(nvmlDevice_t, NvmlPciInfo*) = nullptr;
    std::vector<nvmlDevice_t> devices;
    bool initialised = false;

    std::string text(nvmlReturn_t code) const
    {
        const char* s = errorString ? errorString(code) : nullptr;
        return s ? std::string(s) : "NVML error " + std::to_string(code);
    }

    template <typename F> bool bind(F& fn, const char* symbol, std::string& missing)
    {
        fn = reinterpret_cast<F>(dlsym(handle, symbol));
        if (!fn)
            missing = symbol;
        return fn != nullptr;
    }

    bool bindAll(std::string& missing)
    {
        return bind(init, "nvmlInit_v2", missing) && bind(shutdown, "nvmlShutdown", missing) &&
               bind(errorString, "nvmlErrorString", missing) && bind(getCount, "nvmlDeviceGetCount_v2", missing) &&
               bind(getHandle, "nvmlDeviceGetHandleByIndex_v2", missing) &&
               bind(getMemory, "nvmlDeviceGetMemoryInfo", missing) &&
               bind(getUtilization, "nvmlDeviceGetUtilizationRates", missing) &&
               bind(getName, "nvmlDeviceGetName", missing) && bind(getPci, "nvmlDeviceGetPciInfo_v3", missing);
    }
};

NvmlMonitor::NvmlMonitor(const std::string& library)
    : m_api(std::make_unique<Api>())
{
    m_api->handle = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!m_api->handle) {
        const char* why = dlerror();
        m_problem = "NVML not loaded (" + library + "): " + (why ? why : "unknown error");
        return;
    }
    std::string missing;
    if (!m_api->bindAll(missing)) {
        m_problem = "NVML library " + library + " lacks " + missing;
        return;
    }
    if (const auto rc = m_api->init(); rc != kSuccess) {
        m_problem = "NVML did not start: " + m_api->text(rc);
        return;
    }
    m_api->initialised = true;
    unsigned int count = 0;
    if (const auto rc = m_api->getCount(&count); rc != kSuccess) {
        m_problem = "NVML could not count GPUs: " + m_api->text(rc);
        return;
    }
    for (unsigned int i = 0; i < count; ++i) {
        nvmlDevice_t device = nullptr;
        if (m_api->getHandle(i, &device) == kSuccess)
            m_api->devices.push_back(device);
    }
    m_count = static_cast<int>(m_api->devices.size());
}

NvmlMonitor::~NvmlMonitor()
{
    if (m_api->initialised)
        m_api->shutdown();
    if (m_api->handle)
        dlclose(m_api->handle);
}

bool NvmlMonitor::available() const
{
    return m_problem.empty();
}

std::string NvmlMonitor::problem() const
{
    return m_problem;
}

int NvmlMonitor::count() const
{
    return m_count;
}

std::string NvmlMonitor::pciBusId(int index) const
{
    if (index < 0 || index >= m_count)
        return {};
    NvmlPciInfo pci{};
    if (m_api->getPci(m_api->devices[index], &pci) != kSuccess)
        return {};
    char text[32];
    std::snprintf(text, sizeof text, "%04x:%02x:%02x", pci.domain, pci.bus, pci.device);
    return text;
}

std::string NvmlMonitor::name(int index) const
{
    if (index < 0 || index >= m_count)
        return {};
    char text[96] = {};
    return m_api->getName(m_api->devices[index], text, sizeof text) == kSuccess ? text : std::string();
}

GpuMonitor::Reading NvmlMonitor::read(int index)
{
    Reading reading;
    if (index < 0 || index >= m_count) {
        reading.problem = m_problem.empty() ? "NVML has no GPU " + std::to_string(index) : m_problem;
        return reading;
    }
    NvmlMemory memory{};
    if (const auto rc = m_api->getMemory(m_api->devices[index], &memory); rc != kSuccess) {
        reading.lost = rc == kGpuIsLost;
        reading.problem = "NVML memory query failed: " + m_api->text(rc);
        return reading;
    }
    reading.ok = true;
    reading.used = memory.used;
    reading.total = memory.total;
    NvmlUtilization util{};
    if (m_api->getUtilization(m_api->devices[index], &util) == kSuccess)
        reading.utilisationPercent = static_cast<int>(util.gpu);
    return reading;
}

} // namespace fathom
