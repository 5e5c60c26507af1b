// Training the CNN detector, its labels, and scoring detections against a simulator's truth.
#include "cnndetector.h"

#include "common/error.h"
#include "detail/cnnnet.h"
#include "detail/random.h"
#include "project/project.h"
#include "sonar/georeference.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <thread>

namespace fathom::ml {

namespace {

struct TruthRow
{
    std::string cls;
    bool mineLike = false;
    double ping = 0, sample = 0, length = 0, width = 0;
    int side = 0;
    double height = -1; // metres; -1: the file has no height column
    // Its extent along and across the track as it lies (older truth files: its length and width).
    double alongTrack = 0, acrossTrack = 0;
    double moored = 0; // metres above the seabed, floating in the water column; 0 on the seabed
};

std::vector<TruthRow> readTruth(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in)
        throw Error(file.string() + ": cannot be read");
    std::string line;
    std::getline(in, line);
    std::map<std::string, std::size_t> column;
    {
        std::stringstream header(line);
        std::size_t i = 0;
        for (std::string name; std::getline(header, name, ',');)
            column[name] = i++;
    }
    for (const char* needed : {"class", "mine_like", "ping", "channel", "sample", "length_m", "width_m"})
        if (!column.count(needed))
            throw Error(file.string() + ": no '" + needed + "' column; is it a truth.csv from fathom-cli demo?");
    std::vector<TruthRow> rows;
    int number = 1;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty())
            continue;
        std::vector<std::string> cells;
        std::stringstream s(line);
        for (std::string cell; std::getline(s, cell, ',');)
            cells.push_back(cell);
        try {
            auto at = [&](const char* name) { return cells.at(column.at(name)); };
            rows.push_back({at("class"), std::stod(at("mine_like")) > 0.5, std::stod(at("ping")),
                            std::stod(at("sample")), std::stod(at("length_m")), std::stod(at("width_m")),
                            int(std::stod(at("channel"))),
                            column.count("height_m") ? std::stod(at("height_m")) : -1.0});
            auto& r = rows.back();
            r.moored = column.count("moored_m") ? std::stod(at("moored_m")) : 0.0;
            r.alongTrack = column.count("along_track_m") ? std::stod(at("along_track_m")) : r.length;
            r.acrossTrack = column.count("across_track_m") ? std::stod(at("across_track_m")) : r.width;
        } catch (const std::exception&) {
            throw Error(file.string() + ": row " + std::to_string(number) + " is not a truth row");
        }
    }
    return rows;
}

// Targets of one tile at a quarter of its resolution: objectness (a peak of 1 at each centre,
// falling off with the object's extent), log extents and class where there is a centre.
struct Targets
{
    torch::Tensor objectness, extent, mask, cls;
};

Targets targetsFor(const std::vector<const DetectorLabel*>& labels, std::size_t first, int rows, bool flipped,
                   int cellsWide, int across, const std::vector<std::string>& classes)
{
    const int cellsLong = rows / 4;
    Targets t;
    t.objectness = torch::zeros({1, cellsLong, cellsWide});
    t.extent = torch::zeros({2, cellsLong, cellsWide});
    t.mask = torch::zeros({1, cellsLong, cellsWide});
    t.cls = torch::full({cellsLong, cellsWide}, -1, torch::kLong);
    auto obj = t.objectness.accessor<float, 3>();
    for (const auto* l : labels) {
        double row = double(l->ping) - double(first);
        if (flipped)
            row = rows - 1 - row;
        const double cr = (row - 1.5) / 4, cc = (l->sample / double(across) - 1.5) / 4;
        const int r0 = std::clamp(int(std::lround(cr)), 0, cellsLong - 1),
                  c0 = std::clamp(int(std::lround(cc)), 0, cellsWide - 1);
        const double sr = std::max(0.7, l->pings / 4 / 3), sc = std::max(0.7, l->samples / across / 4 / 3);
        for (int r = std::max(0, r0 - 4); r <= std::min(cellsLong - 1, r0 + 4); ++r)
            for (int c = std::max(0, c0 - 4); c <= std::min(cellsWide - 1, c0 + 4); ++c) {
                const double v = std::exp(-((r - r0) * (r - r0) / (2 * sr * sr) + (c - c0) * (c - c0) / (2 * sc * sc)));
                obj[0][r][c] = std::max(obj[0][r][c], float(v));
            }
        obj[0][r0][c0] = 1.0f;
        t.extent[0][r0][c0] = std::log(std::max(1.0, l->pings));
        t.extent[1][r0][c0] = std::log(std::max(1.0, l->samples / across));
        t.mask[0][r0][c0] = 1.0f;
        const auto k = std::find(classes.begin(), classes.end(), l->cls);
        if (k != classes.end())
            t.cls[r0][c0] = long(k - classes.begin());
    }
    return t;
}

