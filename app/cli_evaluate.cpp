// `fathom-cli ts evaluate`: models trained and scored under a published protocol (ETTh1's
// long-horizon forecasting, SKAB's outlier detection), or a saved model scored on data.
#include "cli_series.h"

#include "common/atomicfile.h"
#include "common/error.h"
#include "ml/pipeline.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fathom::cli {

namespace {

struct EvaluateArgs
{
    std::string protocol, data, json;
    std::string model; // a saved model folder: scored, not trained
    std::vector<std::string> skip;
    std::vector<std::string> models{"dlinear"};
    int lookback = 336, horizon = 96, epochs = 10, batch = 32, patience = 3;
    double learningRate = 5e-3, decay = 0.5, firstEpochScale = 1.0;
    int hold = 0;
    double quantile = 0.99, margin = 1.0;
    std::size_t smoothing = 1;
    double clipNorm = 0; // ett: none, as PatchTST's and DLinear's code train
    bool learningRateGiven = false, patienceGiven = false, dropoutGiven = false, clipGiven = false;
    std::uint64_t seed = 1;
    int members = 1;                                     // skab, conv_ae: autoencoders averaged
    bool oneReconstruction = false, lastWeights = false; // skab, conv_ae: SKAB's model as published
    bool notebookRows = false;                           // skab, conv_ae: SKAB's notebook's row rule
    bool dropLast = false;                               // ett: the papers' drop_last
    ml::ModelConfig shape;                               // PatchTST's sizes
};

void skab(const EvaluateArgs& args)
{
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(args.data)) {
        for (const auto& entry : std::filesystem::directory_iterator(args.data))
            if (entry.path().extension() == ".csv")
                files.push_back(entry.path());
        std::sort(files.begin(), files.end());
    } else {
        files.push_back(args.data);
    }
    const bool autoencoderFlags = args.members > 1 || args.oneReconstruction || args.lastWeights || args.notebookRows;
    if (autoencoderFlags && std::none_of(args.models.begin(), args.models.end(), [](const std::string& m) {
            return ml::parseKind(m) == ml::ModelKind::ConvAe;
        }))
        throw Error("--members, --one-reconstruction, --last-weights and --notebook-rows shape the autoencoder: add "
                    "conv_ae to --models");
    nlohmann::json results = nlohmann::json::array();
    for (const auto& name : args.models) {
        const auto kind = ml::parseKind(name);
        ml::TrainOptions options;
        options.epochs = args.epochs;
        options.batchSize = args.batch;
        options.learningRate = args.learningRate;
        options.patience = args.patienceGiven ? args.patience : 1000;
        options.seed = args.seed;
        auto shape = args.shape;
        shape.dropout = args.dropoutGiven ? args.shape.dropout : 0.1f;
        if (kind == ml::ModelKind::ConvAe) {
            // SKAB's Conv-AE recipe where no flag says otherwise: Adam at 1e-3 without weight
            // decay or clipping, dropout 0.2, early stopping after 5 epochs.
            options.learningRate = args.learningRateGiven ? args.learningRate : 1e-3;
            options.patience = args.patienceGiven ? args.patience : 5;
            options.weightDecay = 0;
            options.clipNorm = 0;
            shape.dropout = args.dropoutGiven ? args.shape.dropout : 0.2f;
            shape.oneReconstruction = args.oneReconstruction;
            options.keepBestWeights = !args.lastWeights;
        }
        if (args.clipGiven)
            options.clipNorm = args.clipNorm;
        const auto r = ml::runSkabProtocol(files, kind, args.lookback, options, args.quantile, args.margin,
                                           args.smoothing, shape, {args.members, args.notebookRows});
        const auto& m = r.metrics;
        std::printf(
            "%-9s SKAB %zu files: F1 %.3f  FAR %.1f %%  MAR %.1f %%  events %zu/%zu  latency %.1f rows  (%.0f s)\n",
            r.model.c_str(), r.files, m.f1, 100 * m.falseAlarmRate, 100 * m.missedAlarmRate, m.eventsDetected, m.events,
            m.meanLatency, r.seconds);
        auto entry = metricsJson(m);
        entry["model"] = r.model;
        entry["files"] = r.files;
        entry["seconds"] = r.seconds;
        entry["training"] = {{"learning_rate", options.learningRate},
                             {"weight_decay", options.weightDecay},
                             {"clip_norm", options.clipNorm},
                             {"patience", options.patience},
                             {"epochs", options.epochs},
                             {"batch", options.batchSize},
                             {"dropout", shape.dropout}};
        if (kind == ml::ModelKind::ConvAe) {
            entry["members"] = args.members;
            entry["training"]["weights"] = options.keepBestWeights ? "best epoch" : "last epoch";
            entry["one_reconstruction"] = shape.oneReconstruction;
            entry["rows"] = args.notebookRows ? "SKAB notebook's rule" : "every window over a row";
        }
        results.push_back(entry);
    }
    if (!args.json.empty()) {
        AtomicFile out(args.json);
        out.stream() << nlohmann::json{{"protocol", "skab"},        {"data", args.data},
                                       {"lookback", args.lookback}, {"quantile", args.quantile},
                                       {"margin", args.margin},     {"smoothing", args.smoothing},
                                       {"seed", args.seed},         {"results", results}}
                            .dump(2)
                     << "\n";
        out.commit();
    }
}

