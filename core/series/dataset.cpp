#include "dataset.h"

#include "common/error.h"
#include "common/timeformat.h"
#include "csvloader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

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

namespace {

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string formatShare(double share)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", share * 100);
    return text;
}

} // namespace

std::size_t firstRowOutOfTimeOrder(const Series& series)
{
    for (std::size_t r = 1; r < series.time.size(); ++r)
        if (series.time[r] < series.time[r - 1])
            return r;
    return 0;
}

SplitSpec SplitSpec::parse(const std::string& input)
{
    const auto text = trimmed(input);
    const auto fail = [&](const std::string& why) {
        return Error("split '" + text + "': " + why +
                     " (expected shares in percent such as 70/15/15, or the times the validation and test parts "
                     "begin, such as 2025-11-23 06:42, 2025-11-23 06:43)");
    };
    SplitSpec spec;
    if (text.empty())
        return spec;
    if (const auto comma = text.find(','); comma != std::string::npos) {
        const auto first = trimmed(text.substr(0, comma)), second = trimmed(text.substr(comma + 1));
        spec.byTime = true;
        spec.validationFrom = parseTimestamp(first);
        spec.testFrom = parseTimestamp(second);
        for (const auto& [part, value] : {std::pair{first, spec.validationFrom}, std::pair{second, spec.testFrom}})
            if (std::isnan(value))
                throw fail("'" + part + "' is not a date and time");
        if (!(spec.testFrom > spec.validationFrom))
            throw fail("the test part must begin after the validation part");
        return spec;
    }
    std::vector<double> shares;
    std::size_t from = 0;
    while (from <= text.size()) {
        const auto slash = std::min(text.find('/', from), text.size());
        const auto part = trimmed(text.substr(from, slash - from));
        char* end = nullptr;
        const double value = std::strtod(part.c_str(), &end);
        if (part.empty() || end != part.c_str() + part.size() || !std::isfinite(value))
            throw fail("'" + part + "' is not a number");
        if (value <= 0)
            throw fail("every part needs a share above 0");
        shares.push_back(value);
        from = slash + 1;
    }
    if (shares.size() < 2 || shares.size() > 3)
        throw fail(std::to_string(shares.size()) + " share(s) given");
    const double sum = shares[0] + shares[1] + (shares.size() == 3 ? shares[2] : 0);
    if (shares.size() == 3 && std::abs(sum - 100) > 0.01)
        throw fail("the shares add up to " + formatShare(sum / 100) + ", not 100");
    if (shares.size() == 2 && !(sum < 100))
        throw fail("training and validation leave no rows for the test");
    spec.trainShare = shares[0] / 100;
    spec.validationShare = shares[1] / 100;
    return spec;
}

Split SplitSpec::apply(const Series& series) const
{
    if (!byTime)
        return splitByRatio(series.rows, trainShare, validationShare);
    if (series.time.empty())
        throw Error("a split by date needs a time column, and these data have none");
    if (const auto r = firstRowOutOfTimeOrder(series))
        throw Error("a split by date needs the rows in time order, and data row " + std::to_string(r + 1) + " (" +
                    formatUtc(series.time[r], TimeStyle::Readable) + ") comes before the row above it");
    return splitByTime(series, validationFrom, testFrom);
}

std::string SplitSpec::text() const
{
    if (byTime)
        return formatUtc(validationFrom, TimeStyle::Readable) + ", " + formatUtc(testFrom, TimeStyle::Readable);
    return formatShare(trainShare) + "/" + formatShare(validationShare) + "/" +
           formatShare(std::max(0.0, 1 - trainShare - validationShare));
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
