#include "alertrun.h"

#include "common/error.h"
#include "common/logging.h"
#include "series/csvloader.h"
#include "trainer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fathom::ml {

namespace {

constexpr std::size_t kBatch = 256;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// How far each feature departs at `row` from its median over the window before it, in training
// standard deviations (the features are z-scored): the channels behind an alert, strongest first.
std::vector<std::size_t> contributingChannels(const ModelInput& input, std::size_t row, std::size_t lookback,
                                              std::size_t target, float targetScore)
{
    std::vector<std::pair<float, std::size_t>> departures;
    const std::size_t begin = row > lookback ? row - lookback : 0;
    for (std::size_t k = 0; k < input.features.size(); ++k) {
        const auto column = input.series.column(input.features[k]);
        std::vector<float> before(column.begin() + std::ptrdiff_t(begin), column.begin() + std::ptrdiff_t(row));
        if (before.empty())
            continue;
        auto mid = before.begin() + std::ptrdiff_t(before.size() / 2);
        std::nth_element(before.begin(), mid, before.end());
        departures.push_back({std::abs(column[row] - *mid), k});
    }
    std::sort(departures.rbegin(), departures.rend());
    std::vector<std::size_t> out;
    if (targetScore >= 3.0f)
        out.push_back(target);
    for (const auto& [size, k] : departures)
        if ((size >= 3.0f || out.empty()) && out.size() < 5 && std::find(out.begin(), out.end(), k) == out.end())
            out.push_back(k);
    return out;
}

} // namespace

ModelInput loadModelInput(const std::filesystem::path& modelDir, const ModelCard& card,
                          const std::vector<std::filesystem::path>& data, const std::vector<std::string>& skip)
{
    series::LoadOptions load;
    load.skip = skip;
    series::LoadReport report;
    ModelInput input{series::loadCsvFiles(data, load, report), {}};
    for (const auto& name : card.features) {
        try {
            input.features.push_back(input.series.channel(name));
        } catch (const Error& e) {
            throw Error("the model in " + modelDir.string() + " was trained on channel '" + name +
                        "', which these data lack: " + e.what());
        }
    }
    for (std::size_t k = 0; k < input.features.size(); ++k)
        for (float& v : input.series.column(input.features[k]))
            v = (v - card.offsets[k]) / card.scales[k];
    const auto lookback = std::size_t(card.config.lookback);
    if (input.series.rows < lookback)
        throw Error("the data have " + std::to_string(input.series.rows) +
                    " rows, fewer than the model's lookback of " + std::to_string(lookback));
    return input;
}

std::vector<float> runWindows(const Model& model, const ModelInput& input, std::size_t from, std::size_t to,
                              std::vector<float>* spikeProbability, std::vector<float>* members)
{
    if (members)
        members->clear();
    const auto lookback = std::size_t(model.config().lookback), features = input.features.size();
    std::vector<float> values;
    if (spikeProbability)
        spikeProbability->clear();
    for (std::size_t first = from; first < to; first += kBatch) {
        const std::size_t last = std::min(to, first + kBatch);
        std::vector<float> windows((last - first) * lookback * features);
        for (std::size_t k = 0; k < features; ++k) {
            const auto column = input.series.column(input.features[k]);
            for (std::size_t i = first; i < last; ++i)
                for (std::size_t t = 0; t < lookback; ++t)
                    windows[((i - first) * lookback + t) * features + k] = column[i + t];
        }
        const auto out = model.predictAll(windows, int(last - first)); // members from the same pass
        values.insert(values.end(), out.forecast.begin(), out.forecast.end());
        if (spikeProbability)
            spikeProbability->insert(spikeProbability->end(), out.spikeProbability.begin(), out.spikeProbability.end());
        if (members)
            members->insert(members->end(), out.members.begin(), out.members.end());
    }
    return values;
}

AlertRules calibratedRules()
{
    AlertRules rules;
    rules.threshold = 1.0f; // the combined score is 1 at either detector's threshold
    rules.minimumLength = 2;
    rules.mergeGap = 2;
    return rules;
}

AlertCalibration calibrateAlerts(const Model& model, const series::Windows& windows, const std::vector<float>* labels,
                                 double quantile, double margin)
{
    const bool spikeHead = model.hasSpikeHead();
    const auto lookback = windows.spec().lookback;
    const auto perWindow = windows.spec().horizon * windows.targets().size();
    std::vector<float> residuals, spikes;
    for (std::size_t from = 0; from < windows.size(); from += kBatch) {
        const std::size_t to = std::min(windows.size(), from + kBatch);
        std::vector<float> spike;
        const auto forecast =
            model.predict(gatherInputs(windows, from, to), int(to - from), spikeHead ? &spike : nullptr);
        for (std::size_t i = from; i < to; ++i) {
            const std::size_t last = windows.start(i) + lookback - 1;
            const auto anomalous = [&](std::size_t row) {
                return labels && row < labels->size() && (*labels)[row] > 0.5f;
            };
            if (anomalous(last) || anomalous(last + 1))
                continue;
            residuals.push_back(forecast[(i - from) * perWindow] - windows.target(i, 0)[0]);
            if (spikeHead)
                spikes.push_back(spike[i - from]);
        }
    }
    if (residuals.size() < 10)
        throw Error("too few normal windows (" + std::to_string(residuals.size()) +
                    ") to set an alert threshold: give more data");
    const auto scorer = ResidualScorer::fit(residuals, 1, residuals.size());
    const auto residualScores = scorer.score(residuals);
    AlertCalibration c;
    c.median = scorer.median();
    c.spread = scorer.spread();
    c.residualThreshold = chooseThreshold(residualScores, quantile, margin);
    if (spikeHead) {
        std::vector<float> logits;
        for (float p : spikes)
            logits.push_back(logitOf(p));
        // The quantile's logit plus a margin: each detector gets its own false-alarm budget.
        c.spikeThreshold = std::max(1.0f, chooseThreshold(logits, quantile, 1.0) + float(margin - 1.0) * 5.0f);
    }
    c.rules = calibratedRules();
    c.rows = residuals.size();
    c.precision = model.precision();
    return c;
}

