#include "report.h"

#include "common/error.h"
#include "common/timeformat.h"
#include "device/devicemanager.h"
#include "figures.h"
#include "reportparts.h"
#include "series/series.h"
#include "sonar/georeference.h"
#include "sonar/sonarfile.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <sstream>

namespace fathom::report {

std::string format(std::string pattern, const std::vector<std::string>& args)
{
    for (std::size_t i = args.size(); i-- > 0;) {
        const std::string key = "%" + std::to_string(i + 1);
        for (auto at = pattern.find(key); at != std::string::npos; at = pattern.find(key, at + args[i].size()))
            pattern.replace(at, key.size(), args[i]);
    }
    return pattern;
}

std::string fixed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string metresText(double m)
{
    return m >= 1000 ? fixed(m / 1000, 2) + " km" : fixed(m, m < 10 ? 2 : 1) + " m";
}

std::string positionText(double x, double y, bool geographic, bool decimals)
{
    if (!geographic)
        return "E " + fixed(x, 1) + "  N " + fixed(y, 1);
    auto dm = [](double v, char pos, char neg) {
        const double a = std::abs(v);
        const int degrees = int(a);
        return std::to_string(degrees) + "° " + fixed((a - degrees) * 60, 4) + "' " + (v >= 0 ? pos : neg);
    };
    const auto minutes = dm(y, 'N', 'S') + "  " + dm(x, 'E', 'W');
    return decimals ? minutes + "  (" + fixed(y, 6) + ", " + fixed(x, 6) + ")" : minutes;
}

std::optional<MagneticAnomaly> anomalyNear(const std::function<double(double)>& valueAt, double time)
{
    std::vector<double> around;
    for (int s = -30; s <= 30; ++s) {
        const double v = valueAt(time + s);
        if (std::isfinite(v))
            around.push_back(v);
    }
    if (around.empty())
        return std::nullopt;
    std::nth_element(around.begin(), around.begin() + std::ptrdiff_t(around.size() / 2), around.end());
    const double baseline = around[around.size() / 2];
    MagneticAnomaly anomaly;
    for (int k = -50; k <= 50; ++k) {
        const double dt = k * 0.1;
        const double departure = valueAt(time + dt) - baseline;
        if (std::isfinite(departure) && std::abs(departure) > std::abs(anomaly.nanotesla)) {
            anomaly.nanotesla = departure;
            anomaly.offsetSeconds = dt;
        }
    }
    return anomaly;
}

std::function<double(double)> seriesValueAt(const series::Series& series, std::size_t channel)
{
    return [&series, channel](double time) {
        const auto& t = series.time;
        if (t.empty() || time < t.front() || time > t.back())
            return std::numeric_limits<double>::quiet_NaN();
        const auto it = std::lower_bound(t.begin(), t.end(), time);
        const std::size_t i = std::size_t(it - t.begin());
        const auto column = series.column(channel);
        if (i == 0 || t[i] == time)
            return double(column[i]);
        const double f = (time - t[i - 1]) / std::max(1e-12, t[i] - t[i - 1]);
        return double(column[i - 1]) + f * (double(column[i]) - double(column[i - 1]));
    };
}

Block missingBlock(std::string text, Report& report)
{
    report.missing.push_back(text);
    Block b;
    b.kind = Block::Kind::Missing;
    b.text = std::move(text);
    return b;
}

namespace {

std::string today()
{
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
    return buffer;
}

void addSummary(Section& section, Inputs& in, const ReportOptions& options, Report& report)
{
    const auto L = options.language;
    Block fields;
    fields.kind = Block::Kind::Fields;
    if (in.sonar) {
        const auto summary = in.sonar->summary();
        fields.fields.emplace_back(text("survey_file", L), in.sonar->path().filename().string());
        fields.fields.emplace_back(text("format", L), summary.format);
        if (!summary.recorder.empty())
            fields.fields.emplace_back(text("recorder", L), summary.recorder);
        if (!summary.sonar.empty())
            fields.fields.emplace_back(text("sonar", L), summary.sonar);
        fields.fields.emplace_back(text("pings", L), std::to_string(summary.pings));
        fields.fields.emplace_back(text("time_span", L), formatUtc(summary.firstTime, TimeStyle::Readable) + " – " +
                                                             formatUtc(summary.lastTime, TimeStyle::Readable));
    }
    std::vector<MapPoint> track;
    double length = 0;
    if (in.georef) {
        const std::size_t pings = in.sonar->pingCount();
        const std::size_t step = std::max<std::size_t>(1, pings / 2000);
        for (std::size_t p = 0; p < pings; p += step) {
            const auto at = in.georef->locate(double(p), 0, 0);
            track.push_back({at.x, at.y});
            if (p >= step)
                length += in.georef->distance(double(p - step), 0, 0, double(p), 0, 0);
        }
        fields.fields.emplace_back(text("line_length", L), metresText(length));
    }
    if (in.series)
        fields.fields.emplace_back(text("series_file", L), in.project.series.filename().string() + " (" +
                                                               std::to_string(in.series->rows) + " × " +
                                                               std::to_string(in.series->channels.size()) + ")");
    fields.fields.emplace_back(text("contact_count", L), std::to_string(in.project.contacts.size()));
    fields.fields.emplace_back(text("alert_count", L), std::to_string(in.project.alerts.size()));
    section.blocks.push_back(fields);
    if (!in.surveyProblem.empty())
        section.blocks.push_back(missingBlock(in.surveyProblem, report));
    if (!in.seriesProblem.empty())
        section.blocks.push_back(missingBlock(in.seriesProblem, report));
    if (track.empty() && in.project.contacts.empty())
        return;
    std::vector<MapMark> marks;
    const auto shown = in.shownContacts();
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const auto& c = *shown[i];
        marks.push_back({{c.x, c.y}, std::to_string(i + 1), reviewIndex(c.status)});
    }
    Block map;
    map.kind = Block::Kind::Figure;
    double grid = 0;
    map.figure = trackMap(track, marks, in.sonar ? in.sonar->summary().geographic : true, &grid);
    map.figure.caption = format(text("track_caption", L), {metresText(grid)});
    section.blocks.push_back(std::move(map));
}

} // namespace

