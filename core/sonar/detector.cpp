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

// An object measured on the file's own samples: its shadow, for its height. Along the pings through
// the middle of its box (the object's top casts the longest shadow), each range bin is compared
// with the pings on either side of the box at the same range: a seabed's texture (ripples, mud)
// darkens those alike, a shadow only the pings behind the object. Each of those pings' highlight
// ends where its longest run of bins above 1.5 × the level beside them does (an object turned
// across the track ends further out in some pings than in others; a detector's box may already
// hold some of the shadow); the shadow is the run of bins behind each ping's own highlight where
// more than a third of the pings are below half that level, gaps of speckle up to 0.2 m bridged.
// The object ends, for its width and height, at the middle of those pings' ends.
//
// Its length along the track from the same pings: those whose highlight (the bins from the box's
// near edge to where the highlight ends) holds more bright bins than the pings beside it do, by a
// quarter of the most any ping in the box holds — the run through that ping, a lone dim ping
// bridged, free to run past the box's ends (a detector sets its box on a coarser picture). Its
// width across the track: from where those pings' highlights start to where they end.
struct MeasuredObject
{
    int objectEnd = -1;                    // first sample past the highlight; -1: not measured
    int shadowEnd = -1;                    // first sample past the shadow
    long long firstLit = -1, lastLit = -1; // the object's first and last pings; -1: not measured
    int nearEdge = -1, farEdge = -1;       // its first sample and the first past it over those pings
};

