#include "figures.h"

#include "common/axisticks.h"
#include "common/error.h"
#include "sonar/waterfall.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

namespace fathom::report {

namespace {

const cv::Scalar kInk(40, 40, 40), kGrid(225, 225, 225), kWhite(255, 255, 255);
// A contact's or an alert's review: orange new, green confirmed, grey rejected (BGR).
const cv::Scalar kStatusColour[] = {{0, 140, 255}, {60, 160, 40}, {150, 150, 150}};
// Blue, orange, green, red, purple, brown (BGR), one per lane.
const cv::Scalar kColours[] = {{180, 119, 31}, {14, 127, 255},  {44, 160, 44},
                               {40, 39, 214},  {189, 103, 148}, {75, 86, 140}};

Figure encode(const cv::Mat& image, bool photo = false)
{
    Figure figure;
    const bool ok = photo ? cv::imencode(".jpg", image, figure.data, {cv::IMWRITE_JPEG_QUALITY, 88})
                          : cv::imencode(".png", image, figure.data);
    if (!ok)
        throw Error("a report picture could not be encoded");
    figure.mime = photo ? "image/jpeg" : "image/png";
    figure.width = image.cols;
    figure.height = image.rows;
    return figure;
}

void label(cv::Mat& image, const std::string& text, cv::Point at, double scale = 0.42, const cv::Scalar& colour = kInk,
           int thickness = 1)
{
    cv::putText(image, text, at, cv::FONT_HERSHEY_SIMPLEX, scale, colour, thickness, cv::LINE_AA);
}

// A round length (1, 2 or 5 × 10^k) no longer than `most`.
double roundLength(double most)
{
    if (!(most > 0))
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(most)));
    for (double f : {5.0, 2.0, 1.0})
        if (f * power <= most)
            return f * power;
    return power;
}

std::string metres(double m)
{
    char buffer[32];
    if (m >= 1000)
        std::snprintf(buffer, sizeof buffer, "%g km", m / 1000);
    else
        std::snprintf(buffer, sizeof buffer, "%g m", m);
    return buffer;
}

std::string number(double v)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", v);
    return buffer;
}

