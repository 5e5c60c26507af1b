#include "cli_series.h"

#include "series/csvloader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>

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
        channels.push_back({{"name", s.channels[c]}, {"min", *lo}, {"max", *hi}, {"mean", sum / double(s.rows)}});
    }
    const std::string delimiter = report.delimiter == '\t' ? "tab" : std::string(1, report.delimiter);
    const nlohmann::json out = {{"files", args.files},
                                {"rows", s.rows},
                                {"delimiter", delimiter},
                                {"time_column", report.timeColumn},
                                {"time_start_s", s.time.empty() ? 0.0 : s.time.front()},
                                {"time_end_s", s.time.empty() ? 0.0 : s.time.back()},
                                {"filled_cells", report.filledCells},
                                {"dropped_rows", report.droppedRows},
                                {"skipped_columns", report.skippedColumns},
                                {"channels", channels}};
    if (args.json) {
        std::cout << out.dump(2) << "\n";
        return;
    }
    std::cout << s.rows << " rows, delimiter '" << delimiter << "', time column '" << report.timeColumn << "', "
              << report.filledCells << " missing cells filled, " << report.droppedRows << " rows dropped\n";
    for (const auto& c : channels) {
        char line[200];
        std::snprintf(line, sizeof line, "  %-24s min %12.5g  max %12.5g  mean %12.5g\n",
                      c["name"].get<std::string>().c_str(), c["min"].get<double>(), c["max"].get<double>(),
                      c["mean"].get<double>());
        std::cout << line;
    }
}

} // namespace

void addSeriesCommands(CLI::App& app)
{
    auto* ts = app.add_subcommand("ts", "Sensor time series");
    ts->require_subcommand(1);
    auto args = std::make_shared<InfoArgs>();
    auto* infoCommand = ts->add_subcommand("info", "Load CSV/TSV files as one data set and describe it");
    infoCommand->add_option("files", args->files, "CSV or TSV files with a header row")->required();
    infoCommand->add_option("--skip", args->skip, "Columns to leave out (labels, for instance)")->delimiter(',');
    infoCommand->add_flag("--drop-missing", args->drop, "Drop rows with missing cells instead of filling them");
    infoCommand->add_flag("--json", args->json, "Print JSON");
    infoCommand->callback([args] { info(*args); });
}

} // namespace fathom::cli
