#pragma once

#include "common/mappedfile.h"
#include "growingindex.h"
#include "sonarfile.h"

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace fathom::sonar {

// Reads XTF: the file header with its channel blocks (more than six channels included), then
// packets found by their 0xFACE magic and skipped by their own byte count. Opening indexes the
// first pings and returns; a background thread indexes the rest, touching only packet headers.
// Samples are decoded when asked for. A damaged file opens up to the last good packet and
// problem() says where reading stopped and why.
class XtfReader : public SonarFile
{
public:
    explicit XtfReader(const std::filesystem::path& path);
    ~XtfReader() override;

    const std::filesystem::path& path() const override { return m_file.path(); }
    FileSummary summary() const override;
    const std::vector<ChannelInfo>& channels() const override { return m_channels; }
    std::size_t pingCount() const override { return m_pings.size(); }
    PingInfo pingInfo(std::size_t ping) const override;
    std::vector<float> samples(std::size_t ping, int channel) const override;
    std::string problem() const override;
    bool complete() const override { return m_complete.load(); }
    void waitComplete() const override;

private:
    struct Packet
    {
        std::size_t offset;
        std::uint32_t size;
    };

    std::size_t readHeader();
    // Indexes from `offset` until `enough` pings are known or the file ends; returns where it
    // stopped, or 0 when nothing is left to index.
    std::size_t index(std::size_t offset, std::size_t enough);
    void indexRest(std::size_t offset);
    bool checkSonarPacket(std::size_t offset, std::uint32_t size, const std::uint8_t* packet);
    std::string where(std::size_t offset) const;
    const Packet& packet(std::size_t ping) const;

    MappedFile m_file;
    std::vector<ChannelInfo> m_channels;
    std::vector<int> m_bytes; // per channel, as stored
    GrowingIndex<Packet> m_pings;
    std::map<int, std::size_t> m_packetCounts; // guarded by m_mutex, like m_problem
    std::string m_recorder;
    std::string m_sonarName;
    bool m_geographic = true;
    std::string m_problem;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_completed;
    std::atomic<bool> m_complete{false};
    std::atomic<bool> m_stop{false};
    std::thread m_indexer;
};

} // namespace fathom::sonar
