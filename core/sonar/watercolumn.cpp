#include "watercolumn.h"

#include "georeference.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace fathom::sonar {

namespace {

double medianOf(std::vector<float>& values)
{
    if (values.empty())
        return 0;
    std::nth_element(values.begin(), values.begin() + long(values.size() / 2), values.end());
    return values[values.size() / 2];
}

// One tile of one side's pings: the returns between the towfish and the seabed far brighter than
// the water column at that range and as bright as the seabed's own echoes, in blobs small enough
// to be an object (the surface's return and a missed first bottom return run on along the track).
void findInTile(const SonarFile& file, const Georeferencer& geo, int side, int channel, std::size_t first,
                std::size_t last, const WaterColumnOptions& o, std::vector<Detection>& out)
{
    const int samples = file.pingInfo(first).samples;
    const double bin = file.pingInfo(first).slantRange / std::max(1, samples);
    if (samples <= 0 || bin <= 0)
        return;
    const int rows = int(last - first);
    const int nearLimit = int(std::ceil(o.blankingMetres / bin)), margin = int(std::ceil(o.seabedMarginMetres / bin));
    cv::Mat raw(rows, samples, CV_32F, cv::Scalar(0));
    std::vector<int> bottom(std::size_t(rows), 0);
    std::vector<std::vector<float>> waterAt(static_cast<std::size_t>(samples)); // by range bin
    std::vector<float> seabed;
    for (int r = 0; r < rows; ++r) {
        const std::size_t ping = first + std::size_t(r);
        const auto values = file.samples(ping, channel);
        auto* row = raw.ptr<float>(r);
        std::copy_n(values.begin(), std::min<std::size_t>(values.size(), std::size_t(samples)), row);
        const double altitude = geo.altitude(ping);
        bottom[std::size_t(r)] = altitude > 0 ? std::min(samples, int(altitude / bin)) : 0;
        for (int k = nearLimit; k < bottom[std::size_t(r)] - margin; ++k)
            waterAt[std::size_t(k)].push_back(row[k]);
        for (int k = bottom[std::size_t(r)] + margin; k < samples; k += 7) // a sparse sample is enough
            seabed.push_back(row[k]);
    }
    const double seabedLevel = medianOf(seabed);
    std::vector<double> waterLevel(std::size_t(samples), 0);
    for (int k = 0; k < samples; ++k)
        waterLevel[std::size_t(k)] = medianOf(waterAt[std::size_t(k)]);
    cv::Mat smooth;
    cv::blur(raw, smooth, cv::Size(3, 3));
    cv::Mat bright(rows, samples, CV_8U, cv::Scalar(0));
    for (int r = 0; r < rows; ++r)
        for (int k = nearLimit; k < bottom[std::size_t(r)] - margin; ++k) {
            const double level = std::max(o.highlight * waterLevel[std::size_t(k)], o.ofSeabed * seabedLevel);
            bright.at<uchar>(r, k) = smooth.at<float>(r, k) > level && level > 0 ? 255 : 0;
        }
    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(bright, labels, stats, centroids, 8, CV_32S);
    for (int c = 1; c < count; ++c) {
        if (stats.at<int>(c, cv::CC_STAT_AREA) < o.minPixels)
            continue;
        const int left = stats.at<int>(c, cv::CC_STAT_LEFT), width = stats.at<int>(c, cv::CC_STAT_WIDTH);
        const int top = stats.at<int>(c, cv::CC_STAT_TOP), height = stats.at<int>(c, cv::CC_STAT_HEIGHT);
        if ((top == 0 && first > 0) || (top + height >= rows && last < file.pingCount()))
            continue; // cut by the tile's edge: whole in its neighbour
        const double along = geo.distance(double(first) + top, side, 0.0, double(first) + top + height, side, 0.0);
        if (along > o.maxMetres || width * bin > o.maxMetres)
            continue;
        double contrast = 0;
        int n = 0;
        for (int r = top; r < top + height; ++r)
            for (int k = left; k < left + width; ++k)
                if (labels.at<int>(r, k) == c) {
                    contrast += smooth.at<float>(r, k) / std::max(1e-3, waterLevel[std::size_t(k)]);
                    ++n;
                }
        contrast /= std::max(1, n);
        // Measured as a box the analyst draws round it is: in slant range, placed from where its
        // shadow falls on the seabed. The measure may find it lies on the seabed after all.
        auto d = detectionFromDrawnBox(file, geo, side, first + std::size_t(top), first + std::size_t(top + height - 1),
                                       left * bin - 0.2, (left + width) * bin + 0.3);
        if (!d.waterColumn)
            continue;
        // Far above the water column's level scores high; an object with no shadow on the seabed
        // (what a real one casts) half as high.
        d.contrast = contrast;
        d.score = (1.0 - std::exp(-std::log(std::max(1.0, contrast)) / 2.0)) * (d.aboveSeabed > 0 ? 1.0 : 0.5);
        if (d.score < o.minScore)
            continue;
        d.detector = "classical";
        d.scores = {{"classical", d.score}};
        out.push_back(d);
    }
}

} // namespace