struct Side
{
    detail::SideImage image;
    std::vector<DetectorLabel> labels;
    std::size_t trainEnd = 0; // rows before it train; the rest validate
};

torch::Tensor lossOf(detail::Net& net, const torch::Tensor& input, Targets t, torch::Device device)
{
    t.objectness = t.objectness.to(device);
    t.extent = t.extent.to(device);
    t.mask = t.mask.to(device);
    t.cls = t.cls.to(device);
    auto [objectness, extent, cls] = net->forward(input.to(device));
    const auto p = torch::sigmoid(objectness).clamp(1e-4, 1 - 1e-4);
    const auto pos = t.objectness.eq(1).to(torch::kFloat);
    const auto focal = (-(torch::log(p) * (1 - p).pow(2) * pos).sum() -
                        (torch::log(1 - p) * p.pow(2) * (1 - t.objectness).pow(4) * (1 - pos)).sum()) /
                       pos.sum().clamp_min(1);
    const auto extentLoss = (torch::abs(extent - t.extent) * t.mask).sum() / (2 * t.mask.sum().clamp_min(1));
    auto loss = focal + extentLoss;
    if (t.cls.ge(0).any().item<bool>())
        loss = loss + 0.5 * torch::nn::functional::cross_entropy(
                                cls, t.cls, torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-1));
    return loss;
}

} // namespace

std::vector<DetectorLabel> labelsFromTruth(const sonar::SonarFile& file, const std::filesystem::path& truthCsv)
{
    file.waitComplete();
    const auto rows = readTruth(truthCsv);
    const std::size_t pings = file.pingCount();
    if (pings < 2)
        throw Error(file.path().string() + ": too few pings to learn from");
    const sonar::Georeferencer geo(file);
    const double spacing = std::max(0.01, geo.distance(0, 0, 0, double(pings - 1), 0, 0) / double(pings - 1));
    const double bin = file.pingInfo(0).slantRange / std::max(1, file.pingInfo(0).samples);
    std::vector<DetectorLabel> labels;
    for (const auto& r : rows) {
        if (r.ping < 0 || r.ping >= double(pings) || r.moored > 0) // the network reads the seabed only
            continue;
        labels.push_back({std::size_t(r.ping), r.side, int(r.sample), std::max(3.0, r.length / spacing),
                          std::max(8.0, r.width / bin), r.cls});
    }
    return labels;
}

std::vector<DetectorLabel> labelsFromContacts(const sonar::SonarFile& file,
                                              const std::vector<project::ContactRecord>& contacts,
                                              double keepProposedAbove)
{
    const double bin = file.pingCount() ? file.pingInfo(0).slantRange / std::max(1, file.pingInfo(0).samples) : 1.0;
    std::vector<DetectorLabel> labels;
    for (const auto& c : contacts)
        if (c.ping >= 0 && std::size_t(c.ping) < file.pingCount() && !c.inWaterColumn() &&
            (c.status == "confirmed" ||
             (c.status == "new" && c.detectorScores.count("cnn") && c.detectorScores.at("cnn") >= keepProposedAbove)))
            labels.push_back({std::size_t(c.ping), c.side, c.sample,
                              std::max(3.0, double(c.lastPing - c.firstPing + 1)),
                              std::max(8.0, (c.farSlant - c.nearSlant) / bin), c.cls});
    return labels;
}