std::vector<std::pair<std::string, std::string>> deviceFields(const DeviceManager& devices, Language L)
{
    std::vector<std::pair<std::string, std::string>> fields;
    const auto& active = devices.active();
    fields.emplace_back(text("active_device", L), active.id + " — " + active.name);
    auto gib = [](std::uint64_t bytes) { return fixed(double(bytes) / (1024.0 * 1024 * 1024), 1); };
    for (const auto& d : devices.devices()) {
        std::string detail = d.name;
        if (d.cpu)
            detail += "; " + format(text("cpu_detail", L),
                                    {std::to_string(d.cpu->cores), std::to_string(d.cpu->threads), d.cpu->simd});
        if (d.gpu)
            detail += "; " + format(text("gpu_detail", L),
                                    {std::to_string(d.gpu->computeMajor) + "." + std::to_string(d.gpu->computeMinor),
                                     std::to_string(d.gpu->multiprocessors)});
        if (d.memoryTotal)
            detail += "; " + format(text("memory_detail", L), {gib(d.memoryTotal), gib(d.memoryFree)});
        fields.emplace_back(d.id, detail);
    }
    const auto& build = devices.buildInfo();
    std::string torch = build.torchVersion;
    if (build.cudaBuilt)
        torch += ", CUDA " + build.cudaVersion + ", cuDNN " + build.cudnnVersion;
    if (!build.blas.empty())
        torch += ", BLAS " + build.blas;
    fields.emplace_back(text("libtorch", L), torch);
    return fields;
}

Report buildReport(const project::Project& project, const ReportOptions& options,
                   const std::function<void(double)>& progress, const std::atomic<bool>* stop)
{
    const auto L = options.language;
    Report report;
    report.title = options.title;
    report.author = options.author;
    report.date = options.date.empty() ? today() : options.date;
    report.classification = options.classification;
    report.language = L;
    Inputs in(project, options);
    const double parts = double(options.sections.size());
    for (std::size_t s = 0; s < options.sections.size(); ++s) {
        if (stop && stop->load())
            break;
        const auto kind = options.sections[s];
        Section section;
        section.kind = kind;
        section.anchor = sectionKey(kind);
        section.title = text(sectionKey(kind), L);
        auto partProgress = [&](double share) {
            if (progress)
                progress((double(s) + std::clamp(share, 0.0, 1.0)) / parts);
        };
        switch (kind) {
        case SectionKind::Summary: addSummary(section, in, options, report); break;
        case SectionKind::Contacts: addContacts(section, in, options, report, partProgress, stop); break;
        case SectionKind::Alerts: addAlerts(section, in, options, report, partProgress, stop); break;
        case SectionKind::Models: addModels(section, in, options, report); break;
        case SectionKind::Device:
            if (options.device.empty()) {
                Block b;
                b.text = text("no_device", L);
                section.blocks.push_back(b);
            } else {
                Block b;
                b.kind = Block::Kind::Fields;
                b.fields = options.device;
                section.blocks.push_back(b);
            }
            break;
        case SectionKind::Notes: {
            // A paragraph for each run of lines between blank ones, as the analyst wrote them
            // (a long paragraph that runs over a page's foot leaves its edge line in the PDF's
            // text twice: Qt draws the line above a clip; separate paragraphs avoid it).
            std::vector<std::string> paragraphs{""};
            std::istringstream lines(options.notes);
            for (std::string line; std::getline(lines, line);) {
                if (!line.empty() && line.back() == '\r')
                    line.pop_back();
                if (line.find_first_not_of(" \t") == std::string::npos) {
                    if (!paragraphs.back().empty())
                        paragraphs.emplace_back();
                } else {
                    paragraphs.back() += (paragraphs.back().empty() ? "" : "\n") + line;
                }
            }
            if (paragraphs.back().empty())
                paragraphs.pop_back();
            if (paragraphs.empty())
                paragraphs.push_back(text("no_notes", L));
            for (auto& p : paragraphs) {
                Block b;
                b.text = std::move(p);
                section.blocks.push_back(std::move(b));
            }
            break;
        }
        }
        report.sections.push_back(std::move(section));
        partProgress(1.0);
    }
    return report;
}

} // namespace fathom::report
