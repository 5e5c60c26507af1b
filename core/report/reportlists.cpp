// The lists that open the contacts and alerts sections, the alerts' timeline, and the small
// wordings the sections share.
#include "common/timeformat.h"
#include "figures.h"
#include "reportparts.h"

#include <algorithm>
#include <sstream>

namespace fathom::report {

std::string timeText(double t)
{
    return t > 1e8 ? formatUtc(t, TimeStyle::Readable) : fixed(t, 0);
}

std::vector<std::string> splitChannels(const std::string& list)
{
    std::vector<std::string> names;
    std::stringstream in(list);
    std::string item;
    while (std::getline(in, item, ',')) {
        const auto b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
        if (b != std::string::npos)
            names.push_back(item.substr(b, e - b + 1));
    }
    return names;
}

std::string className(const project::ContactRecord& c, Language L)
{
    return c.cls.empty() ? text("unclassified", L) : text(c.cls, L);
}

namespace {

// A list's times: the clock alone (to a tenth of a second) when all fall on one UTC day, that day
// named once in the column's heading; dates and times in full otherwise.
std::pair<std::string, std::vector<std::string>> listTimes(const std::vector<double>& times, const std::string& label,
                                                           Language L)
{
    std::vector<std::string> cells;
    std::string day;
    bool oneDay = !times.empty();
    for (const double t : times) {
        cells.push_back(timeText(t));
        if (t <= 1e8)
            oneDay = false;
        else if (day.empty())
            day = cells.back().substr(0, 10);
        else if (cells.back().compare(0, 10, day) != 0)
            oneDay = false;
    }
    if (!oneDay)
        return {format(text("list_time", L), {label}), cells};
    for (auto& cell : cells)
        cell = cell.substr(11, 10);
    return {format(text("list_time_day", L), {label, day}), cells};
}

// A cell that should not wrap: its spaces made non-breaking (a position on one line, not two).
std::string unbroken(const std::string& cell)
{
    std::string out;
    for (const char ch : cell)
        out += ch == ' ' ? std::string("\xc2\xa0") : std::string(1, ch);
    return out;
}

} // namespace

// Every shown contact on a line, numbered as the map and the pages after it, each number linking
// to its page (in the HTML).
Block contactList(const std::vector<const project::ContactRecord*>& list, bool geographic, Language L)
{
    std::vector<double> times;
    for (const auto* c : list)
        times.push_back(c->time);
    const auto [timeHeader, timeCells] = listTimes(times, text("time", L), L);
    Block table;
    table.kind = Block::Kind::Table;
    table.header = {text("list_number", L), text("class", L),     text("position", L), timeHeader,
                    text("list_range", L),  text("list_size", L), text("score", L),    text("review", L)};
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& c = *list[i];
        const std::string number = std::to_string(i + 1);
        table.rows.push_back(
            {number, className(c, L), unbroken(positionText(c.x, c.y, geographic, false)), timeCells[i],
             unbroken(fixed(c.groundRange, 1) + " " + text(c.side == 0 ? "port_short" : "starboard_short", L)),
             unbroken(fixed(c.length, 1) + " × " + fixed(c.width, 1) + " × " +
                      (c.height > 0 ? fixed(c.height, 1) : "—")),
             c.detector == "analyst" ? text("analyst_short", L) : fixed(c.score, 2), text(c.status, L)});
        table.rowLinks.push_back("contact-" + number);
    }
    return table;
}

Block alertList(const std::vector<const project::AlertRecord*>& list, Language L)
{
    std::vector<double> times;
    for (const auto* a : list)
        times.push_back(a->peak);
    const auto [timeHeader, timeCells] = listTimes(times, text("peak", L), L);
    Block table;
    table.kind = Block::Kind::Table;
    table.header = {text("list_number", L), timeHeader,       text("duration", L), text("score", L),
                    text("channels", L),    text("model", L), text("review", L)};
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& a = *list[i];
        const std::string number = std::to_string(i + 1);
        table.rows.push_back({number, timeCells[i], fixed(a.end - a.start, 1) + " s", fixed(a.score, 2), a.channels,
                              a.model, text(a.status, L)});
        table.rowLinks.push_back("alert-" + number);
    }
    return table;
}

// The whole record with every alert shown on it: its channels' lanes (the first six named by
// any alert), each alert shaded where it contributed and numbered over its peak.
Block alertTimelineBlock(const series::Series& S, const std::vector<const project::AlertRecord*>& list, Language L)
{
    const auto x = [&](long long row) {
        const auto r = std::size_t(std::clamp<long long>(row, 0, (long long)S.rows - 1));
        return S.time.empty() ? double(r) : S.time[r] - S.time[0];
    };
    std::vector<double> seconds;
    for (std::size_t r = 0; r < S.rows; ++r)
        seconds.push_back(x((long long)r));
    std::vector<Trace> lanes;
    std::vector<std::size_t> laneChannel;
    std::vector<TimelineMark> marks;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& a = *list[i];
        TimelineMark m{x(a.startRow), x(a.endRow), x(a.peakRow), std::to_string(i + 1), reviewIndex(a.status), {}};
        for (const auto& name : splitChannels(a.channels)) {
            const auto it = std::find(S.channels.begin(), S.channels.end(), name);
            if (it == S.channels.end())
                continue;
            const auto channel = std::size_t(it - S.channels.begin());
            auto lane = std::size_t(std::find(laneChannel.begin(), laneChannel.end(), channel) - laneChannel.begin());
            if (lane == laneChannel.size() && lanes.size() < 6) {
                const auto column = S.column(channel);
                lanes.push_back({name, std::vector<double>(column.begin(), column.end())});
                laneChannel.push_back(channel);
            }
            if (lane < laneChannel.size())
                m.lanes.push_back(lane);
        }
        marks.push_back(std::move(m));
    }
    Block figure;
    figure.kind = Block::Kind::Figure;
    figure.figure = alertTimeline(seconds, lanes, marks);
    figure.figure.caption = text("timeline_caption", L);
    return figure;
}

} // namespace fathom::report