AlertRun detectAlerts(const std::filesystem::path& modelDir, const std::vector<std::filesystem::path>& data,
                      const std::vector<std::string>& skip, const std::string& labels,
                      const std::optional<AlertRules>& rules)
{
    auto [model, card] = loadModelFolder(modelDir);
    model.setPrecision(model.precision()); // the process's now, for the whole run (the menu may switch it)
    if (!card.alerts)
        throw Error("the model in " + modelDir.string() +
                    " has no alert calibration (it was trained before alerts existed): train it again");
    if (model.precision() != card.alerts->precision)
        logging::warn("the alert thresholds of " + modelDir.string() + " were chosen from " + card.alerts->precision +
                      " forecasts and the alerts now run in " + model.precision() +
                      ": a score right at a threshold may fall on the other side");
    const auto input = loadModelInput(modelDir, card, data, skip);
    const auto& s = input.series;
    const auto lookback = std::size_t(card.config.lookback);
    const auto targetFeature = std::size_t(card.config.targets.at(0));
    const auto targetColumn = s.column(input.features[targetFeature]);
    const auto perWindow = std::size_t(card.config.horizon) * card.config.targets.size();
    std::vector<float> spike;
    const bool spikeHead = model.hasSpikeHead();
    const auto memberKinds = model.memberKinds();
    std::vector<float> members;
    const auto forecast = runWindows(model, input, 0, s.rows - lookback + 1, spikeHead ? &spike : nullptr,
                                     memberKinds.empty() ? nullptr : &members);

    AlertRun run;
    run.precision = model.precision();
    run.calibratedIn = card.alerts->precision;
    run.target = card.target;
    run.lookback = lookback;
    run.time = s.time;
    run.channels = card.features;
    run.rules = rules.value_or(card.alerts->rules);
    if (const auto problem = alertRulesProblem(run.rules); !problem.empty())
        throw Error(problem);
    if (const auto& p = card.parts) {
        if (!s.time.empty() && p->validationTime) {
            run.validationFrom = *p->validationTime;
            run.testFrom = *p->testTime;
        } else if (s.time.empty() && !p->validationTime) {
            run.validationFrom = double(p->validationRow);
            run.testFrom = double(p->testRow);
        }
    }
    if (!labels.empty())
        for (float v : s.column(s.channel(labels)))
            run.labels.push_back(v > 0.5f ? 1 : 0);
    const float offset = card.offsets[targetFeature], scale = card.scales[targetFeature];
    run.actual.resize(s.rows);
    run.forecast.assign(s.rows, kNaN);
    run.score.assign(s.rows, 0.0f);
    if (spikeHead)
        run.spike.assign(s.rows, kNaN);
    const auto scorer = ResidualScorer::fromValues(card.alerts->median, card.alerts->spread);
    std::vector<float> residuals; // rows lookback.. : one per row with a forecast
    for (std::size_t r = 0; r < s.rows; ++r) {
        run.actual[r] = targetColumn[r] * scale + offset;
        if (spikeHead && r + 1 >= lookback)
            run.spike[r] = spike[r + 1 - lookback]; // the window that ends at this row
        if (r < lookback)
            continue;
        const float f = forecast[(r - lookback) * perWindow]; // the window that ends just before it
        run.forecast[r] = f * scale + offset;
        residuals.push_back(f - targetColumn[r]);
    }
    const auto residualScores = scorer.score(residuals);
    std::copy(residualScores.begin(), residualScores.end(), run.score.begin() + std::ptrdiff_t(lookback));
    run.score = combineScores(run.score, card.alerts->residualThreshold, run.spike, card.alerts->spikeThreshold);
    for (std::size_t r = 0; r < std::min(lookback, s.rows); ++r)
        run.score[r] = 0; // no forecast before the first full window
    run.alerts = findAlerts(run.score, run.rules);
    for (std::size_t m = 0; m < memberKinds.size(); ++m) {
        run.memberNames.push_back(kindName(memberKinds[m]));
        auto& line = run.memberForecasts.emplace_back(s.rows, kNaN);
        for (std::size_t r = lookback; r < s.rows; ++r)
            line[r] = members[((r - lookback) * memberKinds.size() + m) * perWindow] * scale + offset;
    }
    for (auto& a : run.alerts)
        a.channels = contributingChannels(input, a.peak, lookback, targetFeature, residualScores[a.peak - lookback]);
    return run;
}

AlertMetrics evaluateRun(const AlertRun& run)
{
    const auto lookback = run.lookback;
    if (run.labels.size() != run.score.size())
        throw Error("no labels to evaluate the alerts against");
    const auto predicted = alertLabels(run.alerts, run.score.size());
    return evaluateAlerts({predicted.begin() + std::ptrdiff_t(lookback), predicted.end()},
                          {run.labels.begin() + std::ptrdiff_t(lookback), run.labels.end()});
}

} // namespace fathom::ml
