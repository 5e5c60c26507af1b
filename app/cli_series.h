#pragma once

#include "ml/alerts.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

namespace fathom::cli {

// `fathom-cli ts …`: the time-series commands.
void addSeriesCommands(CLI::App& app);
// `fathom-cli ts alerts`.
void addAlertsCommand(CLI::App& ts);
// Point-wise alert metrics as `ts alerts` and `ts evaluate --protocol skab` print them.
nlohmann::json metricsJson(const ml::AlertMetrics& metrics);

} // namespace fathom::cli
