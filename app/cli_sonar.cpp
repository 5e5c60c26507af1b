#include "cli_sonar.h"

#include "common/atomicfile.h"
#include "common/error.h"
#include "sonar/simulator.h"
#include "sonar/sonarbench.h"
#include "sonar/summaryreport.h"
#include "sonar/waterfall.h"

#include <iostream>

namespace fathom::cli {

namespace {

struct RenderArgs
{
    std::string file;
    std::string out;
    bool groundRange = false;
    std::string gain = "egn";
    std::string palette = "copper";
    std::string pings;
    int width = 0;
    double contrast = 0.5;
};

void parsePings(const std::string& text, sonar::RenderOptions& options)
{
    const auto colon = text.find(':');
    if (text.empty())
        return;
    if (colon == std::string::npos)
        throw Error("--pings '" + text + "': expected FIRST:LAST, e.g. 0:500");
    try {
        if (colon > 0)
            options.firstPing = std::stoul(text.substr(0, colon));
        if (colon + 1 < text.size())
            options.lastPing = std::stoul(text.substr(colon + 1));
    } catch (const std::exception&) {
        throw Error("--pings '" + text + "': expected FIRST:LAST, e.g. 0:500");
    }
}

int render(const RenderArgs& args)
{
    const auto file = sonar::open(args.file);
    file->waitComplete();
    sonar::RenderOptions options;
    options.groundRange = args.groundRange;
    if (args.gain != "none" && args.gain != "egn")
        throw Error("--gain '" + args.gain + "': expected none or egn");
    options.gain = args.gain == "egn" ? sonar::Gain::Empirical : sonar::Gain::None;
    options.palette = sonar::parsePalette(args.palette);
    options.columnsPerSide = args.width;
    options.contrast = args.contrast;
    parsePings(args.pings, options);
    const auto image = sonar::renderWaterfall(*file, options);
    sonar::writePng(image, args.out);
    if (!file->problem().empty())
        std::cerr << "fathom-cli: warning: " << file->problem() << "\n";
    std::cerr << "wrote " << args.out << " (" << image.width << " x " << image.height << ")\n";
    return 0;
}

} // namespace

void addSonarCommands(CLI::App& app)
{
    auto* bench = app.add_subcommand("bench", "Benchmarks: print figures and write JSON");
    bench->require_subcommand(1);
    auto benchOptions = std::make_shared<sonar::SonarBenchOptions>();
    auto benchFile = std::make_shared<std::string>();
    auto benchJson = std::make_shared<std::string>();
    auto* benchSonar = bench->add_subcommand("sonar", "Index, decode and render speed on a large XTF");
    benchSonar->add_option("file", *benchFile, "XTF to measure (default: write one of --size-mb)");
    benchSonar->add_option("--size-mb", benchOptions->sizeMegabytes, "Size of the file to write");
    benchSonar->add_option("--json-out", *benchJson, "Write the figures as JSON here");
    benchSonar->add_flag("--cold", benchOptions->cold, "Drop the page cache before opening (needs root)");
    auto writeOnly = std::make_shared<std::string>();
    benchSonar->add_option("--write", *writeOnly, "Only write a large XTF of --size-mb here, to measure later");
    benchSonar->callback([=] {
        if (!writeOnly->empty()) {
            sonar::writeBenchFile(*writeOnly, benchOptions->sizeMegabytes << 20);
            std::cout << *writeOnly << "\n";
            return;
        }
        auto options = *benchOptions;
        options.file = *benchFile;
        options.workDir = std::filesystem::temp_directory_path() / "fathom-bench";
        options.progress = [](const std::string& text) { std::cerr << "bench: " << text << "\n"; };
        const auto result = sonar::runSonarBench(options);
        std::cout << result.text();
        if (!benchJson->empty()) {
            AtomicFile out(*benchJson);
            out.stream() << result.json() << "\n";
            out.commit();
        }
        if (benchFile->empty())
            std::filesystem::remove(options.workDir / "bench.xtf");
    });

    auto options = std::make_shared<sonar::SurveySimulator::Options>();
    auto demoOut = std::make_shared<std::string>();
    auto* demo = app.add_subcommand("demo", "Write the simulated demo survey: survey.xtf, truth.csv, sensors.csv");
    demo->add_option("--out", *demoOut, "Folder to write into")->required();
    demo->add_option("--seed", options->seed, "Seed: the same seed gives the same survey");
    demo->add_option("--pings", options->pings, "Pings in the line (10 per second)")->check(CLI::Range(10, 10000000));
    demo->add_option("--moored", options->mooredObjects,
                     "Spheres moored in the water column near the track, besides the seabed's objects (default 0)")
        ->check(CLI::Range(0, 100));
    demo->callback([=] {
        for (const auto& path : sonar::writeDemoSurvey(*demoOut, *options))
            std::cout << path.string() << "\n";
    });

    auto* sonarCommand = app.add_subcommand("sonar", "Sidescan files: facts and pictures");
    sonarCommand->require_subcommand(1);
    auto infoFile = std::make_shared<std::string>();
    auto infoJson = std::make_shared<bool>(false);
    auto* info = sonarCommand->add_subcommand("info", "Format, channels, pings, time span, navigation, packets");
    info->add_option("file", *infoFile, "XTF file")->required();
    info->add_flag("--json", *infoJson, "Print JSON");
    info->callback([=] {
        const auto file = sonar::open(*infoFile);
        std::cout << (*infoJson ? sonar::summaryJson(file->summary(), *infoFile) + "\n"
                                : sonar::summaryText(file->summary(), *infoFile));
    });

    auto args = std::make_shared<RenderArgs>();
    auto* renderCommand = sonarCommand->add_subcommand("render", "Render the waterfall to a PNG");
    renderCommand->add_option("file", args->file, "XTF file")->required();
    renderCommand->add_option("--out", args->out, "PNG to write")->required();
    renderCommand->add_flag("--ground-range", args->groundRange, "Slant-range corrected (bottom tracked when needed)");
    renderCommand->add_option("--gain", args->gain, "none or egn (empirical gain normalisation)");
    renderCommand->add_option("--palette", args->palette, "grey, copper, amber or inverted");
    renderCommand->add_option("--pings", args->pings, "FIRST:LAST pings to draw");
    renderCommand->add_option("--width", args->width, "Columns per side (default: samples per channel)");
    renderCommand->add_option("--contrast", args->contrast, "0 soft to 1 hard (default 0.5)")
        ->check(CLI::Range(0.0, 1.0));
    renderCommand->callback([=] { render(*args); });
}

} // namespace fathom::cli
