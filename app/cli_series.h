#pragma once

#include "ml/alerts.h"
#include "ml/models.h"
#include "startup.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

namespace fathom::cli {

// `fathom-cli ts …`: the time-series commands.
// `ts train` runs on the device `fathom-cli --device` picks (its profile's mixed precision).
void addSeriesCommands(CLI::App& app, const StartupOptions& startup);
// `fathom-cli bench ts`.
void addBenchTsCommand(CLI::App& bench, const StartupOptions& startup);
// `fathom-cli bench device`.
void addBenchDeviceCommand(CLI::App& bench, const StartupOptions& startup);
// `fathom-cli ts evaluate`.
void addEvaluateCommand(CLI::App& ts, const StartupOptions& startup);
// `fathom-cli ts alerts`.
void addAlertsCommand(CLI::App& ts, const StartupOptions& startup);
// The model-size options `ts train` and `ts evaluate` share: dropout and PatchTST's sizes.
void addShapeOptions(CLI::App& command, ml::ModelConfig& shape);
// Point-wise alert metrics as `ts alerts` and `ts evaluate --protocol skab` print them.
nlohmann::json metricsJson(const ml::AlertMetrics& metrics);

} // namespace fathom::cli
