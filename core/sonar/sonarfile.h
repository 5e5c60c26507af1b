#pragma once

#include "sonartypes.h"

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace fathom::sonar {

// A sidescan recording opened for reading. Samples come back as floats, nadir first on every
// channel (port included, whatever order the file stores them in).
class SonarFile
{
public:
    virtual ~SonarFile() = default;

    virtual const std::filesystem::path& path() const = 0;
    virtual FileSummary summary() const = 0;
    virtual const std::vector<ChannelInfo>& channels() const = 0;
    virtual std::size_t pingCount() const = 0;
    virtual PingInfo pingInfo(std::size_t ping) const = 0;
    // Throws Error naming the file and byte offset when the ping's data are unreadable.
    virtual std::vector<float> samples(std::size_t ping, int channel) const = 0;
    // Where reading stopped early and why; empty when the whole file was readable.
    virtual std::string problem() const = 0;
    // Large files finish indexing in the background: until then pingCount() grows. Anything
    // that needs every ping (a summary, a whole-file render, georeferencing) waits first.
    virtual bool complete() const { return true; }
    virtual void waitComplete() const {}

    // The first channel on a side, or -1.
    int channelOn(Side side) const;
};

// Fills in what every format takes from its pings: count, samples per channel, time span and
// the extent of the navigation (zero positions, written before a first fix, are left out).
void summarisePings(const SonarFile& file, FileSummary& summary);

// The ping recorded nearest to `time` (seconds since 1970), by bisection over the ping times.
std::size_t pingNearest(const SonarFile& file, double time);

// Opens by content (XTF magic, JSF sync), falling back to the extension. Throws Error.
std::unique_ptr<SonarFile> open(const std::filesystem::path& path);

} // namespace fathom::sonar
