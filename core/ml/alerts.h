#pragma once

#include "common/alertrules.h"

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
    static ResidualScorer fromValues(std::vector<float> median, std::vector<float> spread);
    const std::vector<float>& median() const { return m_median; }
    const std::vector<float>& spread() const { return m_spread; }

private:
    std::vector<float> m_median, m_spread;
};

// Each detector against its own threshold: the residual score over the residual threshold, the
// spike detector's logit over the spike threshold (a logit, at least 1). A row's score is the
// larger, so 1 means "at a threshold" and either detector alone can raise an alert. Without
// spike probabilities the score is the residual's alone.
std::vector<float> combineScores(const std::vector<float>& residualScore, float residualThreshold,
                                 const std::vector<float>& spikeProbability = {}, float spikeThreshold = 1.0f);
float logitOf(float probability);

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

using fathom::AlertRules; // common/alertrules.h: the project file keeps them too

// What a trained model's folder keeps for turning its forecasts into alerts: the residual
// scaling and the thresholds, fitted on training and validation rows only (never test data).
struct AlertCalibration
{
    std::vector<float> median, spread; // the ResidualScorer, per target
    float residualThreshold = 3.0f;
    float spikeThreshold = 0;       // a logit; 0 for models without a spike head
    AlertRules rules;               // on the combined score, whose threshold is 1
    std::size_t rows = 0;           // rows it was fitted on
    std::string precision = "fp32"; // of the forecasts the thresholds were chosen from (Model::precision)
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
