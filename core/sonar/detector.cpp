#include "detector.h"

#include "common/error.h"
#include "georeference.h"
#include "objectmeasure.h"
#include "watercolumn.h"
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
    int scale = 1;        // pings and samples per pixel (coarse passes look for large objects)
};

// One side's pings gain-normalised: each range bin over its mean, the water column at 1.
cv::Mat gainImage(const SonarFile& file, int channel, std::size_t first, std::size_t last,
                  const std::vector<double>& altitude, double binMetres)
{
    const int samples = file.pingInfo(first).samples;
    cv::Mat raw(int(last - first), samples, CV_32F, cv::Scalar(0));
    for (std::size_t p = first; p < last; ++p) {
        const auto values = file.samples(p, channel);
        auto* row = raw.ptr<float>(int(p - first));
        std::copy_n(values.begin(), std::min<std::size_t>(values.size(), std::size_t(samples)), row);
    }
    // The water column is no seabed: it is set to the seabed's level so it is neither highlight
    // nor shadow, and the first return below the towfish is dropped with it.
    for (int r = 0; r < raw.rows; ++r) {
        const int bottom = int(altitude[first + std::size_t(r)] / binMetres) + 3;
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
    return gain;
}

// One side's pings, gain-normalised and divided by a local mean: the CFAR-style picture.
Tile normalisedTile(const SonarFile& file, int channel, std::size_t first, std::size_t last,
                    const std::vector<double>& altitude, int window)
{
    Tile tile;
    tile.first = first;
    tile.binMetres = file.pingInfo(first).slantRange / std::max(1, file.pingInfo(first).samples);
    const cv::Mat gain = gainImage(file, channel, first, last, altitude, tile.binMetres);
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
        const double shadowMetres = bins * tile.binMetres * tile.scale;
        if (shadowMetres < o.minShadowMetres)
            continue;
        const double contrast = cv::mean(tile.ratio(cv::Rect(left, top, width, height)),
                                         labels(cv::Rect(left, top, width, height)) == c)[0];
        const double score = (1.0 - std::exp(-(contrast - 1.0) / 2.0)) * (1.0 - std::exp(-shadowMetres / 1.5));
        if (score < o.minScore)
            continue;
        const int k = tile.scale;
        Detection d = detectionFromBox(file, geo, side, tile.first + std::size_t(top * k),
                                       std::min(file.pingCount() - 1, tile.first + std::size_t((top + height) * k - 1)),
                                       left * k, (left + width) * k - 1, (left + width + bins) * k,
                                       double(tile.first) + (centroids.at<double>(c, 1) + 0.5) * k - 0.5,
                                       (centroids.at<double>(c, 0) + 0.5) * k - 0.5, tile.binMetres);
        // Measured nearer than the seabed: the edge of the first bottom return, where the tracked
        // altitude falls a little short (the real file's nadir); floating objects are the water
        // column pass's.
        if (d.waterColumn)
            continue;
        d.contrast = contrast;
        d.score = score;
        d.scores["classical"] = score;
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
            return sameObject(k.side, (long long)k.ping, k.sample, d.side, (long long)d.ping, d.sample);
        });
        if (!near)
            kept.push_back(d);
    }
    std::sort(kept.begin(), kept.end(), [](const Detection& a, const Detection& b) { return a.ping < b.ping; });
    return kept;
}

} // namespace

bool sameObject(int sideA, long long pingA, int sampleA, int sideB, long long pingB, int sampleB)
{
    return sideA == sideB && std::llabs(pingA - pingB) <= 20 && std::abs(sampleA - sampleB) < 30;
}

NormalisedPings normalisedPings(const SonarFile& file, int side, std::size_t first, std::size_t last)
{
    const int channel = file.channelOn(side == 0 ? Side::Port : Side::Starboard);
    if (channel < 0)
        throw Error(file.path().string() + ": no " + (side == 0 ? "port" : "starboard") + " sidescan channel");
    last = std::min(last, file.pingCount());
    if (first >= last)
        throw Error(file.path().string() + ": no pings in " + std::to_string(first) + ":" + std::to_string(last));
    NormalisedPings out;
    out.first = first;
    out.rows = last - first;
    out.samples = file.pingInfo(first).samples;
    out.binMetres = file.pingInfo(first).slantRange / std::max(1, out.samples);
    std::vector<double> altitude(last, 0.0);
    const auto tracked = trackBottom(file, first, last);
    std::copy(tracked.begin(), tracked.end(), altitude.begin() + std::ptrdiff_t(first));
    const cv::Mat gain = gainImage(file, channel, first, last, altitude, out.binMetres);
    out.values.assign(gain.ptr<float>(0), gain.ptr<float>(0) + gain.total());
    return out;
}

