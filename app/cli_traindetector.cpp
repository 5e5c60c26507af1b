// fathom-cli train-detector: the CNN detector trained (or fine-tuned) on simulated surveys'
// ground truth and on the contacts an analyst confirmed in a project.
#include "cli_sonar.h"

#include "common/error.h"
#include "ml/cnndetector.h"
#include "project/project.h"
#include "sonar/simulator.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace fathom::cli {

namespace {

struct TrainDetectorArgs
{
    std::vector<std::string> surveys, projects;
    std::string simulate, out, from;
    int pings = 2000, epochs = 30, tiles = 256, batch = 16, patience = 6;
    double learningRate = 2e-3;
    std::uint64_t seed = 1;
    bool json = false;
    std::string device = "auto";
};

void trainDetectorCommand(const TrainDetectorArgs& a)
{
    namespace fs = std::filesystem;
    std::vector<ml::LabelledFile> files;
    std::string trainedOn;
    // Simulated lines first: written to a scratch folder, labelled by their truth.
    fs::path scratch;
    if (!a.simulate.empty()) {
        scratch = fs::temp_directory_path() / ("fathom-train-detector-" + std::to_string(::getpid()));
        std::stringstream seeds(a.simulate);
        for (std::string seed; std::getline(seeds, seed, ',');) {
            sonar::SurveySimulator::Options options;
            options.seed = std::stoull(seed);
            options.pings = a.pings;
            const auto dir = scratch / ("seed-" + seed);
            std::cerr << "simulating seed " << seed << " (" << a.pings << " pings)\n";
            const auto written = sonar::writeDemoSurvey(dir, options);
            std::shared_ptr<const sonar::SonarFile> file = sonar::open(written[0]);
            files.push_back({file, ml::labelsFromTruth(*file, written[1])});
            trainedOn += (trainedOn.empty() ? "" : ", ") + std::string("simulated seed ") + seed;
        }
    }
    for (const auto& dir : a.surveys) {
        const fs::path survey = fs::is_directory(dir) ? fs::path(dir) / "survey.xtf" : fs::path(dir);
        const fs::path truth = survey.parent_path() / "truth.csv";
        if (!fs::exists(truth))
            throw Error(dir + ": no truth.csv beside " + survey.filename().string() +
                        " (train-detector learns from a simulated survey's truth or a project's confirmed contacts)");
        std::shared_ptr<const sonar::SonarFile> file = sonar::open(survey);
        files.push_back({file, ml::labelsFromTruth(*file, truth)});
        trainedOn += (trainedOn.empty() ? "" : ", ") + survey.string();
    }
    for (const auto& path : a.projects) {
        const auto p = project::load(path);
        if (p.survey.empty())
            throw Error(path + ": the project has no sidescan file");
        std::shared_ptr<const sonar::SonarFile> file = sonar::open(p.survey);
        auto labels = ml::labelsFromContacts(*file, p.contacts, 0.5); // and the CNN's own confident proposals
        std::cerr << path << ": " << labels.size() << " labels (confirmed, and proposals the CNN was sure of)\n";
        files.push_back({file, std::move(labels)});
        trainedOn += (trainedOn.empty() ? "" : ", ") + path + " (confirmed contacts)";
    }
    if (files.empty())
        throw Error("train-detector: give --simulate, --survey or --project");
    ml::CnnDetectorConfig config;
    config.samplesPerSide = files.front().file->pingInfo(0).samples;
    auto detector = a.from.empty() ? ml::CnnDetector::create(config, a.seed) : ml::CnnDetector::load(a.from);
    if (const auto note = detector.useDevice(a.device); !note.empty())
        std::cerr << "fathom-cli: " << note << "\n";
    ml::DetectorTrainOptions options;
    options.train.epochs = a.epochs;
    options.train.batchSize = a.batch;
    options.train.learningRate = a.from.empty() ? a.learningRate : a.learningRate / 4;
    options.train.learningRateDecay = 0.95;
    options.train.patience = a.patience;
    options.train.seed = a.seed;
    options.tilesPerEpoch = a.tiles;
    std::ostringstream log;
    log << "model cnn_detector\ndata " << trainedOn << "\ndevice " << detector.device() << "\n"
        << (a.from.empty() ? "" : "fine-tuned from " + a.from + "\n") << "epochs " << a.epochs << ", batch " << a.batch
        << ", learning rate " << options.train.learningRate << ", seed " << a.seed << "\n";
    const auto result = ml::trainDetector(detector, files, options, [&](const ml::TrainProgress& p) {
        if (p.epochDone) {
            char line[160];
            std::snprintf(line, sizeof line, "epoch %d  train loss %.6f  validation loss %.6f\n", p.epoch, p.trainLoss,
                          p.validationLoss);
            log << line;
            std::fprintf(stderr, "\r%s", line);
        } else {
            std::fprintf(stderr, "\repoch %d/%d  step %zu/%zu  loss %.4f  %.0f tiles/s  ETA %.0f s   ", p.epoch,
                         p.epochs, p.step, p.steps, p.trainLoss, p.samplesPerSecond, p.etaSeconds);
        }
    });
    char tail[160];
    std::snprintf(tail, sizeof tail, "best epoch %d, validation loss %.6f, %.1f s\n", result.bestEpoch,
                  result.bestEpoch ? result.validationLoss[std::size_t(result.bestEpoch - 1)] : 0.0, result.seconds);
    log << tail;
    std::fprintf(stderr, "\n%s", tail);
    detector.save(
        a.out, log.str(),
        {{"best_epoch", result.bestEpoch},
         {"epochs", double(result.trainLoss.size())},
         {"validation_loss", result.bestEpoch ? result.validationLoss[std::size_t(result.bestEpoch - 1)] : 0.0},
         {"parameters", double(detector.parameterCount())},
         {"seconds", result.seconds}});
    if (!scratch.empty())
        fs::remove_all(scratch);
    std::cerr << "detector written to " << a.out << "\n";
    if (a.json)
        std::cout << nlohmann::json{{"out", a.out},
                                    {"epochs", result.trainLoss.size()},
                                    {"best_epoch", result.bestEpoch},
                                    {"train_loss", result.trainLoss},
                                    {"validation_loss", result.validationLoss},
                                    {"seconds", result.seconds}}
                         .dump(2)
                  << "\n";
}

} // namespace