// A plot's bound, with as many decimals as its span needs to tell it from the other bound
// (1520.0 / 1510.0 m/s, where %.3g wrote 1.52e+03 / 1.51e+03).
std::string boundNumber(double v, double span)
{
    if (!std::isfinite(v) || std::abs(v) >= 1e7 || !(span > 0))
        return number(v);
    const int decimals = std::clamp(2 - int(std::floor(std::log10(span))), 0, 6);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

void scaleBar(cv::Mat& image, cv::Point origin, double pixelsPerMetre, int maxPixels)
{
    const double length = roundLength(maxPixels / std::max(pixelsPerMetre, 1e-9));
    const int pixels = int(std::lround(length * pixelsPerMetre));
    cv::rectangle(image, origin - cv::Point(4, 16), origin + cv::Point(pixels + 4, 6), kWhite, cv::FILLED);
    cv::line(image, origin, origin + cv::Point(pixels, 0), kInk, 2);
    for (int x : {0, pixels})
        cv::line(image, origin + cv::Point(x, -5), origin + cv::Point(x, 5), kInk, 2);
    label(image, metres(length), origin + cv::Point(pixels / 2 - 14, -7));
}

struct Range
{
    double lo = std::numeric_limits<double>::infinity(), hi = -std::numeric_limits<double>::infinity();
    void add(double v)
    {
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    bool empty() const { return !(hi >= lo); }
    void pad()
    {
        if (empty())
            lo = 0, hi = 1;
        const double margin = std::max(1e-9, (hi - lo) * 0.08 + (hi == lo ? std::abs(hi) * 0.05 + 1e-3 : 0));
        lo -= margin;
        hi += margin;
    }
};

// A polyline through finite points, broken where values are missing.
void trace(cv::Mat& image, const std::vector<double>& xs, const std::vector<double>& ys, const cv::Rect& box,
           const Range& xr, const Range& yr, const cv::Scalar& colour, int thickness = 1)
{
    std::vector<cv::Point> run;
    auto flush = [&] {
        if (run.size() > 1)
            cv::polylines(image, run, false, colour, thickness, cv::LINE_AA);
        run.clear();
    };
    for (std::size_t i = 0; i < std::min(xs.size(), ys.size()); ++i) {
        if (!std::isfinite(ys[i])) {
            flush();
            continue;
        }
        run.emplace_back(box.x + int((xs[i] - xr.lo) / (xr.hi - xr.lo) * box.width),
                         box.y + box.height - int((ys[i] - yr.lo) / (yr.hi - yr.lo) * box.height));
    }
    flush();
}

} // namespace

Figure trackMap(const std::vector<MapPoint>& track, const std::vector<MapMark>& marks, bool geographic,
                double* gridMetres)
{
    const int width = 900, height = 500, margin = 40;
    cv::Mat image(height, width, CV_8UC3, kWhite);
    if (track.empty() && marks.empty())
        return encode(image);
    // Local metres around the first point: east and north.
    const MapPoint origin = track.empty() ? marks.front().at : track.front();
    const double kx = geographic ? 111320.0 * std::cos(origin.y * M_PI / 180) : 1.0;
    const double ky = geographic ? 110540.0 : 1.0;
    auto local = [&](MapPoint p) { return cv::Point2d((p.x - origin.x) * kx, (p.y - origin.y) * ky); };
    Range ex, ny;
    for (const auto& p : track) {
        ex.add(local(p).x);
        ny.add(local(p).y);
    }
    for (const auto& m : marks) {
        ex.add(local(m.at).x);
        ny.add(local(m.at).y);
    }
    const double spanX = std::max(1.0, ex.hi - ex.lo), spanY = std::max(1.0, ny.hi - ny.lo);
    const double scale = std::min((width - 2.0 * margin) / spanX, (height - 2.0 * margin) / spanY);
    const double cx = (ex.lo + ex.hi) / 2, cy = (ny.lo + ny.hi) / 2;
    auto pixel = [&](MapPoint p) {
        const auto m = local(p);
        return cv::Point(int(width / 2 + (m.x - cx) * scale), int(height / 2 - (m.y - cy) * scale));
    };
    // A light grid every round distance.
    const double step = roundLength(spanX / 4);
    if (gridMetres)
        *gridMetres = step;
    for (double e = std::floor(ex.lo / step) * step; e <= ex.hi; e += step) {
        const int x = int(width / 2 + (e - cx) * scale);
        cv::line(image, {x, 0}, {x, height}, kGrid, 1);
    }
    for (double n = std::floor(ny.lo / step) * step; n <= ny.hi; n += step) {
        const int y = int(height / 2 - (n - cy) * scale);
        cv::line(image, {0, y}, {width, y}, kGrid, 1);
    }
    std::vector<cv::Point> line;
    for (const auto& p : track)
        line.push_back(pixel(p));
    if (line.size() > 1)
        cv::polylines(image, line, false, kColours[0], 2, cv::LINE_AA);
    if (!line.empty())
        cv::circle(image, line.front(), 5, kColours[0], cv::FILLED, cv::LINE_AA);
    for (const auto& m : marks) {
        const auto at = pixel(m.at);
        cv::circle(image, at, 6, kStatusColour[std::clamp(m.status, 0, 2)], cv::FILLED, cv::LINE_AA);
        cv::circle(image, at, 6, kInk, 1, cv::LINE_AA);
        label(image, m.label, at + cv::Point(8, -6), 0.45);
    }
    scaleBar(image, {margin, height - 18}, scale, width / 4);
    // North arrow, top right.
    const cv::Point tip(width - 40, 22), base(width - 40, 70);
    cv::arrowedLine(image, base, tip, kInk, 2, cv::LINE_AA, 0, 0.35);
    label(image, "N", {width - 47, 88}, 0.6, kInk, 2);
    cv::rectangle(image, {0, 0}, {width - 1, height - 1}, kInk, 1);
    return encode(image);
}

Figure contactCrop(const sonar::SonarFile& file, const project::ContactRecord& contact)
{
    // Pings along track: the box and as much again around it, at least 100.
    const long long boxPings = std::max<long long>(1, contact.lastPing - contact.firstPing + 1);
    const long long half = std::max<long long>(50, boxPings);
    const long long centre = (contact.firstPing + contact.lastPing) / 2;
    const long long pings = (long long)(file.pingCount());
    const long long first = std::clamp<long long>(centre - half, 0, std::max<long long>(0, pings - 1));
    const long long last = std::clamp<long long>(centre + half + 1, first + 1, pings);
    sonar::RenderOptions options;
    // Ground-range corrected, except round an object in the water column, which that removes.
    const bool slant = contact.inWaterColumn();
    options.groundRange = !slant;
    options.firstPing = std::size_t(first);
    options.lastPing = std::size_t(last);
    options.columnsPerSide = 512;
    const auto picture = sonar::renderWaterfall(file, options);
    const double range = file.pingInfo(std::size_t(first)).slantRange;
    const double binMetres = range / options.columnsPerSide;
    cv::Mat rgb(picture.height, picture.width, CV_8UC3, const_cast<std::uint8_t*>(picture.rgb.data()));
    cv::Mat image;
    cv::cvtColor(rgb, image, cv::COLOR_RGB2BGR);
    // Columns of a ground (or slant) range on the contact's side (port drawn right to left from nadir).
    auto column = [&](double metresOut) {
        const double j = metresOut / binMetres;
        return contact.side == 0 ? options.columnsPerSide - j : options.columnsPerSide + j;
    };
    const double nearG = slant                                             ? contact.nearSlant
                         : contact.nearGround > 0 || contact.farGround > 0 ? contact.nearGround
                                                                           : contact.groundRange - contact.width / 2;
    const double farG = slant                       ? contact.farSlant
                        : contact.farGround > nearG ? contact.farGround
                                                    : contact.groundRange + contact.width / 2;
    const double left = std::min(column(nearG), column(farG)), right = std::max(column(nearG), column(farG));
    // Across: the box and 15 m (or its own width) on either side.
    const double padColumns = std::max(15.0 / binMetres, right - left);
    const int x0 = std::clamp(int(left - padColumns), 0, image.cols - 1);
    const int x1 = std::clamp(int(right + padColumns), x0 + 1, image.cols);
    cv::Mat crop = image(cv::Rect(x0, 0, x1 - x0, image.rows)).clone();
    // Square-ish pixels: scale across to the along-track count.
    const double zoom = std::clamp(360.0 / crop.cols, 1.0, 8.0);
    cv::resize(crop, crop, cv::Size(int(crop.cols * zoom), crop.rows), 0, 0, cv::INTER_LINEAR);
    const double zoomY = std::clamp(300.0 / crop.rows, 1.0, 4.0);
    cv::resize(crop, crop, cv::Size(crop.cols, int(crop.rows * zoomY)), 0, 0, cv::INTER_LINEAR);
    const cv::Point topLeft(int((left - x0) * zoom) - 3, int((contact.firstPing - first) * zoomY) - 3);
    const cv::Point bottomRight(int((right - x0) * zoom) + 3, int((contact.lastPing - first + 1) * zoomY) + 3);
    cv::rectangle(crop, topLeft, bottomRight, cv::Scalar(0, 255, 255), 2, cv::LINE_AA);
    scaleBar(crop, {10, crop.rows - 10}, zoom / binMetres, crop.cols / 3);
    return encode(crop, true);
}

Figure alertPlot(const std::vector<double>& seconds, const Trace& actual, const Trace& forecast,
                 const std::vector<double>& bandLow, const std::vector<double>& bandHigh,
                 const std::vector<Trace>& lanes, double spanStart, double spanEnd,
                 std::vector<std::string>* boundLabels)
{
    const int width = 900, left = 90, right = 20, topHeight = 200, laneHeight = 70, gap = 12;
    const int height = 20 + topHeight + int(lanes.size()) * (laneHeight + gap) + 40;
    cv::Mat image(height, width, CV_8UC3, kWhite);
    Range xr;
    for (double s : seconds)
        xr.add(s);
    if (xr.empty() || xr.hi == xr.lo)
        xr.hi = xr.lo + 1;
    auto panel = [&](cv::Rect box, const std::vector<const std::vector<double>*>& series) {
        Range yr;
        for (const auto* values : series)
            for (double v : *values)
                yr.add(v);
        yr.pad();
        cv::rectangle(image, box, kGrid, cv::FILLED);
        cv::rectangle(image, box, kWhite, 1);
        const int s0 = box.x + int((spanStart - xr.lo) / (xr.hi - xr.lo) * box.width);
        const int s1 = box.x + int((spanEnd - xr.lo) / (xr.hi - xr.lo) * box.width);
        cv::Mat area = image(box);
        cv::Mat shade = area.clone();
        cv::rectangle(shade, {std::max(0, s0 - box.x), 0}, {std::max(1, s1 - box.x), box.height},
                      cv::Scalar(80, 80, 230), cv::FILLED);
        cv::addWeighted(shade, 0.25, area, 0.75, 0, area);
        const auto hi = boundNumber(yr.hi, yr.hi - yr.lo), lo = boundNumber(yr.lo, yr.hi - yr.lo);
        label(image, hi, {4, box.y + 12}, 0.38);
        label(image, lo, {4, box.y + box.height}, 0.38);
        if (boundLabels)
            boundLabels->insert(boundLabels->end(), {hi, lo});
        return yr;
    };
    cv::Rect top(left, 20, width - left - right, topHeight);
    std::vector<const std::vector<double>*> topSeries{&actual.values, &forecast.values, &bandLow, &bandHigh};
    const Range yr = panel(top, topSeries);
    if (!bandLow.empty() && bandLow.size() == bandHigh.size()) {
        trace(image, seconds, bandLow, top, xr, yr, cv::Scalar(200, 160, 120), 1);
        trace(image, seconds, bandHigh, top, xr, yr, cv::Scalar(200, 160, 120), 1);
    }
    trace(image, seconds, actual.values, top, xr, yr, kInk, 1);
    trace(image, seconds, forecast.values, top, xr, yr, kColours[1], 2);
    label(image, actual.name, {left + 6, 36}, 0.42);
    int y = 20 + topHeight + gap;
    for (std::size_t i = 0; i < lanes.size(); ++i, y += laneHeight + gap) {
        cv::Rect box(left, y, width - left - right, laneHeight);
        const Range lr = panel(box, {&lanes[i].values});
        trace(image, seconds, lanes[i].values, box, xr, lr, kColours[(i + 2) % 6], 1);
        label(image, lanes[i].name, {left + 6, y + 14}, 0.4);
    }
    // Time axis: seconds from the first row shown.
    const double step = roundLength((xr.hi - xr.lo) / 5);
    for (double t = std::ceil(xr.lo / step) * step; t <= xr.hi; t += step) {
        const int x = left + int((t - xr.lo) / (xr.hi - xr.lo) * (width - left - right));
        cv::line(image, {x, height - 36}, {x, height - 30}, kInk, 1);
        label(image, number(t - xr.lo) + " s", {x - 12, height - 14}, 0.38);
    }
    return encode(image);
}

Figure alertTimeline(const std::vector<double>& seconds, const std::vector<Trace>& lanes,
                     const std::vector<TimelineMark>& marks, std::vector<int>* peakColumns,
                     std::vector<std::array<int, 4>>* labelBoxes)
{
    const int width = 900, left = 90, right = 20, top = 58, laneHeight = 56, gap = 8;
    const int plotWidth = width - left - right;
    const int height = top + int(std::max<std::size_t>(1, lanes.size())) * (laneHeight + gap) + 34;
    cv::Mat image(height, width, CV_8UC3, kWhite);
    Range xr;
    for (const double s : seconds)
        xr.add(s);
    if (xr.empty() || xr.hi == xr.lo)
        xr.hi = xr.lo + 1;
    const auto column = [&](double t) {
        return left + std::clamp(int((t - xr.lo) / (xr.hi - xr.lo) * plotWidth), 0, plotWidth - 1);
    };
    const auto laneBox = [&](std::size_t i) {
        return cv::Rect(left, top + int(i) * (laneHeight + gap), plotWidth, laneHeight);
    };
    for (std::size_t i = 0; i < std::max<std::size_t>(1, lanes.size()); ++i)
        cv::rectangle(image, laneBox(i), kGrid, cv::FILLED);
    // The alerts' spans, shaded on their lanes under the traces.
    for (const auto& m : marks)
        for (const auto lane : m.lanes) {
            if (lane >= lanes.size())
                continue;
            const auto box = laneBox(lane);
            const int x0 = column(m.start), x1 = std::max(column(m.end), x0 + 2);
            cv::Mat area = image(cv::Rect(x0, box.y, std::min(x1, left + plotWidth) - x0, box.height));
            cv::Mat shade(area.size(), area.type(), kStatusColour[std::clamp(m.status, 0, 2)]);
            cv::addWeighted(shade, 0.45, area, 0.55, 0, area);
        }
    // Each lane as its range in every pixel column.
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        const auto box = laneBox(i);
        const auto& values = lanes[i].values;
        // Blue, red, purple, brown: never the reviews' orange or green.
        const cv::Scalar& colour = kColours[std::array<int, 4>{0, 3, 4, 5}[i % 4]];
        std::vector<Range> columns{std::size_t(plotWidth)};
        Range all;
        for (std::size_t r = 0; r < std::min(values.size(), seconds.size()); ++r)
            if (std::isfinite(values[r]) && std::isfinite(seconds[r])) {
                columns[std::size_t(column(seconds[r]) - left)].add(values[r]);
                all.add(values[r]);
            }
        all.pad();
        const auto y = [&](double v) {
            return box.y + box.height - int((v - all.lo) / (all.hi - all.lo) * box.height);
        };
        cv::Point previous(-1, -1);
        for (int x = 0; x < plotWidth; ++x) {
            const auto& c = columns[std::size_t(x)];
            if (c.empty()) {
                previous = {-1, -1};
                continue;
            }
            const cv::Point low(left + x, y(c.lo)), high(left + x, y(c.hi));
            if (previous.x >= 0) // joined to the column before, so a smooth record reads as a line
                cv::line(image, previous, {left + x, (low.y + high.y) / 2}, colour, 1, cv::LINE_AA);
            cv::line(image, low, high, colour, 1);
            previous = {left + x, (low.y + high.y) / 2};
        }
        label(image, lanes[i].name, {left + 6, box.y + 14}, 0.4);
        label(image, boundNumber(all.hi, all.hi - all.lo), {4, box.y + 12}, 0.38);
        label(image, boundNumber(all.lo, all.hi - all.lo), {4, box.y + box.height}, 0.38);
    }
    // The peaks: a line through every lane and the number above it, left to right in time, in the
    // first of three rows where it clears the number before it. Where none does, it stands right of
    // the row that ends first, a leader down to its peak (many alerts within seconds).
    std::vector<std::size_t> order(marks.size());
    for (std::size_t i = 0; i < marks.size(); ++i)
        order[i] = i;
    if (peakColumns)
        for (const auto& m : marks)
            peakColumns->push_back(column(m.peak));
    if (labelBoxes)
        labelBoxes->assign(marks.size(), {0, 0, 0, 0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return marks[a].peak < marks[b].peak; });
    constexpr double scale = 0.42;
    constexpr int spacing = 4;
    int rowEnd[3] = {-1000, -1000, -1000}; // where each row's last number ends
    std::vector<std::pair<std::size_t, cv::Rect>> placed;
    for (const auto i : order) {
        const auto& m = marks[i];
        const int x = column(m.peak);
        const auto colour = kStatusColour[std::clamp(m.status, 0, 2)];
        cv::line(image, {x, top - 4}, {x, height - 34}, colour, 1);
        int baseline = 0;
        const auto size = cv::getTextSize(m.label, cv::FONT_HERSHEY_SIMPLEX, scale, 1, &baseline);
        int row = 0, textLeft = x - size.width / 2;
        while (row < 3 && rowEnd[row] + spacing > textLeft)
            ++row;
        if (row == 3) {
            row = int(std::min_element(rowEnd, rowEnd + 3) - rowEnd);
            textLeft = rowEnd[row] + spacing;
        }
        textLeft = std::min(textLeft, width - size.width - 2);
        rowEnd[row] = textLeft + size.width;
        const cv::Rect box(textLeft, 14 + 15 * row - size.height, size.width, size.height);
        if (std::abs(textLeft + size.width / 2 - x) > size.width / 2)
            cv::line(image, {textLeft + size.width / 2, box.y + box.height + 3}, {x, top - 4}, colour, 1, cv::LINE_AA);
        placed.emplace_back(i, box);
    }
    // The numbers over the leaders, each on white, so a leader passing behind one never crosses it.
    for (const auto& [i, box] : placed) {
        cv::rectangle(image, {box.x - 1, box.y - 2, box.width + 2, box.height + 5}, kWhite, cv::FILLED);
        label(image, marks[i].label, {box.x, box.y + box.height}, scale,
              kStatusColour[std::clamp(marks[i].status, 0, 2)], 1);
        if (labelBoxes)
            (*labelBoxes)[i] = {box.x, box.y, box.width, box.height};
    }
    // Time axis: from the record's first row, in minutes past ten of them.
    const bool minutes = xr.hi - xr.lo > 600;
    const double unit = minutes ? 60 : 1;
    const double step = roundLength((xr.hi - xr.lo) / unit / 6) * unit;
    for (double t = std::ceil(xr.lo / step) * step; t <= xr.hi; t += step) {
        const int x = column(t);
        cv::line(image, {x, height - 30}, {x, height - 24}, kInk, 1);
        label(image, number((t - xr.lo) / unit) + (minutes ? " min" : " s"), {x - 12, height - 8}, 0.38);
    }
    return encode(image);
}

