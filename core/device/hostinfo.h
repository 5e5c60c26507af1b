#pragma once

#include "deviceinfo.h"

#include <cstdint>
#include <string>

namespace fathom::host {

struct Memory
{
    std::uint64_t total = 0;
    std::uint64_t available = 0;
};

// Parsers take the text of the /proc files so they can be checked against any machine's output.
CpuProperties parseCpuInfo(const std::string& procCpuInfo);
Memory parseMemInfo(const std::string& procMemInfo);

CpuProperties cpu();                  // /proc/cpuinfo of this machine
Memory memory();                      // /proc/meminfo
std::uint64_t processResidentBytes(); // /proc/self/statm
bool cpuHasBf16(const CpuProperties& cpu);
// Matrix units for bf16 (Intel AMX): where bf16 inference paid off (docs/BENCHMARKS.md).
bool cpuHasBf16Matrices(const CpuProperties& cpu);

} // namespace fathom::host
