#include "sonartypes.h"

#include "imagefile.h"
#include "jsfreader.h"
#include "sonarfile.h"
#include "xtfreader.h"

#include "common/error.h"

#include <algorithm>
#include <cctype>
#include <cmath>
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

void summarisePings(const SonarFile& file, FileSummary& s)
{
    s.pings = file.pingCount();
    bool haveNav = false;
    for (std::size_t i = 0; i < file.pingCount(); ++i) {
        const auto info = file.pingInfo(i);
        s.samplesPerChannel = std::max(s.samplesPerChannel, info.samples);
        if (i == 0)
            s.firstTime = info.time;
        s.lastTime = info.time;
        s.geographic = info.geographic;
        if (info.x == 0 && info.y == 0)
            continue;
        s.minX = haveNav ? std::min(s.minX, info.x) : info.x;
        s.maxX = haveNav ? std::max(s.maxX, info.x) : info.x;
        s.minY = haveNav ? std::min(s.minY, info.y) : info.y;
        s.maxY = haveNav ? std::max(s.maxY, info.y) : info.y;
        haveNav = true;
    }
}

std::size_t pingNearest(const SonarFile& file, double time)
{
    std::size_t lo = 0, hi = file.pingCount();
    if (hi == 0)
        return 0;
    while (hi - lo > 1) {
        const std::size_t mid = lo + (hi - lo) / 2;
        (file.pingInfo(mid).time <= time ? lo : hi) = mid;
    }
    if (lo + 1 < file.pingCount() &&
        std::abs(file.pingInfo(lo + 1).time - time) < std::abs(file.pingInfo(lo).time - time))
        return lo + 1;
    return lo;
}

std::unique_ptr<SonarFile> open(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path.string() + ": cannot open");
    unsigned char head[2] = {0, 0};
    in.read(reinterpret_cast<char*>(head), 2);
    const auto got = in.gcount();
    if (got >= 1 && head[0] == 0x7B)
        return std::make_unique<XtfReader>(path);
    if (got == 2 && head[0] == 0x01 && head[1] == 0x16)
        return std::make_unique<JsfReader>(path);
    const auto extension = [&] {
        auto e = path.extension().string();
        std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        return e;
    }();
    const bool png = got == 2 && head[0] == 0x89 && head[1] == 'P';
    const bool jpeg = got == 2 && head[0] == 0xFF && head[1] == 0xD8;
    const bool tiff = got == 2 && ((head[0] == 'I' && head[1] == 'I') || (head[0] == 'M' && head[1] == 'M'));
    if (png || jpeg || tiff || extension == ".png" || extension == ".tif" || extension == ".tiff" ||
        extension == ".jpg" || extension == ".jpeg")
        return std::make_unique<ImageFile>(path);
    char start[16] = "nothing (empty)";
    if (got > 0)
        std::snprintf(start, sizeof start, "0x%02X", head[0]);
    throw Error(path.string() +
                ": not a sidescan file Fathom reads (XTF starts with byte 0x7B, JSF with 0x01 0x16; "
                "this file starts with " +
                start + ")");
}

} // namespace fathom::sonar
