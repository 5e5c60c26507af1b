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
        TsBenchRow row{kindName(kind), model.parameterCount()};
        if (options.progress)
            options.progress(row.model);
        model.predict(one, 1); // warm-up: first calls allocate
        auto t = Clock::now();
        model.predict(windows, options.windows);
        row.batchSeconds = since(t);
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
        const auto trained = ml::train(model, train, nullptr, trainOptions);
        row.trainSamplesPerSecond = double(train.size()) / std::max(1e-9, trained.seconds);
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
                        {"train_samples_per_s", r.trainSamplesPerSecond}});
    return nlohmann::json{
        {"threads", threads}, {"windows", windows}, {"five_and_ensemble_s", fiveAndEnsembleSeconds}, {"models", list}}
        .dump(2);
}

std::string TsBenchResult::text() const
{
    std::string out;
    char line[200];
    std::snprintf(line, sizeof line, "LibTorch threads: %d; %d windows of 100 x 12\n", threads, windows);
    out += line;
    for (const auto& r : rows) {
        std::snprintf(line, sizeof line,
                      "%-9s %9lld params  %d windows %.3f s  one window %.2f ms  training %.0f samples/s\n",
                      r.model.c_str(), static_cast<long long>(r.parameters), windows, r.batchSeconds,
                      r.singleMilliseconds, r.trainSamplesPerSecond);
        out += line;
    }
    std::snprintf(line, sizeof line, "the five original models and the ensemble: %.3f s\n", fiveAndEnsembleSeconds);
    return out + line;
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
