#include "csvloader.h"

#include "common/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <limits>

namespace fathom::series {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string trim(std::string s)
{
    const auto first = s.find_first_not_of(" \t\r\"'");
    const auto last = s.find_last_not_of(" \t\r\"'");
    return first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
}

std::vector<std::string> split(const std::string& line, char delimiter)
{
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i)
        if (i == line.size() || line[i] == delimiter) {
            cells.push_back(trim(line.substr(start, i - start)));
            start = i + 1;
        }
    return cells;
}

bool isMissing(const std::string& cell)
{
    static const char* words[] = {"", "NA", "N/A", "NaN", "nan", "NAN", "null", "NULL", "None", "-"};
    return std::any_of(std::begin(words), std::end(words), [&](const char* w) { return cell == w; });
}

enum class Cell { Number, Missing, Infinite, Text };

Cell parseNumber(const std::string& cell, double& value, bool decimalComma = false)
{
    if (isMissing(cell))
        return Cell::Missing;
    if (decimalComma && std::count(cell.begin(), cell.end(), ',') == 1 && cell.find('.') == std::string::npos) {
        auto dotted = cell;
        dotted[dotted.find(',')] = '.';
        return parseNumber(dotted, value);
    }
    const char* begin = cell.data() + (cell.size() > 1 && cell[0] == '+' ? 1 : 0);
    const auto [end, error] = std::from_chars(begin, cell.data() + cell.size(), value);
    if (error != std::errc() || end != cell.data() + cell.size())
        return Cell::Text;
    return std::isinf(value) ? Cell::Infinite : std::isnan(value) ? Cell::Missing : Cell::Number;
}

double utcSeconds(int year, int month, int day, int hour, int minute, double second)
{
    if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second >= 61)
        return kNaN;
    std::tm t{};
    t.tm_year = year - 1900;
    t.tm_mon = month - 1;
    t.tm_mday = day;
    t.tm_hour = hour;
    t.tm_min = minute;
    return double(timegm(&t)) + second;
}

} // namespace

std::size_t Series::channel(const std::string& name) const
{
    const auto it = std::find(channels.begin(), channels.end(), name);
    if (it != channels.end())
        return std::size_t(it - channels.begin());
    std::string known;
    for (const auto& c : channels)
        known += (known.empty() ? "" : ", ") + c;
    throw Error((source.empty() ? "" : source + ": ") + "no channel '" + name + "' (the data have: " + known + ")");
}

double parseTimestamp(const std::string& text)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, consumed = 0;
    double s = 0;
    const char* c = text.c_str();
    const auto whole = [&] {
        return consumed == int(text.size()) || (consumed + 1 == int(text.size()) && text.back() == 'Z');
    };
    for (const char* format : {"%4d-%2d-%2d%*[ T]%2d:%2d:%lf%n", "%4d/%2d/%2d%*[ T]%2d:%2d:%lf%n"}) {
        consumed = 0;
        if (std::sscanf(c, format, &y, &mo, &d, &h, &mi, &s, &consumed) == 6 && whole())
            return utcSeconds(y, mo, d, h, mi, s);
    }
    for (const char* format : {"%4d-%2d-%2d%*[ T]%2d:%2d%n", "%4d/%2d/%2d%*[ T]%2d:%2d%n"}) {
        consumed = 0;
        if (std::sscanf(c, format, &y, &mo, &d, &h, &mi, &consumed) == 5 && whole())
            return utcSeconds(y, mo, d, h, mi, 0);
    }
    consumed = 0;
    if (std::sscanf(c, "%2d.%2d.%4d %2d:%2d:%lf%n", &d, &mo, &y, &h, &mi, &s, &consumed) == 6 && whole())
        return utcSeconds(y, mo, d, h, mi, s);
    for (const char* format : {"%4d-%2d-%2d%n", "%4d/%2d/%2d%n"}) {
        consumed = 0;
        if (std::sscanf(c, format, &y, &mo, &d, &consumed) == 3 && whole())
            return utcSeconds(y, mo, d, 0, 0, 0);
    }
    return kNaN;
}

std::string LoadReport::missingText() const
{
    std::string text;
    for (const auto& [channel, count] : missingByChannel)
        text += (text.empty() ? "" : ", ") + channel + " " + std::to_string(count);
    return text;
}

char sniffDelimiter(const std::string& header)
{
    char best = ',';
    std::size_t most = 0;
    for (char candidate : {',', ';', '\t'}) {
        const auto n = std::size_t(std::count(header.begin(), header.end(), candidate));
        if (n > most) {
            most = n;
            best = candidate;
        }
    }
    return best;
}