Detection detectionFromBox(const SonarFile& file, const Georeferencer& geo, int side, std::size_t firstPing,
                           std::size_t lastPing, int firstSample, int lastSample, int shadowEnd, double centrePing,
                           double centreSample, double binMetres, double lookBefore)
{
    // Sizes and the shadow measured on the samples themselves: the detectors' pictures are coarser
    // or locally normalised (a shadow there can run on over a textured seabed), and a box may be
    // sized for the object lying along the track. The box's own where the samples tell nothing.
    return detectionFromMeasure(
        file, geo, side, firstPing, lastPing, firstSample, lastSample, shadowEnd, centrePing, centreSample, binMetres,
        measureOnSide(file, side, firstPing, lastPing, firstSample, lastSample, binMetres, lookBefore));
}

double noisyOr(const std::map<std::string, double>& scores)
{
    double miss = 1;
    for (const auto& [name, score] : scores)
        miss *= 1 - std::clamp(score, 0.0, 1.0);
    return 1 - miss;
}

std::vector<Detection> fuseDetections(const std::vector<std::vector<Detection>>& byDetector)
{
    std::vector<Detection> all;
    for (const auto& list : byDetector)
        all.insert(all.end(), list.begin(), list.end());
    std::sort(all.begin(), all.end(), [](const Detection& a, const Detection& b) { return a.score > b.score; });
    const auto overlap = [](const Detection& a, const Detection& b) {
        if (a.side != b.side)
            return false;
        const bool boxes = a.firstPing <= b.lastPing && b.firstPing <= a.lastPing && a.firstSample <= b.lastSample &&
                           b.firstSample <= a.lastSample;
        const bool centres = sameObject(a.side, (long long)a.ping, a.sample, b.side, (long long)b.ping, b.sample);
        return boxes || centres;
    };
    std::vector<Detection> fused;
    for (const auto& d : all) {
        auto it = std::find_if(fused.begin(), fused.end(), [&](const Detection& f) { return overlap(f, d); });
        if (it == fused.end()) {
            fused.push_back(d);
            if (fused.back().scores.empty())
                fused.back().scores[d.detector] = d.score;
            continue;
        }
        // A second detector on the same object: its score joins, the best member's box stays.
        const double own = d.scores.count(d.detector) ? d.scores.at(d.detector) : d.score;
        auto& member = it->scores[d.detector];
        member = std::max(member, own);
        if (it->cls.empty())
            it->cls = d.cls;
        it->score = noisyOr(it->scores);
        if (it->scores.size() > 1)
            it->detector = "fused";
    }
    std::sort(fused.begin(), fused.end(), [](const Detection& a, const Detection& b) { return a.ping < b.ping; });
    return fused;
}

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
    // Objects far larger than the local window (wrecks) raise their own local mean: a coarse pass
    // over the whole side, each pixel the mean of scale × scale, finds them.
    if (options.coarseScale > 1 && pings >= std::size_t(8 * options.coarseScale))
        for (int side = 0; side < 2; ++side) {
            if (channels[side] < 0 || (stop && stop->load()))
                continue;
            Tile tile;
            tile.scale = options.coarseScale;
            tile.binMetres = file.pingInfo(0).slantRange / std::max(1, file.pingInfo(0).samples);
            const cv::Mat gain = gainImage(file, channels[side], 0, pings, altitude, tile.binMetres);
            cv::Mat small, smooth, local;
            cv::resize(gain, small, cv::Size(gain.cols / tile.scale, gain.rows / tile.scale), 0, 0, cv::INTER_AREA);
            cv::blur(small, smooth, cv::Size(3, 3));
            cv::blur(small, local, cv::Size(options.localWindow, options.localWindow), cv::Point(-1, -1),
                     cv::BORDER_REFLECT);
            tile.ratio = smooth / cv::max(local, 0.05);
            detectInTile(file, geo, tile, side, options, found);
        }
    if (options.waterColumn.enabled) {
        auto floating = detectInWaterColumn(file, options.waterColumn, stop);
        found.insert(found.end(), floating.begin(), floating.end());
    }
    return suppressDuplicates(std::move(found));
}

} // namespace fathom::sonar
