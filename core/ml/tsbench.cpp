#include "tsbench.h"

#include "device/hostinfo.h"

#include "series/dataset.h"
#include "torchbackend.h"
#include "trainer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace fathom::ml {

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

std::vector<float> randomWindows(int count)
{
    std::vector<float> v(std::size_t(count) * 100 * 12);
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = float(std::sin(double(i) * 0.013) + 0.1 * std::cos(double(i) * 0.71));
    return v;
}

series::Series trainingSeries(int windows)
{
    series::Series s;
    s.rows = std::size_t(windows) + 101;
    for (int c = 0; c < 12; ++c) {
        s.channels.push_back("c" + std::to_string(c));
        for (std::size_t r = 0; r < s.rows; ++r)
            s.data.push_back(float(std::sin(double(r) / (5.0 + c)) + 0.01 * c));
    }
    return s;
}

bool original(ModelKind kind)
{
    return kind != ModelKind::PatchTst && kind != ModelKind::DLinear;
}

} // namespace

TsBenchResult runTsBench(const TsBenchOptions& options)
{
    TsBenchResult result;
    result.threads = setThreads(options.threads);
    result.windows = options.windows;
    result.fusedRecurrent = options.fusedRecurrent;
    setFusedRecurrent(options.fusedRecurrent);
    const auto windows = randomWindows(options.windows);
    const auto one = randomWindows(1);
    const auto data = trainingSeries(options.trainWindows);
    std::vector<std::size_t> features(12);
    for (std::size_t c = 0; c < 12; ++c)
        features[c] = c;
    const series::Windows train(data, features, {0}, {100, 1, 1}, {0, data.rows});
    for (ModelKind kind : options.models) {
        ModelConfig config;
        config.kind = kind;
        Model model(config);
        model.setDevice(options.device);
        TsBenchRow row{kindName(kind), model.parameterCount()};
        if (options.progress)
            options.progress(row.model);
        takeDevicePeakBytes(options.device);
        double residentPeak = double(host::processResidentBytes());
        model.setPrecision(options.inferencePrecision);
        result.inferencePrecision = model.precision();
        std::vector<float> reference;
        if (result.inferencePrecision != "fp32") {
            model.setPrecision("fp32");
            reference = model.predict(windows, options.windows);
            model.setPrecision(options.inferencePrecision);
        }
        model.predict(one, 1); // warm-up: first calls allocate
        auto t = Clock::now();
        const auto forecast = model.predict(windows, options.windows);
        row.batchSeconds = since(t);
        for (std::size_t i = 0; i < reference.size(); ++i)
            row.maxDifference = std::max(row.maxDifference, double(std::abs(forecast[i] - reference[i])));
        if (kind == ModelKind::Ensemble) { // the five members and the ensemble from one pass
            t = Clock::now();
            model.predictAll(windows, options.windows);
            result.onePassSeconds = since(t);
        }
        std::vector<double> singles;
        for (int i = 0; i < 20; ++i) {
            t = Clock::now();
            model.predict(one, 1);
            singles.push_back(since(t) * 1000.0);
        }
        std::nth_element(singles.begin(), singles.begin() + 10, singles.end());
        row.singleMilliseconds = singles[10];
        TrainOptions trainOptions;
        trainOptions.epochs = 1;
        trainOptions.batchSize = options.batch;
        trainOptions.precision = options.precision;
        model.setPrecision("fp32");
        residentPeak = std::max(residentPeak, double(host::processResidentBytes()));
        const auto trained = ml::train(model, train, nullptr, trainOptions, [&](const TrainProgress&) {
            residentPeak = std::max(residentPeak, double(host::processResidentBytes()));
        });
        row.trainSamplesPerSecond = double(train.size()) / std::max(1e-9, trained.seconds);
        const auto devicePeak = takeDevicePeakBytes(options.device);
        row.peakMegabytes = double(devicePeak ? *devicePeak : std::uint64_t(residentPeak)) / 1048576.0;
        if (original(kind))
            result.fiveAndEnsembleSeconds += row.batchSeconds;
        result.rows.push_back(row);
    }
    return result;
}

std::string TsBenchResult::json() const
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : rows)
        list.push_back({{"model", r.model},
                        {"parameters", r.parameters},
                        {"batch_s", r.batchSeconds},
                        {"single_ms", r.singleMilliseconds},
                        {"train_samples_per_s", r.trainSamplesPerSecond},
                        {"max_difference_from_fp32", r.maxDifference}});
    return nlohmann::json{{"threads", threads},
                          {"windows", windows},
                          {"inference_precision", inferencePrecision},
                          {"recurrent_kernels", fusedRecurrent ? "fathom" : "libtorch"},
                          {"five_and_ensemble_s", fiveAndEnsembleSeconds},
                          {"five_and_ensemble_one_pass_s", onePassSeconds},
                          {"models", list}}
        .dump(2);
}

