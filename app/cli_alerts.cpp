#include "cli_series.h"

#include "common/atomicfile.h"
#include "common/error.h"
#include "common/timeformat.h"
#include "ml/alertrun.h"
#include "ml/modelfolder.h"
#include "project/project.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <limits>
#include <optional>

namespace fathom::cli {

namespace {

struct AlertsArgs
{
    std::string model, out, scores, labels, project;
    std::vector<std::string> data, skip;
    bool json = false;
    // The analyst's alert rules over the model's (and the project's): NaN / -1 where not given.
    double threshold = std::numeric_limits<double>::quiet_NaN(), release = std::numeric_limits<double>::quiet_NaN();
    long long minimumRows = -1, mergeGap = -1;
};

// The rules to find alerts by: the model's, then the project's where it has its own, then the
// flags given; none where neither says anything (the model's, read with it).
bool rulesGiven(const AlertsArgs& args)
{
    return !std::isnan(args.threshold) || !std::isnan(args.release) || args.minimumRows >= 0 || args.mergeGap >= 0;
}

std::optional<AlertRules> chosenRules(const AlertsArgs& args)
{
    std::optional<AlertRules> projectRules;
    if (!args.project.empty() && std::filesystem::exists(args.project))
        projectRules = project::load(args.project).alertRules;
    if (!rulesGiven(args))
        return projectRules;
    const auto card = ml::readModelCard(args.model);
    if (!card.alerts)
        return std::nullopt; // detectAlerts says what is missing
    auto rules = projectRules.value_or(card.alerts->rules);
    if (!std::isnan(args.threshold))
        rules.threshold = float(args.threshold);
    if (!std::isnan(args.release))
        rules.release = float(args.release);
    if (args.minimumRows >= 0)
        rules.minimumLength = std::size_t(args.minimumRows);
    if (args.mergeGap >= 0)
        rules.mergeGap = std::size_t(args.mergeGap);
    return rules;
}

std::string when(const ml::AlertRun& run, std::size_t row)
{
    return run.time.empty() ? std::string() : formatUtc(run.time[row], TimeStyle::IsoMillis);
}

void writeAlerts(const ml::AlertRun& run, const std::string& path)
{
    AtomicFile out(path);
    auto& csv = out.stream();
    csv << "start_time,end_time,peak_time,start_row,end_row,peak_row,score,channels\n";
    for (const auto& a : run.alerts) {
        std::string channels;
        for (auto k : a.channels)
            channels += (channels.empty() ? "" : ";") + run.channels[k];
        csv << when(run, a.start) << "," << when(run, a.end) << "," << when(run, a.peak) << "," << a.start << ","
            << a.end << "," << a.peak << "," << a.score << "," << channels << "\n";
    }
    out.commit();
}

void writeScores(const ml::AlertRun& run, const std::string& path)
{
    AtomicFile out(path);
    auto& csv = out.stream();
    csv << std::setprecision(std::numeric_limits<float>::max_digits10); // values as exact as computed
    csv << (run.time.empty() ? "" : "time,") << "row," << run.target << ",forecast,score"
        << (run.spike.empty() ? "" : ",spike_probability") << ",alert\n";
    const auto inside = ml::alertLabels(run.alerts, run.score.size());
    for (std::size_t r = 0; r < run.score.size(); ++r) {
        if (!run.time.empty())
            csv << when(run, r) << ",";
        csv << r << "," << run.actual[r] << ",";
        if (!std::isnan(run.forecast[r]))
            csv << run.forecast[r];
        csv << "," << run.score[r];
        if (!run.spike.empty()) {
            csv << ",";
            if (!std::isnan(run.spike[r]))
                csv << run.spike[r];
        }
        csv << "," << inside[r] << "\n";
    }
    out.commit();
}

// Into a project (made when absent): alerts the analyst reviewed or noted stay, the rest are
// replaced; the data, the models folder and the active model are filled in where unset.
void addToProject(const ml::AlertRun& run, const AlertsArgs& args)
{
    namespace fs = std::filesystem;
    project::Project p;
    if (fs::exists(args.project))
        p = project::load(args.project);
    const fs::path model = fs::absolute(args.model).lexically_normal();
    if (p.series.empty())
        p.series = fs::absolute(args.data.front());
    if (p.modelsFolder.empty())
        p.modelsFolder = model.parent_path();
    if (p.activeModel.empty())
        p.activeModel = model;
    if (rulesGiven(args))
        p.alertRules = run.rules; // found by them: the GUI finds alerts again by the same
    std::vector<project::AlertRecord> kept;
    for (const auto& a : p.alerts)
        if (a.status != "new" || !a.note.empty())
            kept.push_back(a);
    const auto xOf = [&](std::size_t row) { return run.time.empty() ? double(row) : run.time[row]; };
    for (const auto& a : run.alerts) {
        project::AlertRecord r;
        r.start = xOf(a.start);
        r.end = xOf(a.end);
        r.peak = xOf(a.peak);
        r.startRow = (long long)a.start;
        r.endRow = (long long)a.end;
        r.peakRow = (long long)a.peak;
        r.score = a.score;
        for (auto k : a.channels)
            r.channels += (r.channels.empty() ? "" : ", ") + run.channels[k];
        r.model = model.filename().string();
        const bool reviewed = std::any_of(kept.begin(), kept.end(), [&](const project::AlertRecord& k) {
            return k.startRow <= r.endRow && r.startRow <= k.endRow;
        });
        if (!reviewed)
            kept.push_back(r);
    }
    std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.startRow < b.startRow; });
    p.alerts = kept;
    project::save(p, args.project);
    std::fprintf(stderr, "%s: %zu alerts\n", args.project.c_str(), p.alerts.size());
}

