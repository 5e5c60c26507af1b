#include "cli_series.h"

#include "common/atomicfile.h"
#include "common/error.h"
#include "common/timeformat.h"
#include "common/versions.h"
#include "device/hostinfo.h"
#include "device/nvmlmonitor.h"
#include "ml/distributed.h"
#include "ml/pipeline.h"
#include "series/csvloader.h"
#include "series/dataset.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <limits>
#include <sstream>
#include <unistd.h>

namespace fathom::cli {

namespace {

struct InfoArgs
{
    std::vector<std::string> files;
    std::vector<std::string> skip;
    bool drop = false;
    bool json = false;
};

void info(const InfoArgs& args)
{
    series::LoadOptions options;
    options.skip = args.skip;
    options.missing = args.drop ? series::Missing::Drop : series::Missing::Fill;
    series::LoadReport report;
    std::vector<std::filesystem::path> paths(args.files.begin(), args.files.end());
    const auto s = series::loadCsvFiles(paths, options, report);
    nlohmann::json channels = nlohmann::json::array();
    for (std::size_t c = 0; c < s.channels.size(); ++c) {
        const auto column = s.column(c);
        const auto [lo, hi] = std::minmax_element(column.begin(), column.end());
        double sum = 0;
        for (float v : column)
            sum += v;
        const auto missing = report.missingByChannel.find(s.channels[c]);
        channels.push_back({{"name", s.channels[c]},
                            {"min", *lo},
                            {"max", *hi},
                            {"mean", sum / double(s.rows)},
                            {"missing", missing == report.missingByChannel.end() ? 0 : missing->second}});
    }
    const std::string delimiter = report.delimiter == '\t' ? "tab" : std::string(1, report.delimiter);
    const nlohmann::json out = {{"files", args.files},
                                {"rows", s.rows},
                                {"delimiter", delimiter},
                                {"decimal_comma", report.decimalComma},
                                {"time_column", report.timeColumn},
                                {"time_start_s", s.time.empty() ? 0.0 : s.time.front()},
                                {"time_end_s", s.time.empty() ? 0.0 : s.time.back()},
                                {"first_row_out_of_time_order", series::firstRowOutOfTimeOrder(s)},
                                {"filled_cells", report.filledCells},
                                {"dropped_rows", report.droppedRows},
                                {"skipped_columns", report.skippedColumns},
                                {"channels", channels}};
    if (args.json) {
        std::cout << out.dump(2) << "\n";
        return;
    }
    std::cout << s.rows << " rows, delimiter '" << delimiter << "'" << (report.decimalComma ? ", decimal comma" : "")
              << ", time column '" << report.timeColumn << "', " << report.filledCells << " missing cells filled, "
              << report.droppedRows << " rows dropped\n";
    if (const auto r = series::firstRowOutOfTimeOrder(s))
        std::cout << "warning: data row " << r + 1 << " is earlier than the row before it (files out of order?)\n";
    for (const auto& c : channels) {
        char line[200];
        std::snprintf(line, sizeof line, "  %-24s min %12.5g  max %12.5g  mean %12.5g",
                      c["name"].get<std::string>().c_str(), c["min"].get<double>(), c["max"].get<double>(),
                      c["mean"].get<double>());
        std::cout << line;
        if (const auto missing = c["missing"].get<std::size_t>())
            std::cout << "  missing " << missing;
        std::cout << "\n";
    }
}

struct ModelsArgs
{
    int lookback = 100, channels = 12, horizon = 1;
    bool json = false;
};

void models(const ModelsArgs& args)
{
    nlohmann::json list = nlohmann::json::array();
    for (auto kind : ml::allKinds()) {
        ml::ModelConfig config;
        config.kind = kind;
        config.lookback = args.lookback;
        config.channels = args.channels;
        config.horizon = args.horizon;
        const auto d = ml::describe(config);
        list.push_back({{"name", d.name}, {"parameters", d.parameters}, {"output_shape", d.outputShape}});
        if (!args.json)
            std::printf("%-10s %10lld parameters\n", d.name.c_str(), static_cast<long long>(d.parameters));
    }
    if (args.json)
        std::cout << nlohmann::json{{"lookback", args.lookback},
                                    {"channels", args.channels},
                                    {"horizon", args.horizon},
                                    {"models", list}}
                         .dump(2)
                  << "\n";
}

struct TrainArgs
{
    std::vector<std::string> data, features, skip, models{"lstm"};
    std::string target, out, labels, split;
    int lookback = 100, horizon = 1, stride = 1, epochs = 20, batch = 32, patience = 5;
    double learningRate = 1e-3;
    double clipNorm = 1.0; // gradient norm clipped to this; 0: not clipped
    std::uint64_t seed = 1;
    bool json = false;
    bool progressJson = false;
    bool resume = false;
    std::string from;
    std::string device = "cpu", precision = "auto";
    std::uint64_t memoryLimit = 0; // the device profile's, for an automatic batch
    ml::ModelConfig shape;         // dropout and PatchTST's sizes
    int workers = -1;              // data workers; -1: the device profile's
    int accumulate = 1;            // steps whose gradients are summed before the weights move
};

// The machine's memory as the progress lines carry it: the process, the host and each NVIDIA
// GPU (through NVML when the machine has one), so a desktop watching a remote run sees them.
nlohmann::json memoryJson(GpuMonitor& gpus)
{
    // Figures this system does not give (no /proc: macOS, the BSDs) are left out, not sent as 0.
    const auto host = host::memory();
    nlohmann::json out = nlohmann::json::object();
    if (const auto resident = host::processResidentBytes(); resident > 0)
        out["process_bytes"] = resident;
    if (host.total > 0) {
        out["host_total_bytes"] = host.total;
        out["host_available_bytes"] = host.available;
    }
    nlohmann::json list = nlohmann::json::array();
    for (int i = 0; i < gpus.count(); ++i) {
        const auto r = gpus.read(i);
        if (r.ok)
            list.push_back({{"name", gpus.name(i)},
                            {"used_bytes", r.used},
                            {"total_bytes", r.total},
                            {"utilisation_percent", r.utilisationPercent}});
    }
    out["gpus"] = list;
    return out;
}

// One JSON object per line on stdout, flushed: what `--progress-json` promises a reader that
// follows the output as it grows (the desktop's remote training does).
void emitLine(const nlohmann::json& line)
{
    std::cout << line.dump() << "\n" << std::flush;
}

} // namespace

void addShapeOptions(CLI::App& command, ml::ModelConfig& shape)
{
    command.add_option("--dropout", shape.dropout, "Dropout (default 0.1)")->check(CLI::Range(0.0, 0.95));
    command.add_option("--width", shape.modelWidth, "patchtst: width of the patch embedding (default 128)")
        ->check(CLI::PositiveNumber);
    command.add_option("--heads", shape.heads, "patchtst: attention heads, a divisor of --width (default 16)")
        ->check(CLI::PositiveNumber);
    command.add_option("--layers", shape.layers, "patchtst: encoder layers (default 3)")->check(CLI::PositiveNumber);
    command.add_option("--ff", shape.feedForward, "patchtst: feed-forward width (0: twice --width)")
        ->check(CLI::NonNegativeNumber);
    command.add_option("--patch-length", shape.patchLength, "patchtst: steps per patch (default 16)")
        ->check(CLI::PositiveNumber);
    command.add_option("--patch-stride", shape.patchStride, "patchtst: steps between patches (default 8)")
        ->check(CLI::PositiveNumber);
    command.add_option("--revin-affine", shape.revinAffine,
                       "patchtst: RevIN's learned scale and shift (1, the default) or none (0, the paper's ETTh1 "
                       "script)");
}

namespace {

void trainCommand(const TrainArgs& args)
{
    ml::TrainJob job;
    job.data.assign(args.data.begin(), args.data.end());
    job.target = args.target;
    job.features = args.features;
    job.skip = args.skip;
    job.labels = args.labels;
    job.models.clear();
    for (const auto& name : args.models)
        job.models.push_back(ml::parseKind(name));
    job.lookback = args.lookback;
    job.horizon = args.horizon;
    job.stride = args.stride;
    job.split = series::SplitSpec::parse(args.split);
    job.out = args.out;
    job.options.epochs = args.epochs;
    job.options.batchSize = args.batch;
    job.options.memoryLimitBytes = args.memoryLimit;
    job.options.loaderWorkers = args.workers;
    job.options.accumulation = args.accumulate;
    job.options.patience = args.patience;
    job.options.learningRate = args.learningRate;
    job.options.clipNorm = args.clipNorm;
    job.options.seed = args.seed;
    job.shape = args.shape;
    job.resume = args.resume;
    job.from = args.from;
    job.device = args.device;
    job.options.precision = args.precision;
    // Under a launcher (WORLD_SIZE > 1): data-parallel with the other ranks; rank 0 writes.
    const auto group = ml::ProcessGroup::fromEnvironment();
    if (group) {
        job.options.group = group.get();
        job.device = ml::rankDevice(job.device); // one GPU per local rank
        if (job.device != args.device)
            std::fprintf(stderr, "rank %d of %d: on %s (LOCAL_RANK)\n", group->rank(), group->worldSize(),
                         job.device.c_str());
        if (args.batch > 0)
            std::fprintf(stderr, "rank %d of %d: batches of %d windows, %d per rank\n", group->rank(),
                         group->worldSize(), args.batch * group->worldSize(), args.batch);
        else
            std::fprintf(stderr, "rank %d of %d: batch per rank measured on its GPU\n", group->rank(),
                         group->worldSize());
    }
    const bool terminal = ::isatty(STDERR_FILENO);
    auto lastDrawn = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    std::vector<std::string> order;
    for (auto kind : ml::membersFirst(job.models))
        order.push_back(ml::kindName(kind));
    std::unique_ptr<GpuMonitor> gpus;
    auto lastLine = lastDrawn;
    if (args.progressJson) {
        gpus = std::make_unique<NvmlMonitor>();
        emitLine({{"type", "start"}, {"version", fathomVersion()}, {"models", order}, {"memory", memoryJson(*gpus)}});
    }
    const auto result = ml::runTrainJob(job, [&](const std::string& model, const ml::TrainProgress& p) {
        if (args.progressJson) {
            const auto now = std::chrono::steady_clock::now();
            if (p.epochDone || now - lastLine >= std::chrono::milliseconds(250)) {
                lastLine = now;
                const auto at = std::find(order.begin(), order.end(), model);
                emitLine({{"type", "progress"},
                          {"model", model},
                          {"model_index", at - order.begin()},
                          {"models", order.size()},
                          {"epoch", p.epoch},
                          {"epochs", p.epochs},
                          {"step", p.step},
                          {"steps", p.steps},
                          {"loss", p.trainLoss},
                          {"validation_loss", p.validationLoss},
                          {"samples_per_second", p.samplesPerSecond},
                          {"eta_seconds", p.etaSeconds},
                          {"epoch_done", p.epochDone},
                          {"memory", memoryJson(*gpus)}});
            }
            return;
        }
        // A progress line on stderr: redrawn in place on a terminal, once per epoch in a log.
        const auto now = std::chrono::steady_clock::now();
        const bool epochEnd = p.epochDone;
        if (p.step == p.steps && !epochEnd)
            return; // the epoch's line comes after its validation
        if (!epochEnd && (!terminal || now - lastDrawn < std::chrono::milliseconds(200)))
            return;
        lastDrawn = now;
        std::fprintf(stderr, "%s%-9s epoch %d/%d  step %zu/%zu  loss %.4f  %.0f samples/s  ETA %.0f s   ",
                     terminal ? "\r" : "", model.c_str(), p.epoch, p.epochs, p.step, p.steps, p.trainLoss,
                     p.samplesPerSecond, p.etaSeconds);
        if (epochEnd || !terminal)
            std::fprintf(stderr, "\n");
    });
    nlohmann::json models = nlohmann::json::array();
    for (const auto& m : result.models)
        models.push_back({{"model", m.model},
                          {"folder", m.folder.string()},
                          {"parameters", m.parameters},
                          {"epochs", m.epochs},
                          {"best_epoch", m.bestEpoch},
                          {"validation_mse", m.validationMse},
                          {"test_mse", m.testMse},
                          {"seconds", m.seconds}});
    nlohmann::json summary = {{"device", args.device},
                              {"precision", args.precision},
                              {"rows", result.rows},
                              {"train_windows", result.trainWindows},
                              {"validation_windows", result.validationWindows},
                              {"test_windows", result.testWindows},
                              {"filled_cells", result.load.filledCells},
                              {"models", models}};
    if (group && group->allReduceCount()) {
        // What the all-reduce cost: the figure that says whether more ranks pay.
        const double perStep = group->allReduceSeconds() / double(group->allReduceCount());
        summary["rank"] = group->rank();
        summary["world_size"] = group->worldSize();
        summary["all_reduce_steps"] = group->allReduceCount();
        summary["all_reduce_ms_per_step"] = perStep * 1000;
        std::fprintf(stderr, "rank %d: %zu all-reduces, %.2f ms each (%.1f s in all)\n", group->rank(),
                     group->allReduceCount(), perStep * 1000, group->allReduceSeconds());
    }
    if (args.progressJson) {
        emitLine({{"type", "summary"}, {"summary", summary}});
        return;
    }
    if (args.json) {
        std::cout << summary.dump(2) << "\n";
        return;
    }
    for (const auto& m : result.models)
        std::printf("%-10s validation MSE %.4f, test MSE %.4f (z-scored), %d epochs, %.1f s -> %s\n", m.model.c_str(),
                    m.validationMse, m.testMse, m.epochs, m.seconds, m.folder.c_str());
}

struct PredictArgs
{
    std::string model, out, precision; // empty: compute.inference_precision
    std::vector<std::string> data, skip;
};

void predictCommand(const PredictArgs& args)
{
    const auto forecast =
        ml::predictWithFolder(args.model, {args.data.begin(), args.data.end()}, args.skip, args.precision);
    AtomicFile out(args.out);
    auto& csv = out.stream();
    // Every digit a float holds: six would round a 50,151.29 nT forecast to 0.1 nT.
    csv << std::setprecision(std::numeric_limits<float>::max_digits10);
    csv << (forecast.time.empty() ? "" : "time,") << "row";
    for (int h = 1; h <= forecast.horizon; ++h)
        csv << ",forecast_t" << h;
    csv << "\n";
    for (std::size_t i = 0; i < forecast.rows.size(); ++i) {
        if (!forecast.time.empty())
            csv << formatUtc(forecast.time[i], TimeStyle::IsoMillis) << ","; // as every file Fathom writes
        csv << forecast.rows[i];
        for (int h = 0; h < forecast.horizon; ++h)
            csv << "," << forecast.values[i * std::size_t(forecast.horizon) + std::size_t(h)];
        csv << "\n";
    }
    out.commit();
    std::cerr << "wrote " << forecast.rows.size() << " forecasts to " << args.out << "\n";
}

} // namespace

void addSeriesCommands(CLI::App& app, const StartupOptions& startup)
{
    if (const auto bench = app.get_subcommand_ptr("bench")) {
        addBenchDeviceCommand(*bench, startup);
        addBenchTsCommand(*bench, startup);
    }
    auto* ts = app.add_subcommand("ts", "Sensor time series");
    ts->require_subcommand(1);
    auto args = std::make_shared<InfoArgs>();
    auto* infoCommand = ts->add_subcommand("info", "Load CSV/TSV files as one data set and describe it");
    infoCommand
        ->add_option("files,--data", args->files,
                     "CSV or TSV files with a header row (or after --data, as the other ts commands take them)")
        ->required();
    infoCommand->add_option("--skip", args->skip, "Columns to leave out (labels, for instance)")->delimiter(',');
    infoCommand->add_flag("--drop-missing", args->drop, "Drop rows with missing cells instead of filling them");
    infoCommand->add_flag("--json", args->json, "Print JSON");
    infoCommand->callback([args] { info(*args); });

    auto modelArgs = std::make_shared<ModelsArgs>();
    auto* modelsCommand = ts->add_subcommand("models", "The model family with parameter counts for given sizes");
    modelsCommand->add_option("--lookback", modelArgs->lookback, "Steps per window");
    modelsCommand->add_option("--channels", modelArgs->channels, "Input channels");
    modelsCommand->add_option("--horizon", modelArgs->horizon, "Steps forecast");
    modelsCommand->add_flag("--json", modelArgs->json, "Print JSON");
    modelsCommand->callback([modelArgs] { models(*modelArgs); });

    auto t = std::make_shared<TrainArgs>();
    auto* trainCmd = ts->add_subcommand("train", "Train models on CSV data; each lands in OUT/<model>/");
    trainCmd->add_option("--data", t->data, "CSV/TSV files, one data set")->required();
    trainCmd->add_option("--target", t->target, "The channel to forecast (taken from --from when given)");
    trainCmd->add_option("--features", t->features, "Input channels (default: all)")->delimiter(',');
    trainCmd->add_option("--skip", t->skip, "Columns not to load")->delimiter(',');
    trainCmd->add_option("--labels", t->labels,
                         "A 0/1 column marking anomalous rows: the spike head learns from it, never a feature");
    trainCmd->add_option("--models", t->models, "lstm,gru,cnn_lstm,spike,rule,ensemble,patchtst,dlinear")
        ->delimiter(',');
    trainCmd->add_option("--lookback", t->lookback, "Steps per window");
    trainCmd->add_option("--horizon", t->horizon, "Steps forecast");
    trainCmd->add_option("--stride", t->stride, "Steps between training windows");
    trainCmd->add_option("--split", t->split,
                         "Training/validation/test in row order: shares in percent (70/15/15, the default) or "
                         "the times the validation and test parts begin ('2025-11-23 06:42, 2025-11-23 06:43')");
    trainCmd->add_option("--epochs", t->epochs, "Most epochs");
    trainCmd
        ->add_option("--batch", t->batch,
                     "Windows per step; auto: on a CUDA GPU the most that fit in its free memory (measured), "
                     "elsewhere the device profile's")
        ->transform(CLI::Transformer({{"auto", "0"}}));
    trainCmd->add_option("--patience", t->patience, "Epochs without improvement before stopping");
    trainCmd
        ->add_option("--accumulate", t->accumulate,
                     "Gradient accumulation: steps summed before the weights move (batch × N windows a step)")
        ->check(CLI::PositiveNumber);
    trainCmd->add_option("--workers", t->workers,
                         "Threads gathering the next batches while one trains (default: the device profile's)");
    trainCmd->add_option("--lr", t->learningRate, "Learning rate");
    trainCmd->add_option("--clip-norm", t->clipNorm, "Gradient norm clipped to this (default 1); 0 leaves it alone");
    trainCmd->add_option("--seed", t->seed, "Seed for reproducible runs");
    addShapeOptions(*trainCmd, t->shape);
    trainCmd->add_option("--out", t->out, "Folder for the trained models")->required();
    trainCmd->add_flag("--json", t->json, "Print a JSON summary");
    trainCmd->add_flag("--progress-json", t->progressJson,
                       "Progress as JSON lines on stdout (start, progress with memory, summary) instead of text");
    trainCmd->add_option("--from", t->from, "Fine-tune this saved model folder on the data (incremental retraining)");
    trainCmd->add_flag("--resume", t->resume,
                       "Continue from each model's checkpoint in OUT (after a crash or a cancel)");
    trainCmd->add_option("--precision", t->precision,
                         "fp32, bf16 or fp16 (CUDA); auto: the device profile's mixed precision");
    trainCmd->callback([t, &startup] {
        // The device and its profile as `fathom-cli --device/--env/--config` choose them.
        const auto started = fathom::start(startup); // its warnings reach stderr through the log
        const auto& active = started->devices->active();
        t->device = active.id;
        if (t->precision == "auto")
            t->precision = active.profile.mixedPrecision == MixedPrecision::Bf16   ? "bf16"
                           : active.profile.mixedPrecision == MixedPrecision::Fp16 ? "fp16"
                                                                                   : "fp32";
        if (t->batch <= 0 && active.kind != DeviceKind::Cuda)
            t->batch = active.profile.batchSize; // measured only where memory is the limit: on a GPU
        t->memoryLimit = active.profile.memoryLimitBytes;
        if (t->workers < 0)
            t->workers = active.profile.workers;
        trainCommand(*t);
    });

    addEvaluateCommand(*ts, startup);

    auto p = std::make_shared<PredictArgs>();
    auto* predictCmd = ts->add_subcommand("predict", "Forecast with a trained model over every window of new data");
    predictCmd->add_option("--model", p->model, "A model folder written by ts train")->required();
    predictCmd->add_option("--data", p->data, "CSV/TSV files")->required();
    predictCmd->add_option("--skip", p->skip, "Columns not to load")->delimiter(',');
    predictCmd->add_option("--out", p->out, "CSV to write")->required();
    predictCmd
        ->add_option("--precision", p->precision,
                     "fp32; bf16 (on CPUs with Intel AMX and GPUs that have it; forecasts off by ~1e-3 "
                     "z-scores); fp16 on CUDA; default: compute.inference_precision")
        ->check(CLI::IsMember({"fp32", "bf16", "fp16"}));
    predictCmd->callback([p, &startup] {
        fathom::start(startup); // the configuration: threads, recurrent kernels
        predictCommand(*p);
    });
    addAlertsCommand(*ts, startup);
}

} // namespace fathom::cli