MeasuredObject measureObject(const SonarFile& file, int channel, std::size_t firstPing, std::size_t lastPing,
                             int firstSample, int lastSample, double binMetres, double lookBefore)
{
    MeasuredObject out;
    const std::size_t pings = lastPing - firstPing + 1;
    const std::size_t flank = std::max<std::size_t>(4, pings);
    const std::size_t from = firstPing >= flank ? firstPing - flank : 0;
    const std::size_t to = std::min(file.pingCount() - 1, lastPing + flank);
    const double bin = std::max(1e-3, binMetres);
    const int samples = file.pingInfo(firstPing).samples;
    const int boxBegin = std::max(1, firstSample), end = std::min(samples - 1, lastSample + 1 + int(25.0 / bin));
    const int begin = std::max(1, boxBegin - int(lookBefore / bin));
    if (end <= boxBegin + 2 || to - from + 1 <= pings)
        return out;
    // Each ping's samples over the box, `lookBefore` metres before it and well past it, a moving
    // mean of three against speckle.
    std::vector<std::vector<float>> rows;
    for (std::size_t p = from; p <= to; ++p) {
        const auto values = file.samples(p, channel);
        std::vector<float> row(std::size_t(end - begin), 0.0f);
        for (int k = begin; k < end && k + 1 < int(values.size()); ++k)
            row[std::size_t(k - begin)] =
                (values[std::size_t(k - 1)] + values[std::size_t(k)] + values[std::size_t(k + 1)]) / 3;
        rows.push_back(std::move(row));
    }
    const std::size_t first = firstPing - from, last = lastPing - from;
    const std::size_t centre = (first + last) / 2, half = std::max<std::size_t>(1, pings / 6);
    const std::size_t mid0 = std::max(first, centre >= half ? centre - half : 0), mid1 = std::min(last, centre + half);
    const int middle = int(mid1 - mid0 + 1);
    // Each bin's level: its median over the pings beside the box.
    std::vector<float> levels, beside;
    for (int k = begin; k < end; ++k) {
        beside.clear();
        for (std::size_t r = 0; r < rows.size(); ++r)
            if (r < first || r > last)
                beside.push_back(rows[r][std::size_t(k - begin)]);
        std::nth_element(beside.begin(), beside.begin() + long(beside.size() / 2), beside.end());
        levels.push_back(beside[beside.size() / 2]);
    }
    const auto isBright = [&](std::size_t r, int k) {
        return rows[r][std::size_t(k - begin)] > 1.5f * levels[std::size_t(k - begin)];
    };
    const auto isDark = [&](std::size_t r, int k) {
        return rows[r][std::size_t(k - begin)] < 0.5f * levels[std::size_t(k - begin)];
    };
    const int gapLimit = std::max(2, int(0.2 / bin)), startLimit = std::max(3, int(0.3 / bin));
    // Where each middle ping's highlight ends: its longest run of bright bins (gaps bridged) that
    // reaches into the box, from `lookBefore` metres before it and on past its far edge up to 3 m
    // (an object turned across the track starts and ends further out in some pings than in others).
    const int past = std::min(end, lastSample + 1 + int(3.0 / bin));
    struct Run
    {
        int bright = 0, first = -1, end = -1; // bright bins; the first, and the first past the last
    };
    const auto highlight = [&](std::size_t r) {
        Run best, run;
        for (int k = begin; k <= past; ++k) {
            if (k == past || (run.bright > 0 && k - (run.end - 1) > gapLimit)) {
                if (run.bright > best.bright && run.end > boxBegin)
                    best = run;
                run = {};
            }
            if (k == past || (run.bright == 0 && k > lastSample))
                break;
            if (isBright(r, k)) {
                run.first = run.bright == 0 ? k : run.first;
                ++run.bright;
                run.end = k + 1;
            }
        }
        return best;
    };
    std::vector<std::pair<std::size_t, int>> ends; // a middle ping's row, the first bin past its highlight
    for (std::size_t r = mid0; r <= mid1; ++r)
        if (const auto h = highlight(r); h.bright >= 2)
            ends.emplace_back(r, h.end);
    if (ends.size() >= 2 && int(ends.size()) * 2 >= middle) {
        std::vector<int> sorted;
        for (const auto& e : ends)
            sorted.push_back(e.second);
        std::nth_element(sorted.begin(), sorted.begin() + long(sorted.size() / 2), sorted.end());
        out.objectEnd = sorted[sorted.size() / 2];
    } else {
        // Too few pings with a highlight of their own: the last bin in the box most of them return
        // brightly, the same for all.
        out.objectEnd = lastSample + 1;
        for (int k = std::min(lastSample, end - 1); k >= boxBegin; --k) {
            int bright = 0;
            for (std::size_t r = mid0; r <= mid1; ++r)
                bright += isBright(r, k) ? 1 : 0;
            if (bright * 2 > middle) {
                out.objectEnd = k + 1;
                break;
            }
        }
        ends.clear();
        for (std::size_t r = mid0; r <= mid1; ++r)
            ends.emplace_back(r, out.objectEnd);
    }
    // The shadow: the run of bins behind each ping's highlight where more than a third of the
    // pings are dark.
    int run = 0, gap = 0;
    for (int j = 0; out.objectEnd + j < end && gap <= gapLimit; ++j) {
        int dark = 0;
        for (const auto& [r, e] : ends)
            dark += e + j < end && isDark(r, e + j) ? 1 : 0;
        if (dark * 3 > int(ends.size())) {
            run += 1 + gap;
            gap = 0;
        } else if (run > 0) {
            ++gap;
        } else if (j > startLimit) {
            break; // no shadow starts right behind it
        }
    }
    out.shadowEnd = out.objectEnd + run;

    std::vector<int> lit(rows.size(), 0), litBeside;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (int k = boxBegin; k < std::min(out.objectEnd, end); ++k)
            lit[r] += isBright(r, k) ? 1 : 0;
        if (r < first || r > last)
            litBeside.push_back(lit[r]);
    }
    std::nth_element(litBeside.begin(), litBeside.begin() + long(litBeside.size() / 2), litBeside.end());
    const int usual = litBeside[litBeside.size() / 2];
    const auto peak =
        std::size_t(std::max_element(lit.begin() + long(first), lit.begin() + long(last) + 1) - lit.begin());
    if (lit[peak] - usual >= 2) {
        const double threshold = usual + 0.25 * (lit[peak] - usual);
        const auto on = [&](std::size_t r) { return r < lit.size() && lit[r] >= threshold; };
        std::size_t a = peak, b = peak;
        while (a > 0 && (on(a - 1) || (a > 1 && on(a - 2))))
            a -= on(a - 1) ? 1 : 2;
        while (on(b + 1) || on(b + 2))
            b += on(b + 1) ? 1 : 2;
        out.firstLit = (long long)(from + a);
        out.lastLit = (long long)(from + b);
        // Across the track: from where those pings' highlights start to where they end, each its
        // longest bright run reaching into the box (a box sized for the object unturned holds only
        // its middle), the furthest out either way left aside.
        std::vector<int> firsts, lasts;
        for (std::size_t r = a; r <= b; ++r)
            if (const auto h = highlight(r); h.bright >= 2)
                firsts.push_back(h.first), lasts.push_back(h.end);
        if (!firsts.empty()) {
            const std::size_t drop = firsts.size() > 4 ? 1 : 0; // the widest either way may be speckle
            std::sort(firsts.begin(), firsts.end());
            std::sort(lasts.begin(), lasts.end());
            out.nearEdge = firsts[drop];
            out.farEdge = lasts[lasts.size() - 1 - drop];
        }
    }
    return out;
}

