#include "objectmeasure.h"

#include "common/error.h"
#include "georeference.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace fathom::sonar {

namespace {

// Pings `from`..`to` over samples [begin, end), each a moving mean of three against speckle, and
// each bin's level: its median over the pings outside rows `first`..`last` (the object's), where a
// seabed's texture lies as it does under the object but a highlight or a shadow does not.
struct RowsBeside
{
    std::vector<std::vector<float>> rows;
    std::vector<float> levels;
};

RowsBeside rowsBeside(const SonarFile& file, int channel, std::size_t from, std::size_t to, int begin, int end,
                      std::size_t first, std::size_t last)
{
    RowsBeside out;
    for (std::size_t p = from; p <= to; ++p) {
        const auto values = file.samples(p, channel);
        std::vector<float> row(std::size_t(end - begin), 0.0f);
        for (int k = begin; k < end && k + 1 < int(values.size()); ++k)
            row[std::size_t(k - begin)] =
                (values[std::size_t(k - 1)] + values[std::size_t(k)] + values[std::size_t(k + 1)]) / 3;
        out.rows.push_back(std::move(row));
    }
    std::vector<float> beside;
    for (int k = begin; k < end; ++k) {
        beside.clear();
        for (std::size_t r = 0; r < out.rows.size(); ++r)
            if (r < first || r > last)
                beside.push_back(out.rows[r][std::size_t(k - begin)]);
        std::nth_element(beside.begin(), beside.begin() + long(beside.size() / 2), beside.end());
        out.levels.push_back(beside[beside.size() / 2]);
    }
    return out;
}

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
    // Each ping's samples over the box, `lookBefore` metres before it and well past it, against
    // the pings beside the box.
    const std::size_t first = firstPing - from, last = lastPing - from;
    const auto [rows, levels] = rowsBeside(file, channel, from, to, begin, end, first, last);
    const std::size_t centre = (first + last) / 2, half = std::max<std::size_t>(1, pings / 6);
    const std::size_t mid0 = std::max(first, centre >= half ? centre - half : 0), mid1 = std::min(last, centre + half);
    const int middle = int(mid1 - mid0 + 1);
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

struct Box
{
    std::size_t firstPing = 0, lastPing = 0;
    int firstSample = 0, lastSample = 0;
};

// The object in a box drawn loosely round it: each bin of the box's pings over its level (the
// median of the pings beside the box at that range), smoothed over about an object's scale
// (3 pings, 0.3 m) so that speckle and seabed texture fall under what a lit object keeps; the
// region above 1.8 × the level holding the most light over its level wins, and its bounds are the
// box. The box as drawn when nothing in it stands out.
Box brightestObject(const SonarFile& file, int channel, const Box& drawn, double bin)
{
    const std::size_t pings = drawn.lastPing - drawn.firstPing + 1;
    const std::size_t flank = std::max<std::size_t>(8, pings);
    const std::size_t from = drawn.firstPing >= flank ? drawn.firstPing - flank : 0;
    const std::size_t to = std::min(file.pingCount() - 1, drawn.lastPing + flank);
    const int begin = std::max(1, drawn.firstSample), end = drawn.lastSample + 1;
    if (channel < 0 || end - begin < 3 || to - from + 1 <= pings)
        return drawn;
    cv::Mat rows(int(to - from + 1), end - begin, CV_32F, cv::Scalar(0));
    for (std::size_t p = from; p <= to; ++p) {
        const auto values = file.samples(p, channel);
        auto* row = rows.ptr<float>(int(p - from));
        for (int k = begin; k < end && k + 1 < int(values.size()); ++k)
            row[k - begin] = (values[std::size_t(k - 1)] + values[std::size_t(k)] + values[std::size_t(k + 1)]) / 3;
    }
    const int top = int(drawn.firstPing - from), height = int(pings);
    cv::Mat excess(height, end - begin, CV_32F);
    std::vector<float> beside;
    for (int k = 0; k < end - begin; ++k) {
        beside.clear();
        for (int r = 0; r < rows.rows; ++r)
            if (r < top || r >= top + height)
                beside.push_back(rows.at<float>(r, k));
        std::nth_element(beside.begin(), beside.begin() + long(beside.size() / 2), beside.end());
        const float level = std::max(1e-3f, beside[beside.size() / 2]);
        for (int r = 0; r < height; ++r)
            excess.at<float>(r, k) = std::min(10.0f, rows.at<float>(top + r, k) / level);
    }
    cv::Mat smooth, mask, labels, stats, centroids;
    cv::blur(excess, smooth, cv::Size(std::max(3, int(0.3 / bin)), 3));
    cv::compare(smooth, 1.8, mask, cv::CMP_GT);
    const int count = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
    if (count < 2) // only the background: nothing stands out
        return drawn;
    std::vector<double> light(std::size_t(count), 0.0);
    for (int r = 0; r < height; ++r)
        for (int k = 0; k < smooth.cols; ++k)
            if (const int label = labels.at<int>(r, k); label > 0)
                light[std::size_t(label)] += smooth.at<float>(r, k) - 1.0;
    const auto best = std::max_element(light.begin(), light.end());
    if (*best <= 0)
        return drawn;
    const int label = int(best - light.begin());
    Box out;
    out.firstPing = drawn.firstPing + std::size_t(stats.at<int>(label, cv::CC_STAT_TOP));
    out.lastPing = out.firstPing + std::size_t(stats.at<int>(label, cv::CC_STAT_HEIGHT)) - 1;
    out.firstSample = begin + stats.at<int>(label, cv::CC_STAT_LEFT);
    out.lastSample = out.firstSample + stats.at<int>(label, cv::CC_STAT_WIDTH) - 1;
    return out;
}

// Where an object floating in the water column casts its shadow on the seabed: over the pings it
// lights, the longest run of bins from `fromSample` to `toSample` where more than a third of those
// pings are below half the level of the pings beside them at the same range (gaps of speckle up to
// 0.2 m bridged). The run's middle sample; -1 when there is none.
double seabedShadowCentre(const SonarFile& file, int channel, std::size_t firstPing, std::size_t lastPing,
                          int fromSample, int toSample, double binMetres)
{
    const std::size_t pings = lastPing - firstPing + 1, flank = std::max<std::size_t>(6, 2 * pings);
    const std::size_t from = firstPing >= flank ? firstPing - flank : 0;
    const std::size_t to = std::min(file.pingCount() - 1, lastPing + flank);
    toSample = std::min(toSample, file.pingInfo(firstPing).samples - 2);
    if (toSample <= fromSample + 2 || to - from + 1 <= pings)
        return -1;
    const std::size_t first = firstPing - from, last = lastPing - from;
    const auto [rows, levels] = rowsBeside(file, channel, from, to, fromSample, toSample + 1, first, last);
    const int gapLimit = std::max(2, int(0.2 / std::max(1e-3, binMetres)));
    int bestFirst = -1, bestEnd = -1, bestDark = 0, runFirst = -1, runEnd = -1, runDark = 0;
    for (int k = fromSample; k <= toSample + gapLimit + 1; ++k) {
        bool dark = false;
        if (k <= toSample) {
            int count = 0;
            for (std::size_t r = first; r <= last; ++r)
                count += rows[r][std::size_t(k - fromSample)] < 0.5f * levels[std::size_t(k - fromSample)] ? 1 : 0;
            dark = count * 3 > int(pings);
        }
        if (dark) {
            runFirst = runDark == 0 ? k : runFirst;
            ++runDark;
            runEnd = k + 1;
        } else if (runDark > 0 && k - runEnd >= gapLimit) {
            if (runDark > bestDark) {
                bestDark = runDark;
                bestFirst = runFirst;
                bestEnd = runEnd;
            }
            runDark = 0;
        }
    }
    return bestDark >= 3 ? 0.5 * (bestFirst + bestEnd) : -1;
}

} // namespace

