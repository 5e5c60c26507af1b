#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace fathom::ml {

// Spike alerts from forecast residuals. Scores are robust z-scores: the residual's distance from
// the training residuals' median in units of their scaled MAD, so a threshold means the same on
// every channel and every data set.
class ResidualScorer
{
public:
    // residuals: rows × channels, row-major; fitted on rows [0, trainingRows) only.
    static ResidualScorer fit(const std::vector<float>& residuals, std::size_t channels, std::size_t trainingRows);
    // One score per row: the root mean square of the channels' robust z-scores.
    std::vector<float> score(const std::vector<float>& residuals) const;
    // The robust z-score of one channel at one row, for naming the channels behind an alert.
    float channelScore(const std::vector<float>& residuals, std::size_t row, std::size_t channel) const;
    std::size_t channels() const { return m_median.size(); }

private:
    std::vector<float> m_median, m_spread;
};

// Combines the residual score with the spike detector's probability where there is one: a
// probability p raises the score by `weight` · p, so a confident spike needs less residual.
std::vector<float> combineScores(const std::vector<float>& residualScore, const std::vector<float>& spikeProbability,
                                 float weight = 2.0f);

// A causal moving mean over `window` rows: sustained departures (a valve stuck, a drifting
// sensor) stand out of the noise that single rows have.
std::vector<float> smoothScores(const std::vector<float>& scores, std::size_t window);

// A threshold from scores the model has seen as normal (training or validation rows only):
// their `quantile` times `margin`.
float chooseThreshold(const std::vector<float>& normalScores, double quantile = 0.99, double margin = 1.2);

struct Alert
{
    std::size_t start = 0; // first row, inclusive
    std::size_t end = 0;   // last row, inclusive
    std::size_t peak = 0;
    float score = 0;                   // at the peak
    std::vector<std::size_t> channels; // the channels behind the peak, strongest first
};

struct AlertRules
{
    float threshold = 3.0f;        // an alert opens above this …
    float release = 0.7f;          // … and closes below threshold × release (hysteresis)
    std::size_t minimumLength = 3; // rows; shorter flickers are dropped
    std::size_t mergeGap = 0;      // alerts closer than this many rows become one
};

std::vector<Alert> findAlerts(const std::vector<float>& scores, const AlertRules& rules);

// Per-row labels from alerts: 1 inside an alert.
std::vector<int> alertLabels(const std::vector<Alert>& alerts, std::size_t rows);

struct AlertMetrics
{
    double precision = 0, recall = 0, f1 = 0;
    double falseAlarmRate = 0;  // FP / (FP + TN)
    double missedAlarmRate = 0; // FN / (FN + TP)
    std::size_t events = 0;     // labelled anomalous intervals
    std::size_t eventsDetected = 0;
    double eventScore = 0;  // detected / events
    double meanLatency = 0; // rows from an event's start to the first alert inside it, detected events
};

// Point-wise, with no point adjustment: every row counts once.
AlertMetrics evaluateAlerts(const std::vector<int>& predicted, const std::vector<int>& truth);

} // namespace fathom::ml