// A saved model's forecasts against the data: every window, or ETTh1's test months in the
// protocol's z-units (fitted on its training months) for a model of one of its channels.
void savedModel(const EvaluateArgs& args)
{
    if (args.protocol == "skab")
        throw Error("SKAB's protocol trains a model on each file's first 400 rows: it scores the models it trains "
                    "(--models), not a saved one");
    if (!args.protocol.empty() && args.protocol != "ett")
        throw Error("protocol '" + args.protocol + "': a saved model is scored under 'ett' or on all of its data");
    const auto s = args.protocol == "ett" ? ml::scoreSavedModelOnEtt(args.model, args.data, args.skip)
                                          : ml::scoreSavedModel(args.model, {args.data}, args.skip);
    std::printf("%s (%s) on %s: %zu windows, horizon %d: MSE %.4f  MAE %.4f (z-scored%s); MSE %.6g  MAE %.6g "
                "(in %s's units)\n",
                args.model.c_str(), s.model.c_str(), args.data.c_str(), s.windows, s.horizon, s.mse, s.mae,
                args.protocol == "ett" ? " as the protocol scales" : "", s.mseUnits, s.maeUnits, s.target.c_str());
    if (!args.json.empty()) {
        AtomicFile out(args.json);
        out.stream() << nlohmann::json{{"protocol", args.protocol.empty() ? "none" : args.protocol},
                                       {"data", args.data},
                                       {"model_folder", args.model},
                                       {"model", s.model},
                                       {"target", s.target},
                                       {"lookback", s.lookback},
                                       {"horizon", s.horizon},
                                       {"windows", s.windows},
                                       {"mse", s.mse},
                                       {"mae", s.mae},
                                       {"mse_units", s.mseUnits},
                                       {"mae_units", s.maeUnits}}
                            .dump(2)
                     << "\n";
        out.commit();
    }
}

