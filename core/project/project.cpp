#include "project.h"

#include "common/atomicfile.h"
#include "common/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace fathom::project {

namespace {

using nlohmann::json;

constexpr int kVersion = 1;

std::string storedPath(const std::filesystem::path& path, const std::filesystem::path& base)
{
    if (path.empty())
        return {};
    const auto absolute = std::filesystem::absolute(path).lexically_normal();
    const auto rel = absolute.lexically_relative(base);
    if (!rel.empty() && *rel.begin() != "..")
        return rel.generic_string();
    return absolute.string();
}

std::filesystem::path resolve(const std::string& stored, const std::filesystem::path& base)
{
    if (stored.empty())
        return {};
    const std::filesystem::path p(stored);
    return (p.is_absolute() ? p : base / p).lexically_normal();
}

void checkStatus(const std::string& status)
{
    if (status != "new" && status != "confirmed" && status != "rejected")
        throw Error("review status '" + status + "' is not new, confirmed or rejected");
}

json contactJson(const ContactRecord& c)
{
    return {{"ping", c.ping},
            {"side", c.side},
            {"sample", c.sample},
            {"time", c.time},
            {"x", c.x},
            {"y", c.y},
            {"ground_range_m", c.groundRange},
            {"length_m", c.length},
            {"width_m", c.width},
            {"height_m", c.height},
            {"box", {c.firstPing, c.lastPing, c.nearSlant, c.farSlant, c.nearGround, c.farGround}},
            {"class", c.cls},
            {"proposed_class", c.proposedClass},
            {"score", c.score},
            {"detector", c.detector},
            {"detector_scores", c.detectorScores},
            {"status", c.status},
            {"note", c.note},
            {"water_column", c.inWaterColumn() ? json{{"above_seabed_m", c.aboveSeabed}} : json()},
            {"cnn_view", c.cnnClass.empty() ? json()
                                            : json{{"class", c.cnnClass},
                                                   {"class_probability", c.cnnClassProbability},
                                                   {"objectness", c.cnnObjectness}}}};
}

ContactRecord contactFrom(const json& j)
{
    ContactRecord c;
    c.ping = j.at("ping");
    c.side = j.at("side");
    c.sample = j.value("sample", 0);
    c.time = j.value("time", 0.0);
    c.x = j.at("x");
    c.y = j.at("y");
    c.groundRange = j.value("ground_range_m", 0.0);
    c.length = j.value("length_m", 0.0);
    c.width = j.value("width_m", 0.0);
    c.height = j.value("height_m", 0.0);
    if (j.contains("box")) {
        const auto& b = j.at("box");
        c.firstPing = b.at(0);
        c.lastPing = b.at(1);
        c.nearSlant = b.at(2);
        c.farSlant = b.at(3);
        c.nearGround = b.at(4);
        c.farGround = b.at(5);
    }
    c.cls = j.value("class", "");
    // Projects from before it: the class as it stands counts as the analyst's (kept by a new detection).
    c.proposedClass = j.value("proposed_class", "");
    c.score = j.value("score", 0.0);
    c.detector = j.value("detector", "");
    if (j.contains("detector_scores"))
        c.detectorScores = j.at("detector_scores").get<std::map<std::string, double>>();
    c.status = j.value("status", "new");
    checkStatus(c.status);
    c.note = j.value("note", "");
    if (const auto floating = j.find("water_column"); floating != j.end() && floating->is_object()) {
        c.waterColumn = true;
        c.aboveSeabed = floating->value("above_seabed_m", 0.0);
    }
    if (const auto view = j.find("cnn_view"); view != j.end() && view->is_object()) {
        c.cnnClass = view->value("class", "");
        c.cnnClassProbability = view->value("class_probability", 0.0);
        c.cnnObjectness = view->value("objectness", 0.0);
    }
    return c;
}

json alertJson(const AlertRecord& a)
{
    return {{"start", a.start},    {"end", a.end},          {"peak", a.peak},   {"start_row", a.startRow},
            {"end_row", a.endRow}, {"peak_row", a.peakRow}, {"score", a.score}, {"channels", a.channels},
            {"model", a.model},    {"status", a.status},    {"note", a.note}};
}

AlertRecord alertFrom(const json& j)
{
    AlertRecord a;
    a.start = j.at("start");
    a.end = j.at("end");
    a.peak = j.at("peak");
    a.startRow = j.value("start_row", 0LL);
    a.endRow = j.value("end_row", 0LL);
    a.peakRow = j.value("peak_row", 0LL);
    a.score = j.value("score", 0.0);
    a.channels = j.value("channels", "");
    a.model = j.value("model", "");
    a.status = j.value("status", "new");
    checkStatus(a.status);
    a.note = j.value("note", "");
    return a;
}

json detectionJson(const DetectionRecord& d)
{
    const auto& c = d.classical;
    return {{"highlight", c.highlight},
            {"shadow_level", c.shadowLevel},
            {"min_shadow_m", c.minShadowMetres},
            {"min_score", c.minScore},
            {"coarse_scale", c.coarseScale},
            {"water_column", c.waterColumn.enabled},
            {"water_column_echo", c.waterColumn.highlight},
            {"min_cnn_score", d.minCnnScore}};
}

DetectionRecord detectionFrom(const json& j)
{
    DetectionRecord d;
    auto& c = d.classical;
    c.highlight = j.value("highlight", c.highlight);
    c.shadowLevel = j.value("shadow_level", c.shadowLevel);
    c.minShadowMetres = j.value("min_shadow_m", c.minShadowMetres);
    c.minScore = j.value("min_score", c.minScore);
    c.coarseScale = j.value("coarse_scale", c.coarseScale);
    c.waterColumn.enabled = j.value("water_column", c.waterColumn.enabled);
    c.waterColumn.highlight = j.value("water_column_echo", c.waterColumn.highlight);
    d.minCnnScore = j.value("min_cnn_score", d.minCnnScore);
    if (const auto wrong = checkDetection(d); !wrong.empty())
        throw Error("detection settings: " + wrong);
    return d;
}

json rulesJson(const AlertRules& r)
{
    return {{"threshold", r.threshold},
            {"release", r.release},
            {"minimum_rows", r.minimumLength},
            {"merge_gap", r.mergeGap}};
}

AlertRules rulesFrom(const json& j)
{
    AlertRules r;
    r.threshold = j.at("threshold").get<float>();
    r.release = j.value("release", r.release);
    r.minimumLength = j.value("minimum_rows", r.minimumLength);
    r.mergeGap = j.value("merge_gap", r.mergeGap);
    if (const auto wrong = alertRulesProblem(r); !wrong.empty())
        throw Error("alert settings: " + wrong);
    return r;
}

} // namespace

