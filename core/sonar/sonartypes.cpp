#include "sonartypes.h"

#include "sonarfile.h"
#include "xtfreader.h"

#include "common/error.h"

#include <fstream>

namespace fathom::sonar {

std::string sideName(Side side)
{
    switch (side) {
    case Side::Port: return "port";
    case Side::Starboard: return "starboard";
    case Side::Other: return "other";
    }
    return "other";
}

std::string sampleFormatName(SampleFormat format)
{
    switch (format) {
    case SampleFormat::U8: return "u8";
    case SampleFormat::U16: return "u16";
    case SampleFormat::U32: return "u32";
    case SampleFormat::I32: return "i32";
    case SampleFormat::F32: return "f32";
    case SampleFormat::IbmF32: return "ibm-f32";
    }
    return "u16";
}

int bytesPerSample(SampleFormat format)
{
    switch (format) {
    case SampleFormat::U8: return 1;
    case SampleFormat::U16: return 2;
    default: return 4;
    }
}

int SonarFile::channelOn(Side side) const
{
    for (std::size_t i = 0; i < channels().size(); ++i)
        if (channels()[i].side == side)
            return static_cast<int>(i);
    return -1;
}

std::unique_ptr<SonarFile> open(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path.string() + ": cannot open");
    unsigned char first = 0;
    in.read(reinterpret_cast<char*>(&first), 1);
    if (in.gcount() == 1 && first == 0x7B)
        return std::make_unique<XtfReader>(path);
    throw Error(path.string() +
                ": not a sidescan file Fathom reads (XTF files start with byte 0x7B; this one starts "
                "with 0x" +
                [&] {
                    char hex[8];
                    std::snprintf(hex, sizeof hex, "%02X", first);
                    return std::string(in.gcount() == 1 ? hex : "(empty)");
                }() +
                ")");
}

} // namespace fathom::sonar
