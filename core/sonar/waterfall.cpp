#include "waterfall.h"

#include "common/error.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <functional>
#include <thread>

namespace fathom::sonar {

namespace {

struct Rgb
{
    std::uint8_t r, g, b;
};

Rgb colour(Palette palette, double v) // v in [0, 1]
{
    const auto byte = [](double x) { return std::uint8_t(std::clamp(x, 0.0, 1.0) * 255.0 + 0.5); };
    switch (palette) {
    case Palette::Grey: return {byte(v), byte(v), byte(v)};
    case Palette::Inverted: return {byte(1 - v), byte(1 - v), byte(1 - v)};
    case Palette::Copper: return {byte(v * 1.25), byte(v * 0.7812), byte(v * 0.4975)};
    case Palette::Amber: return {byte(v * 1.1), byte(v * 0.75), byte(v * 0.2)};
    }
    return {byte(v), byte(v), byte(v)};
}

// The first sample clearly above the water column, nadir first; -1 when there is none.
int firstReturn(const std::vector<float>& samples)
{
    const int n = int(samples.size());
    if (n < 16)
        return -1;
    std::vector<float> head(samples.begin(), samples.begin() + n / 2);
    std::nth_element(head.begin(), head.begin() + head.size() * 9 / 10, head.end());
    const double threshold = 0.5 * head[head.size() * 9 / 10];
    // Recorders often keep the transmit pulse in the first samples: step past it, then look
    // for the rise from the quiet water column to the seabed.
    bool quiet = false;
    for (int k = 2; k < n - 2; ++k) {
        const double run = (samples[k - 2] + samples[k - 1] + samples[k] + samples[k + 1] + samples[k + 2]) / 5.0;
        if (!quiet)
            quiet = run < 0.5 * threshold;
        else if (run > threshold) {
            for (int j = k - 2; j <= k + 2; ++j) // the first sample of the rise, not the window's middle
                if (samples[j] > threshold)
                    return j;
            return k;
        }
    }
    return -1;
}

// One side of one ping onto `columns` bins: slant range as recorded, or ground range below a
// towfish `altitude` metres above the seabed. Linear interpolation between samples.
void resample(const std::vector<float>& samples, float slantRange, float altitude, bool ground, float* row, int columns)
{
    const int n = int(samples.size());
    if (n == 0)
        return;
    const float perMetre = float(n) / std::max(1e-6f, slantRange);
    const float binMetres = slantRange / float(columns);
    const float a2 = altitude * altitude;
    for (int j = 0; j < columns; ++j) {
        const float metres = (float(j) + 0.5f) * binMetres;
        const float at = (ground ? std::sqrt(metres * metres + a2) : metres) * perMetre - 0.5f;
        if (at < 0.f || at > float(n - 1))
            continue;
        const int k = int(at);
        const int k1 = std::min(k + 1, n - 1);
        row[j] = samples[std::size_t(k)] + (samples[std::size_t(k1)] - samples[std::size_t(k)]) * (at - float(k));
    }
}

// Runs work(from, to) over [0, count) on the machine's cores; an Error thrown in any part
// reaches the caller.
void inParallel(std::size_t count, const std::function<void(std::size_t, std::size_t)>& work)
{
    const std::size_t threads = count >= 128 ? std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8) : 1;
    const std::size_t chunk = (count + threads - 1) / threads;
    std::vector<std::exception_ptr> errors(threads);
    std::vector<std::thread> helpers;
    auto guarded = [&](std::size_t t) {
        try {
            work(std::min(count, t * chunk), std::min(count, (t + 1) * chunk));
        } catch (...) {
            errors[t] = std::current_exception();
        }
    };
    for (std::size_t t = 1; t < threads; ++t)
        helpers.emplace_back(guarded, t);
    guarded(0);
    for (auto& helper : helpers)
        helper.join();
    for (const auto& error : errors)
        if (error)
            std::rethrow_exception(error);
}

} // namespace

Palette parsePalette(const std::string& name)
{
    if (name == "grey" || name == "gray")
        return Palette::Grey;
    if (name == "copper")
        return Palette::Copper;
    if (name == "amber")
        return Palette::Amber;
    if (name == "inverted")
        return Palette::Inverted;
    throw Error("unknown palette '" + name + "': expected grey, copper, amber or inverted");
}

std::vector<double> trackBottom(const SonarFile& file, std::size_t first, std::size_t last)
{
    const int port = file.channelOn(Side::Port), starboard = file.channelOn(Side::Starboard);
    std::vector<double> altitude(last - first, 0.0);
    for (std::size_t i = first; i < last; ++i) {
        const auto info = file.pingInfo(i);
        if (info.altitude > 0.1) {
            altitude[i - first] = info.altitude;
            continue;
        }
        int bin = -1;
        for (int channel : {port, starboard}) {
            if (channel < 0)
                continue;
            const auto samples = file.samples(i, channel);
            const int found = firstReturn(samples);
            if (found >= 0 && (bin < 0 || found < bin))
                bin = found;
            if (!samples.empty() && bin >= 0)
                altitude[i - first] = info.slantRange * bin / double(samples.size());
        }
    }
    // A running median over nine pings steadies the picks without lagging the seabed.
    std::vector<double> steady = altitude;
    for (std::size_t i = 0; i < altitude.size(); ++i) {
        const std::size_t lo = i >= 4 ? i - 4 : 0, hi = std::min(altitude.size(), i + 5);
        std::array<double, 9> window{};
        std::copy(altitude.begin() + std::ptrdiff_t(lo), altitude.begin() + std::ptrdiff_t(hi), window.begin());
        const std::size_t n = hi - lo;
        std::nth_element(window.begin(), window.begin() + std::ptrdiff_t(n / 2), window.begin() + std::ptrdiff_t(n));
        steady[i] = window[n / 2];
    }
    return steady;
}

