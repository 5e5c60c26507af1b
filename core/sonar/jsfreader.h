#pragma once

#include "common/mappedfile.h"
#include "sonarfile.h"

#include <map>

namespace fathom::sonar {

// Reads EdgeTech JSF: messages found by their 0x1601 sync and skipped by their own size; sonar
// data messages (type 80) of the sidescan subsystems (low, high and very high frequency) become
// channels, port and starboard for each, paired into pings by ping number. Other messages are
// counted and skipped. Like XtfReader, a damaged file opens up to the last good message.
class JsfReader : public SonarFile
{
public:
    explicit JsfReader(const std::filesystem::path& path);

    const std::filesystem::path& path() const override { return m_file.path(); }
    FileSummary summary() const override;
    const std::vector<ChannelInfo>& channels() const override { return m_channels; }
    std::size_t pingCount() const override { return m_pings.size(); }
    PingInfo pingInfo(std::size_t ping) const override;
    std::vector<float> samples(std::size_t ping, int channel) const override;
    std::string problem() const override { return m_problem; }

private:
    struct Message
    {
        std::size_t offset; // of the sonar data header, past the 16-byte message header
        std::uint32_t size;
    };

    void index();
    std::string where(std::size_t offset) const;
    const Message* message(std::size_t ping, int channel) const;

    MappedFile m_file;
    std::vector<ChannelInfo> m_channels;
    std::vector<std::vector<Message>> m_pings; // per ping, per channel (size 0 when absent)
    std::map<std::string, std::size_t> m_messageCounts;
    std::string m_problem;
};

} // namespace fathom::sonar
