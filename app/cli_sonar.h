#pragma once

#include "startup.h"

#include <CLI/CLI.hpp>

namespace fathom::cli {

// `fathom-cli demo`, `fathom-cli sonar info` and `fathom-cli sonar render`: they need no device.
void addSonarCommands(CLI::App& app);
// `fathom-cli detect`: contacts proposed by the detectors.
void addDetectCommand(CLI::App& app, const StartupOptions& startup);
void addDetectBench(CLI::App& bench);
// `fathom-cli train-detector`: the CNN detector from simulated truth and confirmed contacts.
void addTrainDetectorCommand(CLI::App& app, const StartupOptions& startup);
// `fathom-cli export`: a project's contacts and alerts for GIS and spreadsheets.
void addExportCommand(CLI::App& app);
// `detach` and `follow`: what remote training runs on the host (app/remotetrainer.cpp).
void addRemoteCommands(CLI::App& app);
// `fathom-cli report`: a project as an annotated PDF or HTML report. `startup` holds the global
// options (--device …) by the time the command runs.
void addReportCommand(CLI::App& app, const StartupOptions& startup);

} // namespace fathom::cli
