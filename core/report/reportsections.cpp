// The report's contacts, alerts and models sections, and the inputs they read.
#include "common/error.h"
#include "common/timeformat.h"
#include "figures.h"
#include "ml/alertrun.h"
#include "ml/modelfolder.h"
#include "ml/models.h"
#include "reportparts.h"
#include "series/csvloader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace fathom::report {

namespace fs = std::filesystem;

Inputs::Inputs(const project::Project& p, const ReportOptions& o)
    : project(p)
    , options(o)
{
    const auto L = o.language;
    if (p.survey.empty())
        surveyProblem = text("no_survey", L);
    else
        try {
            sonar = sonar::open(p.survey);
            sonar->waitComplete();
            georef = std::make_unique<sonar::Georeferencer>(*sonar);
        } catch (const std::exception& e) {
            sonar.reset();
            surveyProblem = format(text("unreadable", L), {p.survey.string(), e.what()});
        }
    if (p.series.empty())
        seriesProblem = p.alerts.empty() ? std::string() : text("no_series", L);
    else
        try {
            series::LoadReport loaded;
            series = std::make_unique<series::Series>(series::loadCsv(p.series, {}, loaded));
        } catch (const std::exception& e) {
            seriesProblem = format(text("unreadable", L), {p.series.string(), e.what()});
        }
}

std::vector<const project::ContactRecord*> Inputs::shownContacts() const
{
    return highestScored(project.contacts, options.includeRejected, options.maxContacts);
}

std::vector<const project::AlertRecord*> Inputs::shownAlerts() const
{
    return highestScored(project.alerts, options.includeRejected, options.maxAlerts);
}

namespace {

template <typename Record> std::vector<std::string> counts(const std::vector<Record>& records)
{
    std::size_t confirmed = 0, fresh = 0, rejected = 0;
    for (const auto& r : records)
        (r.status == "confirmed" ? confirmed : r.status == "rejected" ? rejected : fresh)++;
    return {std::to_string(records.size()), std::to_string(confirmed), std::to_string(fresh), std::to_string(rejected)};
}

Block paragraph(std::string text)
{
    Block b;
    b.text = std::move(text);
    return b;
}

Block heading(std::string text, std::string anchor = {})
{
    Block b;
    b.kind = Block::Kind::Subheading;
    b.text = std::move(text);
    b.anchor = std::move(anchor);
    return b;
}

std::string sideText(int side, Language L)
{
    return text(side == 0 ? "port_side" : "starboard_side", L);
}

} // namespace