std::string TsBenchResult::text() const
{
    std::string out;
    char line[200];
    std::snprintf(line, sizeof line,
                  "LibTorch threads: %d; %d windows of 100 x 12; inference in %s; LSTM/GRU kernels: %s\n", threads,
                  windows, inferencePrecision.c_str(), fusedRecurrent ? "Fathom's" : "LibTorch's");
    out += line;
    const bool compared = inferencePrecision != "fp32";
    for (const auto& r : rows) {
        std::snprintf(line, sizeof line,
                      "%-9s %9lld params  %d windows %.3f s  one window %.2f ms  training %.0f samples/s",
                      r.model.c_str(), static_cast<long long>(r.parameters), windows, r.batchSeconds,
                      r.singleMilliseconds, r.trainSamplesPerSecond);
        out += line;
        if (compared) {
            std::snprintf(line, sizeof line, "  off fp32 by at most %.2g", r.maxDifference);
            out += line;
        }
        out += "\n";
    }
    if (std::count_if(rows.begin(), rows.end(), [](const TsBenchRow& r) { return original(parseKind(r.model)); }) < 6)
        return out; // --models left some out
    std::snprintf(line, sizeof line, "the five original models and the ensemble: %.3f s one by one",
                  fiveAndEnsembleSeconds);
    out += line;
    if (onePassSeconds > 0) {
        std::snprintf(line, sizeof line, ", %.3f s from the ensemble's one pass", onePassSeconds);
        out += line;
    }
    return out + "\n";
}

std::vector<DeviceBenchRow> runDeviceBench(const DeviceBenchOptions& options)
{
    std::vector<DeviceBenchRow> rows;
    for (const auto& device : options.devices) {
        auto bench = options.bench;
        bench.device = device.id;
        for (const auto& figures : runTsBench(bench).rows) {
            DeviceBenchRow row{device.id, device.name, bench.precision, figures};
            row.epochSeconds = options.epochWindows / std::max(1e-9, figures.trainSamplesPerSecond);
            if (device.pricePerHour >= 0)
                row.costPerEpoch = row.epochSeconds / 3600.0 * device.pricePerHour;
            rows.push_back(row);
        }
    }
    return rows;
}

std::string deviceBenchMarkdown(const std::vector<DeviceBenchRow>& rows, int windows)
{
    std::string out = "| device | model | precision | epoch of 781,163 windows | training samples/s | " +
                      std::to_string(windows) +
                      " windows | one window | peak memory | cost per epoch |\n"
                      "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
    char line[400];
    for (const auto& r : rows) {
        char cost[32] = "—";
        if (r.costPerEpoch >= 0)
            std::snprintf(cost, sizeof cost, "%.4f", r.costPerEpoch);
        std::snprintf(line, sizeof line, "| %s (%s) | %s | %s | %.1f s | %.0f | %.3f s | %.2f ms | %.0f MiB | %s |\n",
                      r.device.c_str(), r.name.c_str(), r.figures.model.c_str(), r.precision.c_str(), r.epochSeconds,
                      r.figures.trainSamplesPerSecond, r.figures.batchSeconds, r.figures.singleMilliseconds,
                      r.figures.peakMegabytes, cost);
        out += line;
    }
    return out;
}

std::string deviceBenchJson(const std::vector<DeviceBenchRow>& rows)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : rows) {
        nlohmann::json row = {{"device", r.device},
                              {"name", r.name},
                              {"model", r.figures.model},
                              {"precision", r.precision},
                              {"parameters", r.figures.parameters},
                              {"epoch_s", r.epochSeconds},
                              {"train_samples_per_s", r.figures.trainSamplesPerSecond},
                              {"batch_s", r.figures.batchSeconds},
                              {"single_ms", r.figures.singleMilliseconds},
                              {"peak_mb", r.figures.peakMegabytes}};
        if (r.costPerEpoch >= 0)
            row["cost_per_epoch"] = r.costPerEpoch;
        list.push_back(row);
    }
    return nlohmann::json{{"rows", list}}.dump(2);
}

TsMemoryResult runTsMemoryBench(std::size_t rows, std::size_t steps, ModelKind kind)
{
    TsMemoryResult r;
    r.startMegabytes = double(host::processResidentBytes()) / 1048576.0;
    const auto start = std::chrono::steady_clock::now();
    const auto data = trainingSeries(int(rows) - 101);
    std::vector<std::size_t> features(12);
    std::iota(features.begin(), features.end(), 0);
    const series::Windows windows(data, features, {0}, {100, 1, 1}, {0, data.rows});
    r.rows = data.rows;
    r.windows = windows.size();
    r.dataMegabytes = double(data.data.size() * sizeof(float)) / 1048576.0;
    ModelConfig config;
    config.kind = kind;
    Model model(config);
    TrainOptions options;
    options.epochs = 1;
    std::atomic<bool> stop{false};
    double peak = double(host::processResidentBytes());
    ml::train(
        model, windows, nullptr, options,
        [&](const TrainProgress& p) {
            peak = std::max(peak, double(host::processResidentBytes()));
            r.steps = p.step;
            if (p.step >= steps)
                stop = true;
        },
        &stop);
    r.peakMegabytes = std::max(peak, double(host::processResidentBytes())) / 1048576.0;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

std::string TsMemoryResult::json() const
{
    return nlohmann::json{{"rows", rows},
                          {"channels", 12},
                          {"windows", windows},
                          {"steps", steps},
                          {"data_mb", dataMegabytes},
                          {"start_rss_mb", startMegabytes},
                          {"peak_rss_mb", peakMegabytes},
                          {"seconds", seconds}}
        .dump(2);
}

} // namespace fathom::ml
