#pragma once

#include "series.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace fathom::series {

enum class Missing { Fill, Drop }; // fill: carry the last value forward (the first back)

struct LoadOptions
{
    char delimiter = 0; // 0: sniffed from the header among ',' ';' and tab
    Missing missing = Missing::Fill;
    // Columns left out even if numeric (labels such as SKAB's "anomaly"); the time column is
    // found by itself: the first column whose cells parse as timestamps.
    std::vector<std::string> skip;
};

// What loading did, for the user to see.
struct LoadReport
{
    char delimiter = ',';
    std::string timeColumn; // empty when none
    std::size_t filledCells = 0;
    std::map<std::string, std::size_t> missingByChannel; // empty or NA cells per channel, filled or dropped
    std::string missingText() const;                     // "depth_m 1, mag_total_nt 3"
    std::size_t droppedRows = 0;
    std::vector<std::string> skippedColumns;
    // Numbers written with a decimal comma ("12,5"), as spreadsheets in many locales export them
    // beside a ';' or tab delimiter; read as 12.5.
    bool decimalComma = false;
};

// Reads one CSV/TSV file with a header row. Throws Error naming the file, row (1-based, the
// header is row 1) and column for a cell that is neither a number nor empty/NA, and for an
// infinite value.
Series loadCsv(const std::filesystem::path& path, const LoadOptions& options, LoadReport& report);

// Several files with the same channels, one after the other, as one data set.
Series loadCsvFiles(const std::vector<std::filesystem::path>& paths, const LoadOptions& options, LoadReport& report);

// "2016-07-01 00:00:00", "2020-03-09T10:14:33.5Z", "2020/03/09 10:14", "09.03.2020 10:14:33",
// a date alone; seconds since 1970 UTC, or NaN when the text is none of these.
double parseTimestamp(const std::string& text);

char sniffDelimiter(const std::string& headerLine);

} // namespace fathom::series