Series loadCsv(const std::filesystem::path& path, const LoadOptions& options, LoadReport& report)
{
    std::ifstream in(path);
    if (!in)
        throw Error(path.string() + ": cannot read");
    const std::string file = path.string();
    std::string line;
    if (!std::getline(in, line))
        throw Error(file + ": empty (expected a header row of column names)");
    if (line.rfind("\xEF\xBB\xBF", 0) == 0)
        line.erase(0, 3);
    report.delimiter = options.delimiter ? options.delimiter : sniffDelimiter(line);
    const auto header = split(line, report.delimiter);

    std::vector<std::vector<std::string>> rows;
    while (std::getline(in, line))
        if (!trim(line).empty())
            rows.push_back(split(line, report.delimiter));
    if (rows.empty())
        throw Error(file + ": a header and no data rows");

    // The time column: the first whose first cell reads as a timestamp and not as a number.
    int timeColumn = -1;
    for (std::size_t c = 0; c < header.size() && c < rows[0].size(); ++c) {
        double ignored = 0;
        if (parseNumber(rows[0][c], ignored) == Cell::Text && !std::isnan(parseTimestamp(rows[0][c]))) {
            timeColumn = int(c);
            break;
        }
    }
    report.timeColumn = timeColumn >= 0 ? header[std::size_t(timeColumn)] : "";
    // A decimal comma, where ',' is not the delimiter: some cell of the first rows reads as a
    // number only with its comma taken for a point.
    report.decimalComma = false;
    for (std::size_t r = 0; r < rows.size() && r < 100 && report.decimalComma == false && report.delimiter != ','; ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            double ignored = 0;
            if (int(c) != timeColumn && parseNumber(rows[r][c], ignored) == Cell::Text &&
                parseNumber(rows[r][c], ignored, true) != Cell::Text) {
                report.decimalComma = true;
                break;
            }
        }
    std::vector<std::size_t> columns;
    Series series;
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (int(c) == timeColumn)
            continue;
        if (std::find(options.skip.begin(), options.skip.end(), header[c]) != options.skip.end()) {
            report.skippedColumns.push_back(header[c]);
            continue;
        }
        columns.push_back(c);
        series.channels.push_back(header[c]);
    }
    if (columns.empty())
        throw Error(file + ": no numeric channels (columns: " + std::to_string(header.size()) + ")");

    std::vector<std::vector<float>> values(columns.size(), std::vector<float>(rows.size()));
    std::vector<double> times(timeColumn >= 0 ? rows.size() : 0);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& cells = rows[r];
        const std::string where = file + ": row " + std::to_string(r + 2);
        if (cells.size() != header.size())
            throw Error(where + ": " + std::to_string(cells.size()) + " cells, the header has " +
                        std::to_string(header.size()) + " columns");
        if (timeColumn >= 0) {
            times[r] = parseTimestamp(cells[std::size_t(timeColumn)]);
            if (std::isnan(times[r]))
                throw Error(where + ", column '" + report.timeColumn + "': '" + cells[std::size_t(timeColumn)] +
                            "' is not a time like 2020-03-09 10:14:33");
        }
        for (std::size_t k = 0; k < columns.size(); ++k) {
            const auto& cell = cells[columns[k]];
            double value = 0;
            switch (parseNumber(cell, value, report.decimalComma)) {
            case Cell::Number: values[k][r] = float(value); break;
            case Cell::Missing: values[k][r] = std::numeric_limits<float>::quiet_NaN(); break;
            case Cell::Infinite:
                throw Error(where + ", column '" + header[columns[k]] + "': an infinite value ('" + cell + "')");
            case Cell::Text:
                throw Error(where + ", column '" + header[columns[k]] + "': '" + cell + "' is not a number");
            }
        }
    }

    for (std::size_t k = 0; k < columns.size(); ++k)
        if (const auto n =
                std::size_t(std::count_if(values[k].begin(), values[k].end(), [](float x) { return std::isnan(x); })))
            report.missingByChannel[series.channels[k]] += n;
    if (options.missing == Missing::Fill) {
        for (std::size_t k = 0; k < columns.size(); ++k) {
            auto& v = values[k];
            const auto firstGood = std::find_if(v.begin(), v.end(), [](float x) { return !std::isnan(x); });
            if (firstGood == v.end())
                throw Error(file + ", column '" + series.channels[k] + "': no values at all");
            float last = *firstGood;
            for (auto& x : v)
                if (std::isnan(x)) {
                    x = last;
                    ++report.filledCells;
                } else {
                    last = x;
                }
        }
    } else {
        std::vector<bool> keep(rows.size(), true);
        for (const auto& v : values)
            for (std::size_t r = 0; r < rows.size(); ++r)
                if (std::isnan(v[r]))
                    keep[r] = false;
        for (auto& v : values) {
            std::size_t w = 0;
            for (std::size_t r = 0; r < rows.size(); ++r)
                if (keep[r])
                    v[w++] = v[r];
            v.resize(w);
        }
        if (!times.empty()) {
            std::size_t w = 0;
            for (std::size_t r = 0; r < rows.size(); ++r)
                if (keep[r])
                    times[w++] = times[r];
            times.resize(w);
        }
        report.droppedRows += rows.size() - values[0].size();
    }

    series.rows = values[0].size();
    series.source = file;
    series.time = std::move(times);
    series.data.reserve(series.rows * columns.size());
    for (const auto& v : values)
        series.data.insert(series.data.end(), v.begin(), v.end());
    return series;
}

Series loadCsvFiles(const std::vector<std::filesystem::path>& paths, const LoadOptions& options, LoadReport& report)
{
    if (paths.empty())
        throw Error("no data files given");
    std::vector<Series> parts;
    for (const auto& path : paths) {
        parts.push_back(loadCsv(path, options, report));
        if (parts.back().channels != parts.front().channels)
            throw Error(path.string() + ": its channels differ from those of " + paths.front().string());
        if (parts.back().time.empty() != parts.front().time.empty())
            throw Error(path.string() + ": has a time column where " + paths.front().string() +
                        " has none, or the other way");
    }
    if (parts.size() == 1)
        return std::move(parts.front());
    Series all;
    all.channels = parts.front().channels;
    for (const auto& p : parts) {
        all.source += (all.source.empty() ? "" : " + ") + p.source;
        all.rows += p.rows;
        all.time.insert(all.time.end(), p.time.begin(), p.time.end());
    }
    all.data.reserve(all.rows * all.channels.size());
    for (std::size_t c = 0; c < all.channels.size(); ++c)
        for (const auto& p : parts)
            all.data.insert(all.data.end(), p.column(c).begin(), p.column(c).end());
    return all;
}

} // namespace fathom::series
