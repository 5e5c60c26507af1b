#include "xtfwriter.h"

#include "common/error.h"
#include "xtflayout.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <limits>

namespace fathom::sonar {

using namespace xtf;

namespace {

void putText(std::uint8_t* p, const std::string& s, std::size_t n)
{
    std::memcpy(p, s.data(), std::min(s.size(), n - 1));
}

std::uint8_t formatCode(SampleFormat format)
{
    switch (format) {
    case SampleFormat::U8: return kFormatByte;
    case SampleFormat::U16: return kFormatWord;
    case SampleFormat::U32:
    case SampleFormat::I32: return kFormatInt32;
    case SampleFormat::F32: return kFormatFloat;
    case SampleFormat::IbmF32: return kFormatIbmFloat;
    }
    return kFormatWord;
}

template <typename T> T clampRound(float v)
{
    const double lo = double(std::numeric_limits<T>::lowest());
    const double hi = double(std::numeric_limits<T>::max());
    return static_cast<T>(std::clamp(std::round(double(v)), lo, hi));
}

void encode(std::uint8_t* out, SampleFormat format, float v)
{
    switch (format) {
    case SampleFormat::U8: *out = clampRound<std::uint8_t>(v); break;
    case SampleFormat::U16: put(out, clampRound<std::uint16_t>(v)); break;
    case SampleFormat::U32: put(out, clampRound<std::uint32_t>(v)); break;
    case SampleFormat::I32: put(out, clampRound<std::int32_t>(v)); break;
    case SampleFormat::F32:
    case SampleFormat::IbmF32: put(out, v); break;
    }
}

void putTime(std::uint8_t* p, double time)
{
    const auto seconds = static_cast<std::time_t>(std::floor(time));
    std::tm t{};
    gmtime_r(&seconds, &t);
    put<std::uint16_t>(p + kYear, std::uint16_t(t.tm_year + 1900));
    p[kYear + 2] = std::uint8_t(t.tm_mon + 1);
    p[kYear + 3] = std::uint8_t(t.tm_mday);
    p[kYear + 4] = std::uint8_t(t.tm_hour);
    p[kYear + 5] = std::uint8_t(t.tm_min);
    p[kYear + 6] = std::uint8_t(t.tm_sec);
    p[kYear + 7] = std::uint8_t(std::min(99.0, std::floor((time - std::floor(time)) * 100.0 + 1e-6)));
    put<std::uint16_t>(p + 22, std::uint16_t(t.tm_yday + 1));
}

} // namespace

XtfWriter::XtfWriter(const std::filesystem::path& path, Options options)
    : m_options(std::move(options))
    , m_file(std::make_unique<AtomicFile>(path))
{
    if (m_options.channels.empty())
        throw Error(path.string() + ": an XTF file needs at least one channel");
    for (const auto& channel : m_options.channels)
        if (channel.format == SampleFormat::IbmF32)
            throw Error(path.string() + ": Fathom does not write IBM floats; use f32");
    writeHeader();
}

XtfWriter::~XtfWriter() = default;

void XtfWriter::writeHeader()
{
    const std::size_t count = m_options.channels.size();
    const std::size_t end = kChanInfoStart + count * kChanInfoSize;
    std::vector<std::uint8_t> h((end + kFileHeaderBlock - 1) / kFileHeaderBlock * kFileHeaderBlock, 0);
    h[0] = kFileFormat;
    h[1] = 1;
    putText(h.data() + kRecordingProgram, m_options.recorder, 8);
    putText(h.data() + kRecordingVersion, m_options.version, 8);
    putText(h.data() + kSonarName, m_options.sonarName, 16);
    put<std::uint16_t>(h.data() + kNavUnits, m_options.geographic ? 3 : 0);
    put<std::uint16_t>(h.data() + kSonarChannels, std::uint16_t(count));
    for (std::size_t c = 0; c < count; ++c) {
        const auto& channel = m_options.channels[c];
        std::uint8_t* info = h.data() + kChanInfoStart + c * kChanInfoSize;
        info[kTypeOfChannel] = channel.side == Side::Port ? 1 : channel.side == Side::Starboard ? 2 : 0;
        info[kSubChannel] = std::uint8_t(c);
        put<std::uint16_t>(info + kCorrectionFlags, 1);
        put<std::uint16_t>(info + kUniPolar, channel.format == SampleFormat::I32 ? 0 : 1);
        put<std::uint16_t>(info + kBytesPerSample, std::uint16_t(bytesPerSample(channel.format)));
        putText(info + kChannelName, channel.name, 16);
        put<float>(info + kFrequency, float(channel.frequencyHz / 1000.0));
        info[kSampleFormat] = formatCode(channel.format);
    }
    m_file->stream().write(reinterpret_cast<const char*>(h.data()), std::streamsize(h.size()));
}

void XtfWriter::write(const PingInfo& ping, const std::vector<std::vector<float>>& samples)
{
    const auto& channels = m_options.channels;
    if (samples.size() != channels.size())
        throw Error("XTF writer: ping " + std::to_string(ping.number) + " has " + std::to_string(samples.size()) +
                    " channels, the file " + std::to_string(channels.size()));
    std::size_t size = kPingHeaderSize;
    for (std::size_t c = 0; c < channels.size(); ++c)
        size += kPingChanHeaderSize + samples[c].size() * bytesPerSample(channels[c].format);
    size = (size + 63) / 64 * 64; // packets are padded to 64 bytes
    m_buffer.assign(size, 0);
    std::uint8_t* p = m_buffer.data();
    put<std::uint16_t>(p, kMagic);
    p[kHeaderType] = kTypeSonar;
    put<std::uint16_t>(p + kNumChansToFollow, std::uint16_t(channels.size()));
    put<std::uint32_t>(p + kNumBytes, std::uint32_t(size));
    putTime(p, ping.time);
    put<std::uint32_t>(p + kPingNumber, ping.number);
    put<float>(p + kSoundVelocity, float(ping.soundVelocity));
    put<float>(p + kSensorSpeed, float(ping.speed / 0.514444));
    put<double>(p + kSensorY, ping.y);
    put<double>(p + kSensorX, ping.x);
    put<double>(p + 128, ping.y); // ship position: the same fix
    put<double>(p + 136, ping.x);
    put<std::uint16_t>(p + kCableOut, std::uint16_t(std::clamp(ping.cableOut, 0.0, 65535.0)));
    put<float>(p + kLayback, float(ping.layback));
    put<float>(p + kSensorDepth, float(ping.depth));
    put<float>(p + kAltitude, float(ping.altitude));
    put<float>(p + kPitch, float(ping.pitch));
    put<float>(p + kRoll, float(ping.roll));
    put<float>(p + kHeading, float(ping.heading));
    std::size_t at = kPingHeaderSize;
    for (std::size_t c = 0; c < channels.size(); ++c) {
        std::uint8_t* ch = p + at;
        put<std::uint16_t>(ch + kChannelNumber, std::uint16_t(c));
        put<float>(ch + kSlantRange, float(ping.slantRange));
        put<std::uint16_t>(ch + kChanFrequency, std::uint16_t(std::min(65535.0, channels[c].frequencyHz / 1000.0)));
        put<std::uint32_t>(ch + kNumSamples, std::uint32_t(samples[c].size()));
        const int bytes = bytesPerSample(channels[c].format);
        const bool reverse = channels[c].side == Side::Port;
        const std::size_t n = samples[c].size();
        for (std::size_t i = 0; i < n; ++i)
            encode(ch + kPingChanHeaderSize + i * bytes, channels[c].format, samples[c][reverse ? n - 1 - i : i]);
        at += kPingChanHeaderSize + n * bytes;
    }
    m_file->stream().write(reinterpret_cast<const char*>(p), std::streamsize(size));
}

void XtfWriter::writePacket(std::uint8_t type, const std::vector<std::uint8_t>& body)
{
    const std::size_t size = (kPingHeaderSize + body.size() + 63) / 64 * 64;
    m_buffer.assign(size, 0);
    put<std::uint16_t>(m_buffer.data(), kMagic);
    m_buffer[kHeaderType] = type;
    put<std::uint32_t>(m_buffer.data() + kNumBytes, std::uint32_t(size));
    std::copy(body.begin(), body.end(), m_buffer.begin() + kPingHeaderSize);
    m_file->stream().write(reinterpret_cast<const char*>(m_buffer.data()), std::streamsize(size));
}

void XtfWriter::close()
{
    if (m_file)
        m_file->commit();
    m_file.reset();
}

} // namespace fathom::sonar
