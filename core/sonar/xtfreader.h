#pragma once

#include "common/mappedfile.h"
#include "sonarfile.h"

#include <map>

namespace fathom::sonar {

// Reads XTF: the file header with its channel blocks (more than six channels included), then
// packets found by their 0xFACE magic and skipped by their own byte count. Only packet headers
// are touched when opening; samples are decoded when asked for. A damaged file opens up to the
// last good packet and problem() says where reading stopped and why.
class XtfReader : public SonarFile
{
public:
    explicit XtfReader(const std::filesystem::path& path);

    const std::filesystem::path& path() const override { return m_file.path(); }
    FileSummary summary() const override;
    const std::vector<ChannelInfo>& channels() const override { return m_channels; }
    std::size_t pingCount() const override { return m_pings.size(); }
    PingInfo pingInfo(std::size_t ping) const override;
    std::vector<float> samples(std::size_t ping, int channel) const override;
    std::string problem() const override { return m_problem; }

private:
    struct Packet
    {
        std::size_t offset;
        std::uint32_t size;
    };

    std::size_t readHeader();
    void index(std::size_t start);
    bool checkSonarPacket(std::size_t offset, std::uint32_t size);
    std::string where(std::size_t offset) const;
    const Packet& packet(std::size_t ping) const;

    MappedFile m_file;
    std::vector<ChannelInfo> m_channels;
    std::vector<int> m_bytes; // per channel, as stored
    std::vector<Packet> m_pings;
    std::map<int, std::size_t> m_packetCounts;
    std::string m_recorder;
    std::string m_sonarName;
    bool m_geographic = true;
    std::string m_problem;
};

} // namespace fathom::sonar
