#include "hostinfo.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

namespace fathom::host {

namespace {

std::string readFile(const char* path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string trim(const std::string& s)
{
    const auto first = s.find_first_not_of(" \t");
    const auto last = s.find_last_not_of(" \t\r");
    return first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
}

bool hasFlag(const std::vector<std::string>& flags, const std::string& flag)
{
    return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

std::string bestSimd(const std::vector<std::string>& flags)
{
    if (hasFlag(flags, "avx512f"))
        return "AVX-512";
    if (hasFlag(flags, "avx2"))
        return "AVX2";
    if (hasFlag(flags, "avx"))
        return "AVX";
    if (hasFlag(flags, "sse4_2"))
        return "SSE4.2";
    if (hasFlag(flags, "asimd") || hasFlag(flags, "neon"))
        return "NEON";
    return "baseline";
}

std::vector<std::string> simdFlagsOf(const std::string& line)
{
    static const std::set<std::string> wanted = {
        "sse4_2",      "avx",         "avx2",     "fma",      "f16c",  "avx512f", "avx512bw", "avx512vl", "avx512_vnni",
        "avx512_bf16", "avx512_fp16", "amx_bf16", "amx_tile", "asimd", "neon",    "sve",      "bf16"};
    std::vector<std::string> flags;
    std::stringstream words(line);
    for (std::string word; words >> word;)
        if (wanted.count(word))
            flags.push_back(word);
    return flags;
}

} // namespace

CpuProperties parseCpuInfo(const std::string& text)
{
    CpuProperties cpu;
    std::set<std::pair<std::string, std::string>> physicalCores;
    std::string physicalId;
    std::stringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        const auto colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        const auto key = trim(line.substr(0, colon));
        const auto value = trim(line.substr(colon + 1));
        if (key == "processor")
            ++cpu.threads;
        else if ((key == "model name" || key == "Model" || key == "Hardware") && cpu.name.empty())
            cpu.name = value;
        else if (key == "physical id")
            physicalId = value;
        else if (key == "core id")
            physicalCores.insert({physicalId, value});
        else if ((key == "flags" || key == "Features") && cpu.simdFlags.empty())
            cpu.simdFlags = simdFlagsOf(value);
    }
    cpu.cores = physicalCores.empty() ? cpu.threads : static_cast<int>(physicalCores.size());
    cpu.simd = bestSimd(cpu.simdFlags);
    if (cpu.name.empty())
        cpu.name = "CPU";
    return cpu;
}

Memory parseMemInfo(const std::string& text)
{
    Memory memory;
    std::stringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        std::stringstream fields(line);
        std::string key;
        std::uint64_t kib = 0;
        fields >> key >> kib;
        if (key == "MemTotal:")
            memory.total = kib * 1024;
        else if (key == "MemAvailable:")
            memory.available = kib * 1024;
    }
    return memory;
}

CpuProperties cpu()
{
    auto properties = parseCpuInfo(readFile("/proc/cpuinfo"));
    if (properties.threads == 0)
        properties.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (properties.cores == 0)
        properties.cores = properties.threads;
    return properties;
}

Memory memory()
{
    return parseMemInfo(readFile("/proc/meminfo"));
}

std::uint64_t processResidentBytes()
{
    std::stringstream fields(readFile("/proc/self/statm"));
    std::uint64_t size = 0, resident = 0;
    fields >> size >> resident;
    return resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}

bool cpuHasBf16(const CpuProperties& cpu)
{
    return hasFlag(cpu.simdFlags, "avx512_bf16") || hasFlag(cpu.simdFlags, "amx_bf16") ||
           hasFlag(cpu.simdFlags, "bf16");
}

bool cpuHasBf16Matrices(const CpuProperties& cpu)
{
    return hasFlag(cpu.simdFlags, "amx_bf16");
}

} // namespace fathom::host
