#include "jsfwriter.h"

#include "common/error.h"
#include "jsflayout.h"
#include "xtflayout.h"

#include <algorithm>
#include <cmath>
#include <ctime>

namespace fathom::sonar {

using namespace jsf;
using xtf::put;

namespace {

void putHeader(std::uint8_t* p, std::uint16_t type, int subsystem, int channel, std::size_t size)
{
    put<std::uint16_t>(p, kSync);
    p[kVersion] = 0x0C;
    put<std::uint16_t>(p + kMessageType, type);
    p[kSubsystem] = std::uint8_t(subsystem);
    p[kChannel] = std::uint8_t(channel);
    put<std::int32_t>(p + kMessageSize, std::int32_t(size));
}

void putTime(std::uint8_t* h, double time)
{
    const auto seconds = static_cast<std::time_t>(std::floor(time));
    std::tm t{};
    gmtime_r(&seconds, &t);
    const auto ms = std::uint32_t(std::lround((time - std::floor(time)) * 1000.0)) % 1000;
    put<std::int32_t>(h + kTime, std::int32_t(seconds));
    put<std::int16_t>(h + kYear, std::int16_t(t.tm_year + 1900));
    put<std::int16_t>(h + kYear + 2, std::int16_t(t.tm_yday + 1));
    put<std::int16_t>(h + kYear + 4, std::int16_t(t.tm_hour));
    put<std::int16_t>(h + kYear + 6, std::int16_t(t.tm_min));
    put<std::int16_t>(h + kYear + 8, std::int16_t(t.tm_sec));
    put<std::int16_t>(h + kTimeBasis, 3);
    put<std::uint32_t>(h + kMillisecondsToday,
                       std::uint32_t((t.tm_hour * 3600 + t.tm_min * 60 + t.tm_sec) * 1000u + ms));
}

} // namespace

JsfWriter::JsfWriter(const std::filesystem::path& path, Options options)
    : m_options(options)
    , m_file(std::make_unique<AtomicFile>(path))
{
    if (m_options.subsystem < 20 || m_options.subsystem > 22)
        throw Error(path.string() + ": JSF sidescan subsystems are 20, 21 and 22");
}

JsfWriter::~JsfWriter() = default;

void JsfWriter::write(const PingInfo& ping, const std::vector<std::vector<float>>& samples)
{
    if (samples.size() != 2)
        throw Error("JSF writer: a ping needs port and starboard samples");
    for (int channel = 0; channel < 2; ++channel) {
        const auto& data = samples[std::size_t(channel)];
        if (data.size() > 0xFFFFF)
            throw Error("JSF writer: " + std::to_string(data.size()) + " samples are more than JSF can hold");
        const std::size_t size = kSonarHeaderSize + data.size() * 2;
        m_buffer.assign(kMessageHeaderSize + size, 0);
        putHeader(m_buffer.data(), kTypeSonarData, m_options.subsystem, channel, size);
        std::uint8_t* h = m_buffer.data() + kMessageHeaderSize;
        putTime(h, ping.time);
        put<std::uint32_t>(h + kPingNumber, ping.number);
        put<std::uint16_t>(h + kMsb, std::uint16_t(((data.size() >> 16) & 0xF) << 8));
        put<std::int16_t>(h + 28, 1); // ID code: always 1
        const std::uint16_t validity = kValidPosition | kValidAltitude | kValidDepth | (1 << 3) | (1 << 5) | (1 << 14);
        put<std::uint16_t>(h + kValidity, validity);
        put<std::int16_t>(h + kDataFormat, 0);
        put<std::int16_t>(h + kCoordinateUnits, ping.geographic ? 2 : 1);
        put<std::int32_t>(h + kLongitude,
                          std::int32_t(std::lround(ping.geographic ? ping.x * 600000.0 : ping.x * 1000.0)));
        put<std::int32_t>(h + kLatitude,
                          std::int32_t(std::lround(ping.geographic ? ping.y * 600000.0 : ping.y * 1000.0)));
        put<std::uint16_t>(h + kSamples, std::uint16_t(data.size() & 0xFFFF));
        const double speedOfSound = ping.soundVelocity > 100 ? ping.soundVelocity : 1500.0;
        const double interval = data.empty() ? 0 : 2.0 * ping.slantRange / speedOfSound / double(data.size());
        put<std::uint32_t>(h + kSampleInterval, std::uint32_t(std::lround(interval * 1e9)));
        put<std::int32_t>(h + kDepth, std::int32_t(std::lround(ping.depth * 1000.0)));
        put<std::int32_t>(h + kAltitude, std::int32_t(std::lround(ping.altitude * 1000.0)));
        put<float>(h + kSoundSpeed, float(speedOfSound));
        put<std::uint16_t>(h + kHeading, std::uint16_t(std::lround(std::fmod(ping.heading + 360.0, 360.0) * 100.0)));
        put<std::int16_t>(h + kPitch, std::int16_t(std::lround(ping.pitch / 180.0 * 32768.0)));
        put<std::int16_t>(h + kRoll, std::int16_t(std::lround(ping.roll / 180.0 * 32768.0)));
        put<std::int16_t>(h + kSpeed, std::int16_t(std::lround(ping.speed / 0.514444 * 10.0)));
        put<float>(h + kLayback, float(ping.layback));
        put<std::uint16_t>(h + kCableOut, std::uint16_t(std::clamp(ping.cableOut, 0.0, 65535.0)));
        const std::uint16_t decaHertz = std::uint16_t(std::min(65535.0, m_options.frequencyHz / 10.0));
        put<std::uint16_t>(h + 126, decaHertz);
        put<std::uint16_t>(h + 128, decaHertz);
        std::uint8_t* out = h + kSonarHeaderSize;
        for (std::size_t i = 0; i < data.size(); ++i)
            put<std::uint16_t>(out + 2 * i, std::uint16_t(std::clamp(std::round(double(data[i])), 0.0, 65535.0)));
        m_file->stream().write(reinterpret_cast<const char*>(m_buffer.data()), std::streamsize(m_buffer.size()));
    }
}

void JsfWriter::writeMessage(std::uint16_t type, const std::vector<std::uint8_t>& body)
{
    m_buffer.assign(kMessageHeaderSize + body.size(), 0);
    putHeader(m_buffer.data(), type, 0, 0, body.size());
    std::copy(body.begin(), body.end(), m_buffer.begin() + kMessageHeaderSize);
    m_file->stream().write(reinterpret_cast<const char*>(m_buffer.data()), std::streamsize(m_buffer.size()));
}

void JsfWriter::close()
{
    if (m_file)
        m_file->commit();
    m_file.reset();
}

} // namespace fathom::sonar
