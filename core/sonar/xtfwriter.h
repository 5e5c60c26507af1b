#pragma once

#include "common/atomicfile.h"
#include "sonartypes.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

namespace fathom::sonar {

// Writes XTF that XtfReader (and other XTF readers) read back: the header with one channel block
// per channel (continuing past 1024 bytes beyond six channels) and one sonar packet per ping.
// The file appears under its name only when close() succeeds.
class XtfWriter
{
public:
    struct Options
    {
        std::string recorder = "Fathom";
        std::string version = "0.1";
        std::string sonarName = "Fathom simulator";
        bool geographic = true;
        std::vector<ChannelInfo> channels;
    };

    XtfWriter(const std::filesystem::path& path, Options options);
    ~XtfWriter();

    // samples[c] holds channel c nadir first; port channels are stored far-to-nadir as XTF wants.
    void write(const PingInfo& ping, const std::vector<std::vector<float>>& samples);
    // Any other packet type, e.g. notes or attitude, as readers meet them in recorded files.
    void writePacket(std::uint8_t type, const std::vector<std::uint8_t>& body);
    void close();

private:
    void writeHeader();

    Options m_options;
    std::unique_ptr<AtomicFile> m_file;
    std::vector<std::uint8_t> m_buffer;
};

} // namespace fathom::sonar
