#include "alerts.h"

#include "common/error.h"

#include <algorithm>
#include <cmath>

namespace fathom::ml {

namespace {

float medianOf(std::vector<float> v)
{
    const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

} // namespace

ResidualScorer ResidualScorer::fit(const std::vector<float>& residuals, std::size_t channels, std::size_t trainingRows)
{
    if (channels == 0 || residuals.size() % channels != 0)
        throw Error("residuals do not divide into " + std::to_string(channels) + " channels");
    trainingRows = std::min(trainingRows, residuals.size() / channels);
    if (trainingRows < 10)
        throw Error("an alert threshold needs at least 10 training rows of residuals, there are " +
                    std::to_string(trainingRows));
    ResidualScorer s;
    for (std::size_t c = 0; c < channels; ++c) {
        std::vector<float> column(trainingRows);
        for (std::size_t r = 0; r < trainingRows; ++r)
            column[r] = residuals[r * channels + c];
        const float m = medianOf(column);
        for (float& v : column)
            v = std::abs(v - m);
        // 1.4826 · MAD estimates σ for normal residuals; a floor keeps perfect fits finite.
        s.m_median.push_back(m);
        s.m_spread.push_back(std::max(1.4826f * medianOf(column), 1e-6f));
    }
    return s;
}

ResidualScorer ResidualScorer::fromValues(std::vector<float> median, std::vector<float> spread)
{
    if (median.empty() || median.size() != spread.size())
        throw Error("a residual scorer needs one median and one spread per channel");
    for (float& v : spread)
        v = std::max(v, 1e-6f);
    ResidualScorer s;
    s.m_median = std::move(median);
    s.m_spread = std::move(spread);
    return s;
}

float ResidualScorer::channelScore(const std::vector<float>& residuals, std::size_t row, std::size_t c) const
{
    return std::abs(residuals[row * channels() + c] - m_median[c]) / m_spread[c];
}

std::vector<float> ResidualScorer::score(const std::vector<float>& residuals) const
{
    const std::size_t rows = residuals.size() / channels();
    std::vector<float> out(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        double sum = 0;
        for (std::size_t c = 0; c < channels(); ++c) {
            const double z = channelScore(residuals, r, c);
            sum += z * z;
        }
        out[r] = float(std::sqrt(sum / double(channels())));
    }
    return out;
}

float logitOf(float probability)
{
    const float p = std::clamp(probability, 1e-6f, 1.0f - 1e-6f);
    return std::log(p / (1.0f - p));
}

std::vector<float> combineScores(const std::vector<float>& residualScore, float residualThreshold,
                                 const std::vector<float>& spikeProbability, float spikeThreshold)
{
    if (!spikeProbability.empty() && spikeProbability.size() != residualScore.size())
        throw Error("spike probabilities and residual scores cover different rows");
    if (residualThreshold <= 0)
        throw Error("the residual threshold must be positive");
    const float spikeScale = std::max(spikeThreshold, 1.0f);
    std::vector<float> out(residualScore.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = residualScore[i] / residualThreshold;
        if (!spikeProbability.empty() && !std::isnan(spikeProbability[i]))
            out[i] = std::max(out[i], logitOf(spikeProbability[i]) / spikeScale);
    }
    return out;
}

std::vector<float> smoothScores(const std::vector<float>& scores, std::size_t window)
{
    if (window <= 1)
        return scores;
    std::vector<float> out(scores.size());
    double sum = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        sum += scores[i];
        if (i >= window)
            sum -= scores[i - window];
        out[i] = float(sum / double(std::min(i + 1, window)));
    }
    return out;
}

float chooseThreshold(const std::vector<float>& normalScores, double quantile, double margin)
{
    if (normalScores.empty())
        throw Error("no scores to choose a threshold from");
    std::vector<float> sorted(normalScores);
    const auto k = std::size_t(std::clamp(quantile, 0.0, 1.0) * double(sorted.size() - 1));
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(k), sorted.end());
    return float(double(sorted[k]) * margin);
}

std::vector<Alert> findAlerts(const std::vector<float>& scores, const AlertRules& rules)
{
    std::vector<Alert> alerts;
    const float release = rules.threshold * rules.release;
    bool open = false;
    Alert current;
    auto close = [&](std::size_t end) {
        current.end = end;
        if (!alerts.empty() && current.start <= alerts.back().end + 1 + rules.mergeGap) {
            auto& last = alerts.back();
            last.end = current.end;
            if (current.score > last.score) {
                last.score = current.score;
                last.peak = current.peak;
            }
        } else {
            alerts.push_back(current);
        }
        open = false;
    };
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (!open && scores[i] > rules.threshold) {
            open = true;
            current = {i, i, i, scores[i], {}};
        } else if (open && scores[i] < release) {
            close(i - 1);
        }
        if (open && scores[i] > current.score) {
            current.score = scores[i];
            current.peak = i;
        }
    }
    if (open)
        close(scores.size() - 1);
    alerts.erase(std::remove_if(alerts.begin(), alerts.end(),
                                [&](const Alert& a) { return a.end - a.start + 1 < rules.minimumLength; }),
                 alerts.end());
    return alerts;
}

std::vector<int> alertLabels(const std::vector<Alert>& alerts, std::size_t rows)
{
    std::vector<int> labels(rows, 0);
    for (const auto& a : alerts)
        for (std::size_t r = a.start; r <= a.end && r < rows; ++r)
            labels[r] = 1;
    return labels;
}

AlertMetrics evaluateAlerts(const std::vector<int>& predicted, const std::vector<int>& truth)
{
    if (predicted.size() != truth.size())
        throw Error("predicted and true labels cover different rows (" + std::to_string(predicted.size()) + " and " +
                    std::to_string(truth.size()) + ")");
    double tp = 0, fp = 0, tn = 0, fn = 0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const bool p = predicted[i] != 0, t = truth[i] != 0;
        tp += p && t;
        fp += p && !t;
        tn += !p && !t;
        fn += !p && t;
    }
    AlertMetrics m;
    m.precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    m.recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    m.f1 = m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0;
    m.falseAlarmRate = fp + tn > 0 ? fp / (fp + tn) : 0;
    m.missedAlarmRate = fn + tp > 0 ? fn / (fn + tp) : 0;
    double latency = 0;
    for (std::size_t i = 0; i < truth.size();) {
        if (!truth[i]) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < truth.size() && truth[end])
            ++end;
        ++m.events;
        for (std::size_t k = i; k < end; ++k)
            if (predicted[k]) {
                ++m.eventsDetected;
                latency += double(k - i);
                break;
            }
        i = end;
    }
    m.eventScore = m.events ? double(m.eventsDetected) / double(m.events) : 0;
    m.meanLatency = m.eventsDetected ? latency / double(m.eventsDetected) : 0;
    return m;
}

} // namespace fathom::ml