std::string checkDetection(const DetectionRecord& d)
{
    const auto& c = d.classical;
    if (!(c.highlight > 1))
        return "the highlight must be more than 1 × the local mean";
    if (!(c.shadowLevel > 0 && c.shadowLevel < 1))
        return "the shadow level must be between 0 and 1 × the local mean";
    if (!(c.minShadowMetres >= 0))
        return "the shortest shadow cannot be negative";
    if (!(c.minScore >= 0 && c.minScore <= 1) || !(d.minCnnScore >= 0 && d.minCnnScore <= 1))
        return "the lowest scores must be between 0 and 1";
    if (!(c.waterColumn.highlight > 1))
        return "an echo in the water column must be more than 1 × the water column's level";
    if (c.coarseScale < 0 || c.coarseScale > 16)
        return "the coarse pass averages 0 to 16 pixels a side";
    return {};
}

void save(const Project& p, const std::filesystem::path& file)
{
    const auto base = std::filesystem::absolute(file).parent_path().lexically_normal();
    json alerts = json::array();
    for (const auto& a : p.alerts)
        alerts.push_back(alertJson(a));
    json contacts = json::array();
    for (const auto& c : p.contacts)
        contacts.push_back(contactJson(c));
    const auto& t = p.training;
    std::vector<std::string> data;
    for (const auto& file : t.data)
        data.push_back(storedPath(file, base));
    const json doc = {
        {"format", "fathom-project"},
        {"version", kVersion},
        {"survey", storedPath(p.survey, base)},
        {"series", storedPath(p.series, base)},
        {"models_folder", storedPath(p.modelsFolder, base)},
        {"active_model", storedPath(p.activeModel, base)},
        {"detector_model", storedPath(p.detectorModel, base)},
        {"training",
         {{"target", t.target},
          {"labels", t.labels},
          {"models", t.models},
          {"skip", t.skip},
          {"lookback", t.lookback},
          {"epochs", t.epochs},
          {"batch", t.batch},
          {"learning_rate", t.learningRate},
          {"accumulate", t.accumulate},
          {"split", t.split},
          {"data", data},
          {"dropout", t.sizes.dropout},
          {"patchtst",
           {{"width", t.sizes.width},
            {"heads", t.sizes.heads},
            {"layers", t.sizes.layers},
            {"feed_forward", t.sizes.feedForward},
            {"patch_length", t.sizes.patchLength},
            {"patch_stride", t.sizes.patchStride},
            {"revin_affine", t.sizes.revinAffine}}}}},
        {"detection", detectionJson(p.detection)},
        {"alert_rules", p.alertRules ? rulesJson(*p.alertRules) : json()},
        {"alerts", alerts},
        {"contacts", contacts},
        {"view",
         {{"visible_channels", p.visibleChannels}, {"start", p.viewStart}, {"end", p.viewEnd}, {"ping", p.ping}}}};
    std::filesystem::create_directories(base);
    AtomicFile out(file);
    out.stream() << doc.dump(2) << "\n";
    out.commit();
}

