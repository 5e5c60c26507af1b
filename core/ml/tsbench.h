#pragma once

#include "models.h"

#include <functional>
#include <string>
#include <vector>

namespace fathom::ml {

// `fathom-cli bench ts`: inference and training speed of the model family at the original
// plan's sizes (windows of 100 steps × 12 channels → 1), on the CPU.
struct TsBenchOptions
{
    int windows = 1000;      // the plan: 1,000 windows every 10 minutes
    int trainWindows = 4096; // windows per training measurement
    int batch = 32;
    int threads = 0; // LibTorch intra-op threads; 0 keeps its choice
    std::string device = "cpu";
    std::string precision = "fp32"; // of the training measurement
    std::string inferencePrecision; // of the inference measurements; empty: the process's (Model::setPrecision)
    bool fusedRecurrent = true;     // Fathom's LSTM/GRU kernels (false: LibTorch's layers)
    std::vector<ModelKind> models = {ModelKind::Lstm, ModelKind::Gru,      ModelKind::CnnLstm,  ModelKind::Spike,
                                     ModelKind::Rule, ModelKind::Ensemble, ModelKind::PatchTst, ModelKind::DLinear};
    std::function<void(const std::string&)> progress;
};

struct TsBenchRow
{
    std::string model;
    std::int64_t parameters = 0;
    double batchSeconds = 0;       // all `windows` at once
    double singleMilliseconds = 0; // one window, median of 20
    double trainSamplesPerSecond = 0;
    double peakMegabytes = 0; // CUDA: the allocator's peak; CPU: the whole process's resident peak
    double maxDifference = 0; // inference not in fp32: largest |forecast − fp32 forecast| (z-score units)
};

struct TsBenchResult
{
    int threads = 1;
    int windows = 0;
    std::vector<TsBenchRow> rows;
    std::string inferencePrecision = "fp32";
    bool fusedRecurrent = true;
    double fiveAndEnsembleSeconds = 0; // the five original models and the ensemble, 1,000 windows
    double onePassSeconds = 0;         // the same six forecasts from the ensemble's one pass
    std::string json() const;
    std::string text() const;
};

TsBenchResult runTsBench(const TsBenchOptions& options);

// `fathom-cli bench device`: the same measurement on every device given, for the comparison the
// original plan asked for: epoch time over the plan's 781,163 windows (from the samples/s
// measured), inference latency, peak memory, and the cost of an epoch at an hourly price.
struct DeviceBenchOptions
{
    struct Device
    {
        std::string id, name;
        double pricePerHour = -1; // negative: no price given
    };
    std::vector<Device> devices;
    TsBenchOptions bench; // its models, windows and precision; its device is set per device
    double epochWindows = 781163;
};

struct DeviceBenchRow
{
    std::string device, name, precision;
    TsBenchRow figures;
    double epochSeconds = 0;
    double costPerEpoch = -1; // in the price's currency; negative: no price
};

std::vector<DeviceBenchRow> runDeviceBench(const DeviceBenchOptions& options);
std::string deviceBenchMarkdown(const std::vector<DeviceBenchRow>& rows, int windows);
std::string deviceBenchJson(const std::vector<DeviceBenchRow>& rows);

// Memory while training on the plan's full series: `rows` × 12 channels held once, windows as
// views into it, `steps` batches of the model trained; the process's resident memory is sampled
// at every step. The plan's figure is 781,163 rows.
struct TsMemoryResult
{
    std::size_t rows = 0, windows = 0, steps = 0;
    double dataMegabytes = 0;  // the series itself
    double peakMegabytes = 0;  // resident, the whole process
    double startMegabytes = 0; // resident before the series was made
    double seconds = 0;
    std::string json() const;
};
TsMemoryResult runTsMemoryBench(std::size_t rows, std::size_t steps, ModelKind kind = ModelKind::Lstm);

} // namespace fathom::ml
