#pragma once

#include <CLI/CLI.hpp>

namespace fathom::cli {

// `fathom-cli ts …`: the time-series commands.
void addSeriesCommands(CLI::App& app);

} // namespace fathom::cli
