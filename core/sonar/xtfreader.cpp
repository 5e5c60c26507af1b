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

template <typename T, typename F> void decodeAs(const std::uint8_t* data, std::vector<float>& out, F convert)
{
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = convert(get<T>(data + i * sizeof(T)));
}

// One loop per format, so each is a tight loop the compiler can vectorise.
void decode(SampleFormat format, const std::uint8_t* data, std::vector<float>& out)
{
    switch (format) {
    case SampleFormat::U8: decodeAs<std::uint8_t>(data, out, [](auto v) { return float(v); }); break;
    case SampleFormat::U16: decodeAs<std::uint16_t>(data, out, [](auto v) { return float(v); }); break;
    case SampleFormat::U32: decodeAs<std::uint32_t>(data, out, [](auto v) { return float(v); }); break;
    case SampleFormat::I32: decodeAs<std::int32_t>(data, out, [](auto v) { return float(v); }); break;
    case SampleFormat::F32: decodeAs<float>(data, out, [](auto v) { return v; }); break;
    case SampleFormat::IbmF32: decodeAs<std::uint32_t>(data, out, ibmToFloat); break;
    }
}

// Packet headers through large sequential reads rather than page faults on the mapping.
class HeaderReader
{
public:
    explicit HeaderReader(const MappedFile& file)
        : m_file(file)
    {
    }

    // The bytes [offset, offset + length), or nullptr where the file ends before them.
    const std::uint8_t* at(std::size_t offset, std::size_t length)
    {
        if (offset < m_start || offset + length > m_start + m_length) {
            m_buffer.resize(std::max(length, std::min<std::size_t>(8u << 20, m_file.size() - offset)));
            m_start = offset;
            m_length = m_file.read(offset, m_buffer.data(), m_buffer.size());
        }
        return offset + length <= m_start + m_length ? m_buffer.data() + (offset - m_start) : nullptr;
    }

private:
    const MappedFile& m_file;
    std::vector<std::uint8_t> m_buffer;
    std::size_t m_start = 0, m_length = 0;
};

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
    , m_pings(m_file.size() / kPingHeaderSize + 1) // a sonar packet is at least its header
{
    // Enough pings for a first screen at once; the rest in the background.
    const std::size_t next = index(readHeader(), 4000);
    if (m_pings.empty()) {
        std::string found;
        for (const auto& [type, count] : m_packetCounts)
            found += (found.empty() ? "" : ", ") + std::to_string(count) + " " + packetTypeName(type);
        throw Error(where(0) + "holds no sidescan pings (" + (found.empty() ? "no packets" : found) + ")" +
                    (m_problem.empty() ? "" : "; " + m_problem));
    }
    if (next == 0) {
        m_complete = true;
    } else {
        m_indexer = std::thread([this, next] { indexRest(next); });
    }
}

XtfReader::~XtfReader()
{
    m_stop = true;
    if (m_indexer.joinable())
        m_indexer.join();
}

void XtfReader::indexRest(std::size_t offset)
{
    while (offset != 0 && !m_stop)
        offset = index(offset, m_pings.size() + 20000);
    {
        std::lock_guard lock(m_mutex);
        m_complete = true;
    }
    m_completed.notify_all();
}

void XtfReader::waitComplete() const
{
    std::unique_lock lock(m_mutex);
    m_completed.wait(lock, [this] { return m_complete.load(); });
}

std::string XtfReader::problem() const
{
    std::lock_guard lock(m_mutex);
    return m_problem;
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

std::size_t XtfReader::index(std::size_t offset, std::size_t enough)
{
    const std::size_t end = m_file.size();
    HeaderReader reader(m_file);
    auto stop = [&](const std::string& what) {
        std::lock_guard lock(m_mutex);
        m_problem = where(offset) + what + "; reading stopped after " + std::to_string(m_pings.size()) + " pings";
        return std::size_t(0);
    };
    while (offset < end) {
        if (m_pings.size() >= enough)
            return offset;
        const std::uint8_t* p = reader.at(offset, 14);
        if (!p)
            return stop("truncated packet header (" + std::to_string(end - offset) + " bytes left)");
        if (get<std::uint16_t>(p) != kMagic) {
            char found[8];
            std::snprintf(found, sizeof found, "0x%04X", get<std::uint16_t>(p));
            return stop(std::string("expected packet magic 0xFACE, found ") + found);
        }
        const std::uint32_t size = get<std::uint32_t>(p + kNumBytes);
        if (size < 14 || size > end - offset)
            return stop("packet of " + std::to_string(size) + " bytes runs past the end of the file (" +
                        std::to_string(end - offset) + " bytes left)");
        const int type = p[kHeaderType];
        {
            std::lock_guard lock(m_mutex);
            ++m_packetCounts[type];
        }
        if (type == kTypeSonar) {
            if (!checkSonarPacket(offset, size, reader.at(offset, size)))
                return 0;
            m_pings.push({offset, size});
        }
        offset += size;
    }
    return 0;
}

bool XtfReader::checkSonarPacket(std::size_t offset, std::uint32_t size, const std::uint8_t* p)
{
    auto stop = [&](std::size_t at, const std::string& what) {
        std::lock_guard lock(m_mutex);
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
            decode(m_channels[number].format, data, out);
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
    waitComplete();
    std::lock_guard lock(m_mutex);
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