Detection detectionFromMeasure(const SonarFile& file, const Georeferencer& geo, int side, std::size_t firstPing,
                               std::size_t lastPing, int firstSample, int lastSample, int shadowEnd, double centrePing,
                               double centreSample, double binMetres, MeasuredObject measured)
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
    if (measured.objectEnd < 0) // too near the file's edge to compare: the detector's own measure
        measured = {lastSample + 1, std::max(lastSample + 1, shadowEnd)};
    if (d.groundRange <= 0) {
        // Nearer than the seabed: an object floating in the water column (a moored one). No shadow
        // lies right behind it to give a height (its shadow falls on the seabed further out: below,
        // it places the object instead); its size across is its extent in slant range.
        d.width = measured.nearEdge >= 0 ? (measured.farEdge - measured.nearEdge) * binMetres
                                         : (lastSample + 1 - firstSample) * binMetres;
        const bool lit = measured.firstLit >= 0;
        d.length = geo.distance(lit ? double(measured.firstLit) : double(firstPing), side, 0.0,
                                (lit ? double(measured.lastLit) : double(lastPing)) + 1, side, 0.0);
        d.height = d.shadow = 0;
        if (measured.nearEdge >= 0) { // the box round the object alone: no shadow to hold
            d.firstSample = measured.nearEdge;
            d.lastSample = std::max(measured.nearEdge, measured.farEdge - 1);
        }
        d.waterColumn = true;
        // Where it floats, from where its shadow falls on the seabed: the ray from the towfish past
        // the object meets the seabed there, so (similar triangles) the object lies at the shadow's
        // slant direction, its own slant range along it.
        const double a = geo.altitude(d.ping);
        const int channel = file.channelOn(side == 0 ? Side::Port : Side::Starboard);
        if (channel >= 0 && a > 0 && lit) {
            const int seabed = int(std::ceil((a + 0.5) / binMetres)); // past the first return
            const double shadow =
                seabedShadowCentre(file, channel, std::size_t(measured.firstLit), std::size_t(measured.lastLit), seabed,
                                   seabed + int(30.0 / binMetres), binMetres);
            const double towardShadow = shadow > 0 ? (shadow + 0.5) * binMetres : 0;
            if (towardShadow > a) {
                d.aboveSeabed = a - d.slantRange * a / towardShadow;
                d.groundRange = std::sqrt(towardShadow * towardShadow - a * a) * d.slantRange / towardShadow;
                const auto at = geo.locate(double(d.ping), side, d.groundRange);
                d.x = at.x;
                d.y = at.y;
            }
        }
        return d;
    }
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