void addContacts(Section& section, Inputs& in, const ReportOptions& options, Report& report,
                 const PartProgress& progress, const std::atomic<bool>* stop)
{
    const auto L = options.language;
    const auto& all = in.project.contacts;
    if (all.empty()) {
        section.blocks.push_back(paragraph(text("no_contacts", L)));
        return;
    }
    const auto list = in.shownContacts();
    const auto marked = std::count_if(all.begin(), all.end(), [](const auto& c) { return c.detector == "analyst"; });
    // How they were proposed (Tools → Detection Settings), for whoever repeats the survey.
    const auto& d = in.project.detection;
    const auto settings = format(
        text("detection_settings", L),
        {fixed(d.classical.highlight, 2), fixed(d.classical.shadowLevel, 2), fixed(d.classical.minShadowMetres, 1),
         fixed(d.classical.minScore, 2), text(d.classical.coarseScale > 1 ? "coarse_on" : "coarse_off", L),
         text(d.classical.waterColumn.enabled ? "water_column_on" : "water_column_off", L), fixed(d.minCnnScore, 2)});
    section.blocks.push_back(
        paragraph(format(text("contact_counts", L), counts(all)) + " " +
                  (marked ? format(text("contacts_marked", L), {std::to_string(marked)}) + " " : std::string()) +
                  format(text("contacts_shown", L),
                         {std::to_string(list.size()), options.includeRejected ? "" : text("without_rejected", L)}) +
                  " " + settings));
    const bool geographic = in.sonar ? in.sonar->summary().geographic : true;
    section.blocks.push_back(contactList(list, geographic, L));
    // The magnetometer, when the series has one: ferrous objects show there.
    std::function<double(double)> magnetometer;
    std::string magChannel;
    if (in.series)
        for (std::size_t c = 0; c < in.series->channels.size(); ++c)
            if (in.series->channels[c].rfind("mag", 0) == 0 && !in.series->time.empty()) {
                magChannel = in.series->channels[c];
                magnetometer = seriesValueAt(*in.series, c);
            }
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (stop && stop->load())
            return;
        const auto& c = *list[i];
        const std::string number = std::to_string(i + 1);
        const std::string cls = className(c, L);
        section.blocks.push_back(heading(format(text("contact", L), {number}) + " — " + cls, "contact-" + number));
        if (in.sonar && c.ping >= 0 && std::size_t(c.ping) < in.sonar->pingCount()) {
            try {
                Block figure;
                figure.kind = Block::Kind::Figure;
                figure.figure = contactCrop(*in.sonar, c);
                // One floating in the water column is shown in slant range (figures.cpp).
                figure.figure.caption =
                    format(text(c.inWaterColumn() ? "crop_caption_slant" : "crop_caption", L), {number});
                figure.figure.besideFields = true;
                section.blocks.push_back(std::move(figure));
            } catch (const std::exception& e) {
                section.blocks.push_back(missingBlock(format(text("crop_missing", L), {e.what()}), report));
            }
        } else {
            const std::string why =
                in.sonar ? "ping " + std::to_string(c.ping) + " is not in " + in.sonar->path().filename().string()
                         : (in.surveyProblem.empty() ? text("no_survey", L) : in.surveyProblem);
            section.blocks.push_back(missingBlock(format(text("crop_missing", L), {why}), report));
        }
        Block fields;
        fields.kind = Block::Kind::Fields;
        auto add = [&](const char* key, std::string value) {
            fields.fields.emplace_back(text(key, L), std::move(value));
        };
        add("position", positionText(c.x, c.y, geographic));
        add("ping_time", std::to_string(c.ping) + "  " + timeText(c.time));
        add("ground_range", c.inWaterColumn()
                                ? format(text(c.aboveSeabed > 0 ? "water_column_placed" : "water_column", L),
                                         {metresText(c.slantRange()), sideText(c.side, L), metresText(c.groundRange),
                                          metresText(c.aboveSeabed)})
                                : metresText(c.groundRange) + " (" + sideText(c.side, L) + ")");
        add("length", metresText(c.length));
        add("width", metresText(c.width));
        add("height", c.height > 0        ? metresText(c.height)
                      : c.inWaterColumn() ? text("no_height_water_column", L)
                                          : text("no_shadow", L));
        add("class", cls);
        const bool analyst = c.detector == "analyst" || (c.detector.empty() && c.detectorScores.empty());
        add("score", analyst ? text("analyst_short", L) : fixed(c.score, 2));
        std::string scores;
        // Each detector by its name in the report's language ("classical" is 고전 in Korean).
        const auto detectorName = [L](const std::string& name) {
            const auto key = "detector_" + name, said = text(key, L);
            return said == key ? name : said;
        };
        for (const auto& [detector, score] : c.detectorScores)
            scores += (scores.empty() ? "" : ", ") + detectorName(detector) + " " + fixed(score, 2);
        if (scores.empty())
            scores = analyst ? text("analyst_marked", L) : detectorName(c.detector) + " " + fixed(c.score, 2);
        if (!c.cnnClass.empty()) { // what the CNN made of a box it did not propose
            const auto percent = [](double p) { return std::to_string(int(std::lround(p * 100))); };
            scores += c.cnnSeesNoObject()
                          ? format(text("cnn_sees_nothing", L), {percent(c.cnnObjectness)})
                          : format(text("cnn_took_it", L),
                                   {text(c.cnnClass, L), percent(c.cnnClassProbability), percent(c.cnnObjectness)});
        }
        add("detector_scores", scores);
        add("review", text(c.status, L));
        if (!c.note.empty())
            add("note", c.note);
        if (magnetometer) {
            const auto anomaly = anomalyNear(magnetometer, c.time);
            if (anomaly)
                add("magnetometer",
                    format(text("magnetometer_value", L),
                           {fixed(anomaly->nanotesla, 1), fixed(anomaly->offsetSeconds, 1), magChannel}));
        } else if (in.series) {
            add("magnetometer", text("no_magnetometer", L));
        }
        section.blocks.push_back(std::move(fields));
        if (progress)
            progress(double(i + 1) / double(list.size()));
    }
}