void absorbMooredShadows(const SonarFile& file, std::vector<Detection>& found)
{
    if (std::none_of(found.begin(), found.end(), [](const Detection& d) { return d.waterColumn && d.aboveSeabed > 0; }))
        return;
    const Georeferencer geo(file);
    std::vector<bool> absorbed(found.size(), false);
    for (auto& w : found) {
        const double a = w.waterColumn ? geo.altitude(w.ping) : 0;
        if (w.aboveSeabed <= 0 || a <= w.aboveSeabed)
            continue;
        // The shadow's span across the seabed, from the rays past the object's near and far edges.
        const double r = 0.5 * w.width, out = w.groundRange, up = w.aboveSeabed;
        const double near = std::max(0.0, out - r) * a / (a - up + r);
        const double far = (out + r) * a / std::max(0.1, a - up - r);
        const double pings = 15 + 0.5 * double(w.lastPing - w.firstPing);
        for (std::size_t i = 0; i < found.size(); ++i) {
            auto& d = found[i];
            if (&d == &w || d.waterColumn || absorbed[i] || d.side != w.side ||
                std::abs(double(d.ping) - double(w.ping)) > pings || d.groundRange > far + 1.0)
                continue;
            // Its box (highlight and shadow) reaches into the shadow: a detector that takes the dark
            // patch for an object's shadow puts the object's centre before it.
            const double bin = d.slantRange / (d.sample + 0.5);
            const double boxFar = std::sqrt(std::max(0.0, std::pow((d.lastSample + 1) * bin, 2) - a * a));
            if (boxFar < near)
                continue;
            for (const auto& [name, score] : d.scores)
                w.scores[name] = std::max(w.scores[name], score);
            w.score = noisyOr(w.scores);
            if (w.scores.size() > 1)
                w.detector = "fused";
            absorbed[i] = true;
        }
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < found.size(); ++i)
        if (!absorbed[i]) {
            if (kept != i) // never moved onto itself: that empties its strings
                found[kept] = std::move(found[i]);
            ++kept;
        }
    found.resize(kept);
}

std::vector<Detection> detectInWaterColumn(const SonarFile& file, const WaterColumnOptions& options,
                                           const std::atomic<bool>* stop)
{
    file.waitComplete();
    const std::size_t pings = file.pingCount();
    std::vector<Detection> found;
    if (pings < 8)
        return found;
    const Georeferencer geo(file);
    const std::size_t tile = std::max<std::size_t>(64, options.tilePings), overlap = tile / 8;
    for (int side = 0; side < 2; ++side) {
        const int channel = file.channelOn(side == 0 ? Side::Port : Side::Starboard);
        if (channel < 0)
            continue;
        for (std::size_t first = 0; first < pings; first += tile - overlap) {
            if (stop && stop->load())
                return found;
            const std::size_t last = std::min(pings, first + tile);
            findInTile(file, geo, side, channel, first, last, options, found);
            if (last == pings)
                break;
        }
    }
    return found;
}

} // namespace fathom::sonar
