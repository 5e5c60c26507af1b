#include "jsfreader.h"

#include "common/error.h"
#include "jsflayout.h"
#include "xtflayout.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace fathom::sonar {

using namespace jsf;
using xtf::get;

namespace {

bool isSidescan(int subsystem)
{
    return subsystem >= 20 && subsystem <= 22;
}

std::string subsystemName(int subsystem)
{
    return subsystem == 20 ? "LF" : subsystem == 21 ? "HF" : "VHF";
}

std::uint32_t sampleCount(const std::uint8_t* h)
{
    return get<std::uint16_t>(h + kSamples) | (std::uint32_t((get<std::uint16_t>(h + kMsb) >> 8) & 0xF) << 16);
}

int bytesPerSampleOf(const std::uint8_t* h)
{
    return get<std::int16_t>(h + kDataFormat) == 1 || get<std::int16_t>(h + kDataFormat) == 9 ? 4 : 2;
}

double coordinate(std::int32_t value, int units)
{
    switch (units) {
    case 1: return value / 1000.0;         // millimetres
    case 2: return value / 10000.0 / 60.0; // minutes of arc x 10000
    case 3: return value / 10.0;           // decimetres
    case 4: return value / 100.0;          // centimetres
    default: return 0;
    }
}

} // namespace

JsfReader::JsfReader(const std::filesystem::path& path)
    : m_file(path)
{
    const auto bytes = m_file.bytes();
    if (bytes.size() < kMessageHeaderSize || get<std::uint16_t>(bytes.data()) != kSync)
        throw Error(where(0) + "not a JSF file (expected the message sync 0x1601)");
    index();
    m_file.release();
    if (m_pings.empty()) {
        std::string found;
        for (const auto& [type, count] : m_messageCounts)
            found += (found.empty() ? "" : ", ") + std::to_string(count) + " " + type;
        throw Error(where(0) + "holds no sidescan data (" + (found.empty() ? "no messages" : found) + ")" +
                    (m_problem.empty() ? "" : "; " + m_problem));
    }
}

std::string JsfReader::where(std::size_t offset) const
{
    return m_file.path().string() + ": byte " + std::to_string(offset) + ": ";
}

void JsfReader::index()
{
    const auto bytes = m_file.bytes();
    struct Entry
    {
        int subsystem, channel;
        std::uint32_t ping;
        Message message;
    };
    std::vector<Entry> entries;
    std::size_t offset = 0;
    auto stop = [&](std::size_t at, const std::string& what) {
        m_problem = where(at) + what + "; reading stopped after " + std::to_string(entries.size()) + " sonar messages";
    };
    while (offset < bytes.size()) {
        const std::uint8_t* p = bytes.data() + offset;
        if (bytes.size() - offset < kMessageHeaderSize) {
            stop(offset, "truncated message header");
            break;
        }
        if (get<std::uint16_t>(p) != kSync) {
            char found[8];
            std::snprintf(found, sizeof found, "0x%04X", get<std::uint16_t>(p));
            stop(offset, std::string("expected message sync 0x1601, found ") + found);
            break;
        }
        const std::int32_t size = get<std::int32_t>(p + kMessageSize);
        if (size < 0 || std::size_t(size) > bytes.size() - offset - kMessageHeaderSize) {
            stop(offset, "message of " + std::to_string(size) + " bytes runs past the end of the file");
            break;
        }
        const int type = get<std::uint16_t>(p + kMessageType);
        const int subsystem = p[kSubsystem];
        const int channel = p[kChannel];
        const std::uint8_t* h = p + kMessageHeaderSize;
        if (type == kTypeSonarData && isSidescan(subsystem) && channel <= 1) {
            if (std::size_t(size) < kSonarHeaderSize) {
                stop(offset, "sonar data message shorter than its 240-byte header");
                break;
            }
            if (std::uint64_t(sampleCount(h)) * bytesPerSampleOf(h) > std::uint64_t(size) - kSonarHeaderSize) {
                stop(offset,
                     "sonar data message claims " + std::to_string(sampleCount(h)) + " samples, more than it holds");
                break;
            }
            entries.push_back({subsystem,
                               channel,
                               get<std::uint32_t>(h + kPingNumber),
                               {offset + kMessageHeaderSize, std::uint32_t(size)}});
            ++m_messageCounts["sidescan " + subsystemName(subsystem)];
        } else {
            ++m_messageCounts[type == kTypeSonarData ? "sonar data, subsystem " + std::to_string(subsystem)
                                                     : "type " + std::to_string(type)];
        }
        offset += kMessageHeaderSize + std::size_t(size);
    }

    std::vector<int> subsystems;
    for (const auto& e : entries)
        if (std::find(subsystems.begin(), subsystems.end(), e.subsystem) == subsystems.end())
            subsystems.push_back(e.subsystem);
    std::sort(subsystems.begin(), subsystems.end());
    for (int subsystem : subsystems)
        for (int side = 0; side < 2; ++side)
            m_channels.push_back({int(m_channels.size()), side == 0 ? Side::Port : Side::Starboard,
                                  subsystemName(subsystem) + (side == 0 ? " port" : " starboard"), SampleFormat::U16,
                                  0.0});
    std::unordered_map<std::uint32_t, std::size_t> pingIndex;
    for (const auto& e : entries) {
        const auto at = std::find(subsystems.begin(), subsystems.end(), e.subsystem) - subsystems.begin();
        const auto [it, added] = pingIndex.try_emplace(e.ping, m_pings.size());
        if (added)
            m_pings.emplace_back(m_channels.size(), Message{0, 0});
        m_pings[it->second][std::size_t(at * 2 + e.channel)] = e.message;
    }
}