DetectionScore scoreAgainstTruth(const std::vector<sonar::Detection>& found, const std::filesystem::path& truthCsv,
                                 std::size_t pings)
{
    const auto truth = readTruth(truthCsv);
    const auto near = [](const sonar::Detection& d, const TruthRow& t) {
        return d.side == t.side && std::abs(double(d.ping) - t.ping) <= 15 &&
               std::abs(double(d.sample) - t.sample) <= 30;
    };
    DetectionScore s;
    std::vector<double> heights, widths, lengths;
    for (const auto& t : truth) {
        if (t.ping >= double(pings))
            continue;
        if (t.moored > 0) { // in the water column: found or not, scored apart from the seabed's
            ++s.moored;
            s.mooredFound += std::any_of(found.begin(), found.end(), [&](const auto& d) { return near(d, t); });
            continue;
        }
        // Found when a detection is near it; its nearest gives the sizes compared: length and width
        // against the object's extent along and across the track, as the sonar sees it lie.
        const sonar::Detection* nearest = nullptr;
        for (const auto& d : found)
            if (near(d, t) &&
                (!nearest || std::abs(double(d.ping) - t.ping) < std::abs(double(nearest->ping) - t.ping)))
                nearest = &d;
        const bool hit = nearest != nullptr;
        s.objectsOnlyWhereCnnSeesNoObject += hit && std::all_of(found.begin(), found.end(), [&](const auto& d) {
                                                 return !near(d, t) || d.cnnSeesNoObject();
                                             });
        if (nearest && t.acrossTrack > 0 && t.alongTrack > 0) {
            ++s.sizesCompared;
            widths.push_back(nearest->width / t.acrossTrack);
            lengths.push_back(nearest->length / t.alongTrack);
            s.widthsWithin30 += std::abs(widths.back() - 1.0) <= 0.3;
            s.lengthsWithin30 += std::abs(lengths.back() - 1.0) <= 0.3;
        }
        if (nearest && !nearest->cls.empty() && !t.cls.empty()) {
            ++s.classesCompared;
            s.classesRight += nearest->cls == t.cls;
        }
        if (nearest && t.height > 0) {
            ++s.heightsCompared;
            heights.push_back(nearest->height / t.height);
            s.heightsWithin30 += std::abs(heights.back() - 1.0) <= 0.3;
        }
        ++s.objects;
        s.objectsFound += hit;
        if (t.mineLike) {
            ++s.mineLike;
            s.mineLikeFound += hit;
        }
    }
    for (const auto& d : found)
        if (std::none_of(truth.begin(), truth.end(), [&](const auto& t) { return near(d, t); })) {
            ++s.falseAlarms;
            s.falseAlarmsCnnSeesNoObject += d.cnnSeesNoObject();
        }
    const auto median = [](std::vector<double>& v) {
        if (v.empty())
            return 0.0;
        std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
        return v[v.size() / 2];
    };
    s.heightRatioMedian = median(heights);
    s.widthRatioMedian = median(widths);
    s.lengthRatioMedian = median(lengths);
    s.recallMineLike = s.mineLike ? double(s.mineLikeFound) / s.mineLike : 0.0;
    s.falseAlarmsPer1000 = pings ? 1000.0 * s.falseAlarms / double(pings) : 0.0;
    return s;
}

