#pragma once

#include "alerts.h"
#include "modelfolder.h"
#include "series/csvloader.h"
#include "series/dataset.h"
#include "trainer.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace fathom::ml {

// `fathom-cli ts train` and the GUI's training controller: data in, model folders out.
struct TrainJob
{
    std::vector<std::filesystem::path> data;
    std::string target;
    std::vector<std::string> features; // empty: every channel; the target is always among them
    std::vector<std::string> skip;     // columns not to load
    // A 0/1 column marking anomalous rows: never a feature; the spike head learns from it and the
    // alert threshold is set on the validation rows it leaves unmarked.
    std::string labels;
    // The analyst's review, over the label column (or over none): rows [first, last] marked
    // anomalous (a confirmed alert, 1) or normal (a rejected one, 0).
    struct ReviewedRows
    {
        std::size_t first = 0, last = 0;
        float label = 1;
    };
    std::vector<ReviewedRows> reviewed;
    std::vector<ModelKind> models = {ModelKind::Lstm};
    // Dropout and PatchTST's sizes for every model trained (kind, window, channels and targets are
    // set per model; a fine-tuned model keeps its own).
    ModelConfig shape;
    int lookback = 100;
    int horizon = 1;
    int stride = 1;
    series::SplitSpec split; // 70/15/15 of the rows in order unless told: shares or the parts' start times
    TrainOptions options;
    std::filesystem::path out;
    std::string device = "cpu";
    bool resume = false; // continue each model from OUT/<model>/checkpoint.pt where there is one
    // Incremental retraining: start from this saved model folder (its kind, channels, window and
    // scaling) and fine-tune it on `data`, usually the old data with new rows appended.
    std::filesystem::path from;
};

struct TrainedEntry
{
    std::string model;
    std::filesystem::path folder;
    std::int64_t parameters = 0;
    int epochs = 0;
    int bestEpoch = 0;
    double validationMse = 0; // on z-scored values
    double testMse = 0;
    double seconds = 0;
    bool cancelled = false;
};

struct TrainJobResult
{
    series::LoadReport load;
    std::size_t rows = 0;
    std::size_t trainWindows = 0, validationWindows = 0, testWindows = 0;
    std::vector<TrainedEntry> models;
};

using JobProgress = std::function<void(const std::string& model, const TrainProgress& progress)>;

// Members one after another, then the ensemble started from them, as the original plan trains
// them. Each model's folder gets its alert calibration and training log. Throws Error for bad data.
TrainJobResult runTrainJob(const TrainJob& job, const JobProgress& progress = {},
                           const std::atomic<bool>* stop = nullptr, const std::atomic<bool>* pause = nullptr);
// The order runTrainJob trains `kinds` in: the members first, the ensemble last.
std::vector<ModelKind> membersFirst(std::vector<ModelKind> kinds);

struct Forecast
{
    std::vector<std::size_t> rows; // the row each forecast starts at (the first step after its window)
    std::vector<double> time;      // that row's time, when the data have one
    int horizon = 1;
    std::vector<float> values; // rows × horizon, in the target's own units
};

// The published long-horizon protocol on ETTh1 (PatchTST's): 8,640 / 2,880 / 2,880 hourly rows
// for training, validation and test; z-scores fitted on the training rows; all seven channels
// in and out; every test window kept; MSE and MAE on z-scored values.
struct ProtocolResult
{
    std::string model;
    int lookback = 336;
    int horizon = 96;
    double mse = 0;
    double mae = 0;
    double validationMse = 0;
    std::size_t testWindows = 0;
    int epochs = 0;
    double seconds = 0;
    // The same errors over whole test batches only (the first ⌊windows / batch⌋ × batch
    // windows), as the published code evaluates: its test loader drops the last partial batch.
    // For comparison only; the protocol keeps every window. Equal to the above when none drops.
    double mseWholeBatches = 0;
    double maeWholeBatches = 0;
    std::size_t wholeBatchWindows = 0;
    int bestEpoch = 0;                    // the epoch whose weights were scored
    std::vector<double> validationLosses; // per epoch run
};
// `shape` gives the sizes (PatchTST's width, heads, layers, dropout…); its kind, lookback,
// horizon, channels and targets are set here.
ProtocolResult runEttProtocol(const std::filesystem::path& csv, ModelKind kind, int lookback, int horizon,
                              const TrainOptions& options, const JobProgress& progress = {},
                              const ModelConfig& shape = {});

// SKAB outlier detection: for each file, a multivariate forecaster learns its first 400 rows
// (anomaly-free by the benchmark's convention); residuals are scored against the training
// residuals, the threshold comes from the training scores only, and alerts over the rest of the
// file are scored point-wise against the `anomaly` labels (no point adjustment), all files pooled.
struct SkabResult
{
    std::string model;
    std::size_t files = 0;
    AlertMetrics metrics;
    double seconds = 0;
};
// How an autoencoder (conv_ae) scores rows.
struct SkabScoring
{
    // Autoencoders trained from seeds seed, seed + 1000, …, their window errors averaged.
    int members = 1;
    // SKAB's notebook's rule instead of every window over a row: a row is anomalous when the
    // lookback − 1 windows that hold it, but do not start at it, all are; the first lookback − 1
    // rows and the last 2 × lookback − 2 rows of each file are never flagged.
    bool notebookRows = false;
};
// `shape` gives the sizes and dropout, as for runEttProtocol.
SkabResult runSkabProtocol(const std::vector<std::filesystem::path>& files, ModelKind kind, int lookback,
                           const TrainOptions& options, double quantile = 0.99, double margin = 1.0,
                           std::size_t smoothing = 1, const ModelConfig& shape = {}, const SkabScoring& scoring = {});

// A saved model over new data: every window of the data, stride 1, in that precision of
// inference (Model::setPrecision).
Forecast predictWithFolder(const std::filesystem::path& modelDir, const std::vector<std::filesystem::path>& data,
                           const std::vector<std::string>& skip = {}, const std::string& precision = {});

// A saved model's forecasts scored against the data it is given (`ts evaluate --model`): every
// window whose forecast lies wholly in `rows` (default: all of the data; its lookback may read
// rows before them, as the published protocols' test windows do), the target's errors in its own units and z-scored —
// by the model's scaler, or by `zScale` when a protocol gives its own.
struct ForecastScore
{
    std::string model, target;
    int lookback = 0, horizon = 0;
    std::size_t windows = 0;
    double mse = 0, mae = 0;           // z-scored
    double mseUnits = 0, maeUnits = 0; // in the target's units
};
ForecastScore scoreSavedModel(const std::filesystem::path& modelDir, const std::vector<std::filesystem::path>& data,
                              const std::vector<std::string>& skip = {},
                              series::RowRange rows = {0, std::numeric_limits<std::size_t>::max()}, double zScale = 0);
// The same over ETTh1's test months, z-scored as the long-horizon protocol scales (fitted on its
// training months): for a model of one of its channels, trained by `ts train`.
ForecastScore scoreSavedModelOnEtt(const std::filesystem::path& modelDir, const std::filesystem::path& csv,
                                   const std::vector<std::string>& skip = {});

} // namespace fathom::ml