const JsfReader::Message* JsfReader::message(std::size_t ping, int channel) const
{
    if (ping >= m_pings.size())
        throw Error(m_file.path().string() + ": ping " + std::to_string(ping) + " asked for, the file has " +
                    std::to_string(m_pings.size()));
    if (channel >= 0 && std::size_t(channel) < m_pings[ping].size() && m_pings[ping][std::size_t(channel)].size > 0)
        return &m_pings[ping][std::size_t(channel)];
    return nullptr;
}

PingInfo JsfReader::pingInfo(std::size_t ping) const
{
    const Message* m = nullptr;
    for (int c = 0; c < int(m_channels.size()) && !m; ++c)
        m = message(ping, c);
    const std::uint8_t* h = m_file.bytes().data() + m->offset;
    PingInfo info;
    info.number = get<std::uint32_t>(h + kPingNumber);
    info.time = double(get<std::int32_t>(h + kTime)) + (get<std::uint32_t>(h + kMillisecondsToday) % 1000) / 1000.0;
    const auto validity = get<std::uint16_t>(h + kValidity);
    const int units = get<std::int16_t>(h + kCoordinateUnits);
    info.geographic = units == 2;
    if (validity & kValidPosition) {
        info.x = coordinate(get<std::int32_t>(h + kLongitude), units);
        info.y = coordinate(get<std::int32_t>(h + kLatitude), units);
    }
    info.altitude = (validity & kValidAltitude) ? get<std::int32_t>(h + kAltitude) / 1000.0 : 0.0;
    info.depth = (validity & kValidDepth) ? get<std::int32_t>(h + kDepth) / 1000.0 : 0.0;
    info.soundVelocity = get<float>(h + kSoundSpeed);
    info.heading = get<std::uint16_t>(h + kHeading) / 100.0;
    info.pitch = get<std::int16_t>(h + kPitch) * 180.0 / 32768.0;
    info.roll = get<std::int16_t>(h + kRoll) * 180.0 / 32768.0;
    info.speed = get<std::int16_t>(h + kSpeed) / 10.0 * 0.514444;
    info.layback = get<float>(h + kLayback);
    info.cableOut = get<std::uint16_t>(h + kCableOut);
    info.samples = int(sampleCount(h));
    const double speedOfSound = info.soundVelocity > 100 ? info.soundVelocity : 1500.0;
    info.slantRange = info.samples * get<std::uint32_t>(h + kSampleInterval) * 1e-9 * speedOfSound / 2.0;
    return info;
}

std::vector<float> JsfReader::samples(std::size_t ping, int channel) const
{
    const Message* m = message(ping, channel);
    if (!m)
        return {};
    const std::uint8_t* h = m_file.bytes().data() + m->offset;
    const std::uint8_t* data = h + kSonarHeaderSize;
    const auto count = sampleCount(h);
    const float scale = std::ldexp(1.0f, -get<std::int16_t>(h + kWeighting));
    std::vector<float> out(count);
    if (bytesPerSampleOf(h) == 4) {
        for (std::uint32_t i = 0; i < count; ++i)
            out[i] =
                scale * std::hypot(float(get<std::int16_t>(data + 4 * i)), float(get<std::int16_t>(data + 4 * i + 2)));
    } else {
        for (std::uint32_t i = 0; i < count; ++i)
            out[i] = scale * float(get<std::uint16_t>(data + 2 * i));
    }
    return out;
}

FileSummary JsfReader::summary() const
{
    FileSummary s;
    s.format = "JSF";
    s.recorder = "EdgeTech JSF";
    s.channels = m_channels;
    s.problem = m_problem;
    for (const auto& [type, count] : m_messageCounts)
        s.packets[type] = count;
    summarisePings(*this, s);
    return s;
}

} // namespace fathom::sonar