TrainResult trainDetector(CnnDetector& detector, const std::vector<LabelledFile>& files,
                          const DetectorTrainOptions& options,
                          const std::function<void(const TrainProgress&)>& progress, const std::atomic<bool>* stop,
                          const std::atomic<bool>* pause)
{
    const auto& config = detector.config();
    auto& net = detector.impl().net;
    const auto device = detector.impl().device;
    std::vector<Side> sides;
    std::size_t labelCount = 0;
    for (const auto& f : files) {
        f.file->waitComplete();
        detector.checkFile(*f.file);
        detector.checkLabels(f.labels);
        for (int side = 0; side < 2; ++side) {
            if (f.file->channelOn(side == 0 ? sonar::Side::Port : sonar::Side::Starboard) < 0)
                continue;
            Side s;
            s.image = detail::sideImage(*f.file, side, config.across);
            for (const auto& l : f.labels)
                if (l.side == side)
                    s.labels.push_back(l);
            labelCount += s.labels.size();
            s.trainEnd = std::size_t(double(s.image.rows) * (1 - options.validationShare)) / 4 * 4;
            if (s.image.rows >= std::size_t(config.tileRows))
                sides.push_back(std::move(s));
        }
    }
    if (labelCount == 0)
        throw Error(
            "nothing to learn from: no labelled objects (a truth.csv, or confirmed contacts) in the files given");
    const int rows = config.tileRows;
    std::mt19937_64 random(options.train.seed);
    auto speckle = at::make_generator<at::CPUGeneratorImpl>(options.train.seed); // this run's alone
    const auto uniform = [&](const torch::Tensor& x) { return torch::rand(x.sizes(), speckle, x.options()); };
    auto tileLabels = [&](const Side& s, std::size_t first) {
        std::vector<const DetectorLabel*> in;
        for (const auto& l : s.labels)
            if (l.ping >= first && l.ping < first + std::size_t(rows))
                in.push_back(&l);
        return in;
    };
    auto batchOf = [&](const std::vector<std::pair<const Side*, std::size_t>>& tiles, bool augment) {
        std::vector<torch::Tensor> inputs, objectness, extent, mask, cls;
        for (const auto& [s, first] : tiles) {
            auto x = detail::crop(s->image, first, std::size_t(rows));
            bool flip = false;
            if (augment) {
                flip = random() % 2;
                if (flip)
                    x = x.flip({2});
                x = x + std::log(std::uniform_real_distribution<double>(0.7, 1.4)(random)); // gain jitter
                if (random() % 2) // speckle: a mean-one gamma(4) factor on every pixel
                    x = x + torch::log(-torch::log(uniform(x).clamp_min(1e-6) * uniform(x).clamp_min(1e-6) *
                                                   uniform(x).clamp_min(1e-6) * uniform(x).clamp_min(1e-6)) /
                                       4)
                                .clamp(-2, 1.5);
            }
            const int cellsWide = int(x.size(3)) / 4;
            const auto t =
                targetsFor(tileLabels(*s, first), first, rows, flip, cellsWide, config.across, config.classes);
            inputs.push_back(x);
            objectness.push_back(t.objectness);
            extent.push_back(t.extent);
            mask.push_back(t.mask);
            cls.push_back(t.cls);
        }
        return std::pair{torch::cat(inputs), Targets{torch::stack(objectness), torch::stack(extent), torch::stack(mask),
                                                     torch::stack(cls)}};
    };
    // Validation: the last pings of every side, tile by tile, never trained on.
    std::vector<std::pair<const Side*, std::size_t>> validation;
    for (const auto& s : sides)
        for (std::size_t first = s.trainEnd; first + std::size_t(rows) <= s.image.rows; first += std::size_t(rows))
            validation.emplace_back(&s, first);
    auto randomTile = [&]() -> std::pair<const Side*, std::size_t> {
        const auto& s = sides[random() % sides.size()];
        const std::size_t limit = s.trainEnd > std::size_t(rows) ? s.trainEnd - std::size_t(rows) : 0;
        std::vector<const DetectorLabel*> inTraining;
        for (const auto& l : s.labels)
            if (l.ping + 4 < s.trainEnd)
                inTraining.push_back(&l);
        if (!inTraining.empty() && random() % 2) { // around an object, at a random place in the tile
            const auto* l = inTraining[random() % inTraining.size()];
            const long offset = long(4 + random() % std::size_t(rows - 8));
            return {&s, std::size_t(std::clamp<long>(long(l->ping) - offset, 0, long(limit)))};
        }
        return {&s, limit ? std::size_t(random() % (limit + 1)) : 0};
    };

    torch::optim::AdamW optimizer(
        net->parameters(),
        torch::optim::AdamWOptions(options.train.learningRate).weight_decay(options.train.weightDecay));
    TrainResult result;
    const auto started = std::chrono::steady_clock::now();
    const int batch = std::max(1, options.train.batchSize);
    const std::size_t steps = std::size_t(std::max(1, options.tilesPerEpoch / batch));
    double best = INFINITY;
    std::vector<torch::Tensor> bestState;
    auto snapshot = [&] {
        std::vector<torch::Tensor> state;
        for (const auto& p : net->parameters())
            state.push_back(p.detach().clone());
        for (const auto& b : net->buffers())
            state.push_back(b.detach().clone());
        return state;
    };
    int sinceBest = 0;
    double lr = options.train.learningRate;
    std::size_t samplesDone = 0;
    for (int epoch = 1; epoch <= options.train.epochs; ++epoch) {
        net->train();
        double sum = 0;
        for (std::size_t step = 1; step <= steps; ++step) {
            while (pause && pause->load() && !(stop && stop->load()))
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (stop && stop->load()) {
                result.cancelled = true;
                break;
            }
            std::vector<std::pair<const Side*, std::size_t>> tiles;
            for (int i = 0; i < batch; ++i)
                tiles.push_back(randomTile());
            auto [input, targets] = batchOf(tiles, true);
            optimizer.zero_grad();
            auto loss = lossOf(net, input, targets, device);
            if (!std::isfinite(loss.item<double>()))
                throw Error("the detector's loss became " + std::to_string(loss.item<double>()) +
                            "; try a lower learning rate");
            loss.backward();
            if (options.train.clipNorm > 0)
                torch::nn::utils::clip_grad_norm_(net->parameters(), options.train.clipNorm);
            optimizer.step();
            sum += loss.item<double>();
            samplesDone += tiles.size();
            if (progress) {
                const double elapsed =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                TrainProgress p;
                p.epoch = epoch;
                p.epochs = options.train.epochs;
                p.step = step;
                p.steps = steps;
                p.trainLoss = sum / double(step);
                p.validationLoss = result.validationLoss.empty() ? NAN : result.validationLoss.back();
                p.samplesPerSecond = elapsed > 0 ? double(samplesDone) / elapsed : 0;
                const double total = double(options.train.epochs) * double(steps);
                const double done = double(epoch - 1) * double(steps) + double(step);
                p.etaSeconds = done > 0 ? elapsed * (total - done) / done : 0;
                progress(p);
            }
        }
        if (result.cancelled)
            break;
        result.trainLoss.push_back(sum / double(steps));
        // Validation in evaluation mode, without augmentation.
        double validationLoss = result.trainLoss.back();
        if (!validation.empty()) {
            torch::NoGradGuard noGrad;
            net->eval();
            double v = 0;
            for (std::size_t i = 0; i < validation.size(); i += std::size_t(batch)) {
                std::vector<std::pair<const Side*, std::size_t>> tiles(
                    validation.begin() + long(i),
                    validation.begin() + long(std::min(validation.size(), i + std::size_t(batch))));
                auto [input, targets] = batchOf(tiles, false);
                v += lossOf(net, input, targets, device).item<double>() * double(tiles.size());
            }
            validationLoss = v / double(validation.size());
        }
        result.validationLoss.push_back(validationLoss);
        if (validationLoss < best) {
            best = validationLoss;
            result.bestEpoch = epoch;
            bestState = snapshot();
            sinceBest = 0;
        } else if (++sinceBest >= options.train.patience) {
            break;
        }
        lr *= options.train.learningRateDecay;
        for (auto& group : optimizer.param_groups())
            static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
        if (progress) {
            TrainProgress p;
            p.epoch = epoch;
            p.epochs = options.train.epochs;
            p.step = steps;
            p.steps = steps;
            p.trainLoss = result.trainLoss.back();
            p.validationLoss = validationLoss;
            p.epochDone = true;
            progress(p);
        }
    }
    if (!bestState.empty()) {
        torch::NoGradGuard noGrad;
        std::size_t k = 0;
        for (auto& p : net->parameters())
            p.copy_(bestState[k++]);
        for (auto& b : net->buffers())
            b.copy_(bestState[k++]);
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace fathom::ml
