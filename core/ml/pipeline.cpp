#include "pipeline.h"

#include "common/error.h"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <optional>

namespace fathom::ml {

namespace {

std::vector<std::size_t> channelIndices(const series::Series& s, const std::vector<std::string>& names)
{
    std::vector<std::size_t> out;
    for (const auto& name : names)
        out.push_back(s.channel(name));
    return out;
}

} // namespace

TrainJobResult runTrainJob(const TrainJob& job, const JobProgress& progress, const std::atomic<bool>* stop)
{
    TrainJobResult result;
    series::LoadOptions load;
    load.skip = job.skip;
    auto data = series::loadCsvFiles(job.data, load, result.load);
    result.rows = data.rows;
    // Fine-tuning keeps the saved model's channels, window and scaling: its weights expect them.
    std::optional<std::pair<Model, ModelCard>> base;
    if (!job.from.empty())
        base.emplace(loadModelFolder(job.from));
    const std::string target = base ? base->second.target : job.target;
    if (base && !job.target.empty() && job.target != target)
        throw Error("the model in " + job.from.string() + " forecasts '" + target + "', not '" + job.target + "'");
    std::vector<std::string> features = base                   ? base->second.features
                                        : job.features.empty() ? data.channels
                                                               : job.features;
    if (target.empty())
        throw Error("no target channel given (the data have " + std::to_string(data.channels.size()) + " channels)");
    data.channel(target); // a clear error when the target is not in the data
    if (std::find(features.begin(), features.end(), target) == features.end())
        features.push_back(target);
    const auto featureIndex = channelIndices(data, features);
    const auto targetIndex = data.channel(target);
    const int lookback = base ? base->second.config.lookback : job.lookback;
    const int horizon = base ? base->second.config.horizon : job.horizon;

    const auto split = series::splitByRatio(data.rows, job.trainShare, job.validationShare);
    std::vector<float> offsets, scales;
    if (base) {
        offsets = base->second.offsets;
        scales = base->second.scales;
    } else {
        const auto scaler = series::Scaler::fit(data, featureIndex, split.train, series::ScalerKind::Standard);
        for (std::size_t k = 0; k < featureIndex.size(); ++k) {
            offsets.push_back(scaler.offset(k));
            scales.push_back(scaler.scale(k));
        }
    }
    for (std::size_t k = 0; k < featureIndex.size(); ++k)
        for (float& v : data.column(featureIndex[k]))
            v = (v - offsets[k]) / scales[k];
    const series::WindowSpec spec{std::size_t(lookback), std::size_t(horizon), std::size_t(std::max(1, job.stride))};
    const series::Windows train(data, featureIndex, {targetIndex}, spec, split.train);
    const series::Windows validation(data, featureIndex, {targetIndex}, {spec.lookback, spec.horizon, 1},
                                     split.validation, true);
    const series::Windows test(data, featureIndex, {targetIndex}, {spec.lookback, spec.horizon, 1}, split.test, true);
    result.trainWindows = train.size();
    result.validationWindows = validation.size();
    result.testWindows = test.size();

    ModelCard card;
    card.features = features;
    card.target = target;
    card.offsets = offsets;
    card.scales = scales;
    for (const auto& path : job.data)
        card.trainedOn += (card.trainedOn.empty() ? "" : ", ") + path.string();
    card.device = job.device;
    const auto kinds = base ? std::vector<ModelKind>{base->second.config.kind} : job.models;
    for (ModelKind kind : kinds) {
        if (stop && stop->load())
            break;
        ModelConfig config;
        config.kind = kind;
        config.lookback = lookback;
        config.channels = int(features.size());
        config.horizon = horizon;
        config.targets = {int(std::find(features.begin(), features.end(), target) - features.begin())};
        if (base)
            config = base->second.config;
        Model model = base ? std::move(base->first) : Model(config, job.options.seed);
        const auto name = kindName(kind);
        auto options = job.options;
        std::filesystem::create_directories(job.out / name);
        options.checkpoint = job.out / name / "checkpoint.pt";
        options.resume = job.resume;
        const auto trained = ml::train(
            model, train, &validation, options,
            [&](const TrainProgress& p) {
                if (progress)
                    progress(name, p);
            },
            stop);
        TrainedEntry entry{name,
                           job.out / name,
                           model.parameterCount(),
                           int(trained.trainLoss.size()),
                           trained.bestEpoch,
                           evaluateMse(model, validation),
                           evaluateMse(model, test),
                           trained.seconds,
                           trained.cancelled};
        card.config = config;
        card.seconds = trained.seconds;
        card.metrics = {{"validation_mse", entry.validationMse},  {"test_mse", entry.testMse},
                        {"epochs", double(entry.epochs)},         {"best_epoch", double(entry.bestEpoch)},
                        {"parameters", double(entry.parameters)}, {"seconds", entry.seconds}};
        if (!trained.cancelled)
            saveModelFolder(entry.folder, model, card);
        result.models.push_back(entry);
    }
    return result;
}

ProtocolResult runEttProtocol(const std::filesystem::path& csv, ModelKind kind, int lookback, int horizon,
                              const TrainOptions& options, const JobProgress& progress)
{
    series::LoadReport report;
    auto data = series::loadCsv(csv, {}, report);
    if (data.channels.size() != 7)
        throw Error(csv.string() + ": the ETT protocol expects ETTh1's seven channels, this file has " +
                    std::to_string(data.channels.size()));
    const auto split = series::splitByCounts(data.rows, 12 * 30 * 24, 4 * 30 * 24, 4 * 30 * 24);
    std::vector<std::size_t> all(data.channels.size());
    std::iota(all.begin(), all.end(), 0);
    series::Scaler::fit(data, all, split.train, series::ScalerKind::Standard).apply(data);
    const series::WindowSpec spec{std::size_t(lookback), std::size_t(horizon), 1};
    const series::Windows train(data, all, all, spec, split.train);
    const series::Windows validation(data, all, all, spec, split.validation, true);
    const series::Windows test(data, all, all, spec, split.test, true);
    ModelConfig config;
    config.kind = kind;
    config.lookback = lookback;
    config.channels = 7;
    config.horizon = horizon;
    config.targets = {0, 1, 2, 3, 4, 5, 6};
    Model model(config, options.seed);
    const auto name = kindName(kind);
    const auto trained = ml::train(model, train, &validation, options, [&](const TrainProgress& p) {
        if (progress)
            progress(name, p);
    });
    const auto errors = evaluateErrors(model, test);
    return {name,
            lookback,
            horizon,
            errors.mse,
            errors.mae,
            trained.validationLoss.empty()
                ? 0.0
                : *std::min_element(trained.validationLoss.begin(), trained.validationLoss.end()),
            test.size(),
            int(trained.trainLoss.size()),
            trained.seconds};
}

SkabResult runSkabProtocol(const std::vector<std::filesystem::path>& files, ModelKind kind, int lookback,
                           const TrainOptions& options, double quantile, double margin, std::size_t smoothing)
{
    constexpr std::size_t kTrainingRows = 400;
    SkabResult result;
    result.model = kindName(kind);
    std::vector<int> predicted, truth;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& file : files) {
        series::LoadReport report;
        auto data = series::loadCsv(file, {}, report);
        const auto anomalyColumn = data.channel("anomaly");
        std::vector<std::size_t> sensors;
        for (std::size_t c = 0; c < data.channels.size(); ++c)
            if (data.channels[c] != "anomaly" && data.channels[c] != "changepoint")
                sensors.push_back(c);
        if (data.rows < kTrainingRows + 50)
            throw Error(file.string() + ": " + std::to_string(data.rows) + " rows; the protocol trains on the first " +
                        std::to_string(kTrainingRows));
        const series::RowRange train{0, kTrainingRows};
        series::Scaler::fit(data, sensors, train, series::ScalerKind::Standard).apply(data);
        const auto L = std::size_t(lookback);
        const series::Windows trainWindows(data, sensors, sensors, {L, 1, 1}, train);
        ModelConfig config;
        config.kind = kind;
        config.lookback = lookback;
        config.channels = int(sensors.size());
        config.targets.clear();
        for (int c = 0; c < config.channels; ++c)
            config.targets.push_back(c);
        Model model(config, options.seed);
        ml::train(model, trainWindows, nullptr, options);

        // Residuals of every row that has a full lookback before it.
        const series::Windows all(data, sensors, sensors, {L, 1, 1}, {0, data.rows});
        std::vector<float> residuals;
        residuals.reserve(all.size() * sensors.size());
        for (std::size_t from = 0; from < all.size(); from += 256) {
            const std::size_t to = std::min(all.size(), from + 256);
            const auto forecast = model.predict(gatherInputs(all, from, to), int(to - from));
            for (std::size_t i = from; i < to; ++i)
                for (std::size_t k = 0; k < sensors.size(); ++k)
                    residuals.push_back(forecast[(i - from) * sensors.size() + k] - all.target(i, k)[0]);
        }
        const std::size_t trainingResidualRows = kTrainingRows - L; // rows L..399
        const auto scorer = ResidualScorer::fit(residuals, sensors.size(), trainingResidualRows);
        const auto scores = smoothScores(scorer.score(residuals), smoothing);
        const float threshold =
            chooseThreshold({scores.begin(), scores.begin() + std::ptrdiff_t(trainingResidualRows)}, quantile, margin);
        const auto labels = alertLabels(findAlerts(scores, {threshold, 0.7f, 3, 5}), scores.size());
        // Score row r + L; the test part is rows 400 onward.
        for (std::size_t i = trainingResidualRows; i < scores.size(); ++i) {
            predicted.push_back(labels[i]);
            truth.push_back(data.column(anomalyColumn)[i + L] > 0.5f ? 1 : 0);
        }
        ++result.files;
    }
    result.metrics = evaluateAlerts(predicted, truth);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

Forecast predictWithFolder(const std::filesystem::path& modelDir, const std::vector<std::filesystem::path>& data,
                           const std::vector<std::string>& skip)
{
    auto [model, card] = loadModelFolder(modelDir);
    series::LoadOptions load;
    load.skip = skip;
    series::LoadReport report;
    auto s = series::loadCsvFiles(data, load, report);
    std::vector<std::size_t> featureIndex;
    for (const auto& name : card.features) {
        try {
            featureIndex.push_back(s.channel(name));
        } catch (const Error& e) {
            throw Error("the model in " + modelDir.string() + " was trained on channel '" + name +
                        "', which these data lack: " + e.what());
        }
    }
    for (std::size_t k = 0; k < featureIndex.size(); ++k)
        for (float& v : s.column(featureIndex[k]))
            v = (v - card.offsets[k]) / card.scales[k];
    const auto targetFeature = std::size_t(card.config.targets.at(0));
    const auto& c = card.config;
    const auto lookback = std::size_t(c.lookback), features = featureIndex.size();
    if (s.rows < lookback)
        throw Error("the data have " + std::to_string(s.rows) + " rows, fewer than the model's lookback of " +
                    std::to_string(lookback));
    // Every window, the last one included: its forecast runs past the end of the data.
    const std::size_t count = s.rows - lookback + 1;
    const double step = s.time.size() > 1 ? s.time[1] - s.time[0] : 0.0;
    Forecast forecast;
    forecast.horizon = c.horizon;
    const std::size_t batch = 256;
    for (std::size_t from = 0; from < count; from += batch) {
        const std::size_t to = std::min(count, from + batch);
        std::vector<float> input((to - from) * lookback * features);
        for (std::size_t i = from; i < to; ++i)
            for (std::size_t k = 0; k < features; ++k) {
                const auto column = s.column(featureIndex[k]);
                for (std::size_t t = 0; t < lookback; ++t)
                    input[((i - from) * lookback + t) * features + k] = column[i + t];
            }
        for (float v : model.predict(input, int(to - from)))
            forecast.values.push_back(v * card.scales[targetFeature] + card.offsets[targetFeature]);
        for (std::size_t i = from; i < to; ++i) {
            const std::size_t row = i + lookback;
            forecast.rows.push_back(row);
            if (!s.time.empty())
                forecast.time.push_back(row < s.rows ? s.time[row] : s.time.back() + double(row - s.rows + 1) * step);
        }
    }
    return forecast;
}

} // namespace fathom::ml
