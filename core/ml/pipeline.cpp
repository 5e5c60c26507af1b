#include "pipeline.h"

#include "distributed.h"

#include "alertrun.h"

#include "common/error.h"
#include "common/timeformat.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
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

namespace {

// ETTh1's 12, 4 and 4 months of hourly rows, as the published protocol splits them.
series::Split ettSplit(const std::filesystem::path& csv, const series::Series& data)
{
    constexpr std::size_t kMonth = 30 * 24;
    if (data.rows < 20 * kMonth)
        throw Error(csv.string() + ": " + std::to_string(data.rows) +
                    " rows; ETTh1's protocol needs its first 14,400 (12, 4 and 4 months)");
    return series::splitByCounts(data.rows, 12 * kMonth, 4 * kMonth, 4 * kMonth);
}

std::string dataNames(const TrainJob& job)
{
    std::string names;
    for (const auto& path : job.data)
        names += (names.empty() ? "" : ", ") + path.filename().string();
    return names;
}

// Each part long enough for what is asked of it, or an error saying which part, why and what to change.
void checkSplit(const TrainJob& job, const series::Series& data, const series::Split& split, std::size_t lookback,
                std::size_t horizon)
{
    std::string how = "split " + job.split.text() + " of " + std::to_string(data.rows) + " rows";
    if (job.split.byTime && !data.time.empty())
        how += " from " + formatUtc(data.time.front(), TimeStyle::Readable) + " to " +
               formatUtc(data.time.back(), TimeStyle::Readable);
    if (split.train.size() < lookback + horizon)
        throw Error(dataNames(job) + ": the training part has " + std::to_string(split.train.size()) + " rows (" + how +
                    "), fewer than one window needs (lookback " + std::to_string(lookback) + " + horizon " +
                    std::to_string(horizon) + "): give more rows, a shorter lookback or a larger training part");
    for (const auto& [name, part] : {std::pair{"validation", split.validation}, std::pair{"test", split.test}})
        if (part.size() < horizon)
            throw Error(dataNames(job) + ": the " + name + " part has " + std::to_string(part.size()) + " rows (" +
                        how + "); it needs at least " + std::to_string(horizon) + " (the horizon)");
}

// "split 70/15/15: training rows 1–1400, validation 1401–1700, test 1701–2000", with times where the data have them.
std::string describeSplit(const series::SplitSpec& spec, const series::Series& data, const series::Split& split)
{
    std::string text = "split " + spec.text() + ":";
    const auto part = [&](const char* name, const series::RowRange& range, bool last) {
        text += std::string(" ") + name + " rows " + std::to_string(range.begin + 1) + "–" + std::to_string(range.end);
        if (!data.time.empty() && range.size() > 0)
            text += " (" + formatUtc(data.time[range.begin], TimeStyle::Readable) + " to " +
                    formatUtc(data.time[range.end - 1], TimeStyle::Readable) + ")";
        text += last ? "" : ",";
    };
    part("training", split.train, false);
    part("validation", split.validation, false);
    part("test", split.test, true);
    return text;
}

std::string formatLog(const std::string& name, const TrainJob& job, const std::string& device,
                      const TrainOptions& options, const TrainResult& trained, const TrainedEntry& entry,
                      const std::string& split, const std::string& note)
{
    std::string log = "model " + name + "\ndata";
    for (const auto& path : job.data)
        log += " " + path.string();
    auto batch = options.batchSize > 0 ? std::to_string(options.batchSize)
                                       : "automatic: " + std::to_string(trained.batchSize) + " windows";
    if (options.accumulation > 1)
        batch += " × " + std::to_string(options.accumulation) + " steps accumulated";
    char clip[64] = ", gradients not clipped";
    if (options.clipNorm > 0)
        std::snprintf(clip, sizeof clip, ", gradient norm clipped to %g", options.clipNorm);
    log += "\ndevice " + device + "\nepochs " + std::to_string(options.epochs) + ", batch " + batch +
           ", learning rate " + std::to_string(options.learningRate) + ", seed " + std::to_string(options.seed) +
           ", precision " + options.precision + ", data workers " + std::to_string(options.loaderWorkers) + clip +
           "\n" + split + "\n" + note;
    if (trained.outOfMemory > 0)
        log += "out of memory " + std::to_string(trained.outOfMemory) + " time(s): the batch went down to " +
               std::to_string(trained.batchSize) + "\n";
    char line[160];
    for (std::size_t e = 0; e < trained.trainLoss.size(); ++e) {
        std::snprintf(line, sizeof line, "epoch %zu  train loss %.6f  validation loss %.6f\n", e + 1,
                      trained.trainLoss[e], e < trained.validationLoss.size() ? trained.validationLoss[e] : NAN);
        log += line;
    }
    std::snprintf(line, sizeof line, "best epoch %d, validation MSE %.6f, test MSE %.6f, %.1f s%s\n", trained.bestEpoch,
                  entry.validationMse, entry.testMse, trained.seconds, trained.cancelled ? ", cancelled" : "");
    return log + line;
}

} // namespace

