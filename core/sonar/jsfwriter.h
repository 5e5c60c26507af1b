#pragma once

#include "common/atomicfile.h"
#include "sonartypes.h"

#include <filesystem>
#include <memory>
#include <vector>

namespace fathom::sonar {

// Writes EdgeTech JSF that JsfReader reads back: for every ping, one sonar data message (type 80)
// per side of one sidescan subsystem, envelope data as u16. Appears under its name on close().
class JsfWriter
{
public:
    struct Options
    {
        int subsystem = 21; // 20 low, 21 high, 22 very high frequency sidescan
        double frequencyHz = 455000;
    };

    JsfWriter(const std::filesystem::path& path, Options options);
    ~JsfWriter();

    // samples = {port, starboard}, nadir first.
    void write(const PingInfo& ping, const std::vector<std::vector<float>>& samples);
    // Any other message, as recorders interleave them (NMEA, attitude, …).
    void writeMessage(std::uint16_t type, const std::vector<std::uint8_t>& body);
    void close();

private:
    Options m_options;
    std::unique_ptr<AtomicFile> m_file;
    std::vector<std::uint8_t> m_buffer;
};

} // namespace fathom::sonar
