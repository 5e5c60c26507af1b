#include "imagefile.h"

#include "common/error.h"

#include <opencv2/imgcodecs.hpp>

#include <algorithm>

namespace fathom::sonar {

ImageFile::ImageFile(const std::filesystem::path& path)
    : m_path(path)
{
    cv::Mat image;
    try {
        image = cv::imread(path.string(), cv::IMREAD_GRAYSCALE | cv::IMREAD_ANYDEPTH);
    } catch (const cv::Exception& e) {
        throw Error(path.string() + ": the picture cannot be decoded: " + e.what());
    }
    if (image.empty())
        throw Error(path.string() + ": the picture cannot be decoded (damaged, or not PNG, TIFF or JPEG)");
    if (image.cols < 2)
        throw Error(path.string() + ": a waterfall picture needs at least two columns, port and starboard");
    cv::Mat grey;
    image.convertTo(grey, CV_32F);
    m_rows = grey.rows;
    m_columns = grey.cols;
    m_pixels.assign(grey.begin<float>(), grey.end<float>());
    const auto format = image.depth() == CV_16U ? SampleFormat::U16 : SampleFormat::U8;
    m_channels = {{0, Side::Port, "port", format, 0.0}, {1, Side::Starboard, "starboard", format, 0.0}};
}

PingInfo ImageFile::pingInfo(std::size_t ping) const
{
    if (ping >= std::size_t(m_rows))
        throw Error(m_path.string() + ": row " + std::to_string(ping) + " asked for, the picture has " +
                    std::to_string(m_rows));
    PingInfo info;
    info.number = std::uint32_t(ping);
    info.geographic = false;
    info.samples = m_columns / 2;
    info.slantRange = double(m_columns / 2);
    return info;
}

std::vector<float> ImageFile::samples(std::size_t ping, int channel) const
{
    if (ping >= std::size_t(m_rows) || channel < 0 || channel > 1)
        return {};
    const int half = m_columns / 2;
    const float* row = m_pixels.data() + ping * std::size_t(m_columns);
    if (channel == 0) {
        std::vector<float> port(row, row + half);
        std::reverse(port.begin(), port.end()); // nadir first, like every other format
        return port;
    }
    return {row + m_columns - half, row + m_columns};
}

FileSummary ImageFile::summary() const
{
    FileSummary s;
    s.format = "image";
    s.recorder = m_path.extension().string();
    s.channels = m_channels;
    s.geographic = false;
    summarisePings(*this, s);
    return s;
}

} // namespace fathom::sonar
