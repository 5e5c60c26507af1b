#include "dataset.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>

namespace fathom::series {

Split splitByRatio(std::size_t rows, double train, double validation)
{
    if (train <= 0 || validation < 0 || train + validation > 1)
        throw Error("split ratios " + std::to_string(train) + " / " + std::to_string(validation) +
                    ": expected a training share above 0 and shares adding up to at most 1");
    const auto a = std::size_t(std::llround(double(rows) * train));
    const auto b = std::min(rows, std::size_t(std::llround(double(rows) * (train + validation))));
    return {{0, a}, {a, b}, {b, rows}};
}

Split splitByCounts(std::size_t rows, std::size_t train, std::size_t validation, std::size_t test)
{
    if (train + validation + test > rows)
        throw Error("a split of " + std::to_string(train) + " + " + std::to_string(validation) + " + " +
                    std::to_string(test) + " rows needs more than the " + std::to_string(rows) + " there are");
    return {{0, train}, {train, train + validation}, {train + validation, train + validation + test}};
}

Split splitByTime(const Series& series, double validationStart, double testStart)
{
    if (series.time.empty())
        throw Error("a split by date needs a time column, and these data have none");
    const auto at = [&](double t) {
        return std::size_t(std::lower_bound(series.time.begin(), series.time.end(), t) - series.time.begin());
    };
    const std::size_t a = at(validationStart), b = at(std::max(validationStart, testStart));
    return {{0, a}, {a, b}, {b, series.rows}};
}

Scaler Scaler::fit(const Series& series, const std::vector<std::size_t>& channels, RowRange rows, ScalerKind kind)
{
    if (rows.size() < 2)
        throw Error("a scaler needs at least two training rows, it was given " + std::to_string(rows.size()));
    Scaler scaler;
    scaler.m_kind = kind;
    scaler.m_channels = channels;
    for (std::size_t c : channels) {
        const auto column = series.column(c).subspan(rows.begin, rows.size());
        double offset = 0, scale = 0;
        if (kind == ScalerKind::Standard) {
            double sum = 0, squares = 0;
            for (float v : column)
                sum += v;
            offset = sum / double(column.size());
            for (float v : column)
                squares += (v - offset) * (v - offset);
            scale = std::sqrt(squares / double(column.size()));
        } else if (kind == ScalerKind::MinMax) {
            const auto [lo, hi] = std::minmax_element(column.begin(), column.end());
            offset = *lo;
            scale = double(*hi) - *lo;
        } else {
            std::vector<float> sorted(column.begin(), column.end());
            std::sort(sorted.begin(), sorted.end());
            const auto q = [&](double p) { return double(sorted[std::size_t(p * double(sorted.size() - 1))]); };
            offset = q(0.5);
            scale = q(0.75) - q(0.25);
        }
        if (!(scale > 1e-12))
            throw Error("channel '" + series.channels[c] + "' is constant over the " + std::to_string(rows.size()) +
                        " training rows and cannot be scaled; leave it out of the features");
        scaler.m_offset.push_back(float(offset));
        scaler.m_scale.push_back(float(scale));
    }
    return scaler;
}

void Scaler::apply(Series& series) const
{
    for (std::size_t k = 0; k < m_channels.size(); ++k)
        for (float& v : series.column(m_channels[k]))
            v = transform(k, v);
}

Windows::Windows(const Series& series, std::vector<std::size_t> features, std::vector<std::size_t> targets,
                 WindowSpec spec, RowRange range, bool lookbackBeforeRange)
    : m_series(&series)
    , m_features(std::move(features))
    , m_targets(std::move(targets))
    , m_spec(spec)
{
    if (spec.lookback == 0 || spec.horizon == 0 || spec.stride == 0)
        throw Error("a window needs a lookback, a horizon and a stride of at least 1");
    for (std::size_t c : m_features)
        if (c >= series.channels.size())
            throw Error("feature channel " + std::to_string(c) + " is not in the data");
    for (std::size_t c : m_targets)
        if (c >= series.channels.size())
            throw Error("target channel " + std::to_string(c) + " is not in the data");
    range.end = std::min(range.end, series.rows);
    const std::size_t span = spec.lookback + spec.horizon;
    // The first window's target starts at range.begin when the lookback may reach back.
    m_first = lookbackBeforeRange && range.begin >= spec.lookback ? range.begin - spec.lookback : range.begin;
    if (range.end < m_first + span)
        throw Error("the series has " + std::to_string(range.size()) +
                    " rows here, shorter than one window (lookback " + std::to_string(spec.lookback) + " + horizon " +
                    std::to_string(spec.horizon) + ")");
    m_count = (range.end - m_first - span) / spec.stride + 1;
}

} // namespace fathom::series