Figure lossCurve(const std::vector<double>& train, const std::vector<double>& validation, int bestEpoch,
                 std::vector<double>* lossTicks)
{
    const int width = 600, height = 260, left = 64, bottom = 36, top = 14, right = 16;
    cv::Mat image(height, width, CV_8UC3, kWhite);
    cv::Rect box(left, top, width - left - right, height - top - bottom);
    std::vector<double> epochs;
    for (std::size_t i = 0; i < std::max(train.size(), validation.size()); ++i)
        epochs.push_back(double(i + 1));
    Range xr{1, std::max(2.0, double(epochs.size()))}, yr;
    for (const auto* values : {&train, &validation})
        for (double v : *values)
            yr.add(v);
    // Losses on a log scale, as the Training dock draws them (they fall by decades), with round
    // values marked; a loss of zero or below (none of Fathom's) falls back to a linear scale.
    const bool logarithmic = !yr.empty() && yr.lo > 0;
    std::vector<double> ticks;
    if (logarithmic) {
        const double decades = std::max(std::log10(yr.hi / yr.lo), 0.05);
        yr.lo /= std::pow(10.0, decades * 0.06);
        yr.hi *= std::pow(10.0, decades * 0.06);
        ticks = logRoundTicks(yr.lo, yr.hi, 20.0 / (box.height / std::log10(yr.hi / yr.lo)));
    } else {
        yr.pad();
    }
    if (ticks.empty()) { // a narrow or linear range: evenly spaced round values
        const double step = roundLength((yr.hi - yr.lo) / 4);
        for (double t = std::ceil(yr.lo / step) * step; t <= yr.hi; t += step)
            ticks.push_back(std::abs(t) < step * 1e-9 ? 0 : t);
    }
    const auto y = [&](double v) {
        const double f =
            logarithmic ? std::log10(v / yr.lo) / std::log10(yr.hi / yr.lo) : (v - yr.lo) / (yr.hi - yr.lo);
        return top + box.height - int(std::lround(f * box.height));
    };
    std::vector<double> logged(train.size()), loggedValidation(validation.size());
    const auto scaled = [&](double v) { return logarithmic ? std::log10(v) : v; };
    std::transform(train.begin(), train.end(), logged.begin(), scaled);
    std::transform(validation.begin(), validation.end(), loggedValidation.begin(), scaled);
    const Range plotted{scaled(yr.lo), scaled(yr.hi)};

    cv::rectangle(image, box, kGrid, cv::FILLED);
    for (const double t : ticks) {
        cv::line(image, {left, y(t)}, {left + box.width, y(t)}, kWhite, 1);
        cv::line(image, {left - 5, y(t)}, {left, y(t)}, kInk, 1);
        const auto text = number(t);
        int baseline = 0;
        const auto size = cv::getTextSize(text, cv::FONT_HERSHEY_SIMPLEX, 0.38, 1, &baseline);
        label(image, text, {left - 8 - size.width, y(t) + size.height / 2}, 0.38);
    }
    if (bestEpoch > 0) {
        const int x = left + int((bestEpoch - xr.lo) / (xr.hi - xr.lo) * box.width);
        cv::line(image, {x, top}, {x, top + box.height}, cv::Scalar(120, 120, 120), 1, cv::LINE_AA);
    }
    trace(image, epochs, logged, box, xr, plotted, kColours[0], 2);
    trace(image, epochs, loggedValidation, box, xr, plotted, kColours[1], 2);
    const double step = std::max(1.0, roundLength((xr.hi - xr.lo) / 6));
    for (double e = step > 1 ? step : 1; e <= xr.hi; e += step) {
        const int x = left + int((e - xr.lo) / (xr.hi - xr.lo) * box.width);
        cv::line(image, {x, top + box.height}, {x, top + box.height + 5}, kInk, 1);
        label(image, number(e), {x - 4, height - 14}, 0.38);
    }
    if (lossTicks)
        *lossTicks = ticks;
    return encode(image);
}

} // namespace fathom::report