Image renderWaterfall(const SonarFile& file, const RenderOptions& options)
{
    const std::size_t first = std::min(options.firstPing, file.pingCount());
    const std::size_t last = std::min(options.lastPing, file.pingCount());
    if (first >= last)
        throw Error(file.path().string() + ": no pings in " + std::to_string(first) + ":" + std::to_string(last));
    const int channels[2] = {file.channelOn(Side::Port), file.channelOn(Side::Starboard)};
    const int columns = options.columnsPerSide > 0 ? options.columnsPerSide : std::max(1, file.pingInfo(first).samples);
    const std::size_t step = std::max<std::size_t>(1, options.pingStep);
    const std::size_t rows = (last - first + step - 1) / step;
    std::vector<float> grid(rows * 2 * columns, 0.0f);
    // Zoomed out, rows come from the averaged levels: every ping counts, not every n-th.
    const auto* level = options.pyramid ? options.pyramid->levelFor(step) : nullptr;
    if (level) {
        inParallel(rows, [&](std::size_t from, std::size_t to) {
            for (std::size_t i = from; i < to; ++i) {
                const std::size_t row = std::min(level->rows - 1, (first + i * step) / level->factor);
                for (int side = 0; side < 2; ++side) {
                    const float* bins =
                        level->data.data() + (row * 2 + std::size_t(side)) * std::size_t(level->columns);
                    resample(std::vector<float>(bins, bins + level->columns), level->range, level->altitude[row],
                             options.groundRange, grid.data() + (i * 2 + side) * columns, columns);
                }
            }
        });
    } else {
        std::vector<double> altitude(rows, 0.0);
        if (options.groundRange && step == 1)
            altitude = trackBottom(file, first, last);
        else if (options.groundRange)
            for (std::size_t i = 0; i < rows; ++i)
                altitude[i] = trackBottom(file, first + i * step, std::min(last, first + i * step + 1))[0];
        // Every ping onto `columns` bins per side, the rows shared among the cores.
        inParallel(rows, [&](std::size_t from, std::size_t to) {
            for (std::size_t i = from; i < to; ++i) {
                const std::size_t ping = first + i * step;
                const auto info = file.pingInfo(ping);
                for (int side = 0; side < 2; ++side)
                    if (channels[side] >= 0)
                        resample(file.samples(ping, channels[side]), float(info.slantRange), float(altitude[i]),
                                 options.groundRange, grid.data() + (i * 2 + side) * columns, columns);
            }
        });
    }
    if (options.gain == Gain::Empirical) {
        // Row by row, so the pass runs along memory: sums per range bin, then one scale per bin.
        std::vector<double> sums(std::size_t(2 * columns), 0.0);
        for (std::size_t i = 0; i < rows; ++i) {
            const float* row = grid.data() + i * 2 * columns;
            for (int j = 0; j < 2 * columns; ++j)
                sums[std::size_t(j)] += row[j];
        }
        std::vector<float> inverse(std::size_t(2 * columns));
        for (int j = 0; j < 2 * columns; ++j)
            inverse[std::size_t(j)] = sums[std::size_t(j)] > 1e-6 ? float(double(rows) / sums[std::size_t(j)]) : 0.f;
        for (std::size_t i = 0; i < rows; ++i) {
            float* row = grid.data() + i * 2 * columns;
            for (int j = 0; j < 2 * columns; ++j)
                row[j] *= inverse[std::size_t(j)];
        }
    }
    // Display stretch over a sample of the cells.
    std::vector<float> sample;
    sample.reserve(grid.size() / 7 + 1);
    for (std::size_t k = 0; k < grid.size(); k += 7)
        sample.push_back(grid[k]);
    const auto nth = [&](std::size_t k) {
        std::nth_element(sample.begin(), sample.begin() + std::ptrdiff_t(k), sample.end());
        return double(sample[k]);
    };
    // Contrast 0.5 stretches the 1st to the 99.5th percentile; 0 keeps the brightest echoes
    // (to 99.99 %), 1 clips hard (95th percentile) to bring out faint seabed texture.
    const double contrast = std::clamp(options.contrast, 0.0, 1.0);
    const double top =
        contrast < 0.5 ? 0.9999 - (0.9999 - 0.995) * contrast * 2 : 0.995 - (0.995 - 0.95) * (contrast - 0.5) * 2;
    const double lo = nth(sample.size() / 100);
    const double hi = std::max(lo + 1e-6, nth(std::min(sample.size() - 1, std::size_t(double(sample.size()) * top))));

    Rgb lut[256];
    for (int k = 0; k < 256; ++k)
        lut[k] = colour(options.palette, k / 255.0);
    const float scale = float(255.0 / (hi - lo));
    Image image{2 * columns, int(rows), std::vector<std::uint8_t>(rows * 2 * columns * 3)};
    inParallel(rows, [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            std::uint8_t* px = image.rgb.data() + i * std::size_t(image.width) * 3;
            // Port runs from far range at the left edge to nadir in the middle.
            const float* port = grid.data() + (i * 2) * columns;
            const float* starboard = port + columns;
            for (int x = 0; x < 2 * columns; ++x, px += 3) {
                const float v = x < columns ? port[columns - 1 - x] : starboard[x - columns];
                const Rgb c = lut[int(std::clamp((v - float(lo)) * scale, 0.0f, 255.0f))];
                px[0] = c.r;
                px[1] = c.g;
                px[2] = c.b;
            }
        }
    });
    return image;
}