void evaluateCommand(const EvaluateArgs& args)
{
    if (args.dropLast && args.protocol != "ett")
        throw Error("--drop-last is a training setting of --protocol ett only");
    if (!args.model.empty()) {
        savedModel(args);
        return;
    }
    if (args.protocol.empty())
        throw Error("ts evaluate needs --protocol (models trained and scored under it) or --model (a saved model "
                    "scored on the data)");
    if (args.protocol == "skab") {
        skab(args);
        return;
    }
    if (args.protocol != "ett")
        throw Error("protocol '" + args.protocol +
                    "': this version knows 'ett' (ETTh1, long-horizon forecasting) and "
                    "'skab' (SKAB outlier detection)");
    ml::TrainOptions options;
    options.epochs = args.epochs;
    options.batchSize = args.batch;
    options.patience = args.patience;
    options.learningRate = args.learningRate;
    options.learningRateDecay = args.decay;
    options.learningRateHold = args.hold;
    options.firstEpochRateScale = args.firstEpochScale;
    options.weightDecay = 0;
    options.clipNorm = args.clipNorm;
    options.seed = args.seed;
    options.dropLastBatch = args.dropLast;
    nlohmann::json results = nlohmann::json::array();
    for (const auto& name : args.models) {
        const auto r = ml::runEttProtocol(
            args.data, ml::parseKind(name), args.lookback, args.horizon, options,
            [](const std::string& model, const ml::TrainProgress& p) {
                if (p.epochDone)
                    std::fprintf(stderr, "%s epoch %d/%d  loss %.4f  validation %.4f  %.0f samples/s\n", model.c_str(),
                                 p.epoch, p.epochs, p.trainLoss, p.validationLoss, p.samplesPerSecond);
            },
            args.shape);
        std::printf("%-9s ETTh1 lookback %d horizon %d: test MSE %.4f  MAE %.4f  (%zu windows, %d epochs, the best "
                    "%d scored, %.0f s)\n",
                    r.model.c_str(), r.lookback, r.horizon, r.mse, r.mae, r.testWindows, r.epochs, r.bestEpoch,
                    r.seconds);
        if (r.wholeBatchWindows != r.testWindows)
            std::printf("%-9s the first %zu windows only (whole batches of %d, as the published code drops the "
                        "last partial one): MSE %.4f  MAE %.4f\n",
                        r.model.c_str(), r.wholeBatchWindows, args.batch, r.mseWholeBatches, r.maeWholeBatches);
        results.push_back({{"model", r.model},
                           {"lookback", r.lookback},
                           {"horizon", r.horizon},
                           {"mse", r.mse},
                           {"mae", r.mae},
                           {"validation_mse", r.validationMse},
                           {"test_windows", r.testWindows},
                           {"whole_test_batches",
                            {{"windows", r.wholeBatchWindows}, {"mse", r.mseWholeBatches}, {"mae", r.maeWholeBatches}}},
                           {"epochs", r.epochs},
                           {"best_epoch", r.bestEpoch},
                           {"validation_mse_per_epoch", r.validationLosses},
                           {"seconds", r.seconds}});
    }
    if (!args.json.empty()) {
        AtomicFile out(args.json);
        const nlohmann::json settings{{"learning_rate", options.learningRate},
                                      {"decay", options.learningRateDecay},
                                      {"hold", options.learningRateHold},
                                      {"first_epoch_rate_scale", options.firstEpochRateScale},
                                      {"batch", options.batchSize},
                                      {"patience", options.patience},
                                      {"seed", options.seed},
                                      {"clip_norm", options.clipNorm},
                                      {"dropout", args.shape.dropout},
                                      {"revin_affine", args.shape.revinAffine},
                                      {"drop_last_batch", options.dropLastBatch}};
        out.stream() << nlohmann::json{{"protocol", "ett"},
                                       {"data", args.data},
                                       {"training", settings},
                                       {"results", results}}
                            .dump(2)
                     << "\n";
        out.commit();
    }
}

} // namespace