namespace {

struct ModelRun
{
    std::optional<ml::AlertRun> run;
    std::string problem;
};

} // namespace

void addAlerts(Section& section, Inputs& in, const ReportOptions& options, Report& report, const PartProgress& progress,
               const std::atomic<bool>* stop)
{
    const auto L = options.language;
    const auto& all = in.project.alerts;
    if (all.empty()) {
        section.blocks.push_back(paragraph(text("no_alerts", L)));
        return;
    }
    const auto list = in.shownAlerts();
    section.blocks.push_back(
        paragraph(format(text("alert_counts", L), counts(all)) + " " +
                  format(text("alerts_shown", L),
                         {std::to_string(list.size()), options.includeRejected ? "" : text("without_rejected", L)})));
    if (const auto& r = in.project.alertRules)
        section.blocks.push_back(
            paragraph(format(text("alert_rules", L), {fixed(r->threshold, 2), fixed(r->release, 2),
                                                      std::to_string(r->minimumLength), std::to_string(r->mergeGap)})));
    section.blocks.push_back(alertList(list, L));
    if (in.series && in.series->rows > 0)
        section.blocks.push_back(alertTimelineBlock(*in.series, list, L));
    if (!in.series)
        section.blocks.push_back(
            missingBlock(in.seriesProblem.empty() ? text("no_series", L) : in.seriesProblem, report));
    std::map<std::string, ModelRun> runs; // by model folder: each model runs once over the series
    auto runFor = [&](const project::AlertRecord& a) -> ModelRun& {
        fs::path dir = in.project.activeModel;
        if (!a.model.empty() && !in.project.modelsFolder.empty() && fs::is_directory(in.project.modelsFolder / a.model))
            dir = in.project.modelsFolder / a.model;
        auto& slot = runs[dir.string()];
        if (!slot.run && slot.problem.empty()) {
            if (dir.empty())
                slot.problem = "the project has no model for it";
            else
                try {
                    slot.run = ml::detectAlerts(dir, {in.project.series}, {}, {}, in.project.alertRules);
                } catch (const std::exception& e) {
                    slot.problem = e.what();
                }
        }
        return slot;
    };
    const auto& S = in.series;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (stop && stop->load())
            return;
        const auto& a = *list[i];
        const std::string number = std::to_string(i + 1);
        section.blocks.push_back(
            heading(format(text("alert", L), {number}) + " — " + timeText(a.peak), "alert-" + number));
        std::string caption;
        if (S && a.startRow >= 0 && std::size_t(a.endRow) < S->rows) {
            const long long pad = std::max<long long>(50, (a.endRow - a.startRow) * 2);
            const std::size_t from = std::size_t(std::max<long long>(0, a.startRow - pad));
            const std::size_t to = std::min<std::size_t>(S->rows, std::size_t(a.endRow + pad + 1));
            auto x = [&](std::size_t r) { return S->time.empty() ? double(r) : S->time[r] - S->time[from]; };
            std::vector<double> seconds;
            for (std::size_t r = from; r < to; ++r)
                seconds.push_back(x(r));
            std::vector<Trace> lanes;
            for (const auto& name : splitChannels(a.channels)) {
                const auto it = std::find(S->channels.begin(), S->channels.end(), name);
                if (it == S->channels.end() || lanes.size() == 4)
                    continue;
                const auto column = S->column(std::size_t(it - S->channels.begin()));
                lanes.push_back({name, std::vector<double>(column.begin() + std::ptrdiff_t(from),
                                                           column.begin() + std::ptrdiff_t(to))});
            }
            Trace actual, forecast;
            std::vector<double> low, high;
            auto& model = runFor(a);
            if (model.run && model.run->actual.size() >= to) {
                const auto& r = *model.run;
                actual.name = r.target;
                for (std::size_t row = from; row < to; ++row) {
                    actual.values.push_back(r.actual[row]);
                    forecast.values.push_back(r.forecast[row]);
                    if (!r.memberForecasts.empty()) {
                        double lo = INFINITY, hi = -INFINITY;
                        for (const auto& m : r.memberForecasts)
                            if (std::isfinite(m[row]))
                                lo = std::min(lo, double(m[row])), hi = std::max(hi, double(m[row]));
                        low.push_back(std::isfinite(lo) ? lo : NAN);
                        high.push_back(std::isfinite(hi) ? hi : NAN);
                    }
                }
                caption = format(text("alert_caption", L),
                                 {number, r.target, a.model.empty() ? std::string("model") : a.model,
                                  low.empty() ? "" : text("band", L)});
            } else {
                if (!lanes.empty())
                    actual = lanes.front();
                caption = format(text("no_forecast", L),
                                 {model.problem.empty() ? "the model does not cover these rows" : model.problem});
            }
            Block figure;
            figure.kind = Block::Kind::Figure;
            figure.figure = alertPlot(seconds, actual, forecast, low, high, lanes, x(std::size_t(a.startRow)),
                                      x(std::size_t(a.endRow)));
            figure.figure.caption = caption;
            section.blocks.push_back(std::move(figure));
        } else if (S) {
            section.blocks.push_back(missingBlock("rows " + std::to_string(a.startRow) + "–" +
                                                      std::to_string(a.endRow) + " are not in " +
                                                      in.project.series.filename().string(),
                                                  report));
        }
        Block fields;
        fields.kind = Block::Kind::Fields;
        auto add = [&](const char* key, std::string value) {
            fields.fields.emplace_back(text(key, L), std::move(value));
        };
        fields.fieldColumns = 2; // in two columns: two alerts to a page
        add("start", timeText(a.start));
        add("end", timeText(a.end));
        add("peak", timeText(a.peak));
        add("score", fixed(a.score, 2));
        add("channels", a.channels);
        add("model", a.model);
        add("review", text(a.status, L));
        if (!a.note.empty())
            add("note", a.note);
        section.blocks.push_back(std::move(fields));
        if (progress)
            progress(double(i + 1) / double(list.size()));
    }
}