Detection detectionFromBox(const SonarFile& file, const Georeferencer& geo, int side, std::size_t firstPing,
                           std::size_t lastPing, int firstSample, int lastSample, int shadowEnd, double centrePing,
                           double centreSample, double binMetres, double lookBefore)
{
    Detection d;
    d.side = side;
    d.ping = std::min(file.pingCount() - 1, std::size_t(std::max(0L, std::lround(centrePing))));
    d.sample = int(std::lround(centreSample));
    d.firstPing = firstPing;
    d.lastPing = lastPing;
    d.firstSample = firstSample;
    d.lastSample = std::max(lastSample, shadowEnd - 1);
    const auto info = file.pingInfo(d.ping);
    d.time = info.time;
    d.slantRange = (d.sample + 0.5) * binMetres;
    d.groundRange = geo.groundRange(d.ping, d.slantRange);
    const auto point = geo.locate(double(d.ping), side, d.groundRange);
    d.x = point.x;
    d.y = point.y;
    // Sizes and the shadow measured on the samples themselves: the detectors' pictures are coarser
    // or locally normalised (a shadow there can run on over a textured seabed), and a box may be
    // sized for the object lying along the track. The box's own where the samples tell nothing.
    const int channel = file.channelOn(side == 0 ? Side::Port : Side::Starboard);
    auto measured =
        channel >= 0 ? measureObject(file, channel, firstPing, lastPing, firstSample, lastSample, binMetres, lookBefore)
                     : MeasuredObject{};
    if (measured.objectEnd < 0) // too near the file's edge to compare: the detector's own measure
        measured = {lastSample + 1, std::max(lastSample + 1, shadowEnd)};
    const auto ground = [&](int sample) { return geo.groundRange(d.ping, sample * binMetres); };
    const double objectGround = ground(measured.objectEnd);
    const double shadowGround = ground(measured.shadowEnd);
    d.height = Georeferencer::heightFromShadow(geo.altitude(d.ping), objectGround, shadowGround);
    d.width = measured.nearEdge >= 0 ? ground(measured.farEdge) - ground(measured.nearEdge)
                                     : std::min(ground(lastSample + 1), objectGround) - ground(firstSample);
    const bool lit = measured.firstLit >= 0;
    d.length = geo.distance(lit ? double(measured.firstLit) : double(firstPing), side, d.groundRange,
                            (lit ? double(measured.lastLit) : double(lastPing)) + 1, side, d.groundRange);
    d.shadow = shadowGround - objectGround;
    return d;
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
        double miss = 1;
        for (const auto& [name, score] : it->scores)
            miss *= 1 - std::clamp(score, 0.0, 1.0);
        it->score = 1 - miss;
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
    return suppressDuplicates(std::move(found));
}

} // namespace fathom::sonar
