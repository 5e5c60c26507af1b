#pragma once

#include "alerts.h"
#include "modelfolder.h"
#include "series/series.h"

#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace fathom::ml {

// Data read for a saved model: its features found by name and scaled as they were in training.
struct ModelInput
{
    series::Series series;
    std::vector<std::size_t> features; // the column of each of the model's features, in input order
};
ModelInput loadModelInput(const std::filesystem::path& modelDir, const ModelCard& card,
                          const std::vector<std::filesystem::path>& data, const std::vector<std::string>& skip);

// The model over windows starting at rows [from, to), stride 1: every forecast value of each window
// (scaled units) and, for models with a spike head, the window's spike probability.
std::vector<float> runWindows(const Model& model, const ModelInput& input, std::size_t from, std::size_t to,
                              std::vector<float>* spikeProbability = nullptr, std::vector<float>* members = nullptr);

// The rules calibration gives every model: alerts above a combined score of 1, two rows at
// least, merged across gaps of up to two rows.
AlertRules calibratedRules();
// Residual scaling and threshold from training and validation windows (never test data), leaving
// out windows whose last row or forecast row is labelled anomalous (`labels`: per row of the
// series, may be null).
AlertCalibration calibrateAlerts(const Model& model, const series::Windows& windows, const std::vector<float>* labels,
                                 double quantile = 0.995, double margin = 1.2);

// A saved model's alerts over new data, row by row.
struct AlertRun
{
    std::string target;
    std::string precision, calibratedIn; // of this run's forecasts, and of those its thresholds came from
    std::size_t lookback = 0;            // rows before the first score
    std::vector<double> time;            // per row; empty when the data have no time column
    std::vector<float> actual;           // the target, in its own units
    std::vector<float> forecast;         // one step ahead, in the target's units; NaN before the first window
    std::vector<float> score;            // combined anomaly score, 1 at the threshold; 0 before the first window
    std::vector<float> spike;            // the spike head's probability; empty for models without one
    std::vector<std::string> channels;   // names for Alert::channels (the model's features)
    AlertRules rules;
    std::vector<Alert> alerts;
    std::vector<int> labels; // per row, from the `labels` column when one was named
    // An ensemble's members: their names and one-step forecasts per row (target units, NaN
    // before the first window); the spread between them is the ensemble's band.
    // Where the model's validation and test parts began, on this run's axis (times when both the
    // data and the model have them, else rows); NaN for a model that does not say.
    double validationFrom = std::numeric_limits<double>::quiet_NaN();
    double testFrom = std::numeric_limits<double>::quiet_NaN();
    std::vector<std::string> memberNames;
    std::vector<std::vector<float>> memberForecasts;
};
// `rules`, where given, replace those the model was calibrated with (the analyst's, from a
// project or `ts alerts --threshold …`); the scores are the same either way.
AlertRun detectAlerts(const std::filesystem::path& modelDir, const std::vector<std::filesystem::path>& data,
                      const std::vector<std::string>& skip = {}, const std::string& labels = {},
                      const std::optional<AlertRules>& rules = std::nullopt);

// Point-wise evaluation of a run against its labels, over the rows that have a score.
AlertMetrics evaluateRun(const AlertRun& run);

} // namespace fathom::ml