MeasuredObject measureOnSide(const SonarFile& file, int side, std::size_t firstPing, std::size_t lastPing,
                             int firstSample, int lastSample, double binMetres, double lookBefore)
{
    const int channel = file.channelOn(side == 0 ? Side::Port : Side::Starboard);
    return channel >= 0
               ? measureObject(file, channel, firstPing, lastPing, firstSample, lastSample, binMetres, lookBefore)
               : MeasuredObject{};
}

Detection detectionFromDrawnBox(const SonarFile& file, const Georeferencer& geo, int side, std::size_t firstPing,
                                std::size_t lastPing, double nearSlant, double farSlant)
{
    if (file.pingCount() == 0)
        throw Error(file.path().string() + ": no pings to mark a contact on");
    lastPing = std::min(std::max(firstPing, lastPing), file.pingCount() - 1);
    firstPing = std::min(firstPing, lastPing);
    const auto info = file.pingInfo((firstPing + lastPing) / 2);
    const double bin = info.slantRange / std::max(1, info.samples);
    if (bin <= 0)
        throw Error(file.path().string() + ": the ping records no range to mark a contact on");
    int firstSample =
        std::clamp(int(std::floor(std::max(0.0, std::min(nearSlant, farSlant)) / bin)), 0, info.samples - 1);
    int lastSample = std::clamp(int(std::ceil(std::max(nearSlant, farSlant) / bin)) - 1, firstSample, info.samples - 1);
    // Drawn loosely round the object, the box holds seabed beside it: measured in the box round its
    // brightest part, two pings either way, from 0.2 m before it to 2 m past it (the shadow's start);
    // drawn tight, its near edge may lie inside the highlight: a metre before it is looked at too.
    const int channel = file.channelOn(side == 0 ? Side::Port : Side::Starboard);
    const auto object = brightestObject(file, channel, {firstPing, lastPing, firstSample, lastSample}, bin);
    firstPing = object.firstPing >= 2 ? object.firstPing - 2 : 0;
    lastPing = std::min(file.pingCount() - 1, object.lastPing + 2);
    firstSample = std::max(0, object.firstSample - int(0.2 / bin));
    lastSample = std::min(info.samples - 1, object.lastSample + int(2.0 / bin));
    // An object in the water column: measured short of the seabed's first return (a bright line
    // that would otherwise widen it).
    const double altitude = geo.altitude((firstPing + lastPing) / 2);
    if ((object.lastSample + 1) * bin < altitude - 0.3)
        lastSample = std::min(lastSample, std::max(object.lastSample, int((altitude - 0.3) / bin)));
    const auto measured = measureOnSide(file, side, firstPing, lastPing, firstSample, lastSample, bin, 1.0);
    const bool lit = measured.firstLit >= 0, edges = measured.nearEdge >= 0;
    // Centred on the object the samples show, not on the box (which may hold its shadow too).
    const double centrePing =
        lit ? 0.5 * double(measured.firstLit + measured.lastLit) : 0.5 * double(firstPing + lastPing);
    const double centreSample =
        edges ? 0.5 * double(measured.nearEdge + measured.farEdge - 1) : 0.5 * double(firstSample + lastSample);
    auto d =
        detectionFromMeasure(file, geo, side, lit ? std::min(firstPing, std::size_t(measured.firstLit)) : firstPing,
                             lit ? std::max(lastPing, std::size_t(measured.lastLit)) : lastPing,
                             edges ? std::min(firstSample, measured.nearEdge) : firstSample, lastSample,
                             std::max(lastSample + 1, measured.shadowEnd), centrePing, centreSample, bin, measured);
    d.detector = "analyst";
    d.score = 1.0; // the analyst saw it
    return d;
}

} // namespace fathom::sonar
