#pragma once

#include "series.h"

#include <cstddef>
#include <span>
#include <vector>

namespace fathom::series {

struct RowRange
{
    std::size_t begin = 0;
    std::size_t end = 0; // exclusive
    std::size_t size() const { return end > begin ? end - begin : 0; }
};

struct Split
{
    RowRange train, validation, test;
};

// In row order, never shuffled: the model is judged on data after what it learned from.
Split splitByRatio(std::size_t rows, double train, double validation); // test: the rest
Split splitByCounts(std::size_t rows, std::size_t train, std::size_t validation, std::size_t test);
// Training before `validationStart`, validation before `testStart`, test after (seconds, UTC).
Split splitByTime(const Series& series, double validationStart, double testStart);

// The first row whose time is earlier than the row before it (files given out of order, a clock
// reset), or 0 when the rows are in time order or have no time.
std::size_t firstRowOutOfTimeOrder(const Series& series);

// A split as an analyst writes it (`ts train --split`, the Training dock): shares in percent in
// row order — "70/15/15", or "70/15" with the rest for the test — or the times the validation and
// the test parts begin, "2025-11-23 06:42, 2025-11-23 06:43" (any format parseTimestamp reads).
struct SplitSpec
{
    double trainShare = 0.7, validationShare = 0.15;
    bool byTime = false;
    double validationFrom = 0, testFrom = 0; // seconds since 1970 UTC

    // Throws Error saying what was expected for text that is neither form.
    static SplitSpec parse(const std::string& text);
    // Throws Error when the data have no time column or rows out of time order (by time).
    Split apply(const Series& series) const;
    std::string text() const; // the form parse reads back
};

enum class ScalerKind { Standard, MinMax, Robust };

// Per-channel affine scaling, fitted on one row range (the training part) and applied to all.
class Scaler
{
public:
    // Throws Error when a channel is constant over the rows (it cannot be scaled).
    static Scaler fit(const Series& series, const std::vector<std::size_t>& channels, RowRange rows, ScalerKind kind);

    void apply(Series& series) const; // in place, the fitted channels only
    float transform(std::size_t k, float value) const { return (value - m_offset[k]) / m_scale[k]; }
    float inverse(std::size_t k, float value) const { return value * m_scale[k] + m_offset[k]; }
    const std::vector<std::size_t>& channels() const { return m_channels; }
    float offset(std::size_t k) const { return m_offset[k]; }
    float scale(std::size_t k) const { return m_scale[k]; }
    ScalerKind kind() const { return m_kind; }

private:
    ScalerKind m_kind = ScalerKind::Standard;
    std::vector<std::size_t> m_channels;
    std::vector<float> m_offset, m_scale;
};

struct WindowSpec
{
    std::size_t lookback = 100;
    std::size_t horizon = 1;
    std::size_t stride = 1;
};

// Training windows as views: input i of feature k is `lookback` values of that channel's column
// starting at start(i); its target is the `horizon` values that follow. Nothing is copied.
class Windows
{
public:
    // Windows whose targets lie in `range`; with lookbackBeforeRange their inputs may begin
    // before it (test windows read the end of the validation part, as published protocols do).
    Windows(const Series& series, std::vector<std::size_t> features, std::vector<std::size_t> targets, WindowSpec spec,
            RowRange range, bool lookbackBeforeRange = false);

    std::size_t size() const { return m_count; }
    std::size_t start(std::size_t i) const { return m_first + i * m_spec.stride; }
    std::span<const float> input(std::size_t i, std::size_t k) const
    {
        return m_series->column(m_features[k]).subspan(start(i), m_spec.lookback);
    }
    std::span<const float> target(std::size_t i, std::size_t k) const
    {
        return m_series->column(m_targets[k]).subspan(start(i) + m_spec.lookback, m_spec.horizon);
    }
    const WindowSpec& spec() const { return m_spec; }
    const std::vector<std::size_t>& features() const { return m_features; }
    const std::vector<std::size_t>& targets() const { return m_targets; }

private:
    const Series* m_series;
    std::vector<std::size_t> m_features, m_targets;
    WindowSpec m_spec;
    std::size_t m_first = 0;
    std::size_t m_count = 0;
};

} // namespace fathom::series