Project load(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in)
        throw Error(file.string() + ": cannot open the project file");
    json doc;
    try {
        doc = json::parse(in);
    } catch (const json::exception& e) {
        throw Error(file.string() + ": not a Fathom project (invalid JSON: " + e.what() + ")");
    }
    if (!doc.is_object() || doc.value("format", "") != "fathom-project")
        throw Error(file.string() + ": not a Fathom project (no \"format\": \"fathom-project\")");
    if (doc.value("version", 0) > kVersion)
        throw Error(file.string() + ": written by a newer Fathom (project version " +
                    std::to_string(doc.value("version", 0)) + "; this one reads " + std::to_string(kVersion) + ")");
    const auto base = std::filesystem::absolute(file).parent_path().lexically_normal();
    Project p;
    try {
        p.survey = resolve(doc.value("survey", ""), base);
        p.series = resolve(doc.value("series", ""), base);
        p.modelsFolder = resolve(doc.value("models_folder", ""), base);
        p.activeModel = resolve(doc.value("active_model", ""), base);
        p.detectorModel = resolve(doc.value("detector_model", ""), base);
        if (doc.contains("training")) {
            const auto& t = doc.at("training");
            p.training.target = t.value("target", "");
            p.training.labels = t.value("labels", "");
            p.training.models = t.value("models", std::vector<std::string>{});
            p.training.skip = t.value("skip", std::vector<std::string>{});
            p.training.lookback = t.value("lookback", 32);
            p.training.epochs = t.value("epochs", 12);
            p.training.batch = t.value("batch", 32);
            p.training.learningRate = t.value("learning_rate", 2e-3);
            p.training.accumulate = std::max(1, t.value("accumulate", 1));
            p.training.split = t.value("split", "");
            for (const auto& file : t.value("data", std::vector<std::string>{}))
                p.training.data.push_back(resolve(file, base));
            const ModelSizes defaults;
            auto& z = p.training.sizes;
            z.dropout = t.value("dropout", defaults.dropout);
            const auto patch = t.value("patchtst", json::object());
            z.width = patch.value("width", defaults.width);
            z.heads = patch.value("heads", defaults.heads);
            z.layers = patch.value("layers", defaults.layers);
            z.feedForward = patch.value("feed_forward", defaults.feedForward);
            z.patchLength = patch.value("patch_length", defaults.patchLength);
            z.patchStride = patch.value("patch_stride", defaults.patchStride);
            z.revinAffine = patch.value("revin_affine", defaults.revinAffine);
        }
        if (doc.contains("detection"))
            p.detection = detectionFrom(doc.at("detection"));
        if (doc.contains("alert_rules") && !doc.at("alert_rules").is_null())
            p.alertRules = rulesFrom(doc.at("alert_rules"));
        for (const auto& a : doc.value("alerts", json::array()))
            p.alerts.push_back(alertFrom(a));
        for (const auto& c : doc.value("contacts", json::array()))
            p.contacts.push_back(contactFrom(c));
        if (doc.contains("view")) {
            const auto& v = doc.at("view");
            p.visibleChannels = v.value("visible_channels", std::vector<std::string>{});
            p.viewStart = v.value("start", 0.0);
            p.viewEnd = v.value("end", 0.0);
            p.ping = v.value("ping", -1LL);
        }
    } catch (const json::exception& e) {
        throw Error(file.string() + ": a project entry is malformed: " + e.what());
    } catch (const Error& e) {
        throw Error(file.string() + ": " + e.what());
    }
    return p;
}

} // namespace fathom::project
