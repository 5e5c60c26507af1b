#include "detector.h"

#include "common/error.h"
#include "georeference.h"
#include "waterfall.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace fathom::sonar {

namespace {

constexpr std::size_t kOverlap = 48; // pings shared by neighbouring tiles: objects on a seam are whole in one

struct Tile
{
    std::size_t first = 0;
    cv::Mat ratio;        // pings × samples: each pixel over its local mean (1 = background)
    double binMetres = 0; // slant range per sample
};

// One side's pings, gain-normalised and divided by a local mean: the CFAR-style picture.
Tile normalisedTile(const SonarFile& file, int channel, std::size_t first, std::size_t last,
                    const std::vector<double>& altitude, int window)
{
    const int samples = file.pingInfo(first).samples;
    cv::Mat raw(int(last - first), samples, CV_32F, cv::Scalar(0));
    for (std::size_t p = first; p < last; ++p) {
        const auto values = file.samples(p, channel);
        auto* row = raw.ptr<float>(int(p - first));
        std::copy_n(values.begin(), std::min<std::size_t>(values.size(), std::size_t(samples)), row);
    }
    Tile tile;
    tile.first = first;
    tile.binMetres = file.pingInfo(first).slantRange / std::max(1, samples);
    // The water column is no seabed: it is set to the seabed's level so it is neither highlight
    // nor shadow, and the first return below the towfish is dropped with it.
    for (int r = 0; r < raw.rows; ++r) {
        const int bottom = int(altitude[first + std::size_t(r)] / tile.binMetres) + 3;
        auto* row = raw.ptr<float>(r);
        for (int k = 0; k < std::min(bottom, samples); ++k)
            row[k] = -1; // marked, filled below
    }
    const cv::Mat valid = raw >= 0;
    cv::Mat columnMean(1, samples, CV_32F);
    for (int k = 0; k < samples; ++k) {
        double sum = 0;
        int n = 0;
        for (int r = 0; r < raw.rows; ++r)
            if (valid.at<uchar>(r, k)) {
                sum += raw.at<float>(r, k);
                ++n;
            }
        columnMean.at<float>(0, k) = n ? float(sum / n) : 1.0f;
    }
    cv::Mat gain(raw.size(), CV_32F);
    for (int r = 0; r < raw.rows; ++r)
        for (int k = 0; k < samples; ++k)
            gain.at<float>(r, k) =
                valid.at<uchar>(r, k) ? raw.at<float>(r, k) / std::max(1e-3f, columnMean.at<float>(0, k)) : 1.0f;
    // Speckle down, then each pixel against the mean of a window around it.
    cv::Mat smooth, local;
    cv::blur(gain, smooth, cv::Size(3, 3));
    cv::blur(gain, local, cv::Size(window, window), cv::Point(-1, -1), cv::BORDER_REFLECT);
    tile.ratio = smooth / cv::max(local, 0.05);
    return tile;
}

// Metres of shadow behind a highlight: consecutive range bins past its far edge where most of
// its pings are dark.
int shadowBins(const cv::Mat& shadow, int top, int bottom, int farEdge)
{
    int bins = 0, gap = 0;
    for (int k = farEdge + 1; k < shadow.cols && gap <= 2; ++k) {
        int dark = 0;
        for (int r = top; r <= bottom; ++r)
            dark += shadow.at<uchar>(r, k) ? 1 : 0;
        if (dark * 2 >= bottom - top + 1) {
            bins += 1 + gap;
            gap = 0;
        } else if (bins > 0) {
            ++gap;
        } else if (k > farEdge + 3) {
            break; // no shadow starts right behind it
        }
    }
    return bins;
}

void detectInTile(const SonarFile& file, const Georeferencer& geo, const Tile& tile, int side,
                  const ClassicalOptions& o, std::vector<Detection>& out)
{
    const cv::Mat highlight = tile.ratio > o.highlight;
    const cv::Mat shadow = tile.ratio < o.shadowLevel;
    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(highlight, labels, stats, centroids, 8, CV_32S);
    for (int c = 1; c < count; ++c) {
        if (stats.at<int>(c, cv::CC_STAT_AREA) < o.minHighlightPixels)
            continue;
        const int left = stats.at<int>(c, cv::CC_STAT_LEFT), width = stats.at<int>(c, cv::CC_STAT_WIDTH);
        const int top = stats.at<int>(c, cv::CC_STAT_TOP), height = stats.at<int>(c, cv::CC_STAT_HEIGHT);
        const int bins = shadowBins(shadow, top, top + height - 1, left + width - 1);
        const double shadowMetres = bins * tile.binMetres;
        if (shadowMetres < o.minShadowMetres)
            continue;
        const double contrast = cv::mean(tile.ratio(cv::Rect(left, top, width, height)),
                                         labels(cv::Rect(left, top, width, height)) == c)[0];
        const double score = (1.0 - std::exp(-(contrast - 1.0) / 2.0)) * (1.0 - std::exp(-shadowMetres / 1.5));
        if (score < o.minScore)
            continue;
        Detection d;
        d.side = side;
        d.ping = tile.first + std::size_t(std::lround(centroids.at<double>(c, 1)));
        d.sample = int(std::lround(centroids.at<double>(c, 0)));
        d.firstPing = tile.first + std::size_t(top);
        d.lastPing = tile.first + std::size_t(top + height - 1);
        d.firstSample = left;
        d.lastSample = left + width - 1 + bins;
        const auto info = file.pingInfo(d.ping);
        d.time = info.time;
        d.slantRange = (d.sample + 0.5) * tile.binMetres;
        d.groundRange = geo.groundRange(d.ping, d.slantRange);
        const auto point = geo.locate(double(d.ping), side, d.groundRange);
        d.x = point.x;
        d.y = point.y;
        d.length = geo.distance(double(d.firstPing), side, d.groundRange, double(d.lastPing) + 1, side, d.groundRange);
        const double nearGround = geo.groundRange(d.ping, left * tile.binMetres);
        const double farGround = geo.groundRange(d.ping, (left + width) * tile.binMetres);
        const double shadowEnd = geo.groundRange(d.ping, (left + width + bins) * tile.binMetres);
        d.width = farGround - nearGround;
        d.height = Georeferencer::heightFromShadow(geo.altitude(d.ping), farGround, shadowEnd);
        d.contrast = contrast;
        d.shadow = shadowEnd - farGround;
        d.score = score;
        out.push_back(d);
    }
}

// Tiles overlap: the same object found twice is kept once, with its better score.
std::vector<Detection> suppressDuplicates(std::vector<Detection> all)
{
    std::sort(all.begin(), all.end(), [](const Detection& a, const Detection& b) { return a.score > b.score; });
    std::vector<Detection> kept;
    for (const auto& d : all) {
        const bool near = std::any_of(kept.begin(), kept.end(), [&](const Detection& k) {
            return k.side == d.side && d.ping + 20 >= k.ping && k.ping + 20 >= d.ping &&
                   std::abs(k.sample - d.sample) < 30;
        });
        if (!near)
            kept.push_back(d);
    }
    std::sort(kept.begin(), kept.end(), [](const Detection& a, const Detection& b) { return a.ping < b.ping; });
    return kept;
}

} // namespace

