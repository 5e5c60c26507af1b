#include "xtfreader.h"

#include "common/error.h"
#include "xtflayout.h"

#include <algorithm>
#include <cmath>
#include <ctime>

namespace fathom::sonar {

using namespace xtf;

namespace {

std::string text(const std::uint8_t* p, std::size_t n)
{
    std::string s(reinterpret_cast<const char*>(p), n);
    s.erase(std::find(s.begin(), s.end(), '\0'), s.end());
    while (!s.empty() && s.back() == ' ')
        s.pop_back();
    return s;
}

std::string packetTypeName(int type)
{
    switch (type) {
    case kTypeSonar: return "sonar";
    case kTypeNotes: return "notes";
    case kTypeBathy: return "bathymetry";
    case kTypeAttitude: return "attitude";
    case kTypePosition: return "position";
    case kTypeRawNavigation: return "raw navigation";
    default: return "type " + std::to_string(type);
    }
}

SampleFormat formatOf(std::uint8_t code, int bytes, bool unipolar)
{
    switch (code) {
    case kFormatIbmFloat: return SampleFormat::IbmF32;
    case kFormatInt32: return unipolar ? SampleFormat::U32 : SampleFormat::I32;
    case kFormatWord: return SampleFormat::U16;
    case kFormatFloat: return SampleFormat::F32;
    case kFormatByte: return SampleFormat::U8;
    default: break;
    }
    return bytes == 1 ? SampleFormat::U8 : bytes == 4 ? SampleFormat::U32 : SampleFormat::U16;
}

float ibmToFloat(std::uint32_t bits)
{
    const double sign = (bits >> 31) ? -1.0 : 1.0;
    const int exponent = static_cast<int>((bits >> 24) & 0x7F) - 64;
    const double fraction = static_cast<double>(bits & 0x00FFFFFF) / double(1 << 24);
    return static_cast<float>(sign * fraction * std::pow(16.0, exponent));
}

double packetTime(const std::uint8_t* p)
{
    std::tm t{};
    t.tm_year = get<std::uint16_t>(p + kYear) - 1900;
    t.tm_mon = std::max(1, int(p[kYear + 2])) - 1;
    t.tm_mday = std::max(1, int(p[kYear + 3]));
    t.tm_hour = p[kYear + 4];
    t.tm_min = p[kYear + 5];
    t.tm_sec = p[kYear + 6];
    return double(timegm(&t)) + p[kYear + 7] / 100.0;
}

} // namespace

XtfReader::XtfReader(const std::filesystem::path& path)
    : m_file(path)
{
    index(readHeader());
    if (m_pings.empty()) {
        std::string found;
        for (const auto& [type, count] : m_packetCounts)
            found += (found.empty() ? "" : ", ") + std::to_string(count) + " " + packetTypeName(type);
        throw Error(where(0) + "holds no sidescan pings (" + (found.empty() ? "no packets" : found) + ")" +
                    (m_problem.empty() ? "" : "; " + m_problem));
    }
}

std::string XtfReader::where(std::size_t offset) const
{
    return m_file.path().string() + ": byte " + std::to_string(offset) + ": ";
}

std::size_t XtfReader::readHeader()
{
    const auto bytes = m_file.bytes();
    if (bytes.size() < kFileHeaderBlock)
        throw Error(where(0) + "truncated: an XTF file header needs 1024 bytes, the file has " +
                    std::to_string(bytes.size()));
    const std::uint8_t* h = bytes.data();
    if (h[0] != kFileFormat)
        throw Error(where(0) + "not an XTF file (expected 0x7B, found " + std::to_string(h[0]) + ")");
    m_recorder = text(h + kRecordingProgram, 8) + " " + text(h + kRecordingVersion, 8);
    m_sonarName = text(h + kSonarName, 16);
    m_geographic = get<std::uint16_t>(h + kNavUnits) == 3;
    const int sonarChannels = get<std::uint16_t>(h + kSonarChannels);
    const int bathyChannels = get<std::uint16_t>(h + kBathyChannels);
    if (sonarChannels == 0 && bathyChannels == 0)
        throw Error(where(kSonarChannels) + "the header declares zero channels");
    if (sonarChannels == 0)
        throw Error(where(kSonarChannels) + "holds no sidescan: " + std::to_string(bathyChannels) +
                    " bathymetry channel(s) and no sonar channel");
    // Channel blocks run on past the first 1024 bytes when there are more than six channels.
    const std::size_t total = std::size_t(sonarChannels) + bathyChannels;
    const std::size_t headerEnd = kChanInfoStart + total * kChanInfoSize;
    const std::size_t headerSize = (headerEnd + kFileHeaderBlock - 1) / kFileHeaderBlock * kFileHeaderBlock;
    if (headerSize > bytes.size())
        throw Error(where(bytes.size()) + "truncated: " + std::to_string(total) + " channels need a " +
                    std::to_string(headerSize) + "-byte header");
    for (int c = 0; c < sonarChannels; ++c) {
        const std::uint8_t* info = h + kChanInfoStart + c * kChanInfoSize;
        ChannelInfo channel;
        channel.index = c;
        channel.side = info[kTypeOfChannel] == 1   ? Side::Port
                       : info[kTypeOfChannel] == 2 ? Side::Starboard
                                                   : Side::Other;
        channel.name = text(info + kChannelName, 16);
        const int bytesPerSample = get<std::uint16_t>(info + kBytesPerSample);
        channel.format = formatOf(info[kSampleFormat], bytesPerSample, get<std::uint16_t>(info + kUniPolar) != 0);
        channel.frequencyHz = get<float>(info + kFrequency) * 1000.0;
        m_channels.push_back(channel);
        m_bytes.push_back(sonar::bytesPerSample(channel.format));
    }
    return headerSize;
}

void XtfReader::index(std::size_t offset)
{
    const auto bytes = m_file.bytes();
    while (offset < bytes.size()) {
        const std::uint8_t* p = bytes.data() + offset;
        if (bytes.size() - offset < 14) {
            m_problem = where(offset) + "truncated packet header (" + std::to_string(bytes.size() - offset) +
                        " bytes left); reading stopped after " + std::to_string(m_pings.size()) + " pings";
            return;
        }
        if (get<std::uint16_t>(p) != kMagic) {
            char found[8];
            std::snprintf(found, sizeof found, "0x%04X", get<std::uint16_t>(p));
            m_problem = where(offset) + "expected packet magic 0xFACE, found " + found + "; reading stopped after " +
                        std::to_string(m_pings.size()) + " pings";
            return;
        }
        const std::uint32_t size = get<std::uint32_t>(p + kNumBytes);
        if (size < 14 || size > bytes.size() - offset) {
            m_problem = where(offset) + "packet of " + std::to_string(size) + " bytes runs past the end of the file (" +
                        std::to_string(bytes.size() - offset) + " bytes left); reading stopped after " +
                        std::to_string(m_pings.size()) + " pings";
            return;
        }
        const int type = p[kHeaderType];
        ++m_packetCounts[type];
        if (type == kTypeSonar) {
            if (!checkSonarPacket(offset, size))
                return;
            m_pings.push_back({offset, size});
        }
        offset += size;
    }
}

bool XtfReader::checkSonarPacket(std::size_t offset, std::uint32_t size)
{
    const std::uint8_t* p = m_file.bytes().data() + offset;
    auto stop = [&](std::size_t at, const std::string& what) {
        m_problem = where(at) + what + "; reading stopped after " + std::to_string(m_pings.size()) + " pings";
        return false;
    };
    if (size < kPingHeaderSize)
        return stop(offset, "sonar packet of " + std::to_string(size) + " bytes is shorter than its 256-byte header");
    const int channels = get<std::uint16_t>(p + kNumChansToFollow);
    std::size_t at = kPingHeaderSize;
    for (int c = 0; c < channels; ++c) {
        if (at + kPingChanHeaderSize > size)
            return stop(offset + at, "channel header " + std::to_string(c) + " runs past its packet");
        const int number = get<std::uint16_t>(p + at + kChannelNumber);
        if (number >= int(m_channels.size()))
            return stop(offset + at, "channel number " + std::to_string(number) + " but the header declares " +
                                         std::to_string(m_channels.size()) + " sonar channels");
        const std::uint64_t samples = get<std::uint32_t>(p + at + kNumSamples);
        const std::uint64_t need = kPingChanHeaderSize + samples * m_bytes[number];
        if (at + need > size)
            return stop(offset + at, "channel " + std::to_string(number) + " claims " + std::to_string(samples) +
                                         " samples, more than its packet holds");
        at += need;
    }
    return true;
}

const XtfReader::Packet& XtfReader::packet(std::size_t ping) const
{
    if (ping >= m_pings.size())
        throw Error(m_file.path().string() + ": ping " + std::to_string(ping) + " asked for, the file has " +
                    std::to_string(m_pings.size()));
    return m_pings[ping];
}

PingInfo XtfReader::pingInfo(std::size_t ping) const
{
    const auto& entry = packet(ping);
    const std::uint8_t* p = m_file.bytes().data() + entry.offset;
    PingInfo info;
    info.number = get<std::uint32_t>(p + kPingNumber);
    info.time = packetTime(p);
    info.x = get<double>(p + kSensorX);
    info.y = get<double>(p + kSensorY);
    info.geographic = m_geographic;
    info.heading = get<float>(p + kHeading);
    info.altitude = get<float>(p + kAltitude);
    info.depth = get<float>(p + kSensorDepth);
    info.pitch = get<float>(p + kPitch);
    info.roll = get<float>(p + kRoll);
    info.cableOut = get<std::uint16_t>(p + kCableOut);
    info.layback = get<float>(p + kLayback);
    info.soundVelocity = get<float>(p + kSoundVelocity);
    info.speed = get<float>(p + kSensorSpeed) * 0.514444;
    const int channels = get<std::uint16_t>(p + kNumChansToFollow);
    std::size_t at = kPingHeaderSize;
    for (int c = 0; c < channels; ++c) {
        const int number = get<std::uint16_t>(p + at + kChannelNumber);
        const auto samples = get<std::uint32_t>(p + at + kNumSamples);
        if (c == 0)
            info.slantRange = get<float>(p + at + kSlantRange);
        info.samples = std::max<int>(info.samples, int(samples));
        at += kPingChanHeaderSize + std::size_t(samples) * m_bytes[number];
    }
    return info;
}

std::vector<float> XtfReader::samples(std::size_t ping, int channel) const
{
    const auto& entry = packet(ping);
    const std::uint8_t* p = m_file.bytes().data() + entry.offset;
    const int channels = get<std::uint16_t>(p + kNumChansToFollow);
    std::size_t at = kPingHeaderSize;
    for (int c = 0; c < channels; ++c) {
        const int number = get<std::uint16_t>(p + at + kChannelNumber);
        const auto count = get<std::uint32_t>(p + at + kNumSamples);
        const std::uint8_t* data = p + at + kPingChanHeaderSize;
        if (number == channel) {
            std::vector<float> out(count);
            const auto format = m_channels[number].format;
            for (std::uint32_t i = 0; i < count; ++i) {
                switch (format) {
                case SampleFormat::U8: out[i] = data[i]; break;
                case SampleFormat::U16: out[i] = get<std::uint16_t>(data + 2 * i); break;
                case SampleFormat::U32: out[i] = float(get<std::uint32_t>(data + 4 * i)); break;
                case SampleFormat::I32: out[i] = float(get<std::int32_t>(data + 4 * i)); break;
                case SampleFormat::F32: out[i] = get<float>(data + 4 * i); break;
                case SampleFormat::IbmF32: out[i] = ibmToFloat(get<std::uint32_t>(data + 4 * i)); break;
                }
            }
            if (m_channels[number].side == Side::Port) // stored far-to-nadir
                std::reverse(out.begin(), out.end());
            return out;
        }
        at += kPingChanHeaderSize + std::size_t(count) * m_bytes[number];
    }
    return {}; // this ping did not record the channel
}

FileSummary XtfReader::summary() const
{
    FileSummary s;
    s.format = "XTF";
    s.recorder = m_recorder;
    s.sonar = m_sonarName;
    s.channels = m_channels;
    s.pings = m_pings.size();
    s.geographic = m_geographic;
    s.problem = m_problem;
    for (const auto& [type, count] : m_packetCounts)
        s.packets[packetTypeName(type)] = count;
    summarisePings(*this, s);
    return s;
}

} // namespace fathom::sonar