void addEvaluateCommand(CLI::App& ts, const StartupOptions& startup)
{
    auto e = std::make_shared<EvaluateArgs>();
    auto* evaluateCmd = ts.add_subcommand(
        "evaluate", "Train and score models under a published protocol, or score a saved model on data");
    evaluateCmd->add_option("--protocol", e->protocol,
                            "ett: ETTh1, 12/4/4 months, all channels, z-scored MSE/MAE; skab: SKAB's outlier "
                            "detection");
    evaluateCmd->add_option("--model", e->model,
                            "A model folder written by ts train: its forecasts scored on --data (every window, or "
                            "ETTh1's test months with --protocol ett)");
    evaluateCmd->add_option("--data", e->data, "The data: ETTh1.csv, a SKAB folder, or a CSV for --model")->required();
    evaluateCmd->add_option("--skip", e->skip, "--model: columns not to load")->delimiter(',');
    evaluateCmd->add_option("--models", e->models, "Models to score")->delimiter(',');
    evaluateCmd->add_option("--lookback", e->lookback, "Steps per window");
    evaluateCmd->add_option("--horizon", e->horizon, "Steps forecast");
    evaluateCmd->add_option("--epochs", e->epochs, "Most epochs");
    evaluateCmd->add_option("--batch", e->batch, "Windows per step");
    evaluateCmd->add_option("--patience", e->patience, "Epochs without improvement before stopping");
    evaluateCmd->add_option("--lr", e->learningRate, "Learning rate");
    evaluateCmd->add_option("--lr-decay", e->decay, "Learning rate multiplied by this after each epoch");
    evaluateCmd->add_option("--lr-hold", e->hold, "Epochs before the decay starts (PatchTST's ETTh1 script: 3)");
    evaluateCmd
        ->add_option("--lr-first-epoch", e->firstEpochScale,
                     "The first epoch's learning rate as a share of --lr (PatchTST's code: 0.04, the start of a "
                     "OneCycleLR it never steps)")
        ->check(CLI::Range(1e-6, 1.0));
    evaluateCmd->add_option("--json-out", e->json, "Write the results as JSON here");
    evaluateCmd->add_option("--clip-norm", e->clipNorm,
                            "Gradient norm clipped to this; 0 leaves gradients alone (ett's default, as the papers' "
                            "code; skab: 1, conv_ae 0)");
    evaluateCmd->add_flag("--drop-last", e->dropLast,
                          "ett: each epoch leaves out its last partial batch, as the papers' loaders do");
    evaluateCmd->add_option("--seed", e->seed, "Seed of the weights and the batch order (default 1)");
    evaluateCmd->add_option("--quantile", e->quantile, "skab: quantile of the training scores for the threshold");
    evaluateCmd->add_option("--margin", e->margin, "skab: the threshold is that quantile times this");
    evaluateCmd->add_option("--smooth", e->smoothing, "skab: rows in the moving mean of the scores");
    evaluateCmd
        ->add_option("--members", e->members,
                     "skab, conv_ae: autoencoders trained from seeds seed, seed + 1000, …, their errors averaged")
        ->check(CLI::Range(1, 100));
    evaluateCmd->add_flag("--one-reconstruction", e->oneReconstruction,
                          "skab, conv_ae: one reconstructed series compared with every channel, as SKAB's model "
                          "(its last layer has one filter)");
    evaluateCmd->add_flag("--notebook-rows", e->notebookRows,
                          "skab, conv_ae: SKAB's notebook's row rule (the window starting at a row left out; the "
                          "first and last rows of each file never flagged)");
    evaluateCmd->add_flag("--last-weights", e->lastWeights,
                          "skab, conv_ae: keep the last epoch's weights, as Keras's early stopping does, not the best");
    addShapeOptions(*evaluateCmd, e->shape);
    evaluateCmd->callback([e, evaluateCmd, &startup] {
        fathom::start(startup); // the configuration: threads, recurrent kernels
        e->learningRateGiven = evaluateCmd->count("--lr") > 0;
        e->patienceGiven = evaluateCmd->count("--patience") > 0;
        e->dropoutGiven = evaluateCmd->count("--dropout") > 0;
        e->clipGiven = evaluateCmd->count("--clip-norm") > 0;
        evaluateCommand(*e);
    });
}

} // namespace fathom::cli