namespace {

// A CNN detector folder (config.json says "cnn_detector") as a model card: its classes, and the
// data, device and losses its train.log records. Nothing for other folders.
std::optional<std::pair<ml::ModelCard, std::string>> detectorCard(const fs::path& dir)
{
    std::ifstream in(dir / "config.json");
    const auto config = nlohmann::json::parse(in, nullptr, false);
    if (config.is_discarded() || config.value("model", std::string()) != "cnn_detector")
        return std::nullopt;
    ml::ModelCard card;
    std::ifstream logFile(dir / "train.log");
    std::ostringstream log;
    log << logFile.rdbuf();
    card.log = log.str();
    std::istringstream lines(card.log);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("data ", 0) == 0)
            card.trainedOn = line.substr(5);
        else if (line.rfind("device ", 0) == 0)
            card.device = line.substr(7);
    }
    std::ifstream metricsFile(dir / "metrics.json");
    const auto metrics = nlohmann::json::parse(metricsFile, nullptr, false);
    if (metrics.is_object())
        for (const auto& [key, value] : metrics.items())
            if (value.is_number())
                card.metrics[key] = value.get<double>();
    card.seconds = card.metrics.count("seconds") ? card.metrics.at("seconds") : 0.0;
    std::string classes;
    for (const auto& c : config.value("classes", std::vector<std::string>{}))
        classes += (classes.empty() ? "" : ", ") + c;
    return std::pair{card, "sidescan, " + std::to_string(config.value("samples_per_side", 0)) + " samples per side → " +
                               classes};
}

} // namespace

