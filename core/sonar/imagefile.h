#pragma once

#include "sonarfile.h"

#include <cstdint>

namespace fathom::sonar {

// A waterfall saved as a picture (PNG, TIFF, JPEG; 8 or 16 bits grey): each row is a ping, the
// left half port (far range at the left edge), the right half starboard. There is no
// navigation, and ranges are in pixels.
class ImageFile : public SonarFile
{
public:
    explicit ImageFile(const std::filesystem::path& path);

    const std::filesystem::path& path() const override { return m_path; }
    FileSummary summary() const override;
    const std::vector<ChannelInfo>& channels() const override { return m_channels; }
    std::size_t pingCount() const override { return std::size_t(m_rows); }
    PingInfo pingInfo(std::size_t ping) const override;
    std::vector<float> samples(std::size_t ping, int channel) const override;
    std::string problem() const override { return {}; }

private:
    std::filesystem::path m_path;
    std::vector<ChannelInfo> m_channels;
    std::vector<float> m_pixels; // row-major grey values
    int m_rows = 0;
    int m_columns = 0;
};

} // namespace fathom::sonar
