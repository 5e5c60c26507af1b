#include "summaryreport.h"

#include "common/timeformat.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ctime>
#include <sstream>

namespace fathom::sonar {

std::string summaryJson(const FileSummary& s, const std::string& path)
{
    nlohmann::json channels = nlohmann::json::array();
    for (const auto& c : s.channels)
        channels.push_back({{"index", c.index},
                            {"side", sideName(c.side)},
                            {"name", c.name},
                            {"sample_format", sampleFormatName(c.format)},
                            {"frequency_hz", c.frequencyHz}});
    const nlohmann::json out = {
        {"file", path},
        {"format", s.format},
        {"recorder", s.recorder},
        {"sonar", s.sonar},
        {"channels", channels},
        {"pings", s.pings},
        {"samples_per_channel", s.samplesPerChannel},
        {"time_start", formatUtc(s.firstTime, TimeStyle::Iso)},
        {"time_end", formatUtc(s.lastTime, TimeStyle::Iso)},
        {"duration_s", s.lastTime - s.firstTime},
        {"navigation",
         {{"units", s.geographic ? "degrees" : "metres"},
          {"min_x", s.minX},
          {"max_x", s.maxX},
          {"min_y", s.minY},
          {"max_y", s.maxY}}},
        {"packets", s.packets},
        {"problem", s.problem},
    };
    return out.dump(2);
}

std::string summaryText(const FileSummary& s, const std::string& path)
{
    std::ostringstream out;
    out << path << "\n  format      " << s.format << " (" << s.recorder << (s.sonar.empty() ? "" : ", " + s.sonar)
        << ")\n  pings       " << s.pings << ", " << s.samplesPerChannel << " samples per channel\n  time        "
        << formatUtc(s.firstTime, TimeStyle::Iso) << " to " << formatUtc(s.lastTime, TimeStyle::Iso) << " ("
        << s.lastTime - s.firstTime << " s)\n";
    char nav[160];
    std::snprintf(nav, sizeof nav, "  navigation  %s %.6f..%.6f, %s %.6f..%.6f\n", s.geographic ? "lon" : "x", s.minX,
                  s.maxX, s.geographic ? "lat" : "y", s.minY, s.maxY);
    out << nav;
    for (const auto& c : s.channels)
        out << "  channel " << c.index << "   " << sideName(c.side) << " '" << c.name << "' "
            << sampleFormatName(c.format) << ", " << c.frequencyHz / 1000.0 << " kHz\n";
    out << "  packets    ";
    for (const auto& [type, count] : s.packets)
        out << " " << type << " " << count;
    out << "\n";
    if (!s.problem.empty())
        out << "  warning     " << s.problem << "\n";
    return out.str();
}

} // namespace fathom::sonar
