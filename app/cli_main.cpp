// fathom-cli: the headless engine.
#include "cli_series.h"
#include "cli_sonar.h"
#include "common/blaskernels.h"
#include "common/error.h"
#include "common/versions.h"
#include "device/devicereport.h"
#include "ml/models.h"
#include "startup.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <string>

namespace {

void printVersion(const fathom::Startup* s)
{
    std::cout << "fathom-cli " << fathom::fathomVersion() << "\n";
    if (s) {
        const auto& build = s->devices->buildInfo();
        std::cout << "LibTorch " << build.torchVersion;
        if (build.cudaBuilt)
            std::cout << " (CUDA " << build.cudaVersion << ", cuDNN " << build.cudnnVersion << ")";
        std::cout << "\n";
    }
    for (const auto& [name, version] : fathom::libraryVersions())
        std::cout << name << " " << version << "\n";
}

// An error of a library underneath (LibTorch, oneDNN, OpenCV) that no check of Fathom's caught
// first: said in one line (LibTorch's carry their C++ backtrace after the first) instead of an
// abort and a core dump.
int unexpected(const std::exception& e)
{
    std::string what = e.what();
    what = what.substr(0, what.find('\n'));
    std::cerr << "fathom-cli: internal error: " << what << " (please report it with the command that gave it)\n";
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    fathom::chooseBlasKernels(argv); // may start this program again with faster kernels
    fathom::reuseLargeBlocks();
    CLI::App app{"Fathom's headless engine: devices, training and inference for seabed surveys", "fathom-cli"};
    app.require_subcommand(0, 1);
    fathom::StartupOptions options;
    bool version = false;
    app.add_flag("--version", version, "Print the version of Fathom and its libraries");
    app.add_option("--device", options.device, "Device to use: auto, cpu, cuda, cuda:N or mps");
    app.add_option("--env", options.environment, "Environment profile: local, gpu or cloud");
    app.add_option("--config", options.configFile, "A config file layered over the environment");
    app.add_option("--set", options.overrides, "Override one setting: key.path=value (repeatable)");
    app.add_option("--log-level", options.logLevel, "trace, debug, info, warn or error");

    auto* devices = app.add_subcommand("devices", "List the devices, their capabilities and profiles");
    bool json = false;
    devices->add_flag("--json", json, "Print JSON instead of text");

    fathom::cli::addSonarCommands(app);
    fathom::cli::addDetectCommand(app, options);
    fathom::cli::addTrainDetectorCommand(app, options);
    fathom::cli::addExportCommand(app);
    fathom::cli::addRemoteCommands(app);
    fathom::cli::addReportCommand(app, options);
    fathom::cli::addSeriesCommands(app, options);

    try {
        app.parse(argc, argv); // the sonar commands run here, from their callbacks
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const fathom::Error& e) {
        std::cerr << "fathom-cli: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        return unexpected(e);
    }
    if (!version && !devices->parsed()) {
        if (app.get_subcommands().empty())
            std::cout << app.help();
        return 0;
    }
    try {
        const auto startup = fathom::start(options);
        // Warnings (an absent device, a broken config file) reached stderr through the log.
        if (version) {
            printVersion(startup.get());
            return 0;
        }
        if (devices->parsed()) {
            // How forecasts on the CPU run (compute.inference_precision), beside what could run.
            const auto precision = fathom::ml::cpuInferencePrecision();
            if (json) {
                auto out = nlohmann::json::parse(fathom::devicesJson(*startup->devices));
                out["cpu_inference_precision"] = precision;
                std::cout << out.dump(2) << "\n";
            } else {
                std::cout << fathom::devicesText(*startup->devices) << "\nCPU forecasts: " << precision
                          << (precision == "bf16" ? ", PatchTST and DLinear fp32" : "")
                          << " (compute.inference_precision)\n";
            }
        }
    } catch (const fathom::Error& e) {
        std::cerr << "fathom-cli: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        return unexpected(e);
    }
    return 0;
}