void addModels(Section& section, Inputs& in, const ReportOptions& options, Report& report)
{
    const auto L = options.language;
    std::vector<fs::path> dirs;
    std::error_code ec;
    if (!in.project.modelsFolder.empty() && fs::is_directory(in.project.modelsFolder, ec))
        for (const auto& entry : fs::directory_iterator(in.project.modelsFolder, ec))
            if (entry.is_directory() && fs::exists(entry.path() / "config.json"))
                dirs.push_back(entry.path());
    if (!in.project.detectorModel.empty() && fs::is_directory(in.project.detectorModel, ec) &&
        std::none_of(dirs.begin(), dirs.end(),
                     [&](const fs::path& d) { return fs::equivalent(d, in.project.detectorModel, ec); }))
        dirs.push_back(in.project.detectorModel);
    std::sort(dirs.begin(), dirs.end());
    if (dirs.empty()) {
        section.blocks.push_back(paragraph(text("no_models", L)));
        return;
    }
    for (const auto& dir : dirs) {
        const std::string name = dir.filename().string();
        const bool active = fs::equivalent(dir, in.project.activeModel, ec);
        section.blocks.push_back(heading(name + (active ? " (" + text("active", L) + ")" : "")));
        ml::ModelCard card;
        std::string kind, features;
        try {
            if (const auto detector = detectorCard(dir)) {
                card = detector->first;
                kind = "cnn_detector";
                features = detector->second;
            } else {
                card = ml::readModelCard(dir);
                kind = ml::kindName(card.config.kind);
                for (const auto& f : card.features)
                    features += (features.empty() ? "" : ", ") + f;
                features += " → " + card.target;
            }
        } catch (const std::exception& e) {
            section.blocks.push_back(missingBlock(format(text("unreadable", L), {dir.string(), e.what()}), report));
            continue;
        }
        Block fields;
        fields.kind = Block::Kind::Fields;
        auto add = [&](const char* key, std::string value) {
            fields.fields.emplace_back(text(key, L), std::move(value));
        };
        add("model_kind", kind);
        add("features", features);
        add("trained_on", card.trainedOn);
        if (const auto& p = card.parts) {
            const auto when = [](const std::optional<double>& t) {
                return t ? " (" + formatUtc(*t, TimeStyle::Readable).substr(0, 19) + ")" : std::string();
            };
            add("split",
                format(text("split_value", L), {p->split, std::to_string(p->validationRow + 1), when(p->validationTime),
                                                std::to_string(p->testRow + 1), when(p->testTime)}));
        }
        add("trained_device", card.device);
        add("training_time", fixed(card.seconds, 1) + " s");
        // When: the weights' time on disk (a model folder is written once, at the end of training).
        std::error_code timeError;
        const auto written = fs::last_write_time(dir / "weights.pt", timeError);
        if (!timeError) {
            const auto system = std::chrono::file_clock::to_sys(written);
            add("trained_at",
                formatUtc(std::chrono::duration<double>(system.time_since_epoch()).count(), TimeStyle::Readable)
                    .substr(0, 16));
        }
        section.blocks.push_back(std::move(fields));
        Block metrics;
        metrics.kind = Block::Kind::Table;
        metrics.header = {text("metric", L), text("value", L)};
        // Known figures by name, in a reading order; the time is in the fields above; others as written.
        const auto valueText = [](double value) {
            return std::abs(value) >= 100 || value == std::floor(value) ? fixed(value, 0) : fixed(value, 6);
        };
        const std::vector<std::string> known{"validation_mse", "test_mse", "validation_loss",
                                             "best_epoch",     "epochs",   "parameters"};
        for (const auto& key : known)
            if (const auto it = card.metrics.find(key); it != card.metrics.end())
                metrics.rows.push_back({text("metric_" + key, L), valueText(it->second)});
        for (const auto& [key, value] : card.metrics)
            if (key != "seconds" && std::find(known.begin(), known.end(), key) == known.end())
                metrics.rows.push_back({key, valueText(value)});
        section.blocks.push_back(std::move(metrics));
        // The loss per epoch, from the training log.
        std::vector<double> train, validation;
        int best = 0;
        std::istringstream log(card.log);
        for (std::string line; std::getline(log, line);) {
            int epoch = 0;
            double t = 0, v = 0;
            if (std::sscanf(line.c_str(), "epoch %d train loss %lf validation loss %lf", &epoch, &t, &v) == 3) {
                train.push_back(t);
                validation.push_back(v);
            } else if (std::sscanf(line.c_str(), "best epoch %d", &epoch) == 1)
                best = epoch;
        }
        if (train.size() >= 2) {
            Block figure;
            figure.kind = Block::Kind::Figure;
            figure.figure = lossCurve(train, validation, best);
            figure.figure.caption = format(text("loss_caption", L), {name});
            section.blocks.push_back(std::move(figure));
        }
    }
}

} // namespace fathom::report
