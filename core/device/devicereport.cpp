#include "devicereport.h"

#include "devicemanager.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <sstream>

namespace fathom {

namespace {

using nlohmann::json;

json profileJson(const DeviceProfile& profile)
{
    return {{"batch_size", profile.batchSize},
            {"workers", profile.workers},
            {"memory_fraction", profile.memoryFraction},
            {"memory_limit_bytes", profile.memoryLimitBytes},
            {"mixed_precision", precisionName(profile.mixedPrecision)}};
}

json deviceJson(const DeviceInfo& device)
{
    json out = {{"id", device.id},
                {"kind", kindName(device.kind)},
                {"name", device.name},
                {"memory_total_bytes", device.memoryTotal},
                {"memory_free_bytes", device.memoryFree},
                {"bf16", device.bf16},
                {"profile", profileJson(device.profile)}};
    if (device.gpu) {
        out["compute_capability"] =
            std::to_string(device.gpu->computeMajor) + "." + std::to_string(device.gpu->computeMinor);
        out["multiprocessors"] = device.gpu->multiprocessors;
        out["pci_bus_id"] = device.gpu->pciBusId;
    }
    if (device.cpu) {
        out["cores"] = device.cpu->cores;
        out["threads"] = device.cpu->threads;
        out["simd"] = device.cpu->simd;
        out["simd_flags"] = device.cpu->simdFlags;
    }
    return out;
}

json buildJson(const BuildInfo& build)
{
    return {{"torch_version", build.torchVersion},
            {"cuda_built", build.cudaBuilt},
            {"cuda_version", build.cudaVersion},
            {"cudnn_version", build.cudnnVersion},
            {"mps_built", build.mpsBuilt},
            {"blas", build.blas},
            {"openmp", build.openmp},
            {"onednn", build.onednn},
            {"intra_op_threads", build.intraOpThreads},
            {"inter_op_threads", build.interOpThreads}};
}

std::string orDash(const std::string& s)
{
    return s.empty() ? "-" : s;
}

} // namespace

std::string formatBytes(unsigned long long bytes)
{
    static const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    return text;
}

std::string devicesJson(const DeviceManager& manager, int indent)
{
    json devices = json::array();
    for (const auto& device : manager.devices())
        devices.push_back(deviceJson(device));
    const json out = {{"selected", manager.selection().id},
                      {"requested", manager.selection().requested},
                      {"message", manager.selection().message},
                      {"build", buildJson(manager.buildInfo())},
                      {"gpu_monitor", manager.monitorProblem().empty() ? "nvml" : manager.monitorProblem()},
                      {"devices", devices}};
    return out.dump(indent);
}

std::string devicesText(const DeviceManager& manager)
{
    std::ostringstream out;
    const auto& build = manager.buildInfo();
    out << "LibTorch " << orDash(build.torchVersion) << "  CUDA " << orDash(build.cudaVersion) << "  cuDNN "
        << orDash(build.cudnnVersion) << "  BLAS " << orDash(build.blas) << "  OpenMP " << orDash(build.openmp)
        << "  oneDNN " << orDash(build.onednn) << "  threads " << build.intraOpThreads << "/" << build.interOpThreads
        << "\n\n";
    for (const auto& d : manager.devices()) {
        out << (d.id == manager.selection().id ? "* " : "  ") << d.id << "  " << d.name << "\n";
        out << "    memory " << formatBytes(d.memoryFree) << " free of " << formatBytes(d.memoryTotal) << "\n";
        if (d.gpu)
            out << "    compute capability " << d.gpu->computeMajor << "." << d.gpu->computeMinor << ", "
                << d.gpu->multiprocessors << " multiprocessors, bf16 " << (d.bf16 ? "yes" : "no") << "\n";
        if (d.cpu)
            out << "    " << d.cpu->cores << " cores, " << d.cpu->threads << " threads, SIMD " << d.cpu->simd
                << ", bf16 " << (d.bf16 ? "yes" : "no") << "\n";
        out << "    profile: batch " << d.profile.batchSize << ", workers " << d.profile.workers << ", memory limit "
            << formatBytes(d.profile.memoryLimitBytes) << ", mixed precision "
            << precisionName(d.profile.mixedPrecision) << "\n";
    }
    if (!manager.selection().message.empty())
        out << "\n" << manager.selection().message << "\n";
    return out.str();
}

} // namespace fathom
