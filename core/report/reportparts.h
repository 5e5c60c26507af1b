#pragma once

// Shared by the report's builders (not part of the public interface).
#include "report.h"
#include "series/series.h"
#include "sonar/georeference.h"
#include "sonar/sonarfile.h"

#include <algorithm>
#include <memory>

namespace fathom::report {

// What a report reads, opened once: the survey file and its georeferencing, the sensor series.
// Inputs that moved or cannot be read leave a problem text instead.
struct Inputs
{
    Inputs(const project::Project& project, const ReportOptions& options);

    const project::Project& project;
    const ReportOptions& options;
    std::unique_ptr<sonar::SonarFile> sonar;
    std::unique_ptr<sonar::Georeferencer> georef;
    std::string surveyProblem;
    std::unique_ptr<series::Series> series;
    std::string seriesProblem;

    // Contacts and alerts as the report shows them: rejected ones left out unless asked for,
    // highest scored first, at most the options' limit.
    std::vector<const project::ContactRecord*> shownContacts() const;
    std::vector<const project::AlertRecord*> shownAlerts() const;
};

// Text for HTML and XML (KML): & < > " escaped; with `lineBreaks`, newlines become <br>.
std::string markupEscape(const std::string& text, bool lineBreaks = false);
// Contacts or alerts highest scored first, rejected ones left out unless asked for, at most `most`.
template <typename Record>
std::vector<const Record*> highestScored(const std::vector<Record>& records, bool rejected,
                                         std::size_t most = std::size_t(-1))
{
    std::vector<const Record*> list;
    for (const auto& r : records)
        if (rejected || r.status != "rejected")
            list.push_back(&r);
    std::stable_sort(list.begin(), list.end(), [](const Record* a, const Record* b) { return a->score > b->score; });
    if (list.size() > most)
        list.resize(most);
    return list;
}

std::string format(std::string pattern, const std::vector<std::string>& args); // %1, %2, …
std::string fixed(double value, int decimals);
std::string metresText(double metres);
// Degrees and minutes, then decimal degrees in brackets unless `decimals` is false (lists).
std::string positionText(double x, double y, bool geographic, bool decimals = true);
std::function<double(double)> seriesValueAt(const series::Series& series, std::size_t channel);
Block missingBlock(std::string text, Report& report);

// A review as the figures colour it: 0 new, 1 confirmed, 2 rejected.
inline int reviewIndex(const std::string& status)
{
    return status == "confirmed" ? 1 : status == "rejected" ? 2 : 0;
}

// reportlists.cpp: what the sections share, the lists that open two of them, the alerts' timeline.
std::string timeText(double t); // readable UTC; a plain number where `t` is not a time
std::string className(const project::ContactRecord& c, Language L);
std::vector<std::string> splitChannels(const std::string& list); // "a, b" → {"a", "b"}
// Every shown contact (alert) on a line, numbered as the pages after it, each number linking to
// its page in the HTML.
Block contactList(const std::vector<const project::ContactRecord*>& list, bool geographic, Language L);
Block alertList(const std::vector<const project::AlertRecord*>& list, Language L);
Block alertTimelineBlock(const series::Series& series, const std::vector<const project::AlertRecord*>& list,
                         Language L);

using PartProgress = std::function<void(double)>;
void addContacts(Section& section, Inputs& in, const ReportOptions& options, Report& report,
                 const PartProgress& progress, const std::atomic<bool>* stop);
void addAlerts(Section& section, Inputs& in, const ReportOptions& options, Report& report, const PartProgress& progress,
               const std::atomic<bool>* stop);
void addModels(Section& section, Inputs& in, const ReportOptions& options, Report& report);

} // namespace fathom::report