void addTrainDetectorCommand(CLI::App& app, const StartupOptions& startup)
{
    auto a = std::make_shared<TrainDetectorArgs>();
    auto* cmd = app.add_subcommand("train-detector",
                                   "Train the CNN detector on simulated truth and on a project's confirmed contacts");
    cmd->add_option("--survey", a->surveys, "A folder from `fathom-cli demo` (survey.xtf and truth.csv); repeatable");
    cmd->add_option("--simulate", a->simulate,
                    "Simulate lines with these seeds and train on their truth, e.g. 1,2,3,4");
    cmd->add_option("--pings", a->pings, "Pings per simulated line")->default_val(2000);
    cmd->add_option("--project", a->projects, "A .fathom project: its confirmed contacts are labels; repeatable");
    cmd->add_option("--from", a->from, "Fine-tune this detector folder instead of starting afresh");
    cmd->add_option("--out", a->out, "The detector folder to write")->required();
    cmd->add_option("--epochs", a->epochs, "Epochs at most (early stopping on validation)")->default_val(30);
    cmd->add_option("--tiles", a->tiles, "Tiles per epoch")->default_val(256);
    cmd->add_option("--batch", a->batch, "Tiles per step")->default_val(16);
    cmd->add_option("--lr", a->learningRate, "Learning rate (a quarter of it when fine-tuning)")->default_val(2e-3);
    cmd->add_option("--patience", a->patience, "Epochs without a better validation loss before stopping")
        ->default_val(6);
    cmd->add_option("--seed", a->seed, "Seed for reproducible runs")->default_val(1);
    cmd->add_flag("--json", a->json, "Print a JSON summary");
    cmd->callback([a, &startup] {
        // Config, threads and the device as for every engine command (fathom-cli --device/--env/--set).
        const auto started = fathom::start(startup);
        a->device = started->devices->active().id;
        trainDetectorCommand(*a);
    });
}

} // namespace fathom::cli
