#include "modelfolder.h"

#include "common/atomicfile.h"
#include "common/error.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

namespace fathom::ml {

namespace {

using nlohmann::json;

const char* scalerName(series::ScalerKind kind)
{
    return kind == series::ScalerKind::MinMax ? "minmax" : kind == series::ScalerKind::Robust ? "robust" : "standard";
}

series::ScalerKind scalerKind(const std::string& name)
{
    return name == "minmax"   ? series::ScalerKind::MinMax
           : name == "robust" ? series::ScalerKind::Robust
                              : series::ScalerKind::Standard;
}

void writeJson(const std::filesystem::path& path, const json& value)
{
    AtomicFile file(path);
    file.stream() << value.dump(2) << "\n";
    file.commit();
}

json readJson(const std::filesystem::path& path)
{
    std::ifstream in(path);
    if (!in)
        throw Error(path.string() + ": missing (a model folder holds config.json, weights.pt and metrics.json)");
    try {
        return json::parse(in);
    } catch (const json::exception& e) {
        throw Error(path.string() + ": not valid JSON: " + e.what());
    }
}

} // namespace

void saveModelFolder(const std::filesystem::path& dir, const Model& model, const ModelCard& card)
{
    std::filesystem::create_directories(dir);
    const auto& c = card.config;
    json config = {{"model", kindName(c.kind)},
                   {"lookback", c.lookback},
                   {"channels", c.channels},
                   {"horizon", c.horizon},
                   {"targets", c.targets},
                   {"dropout", c.dropout},
                   {"patch_length", c.patchLength},
                   {"patch_stride", c.patchStride},
                   {"model_width", c.modelWidth},
                   {"heads", c.heads},
                   {"layers", c.layers},
                   {"feed_forward", c.feedForward},
                   {"encoder_version", c.encoderVersion},
                   {"revin_affine", c.revinAffine},
                   {"moving_average", c.movingAverage},
                   {"features", card.features},
                   {"target", card.target},
                   {"scaler", {{"kind", scalerName(card.scaler)}, {"offsets", card.offsets}, {"scales", card.scales}}},
                   {"trained_on", card.trainedOn},
                   {"device", card.device},
                   {"seconds", card.seconds}};
    if (const auto& a = card.alerts)
        config["alerts"] = {{"median", a->median},
                            {"spread", a->spread},
                            {"residual_threshold", a->residualThreshold},
                            {"spike_threshold", a->spikeThreshold},
                            {"threshold", a->rules.threshold},
                            {"release", a->rules.release},
                            {"minimum_length", a->rules.minimumLength},
                            {"merge_gap", a->rules.mergeGap},
                            {"rows", a->rows},
                            {"precision", a->precision}};
    if (const auto& p = card.parts) {
        config["parts"] = {{"split", p->split}, {"validation_row", p->validationRow}, {"test_row", p->testRow}};
        if (p->validationTime && p->testTime) {
            config["parts"]["validation_time"] = *p->validationTime;
            config["parts"]["test_time"] = *p->testTime;
        }
    }
    model.save(dir / "weights.pt");
    if (!card.log.empty()) {
        AtomicFile log(dir / "train.log");
        log.stream() << card.log;
        log.commit();
    }
    writeJson(dir / "metrics.json", card.metrics);
    writeJson(dir / "config.json", config);
}

std::pair<Model, ModelCard> loadModelFolder(const std::filesystem::path& dir)
{
    auto card = readModelCard(dir);
    return {Model::load(dir / "weights.pt", card.config), card};
}

ModelCard readModelCard(const std::filesystem::path& dir)
{
    const auto configPath = dir / "config.json";
    const json j = readJson(configPath);
    ModelCard card;
    try {
        auto& c = card.config;
        c.kind = parseKind(j.at("model").get<std::string>());
        c.lookback = j.at("lookback");
        c.channels = j.at("channels");
        c.horizon = j.at("horizon");
        c.targets = j.at("targets").get<std::vector<int>>();
        c.dropout = j.value("dropout", 0.1f);
        c.patchLength = j.value("patch_length", 16);
        c.patchStride = j.value("patch_stride", 8);
        c.modelWidth = j.value("model_width", 128);
        c.heads = j.value("heads", 16);
        c.layers = j.value("layers", 3);
        c.feedForward = j.value("feed_forward", 0);
        c.encoderVersion = j.value("encoder_version", 1);
        c.revinAffine = j.value("revin_affine", true);
        c.movingAverage = j.value("moving_average", 25);
        card.features = j.at("features").get<std::vector<std::string>>();
        card.target = j.at("target");
        card.scaler = scalerKind(j.at("scaler").at("kind"));
        card.offsets = j.at("scaler").at("offsets").get<std::vector<float>>();
        card.scales = j.at("scaler").at("scales").get<std::vector<float>>();
        card.trainedOn = j.value("trained_on", "");
        card.device = j.value("device", "");
        card.seconds = j.value("seconds", 0.0);
        if (j.contains("alerts")) {
            const auto& a = j.at("alerts");
            AlertCalibration c;
            c.median = a.at("median").get<std::vector<float>>();
            c.spread = a.at("spread").get<std::vector<float>>();
            c.residualThreshold = a.at("residual_threshold");
            c.spikeThreshold = a.value("spike_threshold", 0.0f);
            c.rules.threshold = a.at("threshold");
            c.rules.release = a.value("release", 0.7f);
            c.rules.minimumLength = a.value("minimum_length", std::size_t(2));
            c.rules.mergeGap = a.value("merge_gap", std::size_t(0));
            c.rows = a.value("rows", std::size_t(0));
            c.precision = a.value("precision", "fp32"); // models from before it: fp32 was the only one
            card.alerts = c;
        }
        if (j.contains("parts")) {
            const auto& p = j.at("parts");
            ModelCard::Parts parts;
            parts.split = p.value("split", "");
            parts.validationRow = p.at("validation_row");
            parts.testRow = p.at("test_row");
            if (p.contains("validation_time") && p.contains("test_time")) {
                parts.validationTime = p.at("validation_time").get<double>();
                parts.testTime = p.at("test_time").get<double>();
            }
            card.parts = parts;
        }
    } catch (const json::exception& e) {
        throw Error(configPath.string() + ": " + e.what());
    }
    if (card.features.size() != std::size_t(card.config.channels) || card.offsets.size() != card.features.size() ||
        card.scales.size() != card.features.size())
        throw Error(configPath.string() + ": the features, channels and scaler disagree in size");
    if (std::filesystem::exists(dir / "metrics.json"))
        card.metrics = readJson(dir / "metrics.json").get<std::map<std::string, double>>();
    if (std::ifstream log(dir / "train.log"); log) // the epochs' losses, for reports and comparisons
        card.log.assign(std::istreambuf_iterator<char>(log), std::istreambuf_iterator<char>());
    return card;
}

} // namespace fathom::ml