std::vector<Detection> detectClassical(const SonarFile& file, const ClassicalOptions& options,
                                       const std::function<void(double)>& progress, const std::atomic<bool>* stop)
{
    file.waitComplete();
    const int channels[2] = {file.channelOn(Side::Port), file.channelOn(Side::Starboard)};
    if (channels[0] < 0 && channels[1] < 0)
        throw Error(file.path().string() + ": no sidescan channel (port or starboard) to detect in");
    const std::size_t pings = file.pingCount();
    if (pings == 0)
        return {};
    const Georeferencer geo(file);
    std::vector<double> altitude(pings);
    for (std::size_t p = 0; p < pings; ++p)
        altitude[p] = geo.altitude(p);
    const std::size_t step = std::max<std::size_t>(kOverlap + 1, options.tilePings) - kOverlap;
    std::vector<Detection> found;
    for (std::size_t first = 0; first < pings; first += step) {
        if (stop && stop->load())
            break;
        const std::size_t last = std::min(pings, first + options.tilePings);
        if (last - first < 8)
            break;
        for (int side = 0; side < 2; ++side)
            if (channels[side] >= 0)
                detectInTile(file, geo,
                             normalisedTile(file, channels[side], first, last, altitude, options.localWindow), side,
                             options, found);
        if (progress)
            progress(double(last) / double(pings));
        if (last == pings)
            break;
    }
    return suppressDuplicates(std::move(found));
}

} // namespace fathom::sonar
