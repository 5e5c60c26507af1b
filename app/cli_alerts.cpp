#include "cli_series.h"

#include "common/atomicfile.h"
#include "common/timeformat.h"
#include "ml/alertrun.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>

namespace fathom::cli {

namespace {

struct AlertsArgs
{
    std::string model, out, scores, labels;
    std::vector<std::string> data, skip;
    bool json = false;
};

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

void alertsCommand(const AlertsArgs& args)
{
    const auto run = ml::detectAlerts(args.model, {args.data.begin(), args.data.end()}, args.skip, args.labels);
    writeAlerts(run, args.out);
    if (!args.scores.empty())
        writeScores(run, args.scores);
    nlohmann::json summary = {{"alerts", run.alerts.size()},
                              {"rows", run.score.size()},
                              {"threshold", run.rules.threshold},
                              {"out", args.out}};
    std::fprintf(stderr, "%zu alerts over %zu rows (threshold %.2f) written to %s\n", run.alerts.size(),
                 run.score.size(), run.rules.threshold, args.out.c_str());
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

void addAlertsCommand(CLI::App& ts)
{
    auto a = std::make_shared<AlertsArgs>();
    auto* cmd = ts.add_subcommand("alerts", "Spike alerts of a trained model over data: intervals, peaks, channels");
    cmd->add_option("--model", a->model, "A model folder written by ts train")->required();
    cmd->add_option("--data", a->data, "CSV/TSV files")->required();
    cmd->add_option("--skip", a->skip, "Columns not to load")->delimiter(',');
    cmd->add_option("--out", a->out, "CSV of the alerts to write")->required();
    cmd->add_option("--scores", a->scores, "Also write every row's forecast, score and alert flag here");
    cmd->add_option("--labels", a->labels, "A 0/1 column of true anomalies: print F1, false and missed alarm rates");
    cmd->add_flag("--json", a->json, "Print a JSON summary");
    cmd->callback([a] { alertsCommand(*a); });
}

} // namespace fathom::cli