// The plan's strategy: members first, the ensemble last, started from the members trained here.
std::vector<ModelKind> membersFirst(std::vector<ModelKind> kinds)
{
    std::stable_partition(kinds.begin(), kinds.end(), [](ModelKind k) { return k != ModelKind::Ensemble; });
    return kinds;
}

TrainJobResult runTrainJob(const TrainJob& job, const JobProgress& progress, const std::atomic<bool>* stop,
                           const std::atomic<bool>* pause)
{
    for (auto kind : job.models)
        if (kind == ModelKind::ConvAe)
            throw Error("conv_ae reconstructs windows instead of forecasting: it scores anomalies in "
                        "'ts evaluate --protocol skab', not in a trained forecasting set");
    TrainJobResult result;
    series::LoadOptions load;
    // The label column is never a feature: left out as well, it is still read for the labels.
    for (const auto& name : job.skip)
        if (name != job.labels)
            load.skip.push_back(name);
    if (!job.target.empty() && std::find(load.skip.begin(), load.skip.end(), job.target) != load.skip.end())
        throw Error(
            "the target '" + job.target +
            "' is among the columns left out (--skip; Leave out in the Training dock): it must be read to be forecast");
    auto data = series::loadCsvFiles(job.data, load, result.load);
    result.rows = data.rows;
    // Fine-tuning keeps the saved model's channels, window and scaling: its weights expect them.
    std::optional<std::pair<Model, ModelCard>> base;
    if (!job.from.empty())
        base.emplace(loadModelFolder(job.from));
    const std::string target = base ? base->second.target : job.target;
    if (base && !job.target.empty() && job.target != target)
        throw Error("the model in " + job.from.string() + " forecasts '" + target + "', not '" + job.target + "'");
    std::vector<float> labels;
    if (!job.labels.empty()) {
        const auto column = data.column(data.channel(job.labels));
        labels.assign(column.begin(), column.end());
    }
    if (!job.reviewed.empty() && labels.empty())
        labels.assign(data.rows, 0.0f);
    for (const auto& r : job.reviewed)
        for (std::size_t row = r.first; row <= r.last && row < labels.size(); ++row)
            labels[row] = r.label;
    std::vector<std::string> features = base ? base->second.features : job.features;
    if (features.empty())
        for (const auto& name : data.channels)
            if (name != job.labels)
                features.push_back(name);
    if (!job.labels.empty() && std::find(features.begin(), features.end(), job.labels) != features.end())
        throw Error("the label column '" + job.labels + "' cannot also be a feature");
    if (target.empty())
        throw Error("no target channel given (the data have " + std::to_string(data.channels.size()) + " channels)");
    data.channel(target); // a clear error when the target is not in the data
    if (std::find(features.begin(), features.end(), target) == features.end())
        features.push_back(target);
    const auto featureIndex = channelIndices(data, features);
    const auto targetIndex = data.channel(target);
    const int lookback = base ? base->second.config.lookback : job.lookback;
    const int horizon = base ? base->second.config.horizon : job.horizon;

    series::Split split;
    try {
        split = job.split.apply(data);
    } catch (const Error& e) {
        throw Error(dataNames(job) + ": " + e.what());
    }
    checkSplit(job, data, split, std::size_t(lookback), std::size_t(horizon));
    auto splitText = describeSplit(job.split, data, split);
    if (const auto r = series::firstRowOutOfTimeOrder(data))
        splitText += "\nwarning: data row " + std::to_string(r + 1) + " (" +
                     formatUtc(data.time[r], TimeStyle::Readable) +
                     ") is earlier than the row before it: files out of order? The parts follow the rows, not time";
    if (result.load.filledCells > 0) {
        splitText += "\n" + std::to_string(result.load.filledCells) +
                     " missing cell(s) filled with the last value before them (the first with the next): " +
                     result.load.missingText();
    }
    std::vector<float> offsets, scales;
    if (base) {
        offsets = base->second.offsets;
        scales = base->second.scales;
    } else {
        series::Scaler scaler;
        try {
            scaler = series::Scaler::fit(data, featureIndex, split.train, series::ScalerKind::Standard);
        } catch (const Error& e) {
            throw Error(dataNames(job) + ": " + e.what());
        }
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
    // Alert thresholds from every row before the test part: validation rows alone are too few
    // to say how large a normal residual gets.
    const series::Windows calibration(data, featureIndex, {targetIndex}, {spec.lookback, spec.horizon, 1},
                                      {split.train.begin, split.validation.end});
    result.trainWindows = train.size();
    result.validationWindows = validation.size();
    result.testWindows = test.size();

    ModelCard card;
    card.parts = ModelCard::Parts{job.split.text(), split.validation.begin, split.test.begin, {}, {}};
    if (!data.time.empty() && split.validation.begin < data.rows && split.test.begin < data.rows) {
        card.parts->validationTime = data.time[split.validation.begin];
        card.parts->testTime = data.time[split.test.begin];
    }
    card.features = features;
    card.target = target;
    card.offsets = offsets;
    card.scales = scales;
    for (const auto& path : job.data)
        card.trainedOn += (card.trainedOn.empty() ? "" : ", ") + path.string();
    card.device = job.device;
    const auto kinds = base ? std::vector<ModelKind>{base->second.config.kind} : membersFirst(job.models);
    std::vector<Model> members; // trained here, for the ensemble to start from
    for (ModelKind kind : kinds) {
        if (stop && stop->load())
            break;
        ModelConfig config = job.shape;
        config.kind = kind;
        config.lookback = lookback;
        config.channels = int(features.size());
        config.horizon = horizon;
        config.targets = {int(std::find(features.begin(), features.end(), target) - features.begin())};
        if (base)
            config = base->second.config;
        Model model = base ? std::move(base->first) : Model(config, job.options.seed);
        model.setDevice(job.device);
        card.device = model.deviceId();
        const auto name = kindName(kind);
        auto options = job.options;
        std::filesystem::create_directories(job.out / name);
        options.checkpoint = job.out / name / "checkpoint.pt";
        options.resume = job.resume;
        options.spikeLabels = labels.empty() ? nullptr : &labels;
        std::string note;
        if (base)
            note += "fine-tuned from " + job.from.string() + "\n";
        if (!job.reviewed.empty())
            note += std::to_string(job.reviewed.size()) + " reviewed alert(s) as labels\n";
        if (kind == ModelKind::Ensemble && !base && !members.empty()) {
            for (const auto& member : members) {
                model.adoptMember(member);
                note += (note.empty() ? "started from the members trained before it:" : "") +
                        (" " + kindName(member.config().kind));
            }
            note += ", fine-tuned at a third of the learning rate\n";
            options.learningRate /= 3;
        }
        const auto trained = ml::train(
            model, train, &validation, options,
            [&](const TrainProgress& p) {
                if (progress)
                    progress(name, p);
            },
            stop, pause);
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
        card.alerts = calibrateAlerts(model, calibration, labels.empty() ? nullptr : &labels);
        card.log = formatLog(name, job, card.device, options, trained, entry, splitText, note);
        // Data-parallel ranks end with the same weights: rank 0 writes them.
        if (!trained.cancelled && (!job.options.group || job.options.group->rank() == 0))
            saveModelFolder(entry.folder, model, card);
        result.models.push_back(entry);
        if (kind != ModelKind::Ensemble && kind != ModelKind::PatchTst && kind != ModelKind::DLinear &&
            !trained.cancelled)
            members.push_back(std::move(model));
    }
    return result;
}

ProtocolResult runEttProtocol(const std::filesystem::path& csv, ModelKind kind, int lookback, int horizon,
                              const TrainOptions& options, const JobProgress& progress, const ModelConfig& shape)
{
    series::LoadReport report;
    auto data = series::loadCsv(csv, {}, report);
    if (data.channels.size() != 7)
        throw Error(csv.string() + ": the ETT protocol expects ETTh1's seven channels, this file has " +
                    std::to_string(data.channels.size()));
    const auto split = ettSplit(csv, data);
    std::vector<std::size_t> all(data.channels.size());
    std::iota(all.begin(), all.end(), 0);
    series::Scaler::fit(data, all, split.train, series::ScalerKind::Standard).apply(data);
    const series::WindowSpec spec{std::size_t(lookback), std::size_t(horizon), 1};
    const series::Windows train(data, all, all, spec, split.train);
    const series::Windows validation(data, all, all, spec, split.validation, true);
    const series::Windows test(data, all, all, spec, split.test, true);
    ModelConfig config = shape;
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
    ProtocolResult result{name,
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
    result.bestEpoch = trained.bestEpoch;
    result.validationLosses = trained.validationLoss;
    const auto batch = std::size_t(std::max(1, options.batchSize));
    result.wholeBatchWindows = test.size() / batch * batch;
    result.mseWholeBatches = errors.mse;
    result.maeWholeBatches = errors.mae;
    if (result.wholeBatchWindows > 0 && result.wholeBatchWindows < test.size()) {
        const series::RowRange first{split.test.begin, split.test.begin + result.wholeBatchWindows + spec.horizon - 1};
        const auto whole = evaluateErrors(model, series::Windows(data, all, all, spec, first, true));
        result.mseWholeBatches = whole.mse;
        result.maeWholeBatches = whole.mae;
    }
    return result;
}

namespace {

// SKAB's Conv-AE rule: each window's error is the mean absolute difference between it and its
// reconstruction; a row's score is the least error of the windows that hold it (a row is
// anomalous when every window over it is). The threshold comes from the windows that lie wholly in
// the training rows, so it sees nothing of the test rows. Several autoencoders (seeds) average
// their errors window by window.
void skabByReconstruction(const std::vector<Model>& models, const series::Series& data,
                          const std::vector<std::size_t>& sensors, std::size_t anomalyColumn, std::size_t trainingRows,
                          double quantile, double margin, bool notebookRows, std::vector<int>& predicted,
                          std::vector<int>& truth)
{
    const auto L = std::size_t(models.front().config().lookback), channels = sensors.size();
    const series::Windows all(data, sensors, sensors, {L, 1, 1}, {0, data.rows});
    std::vector<float> error(all.size());
    for (std::size_t from = 0; from < all.size(); from += 256) {
        const std::size_t to = std::min(all.size(), from + 256);
        const auto input = gatherInputs(all, from, to);
        for (const auto& model : models) {
            const auto output = model.predict(input, int(to - from));
            for (std::size_t i = from; i < to; ++i) {
                double sum = 0;
                for (std::size_t k = 0; k < L * channels; ++k)
                    sum += std::abs(output[(i - from) * L * channels + k] - input[(i - from) * L * channels + k]);
                error[i] += float(sum / double(L * channels * models.size()));
            }
        }
    }
    std::vector<float> scores(data.rows);
    for (std::size_t row = 0; row < data.rows; ++row) {
        std::size_t last = std::min(row, all.size() - 1);
        const std::size_t first = std::min(last, row + 1 >= L ? row + 1 - L : 0);
        if (notebookRows) { // windows row − L + 1 … row − 1, for rows L − 1 … windows − L
            if (row == 0 || row + 1 < L || row + L > all.size()) {
                scores[row] = -std::numeric_limits<float>::infinity();
                continue;
            }
            last = row - 1;
        }
        scores[row] =
            *std::min_element(error.begin() + std::ptrdiff_t(first), error.begin() + std::ptrdiff_t(last) + 1);
    }
    // The threshold from the errors of the windows wholly inside the training rows, as SKAB's
    // recipe takes it (from windows, not from the rows' least-of-the-windows scores).
    const float threshold =
        chooseThreshold({error.begin(), error.begin() + std::ptrdiff_t(trainingRows - L + 1)}, quantile, margin);
    // No hysteresis, as SKAB's rule has none: the least-of-the-windows score is its debouncing, and
    // the reconstruction error of normal rows sits close under the threshold, where a release at
    // 70 % of it would hold an alert on long after a fault.
    const auto labels = alertLabels(findAlerts(scores, {threshold, 1.0f, 1, 0}), scores.size());
    for (std::size_t row = trainingRows; row < data.rows; ++row) {
        predicted.push_back(labels[row]);
        truth.push_back(data.column(anomalyColumn)[row] > 0.5f ? 1 : 0);
    }
}

} // namespace

SkabResult runSkabProtocol(const std::vector<std::filesystem::path>& files, ModelKind kind, int lookback,
                           const TrainOptions& options, double quantile, double margin, std::size_t smoothing,
                           const ModelConfig& shape, const SkabScoring& scoring)
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
        ModelConfig config = shape;
        config.kind = kind;
        config.lookback = lookback;
        config.horizon = 1;
        config.channels = int(sensors.size());
        config.targets.clear();
        for (int c = 0; c < config.channels; ++c)
            config.targets.push_back(c);
        Model model(config, options.seed);
        if (model.reconstructs()) {
            // SKAB's Conv-AE recipe: the last tenth of the training windows validate (early
            // stopping keeps the autoencoder from learning the 400 rows by heart).
            const std::size_t held = (kTrainingRows - L) / 10, split = kTrainingRows - held;
            const series::Windows fit(data, sensors, sensors, {L, 1, 1}, {0, split});
            const series::Windows check(data, sensors, sensors, {L, 1, 1}, {split - L, kTrainingRows});
            std::vector<Model> models;
            models.push_back(std::move(model));
            for (int m = 0; m < scoring.members; ++m) { // member m: seed + 1000 m
                auto memberOptions = options;
                memberOptions.seed = options.seed + 1000 * std::uint64_t(m);
                if (m > 0)
                    models.emplace_back(config, memberOptions.seed);
                ml::train(models.back(), fit, &check, memberOptions);
            }
            skabByReconstruction(models, data, sensors, anomalyColumn, kTrainingRows, quantile, margin,
                                 scoring.notebookRows, predicted, truth);
            ++result.files;
            continue;
        }
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
                           const std::vector<std::string>& skip, const std::string& precision)
{
    auto [model, card] = loadModelFolder(modelDir);
    model.setPrecision(precision.empty() ? model.precision() : precision); // empty: the process's now, for the run
    const auto input = loadModelInput(modelDir, card, data, skip);
    const auto& s = input.series;
    const auto& c = card.config;
    const auto targetFeature = std::size_t(c.targets.at(0));
    const auto lookback = std::size_t(c.lookback), perWindow = std::size_t(c.horizon) * c.targets.size();
    // Every window, the last one included: its forecast runs past the end of the data.
    const std::size_t count = s.rows - lookback + 1;
    const auto values = runWindows(model, input, 0, count);
    const double step = s.time.size() > 1 ? s.time[1] - s.time[0] : 0.0;
    Forecast forecast;
    forecast.horizon = c.horizon;
    for (std::size_t i = 0; i < count; ++i) {
        for (std::size_t h = 0; h < std::size_t(c.horizon); ++h)
            forecast.values.push_back(values[i * perWindow + h * c.targets.size()] * card.scales[targetFeature] +
                                      card.offsets[targetFeature]);
        const std::size_t row = i + lookback;
        forecast.rows.push_back(row);
        if (!s.time.empty())
            forecast.time.push_back(row < s.rows ? s.time[row] : s.time.back() + double(row - s.rows + 1) * step);
    }
    return forecast;
}

ForecastScore scoreSavedModel(const std::filesystem::path& modelDir, const std::vector<std::filesystem::path>& data,
                              const std::vector<std::string>& skip, series::RowRange rows, double zScale)
{
    auto [model, card] = loadModelFolder(modelDir);
    const auto input = loadModelInput(modelDir, card, data, skip);
    const auto& c = card.config;
    const auto lookback = std::size_t(c.lookback), horizon = std::size_t(c.horizon);
    const auto targets = c.targets.size(), targetFeature = std::size_t(c.targets.at(0));
    const auto rowCount = input.series.rows;
    // Window i reads rows [i, i + lookback) and forecasts [i + lookback, i + lookback + horizon).
    const std::size_t firstStart = std::max(rows.begin, lookback);
    const std::size_t lastEnd = std::min(rows.end, rowCount); // every forecast row before it
    if (rowCount < lookback + horizon || firstStart + horizon > lastEnd)
        throw Error("the data have " + std::to_string(rowCount) + " rows: too few for one window of " +
                    modelDir.string() + " (lookback " + std::to_string(lookback) + " + horizon " +
                    std::to_string(horizon) + ") in the rows asked for");
    const std::size_t from = firstStart - lookback;
    const std::size_t to = lastEnd - horizon + 1 - lookback;
    const auto values = runWindows(model, input, from, to);
    const auto actual = input.series.column(input.features[targetFeature]);
    const double scale = card.scales[targetFeature];
    double squares = 0, absolute = 0;
    for (std::size_t i = from; i < to; ++i)
        for (std::size_t h = 0; h < horizon; ++h) {
            const double error = values[((i - from) * horizon + h) * targets] - actual[i + lookback + h];
            squares += error * error;
            absolute += std::abs(error);
        }
    ForecastScore score;
    score.model = kindName(c.kind);
    score.target = card.target;
    score.lookback = c.lookback;
    score.horizon = c.horizon;
    score.windows = to - from;
    const double n = double(score.windows * horizon);
    score.mseUnits = squares / n * scale * scale;
    score.maeUnits = absolute / n * scale;
    const double z = zScale > 0 ? zScale : scale; // the errors above are in the model's z-units
    score.mse = score.mseUnits / (z * z);
    score.mae = score.maeUnits / z;
    return score;
}

ForecastScore scoreSavedModelOnEtt(const std::filesystem::path& modelDir, const std::filesystem::path& csv,
                                   const std::vector<std::string>& skip)
{
    const auto card = readModelCard(modelDir);
    series::LoadOptions load;
    load.skip = skip;
    series::LoadReport report;
    const auto raw = series::loadCsv(csv, load, report);
    const auto split = ettSplit(csv, raw);
    const auto target = raw.channel(card.target);
    const auto scaler = series::Scaler::fit(raw, {target}, split.train, series::ScalerKind::Standard);
    return scoreSavedModel(modelDir, {csv}, skip, split.test, scaler.scale(0));
}

} // namespace fathom::ml