const WaterfallPyramid::Level* WaterfallPyramid::levelFor(std::size_t pingStep) const
{
    const Level* best = nullptr;
    for (const auto& level : m_levels)
        if (level.factor <= pingStep && (!best || level.factor > best->factor))
            best = &level;
    return best;
}

std::shared_ptr<const WaterfallPyramid> WaterfallPyramid::build(const SonarFile& file, int columnsPerSide,
                                                                const std::atomic<bool>* stop)
{
    file.waitComplete();
    const std::size_t pings = file.pingCount();
    const int channels[2] = {file.channelOn(Side::Port), file.channelOn(Side::Starboard)};
    auto pyramid = std::make_shared<WaterfallPyramid>();
    Level base{8, (pings + 7) / 8, columnsPerSide, float(file.pingInfo(0).slantRange), {}, {}};
    base.data.assign(base.rows * 2 * std::size_t(columnsPerSide), 0.0f);
    base.altitude.assign(base.rows, 0.0f);
    std::vector<float> row(std::size_t{std::size_t(columnsPerSide)});
    for (std::size_t p = 0; p < pings; ++p) {
        if (stop && stop->load())
            return nullptr;
        const auto info = file.pingInfo(p);
        double altitude = info.altitude;
        for (int side = 0; side < 2; ++side) {
            if (channels[side] < 0)
                continue;
            const auto samples = file.samples(p, channels[side]);
            if (altitude <= 0.1 && !samples.empty()) {
                const int bin = firstReturn(samples);
                altitude = bin >= 0 ? info.slantRange * bin / double(samples.size()) : 0.0;
            }
            std::fill(row.begin(), row.end(), 0.0f);
            resample(samples, float(info.slantRange), 0.0f, false, row.data(), columnsPerSide);
            float* sum = base.data.data() + ((p / 8) * 2 + std::size_t(side)) * std::size_t(columnsPerSide);
            for (int j = 0; j < columnsPerSide; ++j)
                sum[j] += row[std::size_t(j)];
        }
        base.altitude[p / 8] += float(altitude);
    }
    for (std::size_t r = 0; r < base.rows; ++r) {
        const float n = float(std::min<std::size_t>(8, pings - r * 8));
        for (int k = 0; k < 2 * columnsPerSide; ++k)
            base.data[r * 2 * std::size_t(columnsPerSide) + std::size_t(k)] /= n;
        base.altitude[r] /= n;
    }
    pyramid->m_levels.push_back(std::move(base));
    // Each further level averages eight rows of the one below.
    while (pyramid->m_levels.back().rows > 64) {
        const Level& below = pyramid->m_levels.back();
        Level up{below.factor * 8, (below.rows + 7) / 8, below.columns, below.range, {}, {}};
        up.data.assign(up.rows * 2 * std::size_t(up.columns), 0.0f);
        up.altitude.assign(up.rows, 0.0f);
        const std::size_t width = 2 * std::size_t(up.columns);
        for (std::size_t r = 0; r < below.rows; ++r) {
            for (std::size_t k = 0; k < width; ++k)
                up.data[(r / 8) * width + k] += below.data[r * width + k];
            up.altitude[r / 8] += below.altitude[r];
        }
        for (std::size_t r = 0; r < up.rows; ++r) {
            const float n = float(std::min<std::size_t>(8, below.rows - r * 8));
            for (std::size_t k = 0; k < width; ++k)
                up.data[r * width + k] /= n;
            up.altitude[r] /= n;
        }
        pyramid->m_levels.push_back(std::move(up));
    }
    return pyramid;
}

void writePng(const Image& image, const std::string& path)
{
    cv::Mat rgb(image.height, image.width, CV_8UC3, const_cast<std::uint8_t*>(image.rgb.data()));
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    try {
        if (!cv::imwrite(path, bgr))
            throw Error(path + ": cannot write the picture");
    } catch (const cv::Exception& e) {
        throw Error(path + ": cannot write the picture: " + e.what());
    }
}

} // namespace fathom::sonar