void alertsCommand(const AlertsArgs& args)
{
    if (args.out.empty() && args.project.empty())
        throw Error("ts alerts: give --out and/or --project");
    const auto run =
        ml::detectAlerts(args.model, {args.data.begin(), args.data.end()}, args.skip, args.labels, chosenRules(args));
    if (!args.out.empty())
        writeAlerts(run, args.out);
    if (!args.project.empty())
        addToProject(run, args);
    if (!args.scores.empty())
        writeScores(run, args.scores);
    nlohmann::json summary = {{"alerts", run.alerts.size()},
                              {"rows", run.score.size()},
                              {"threshold", run.rules.threshold},
                              {"release", run.rules.release},
                              {"minimum_rows", run.rules.minimumLength},
                              {"merge_gap", run.rules.mergeGap},
                              {"precision", run.precision},
                              {"calibrated_in", run.calibratedIn},
                              {"out", args.out}};
    std::fprintf(stderr, "%zu alerts over %zu rows (threshold %.2f)%s%s\n", run.alerts.size(), run.score.size(),
                 run.rules.threshold, args.out.empty() ? "" : " written to ", args.out.c_str());
    if (!run.labels.empty()) {
        const auto m = ml::evaluateRun(run);
        summary["metrics"] = metricsJson(m);
        std::fprintf(stderr, "against '%s': F1 %.3f  FAR %.2f %%  MAR %.1f %%  events %zu/%zu  latency %.1f rows\n",
                     args.labels.c_str(), m.f1, 100 * m.falseAlarmRate, 100 * m.missedAlarmRate, m.eventsDetected,
                     m.events, m.meanLatency);
    }
    if (args.json)
        std::cout << summary.dump(2) << "\n";
}

} // namespace

nlohmann::json metricsJson(const ml::AlertMetrics& m)
{
    return {{"f1", m.f1},
            {"precision", m.precision},
            {"recall", m.recall},
            {"far", m.falseAlarmRate},
            {"mar", m.missedAlarmRate},
            {"events", m.events},
            {"events_detected", m.eventsDetected},
            {"latency_rows", m.meanLatency}};
}

void addAlertsCommand(CLI::App& ts, const StartupOptions& startup)
{
    auto a = std::make_shared<AlertsArgs>();
    auto* cmd = ts.add_subcommand("alerts", "Spike alerts of a trained model over data: intervals, peaks, channels");
    cmd->add_option("--model", a->model, "A model folder written by ts train")->required();
    cmd->add_option("--data", a->data, "CSV/TSV files")->required();
    cmd->add_option("--skip", a->skip, "Columns not to load")->delimiter(',');
    cmd->add_option("--out", a->out, "CSV of the alerts to write");
    cmd->add_option("--project", a->project,
                    "Add the alerts to a .fathom project (made when absent; reviewed alerts stay); its alert rules "
                    "are used, and the rules given here kept in it");
    cmd->add_option("--scores", a->scores, "Also write every row's forecast, score and alert flag here");
    cmd->add_option("--labels", a->labels, "A 0/1 column of true anomalies: print F1, false and missed alarm rates");
    cmd->add_flag("--json", a->json, "Print a JSON summary");
    cmd->add_option("--threshold", a->threshold,
                    "Alerts open above this score (1: the threshold the model chose from its training data)");
    cmd->add_option("--release", a->release, "… and close below the threshold times this (0 to 1; hysteresis)");
    cmd->add_option("--min-rows", a->minimumRows, "Shorter alerts are dropped");
    cmd->add_option("--merge-gap", a->mergeGap, "Alerts fewer rows apart than this become one");
    cmd->callback([a, &startup] {
        fathom::start(startup); // the configuration: threads, recurrent kernels
        alertsCommand(*a);
    });
}

} // namespace fathom::cli
