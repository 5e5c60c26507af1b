#include "cnndetector.h"

#include "common/atomicfile.h"
#include "common/error.h"
#include "common/paths.h"
#include "detail/cnnnet.h"
#include "detail/networks.h"
#include "project/project.h"
#include "sonar/georeference.h"
#include "sonar/watercolumn.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace fathom::ml {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

std::string firstLine(const std::string& text)
{
    return text.substr(0, text.find('\n'));
}

} // namespace

fs::path shippedDetectorDir()
{
    return paths::shareDir() / "models" / "detector";
}

CnnDetector CnnDetector::create(const CnnDetectorConfig& config, std::uint64_t seed)
{
    if (config.classes.empty())
        throw Error("a CNN detector needs at least one class");
    if (config.across < 1 || config.samplesPerSide < config.across * 16 || config.tileRows < 16 || config.tileRows % 4)
        throw Error("CNN detector sizes out of range (across ≥ 1, samples per side ≥ 16 × across, tile rows a multiple "
                    "of 4 from 16)");
    CnnDetector d;
    d.m = std::make_shared<Impl>();
    d.m->config = config;
    std::scoped_lock lock(detail::globalDraws()); // the initial weights, drawn undisturbed
    detail::seedCpuDraws(seed);
    d.m->net = detail::Net(config.width, int(config.classes.size()));
    return d;
}

void CnnDetector::setDevice(const std::string& id)
{
    const auto device = detail::resolveDevice(id, "the CNN detector");
    m->net->to(device);
    m->device = device;
}

std::string CnnDetector::useDevice(const std::string& id)
{
    try {
        setDevice(id);
        return {};
    } catch (const Error& e) {
        setDevice("cpu");
        return std::string(e.what()) + "; the CPU is used instead";
    }
}

std::string CnnDetector::device() const
{
    return m->device.str();
}

const CnnDetectorConfig& CnnDetector::config() const
{
    return m->config;
}

std::size_t CnnDetector::parameterCount() const
{
    std::size_t n = 0;
    for (const auto& p : m->net->parameters())
        n += std::size_t(p.numel());
    return n;
}

void CnnDetector::save(const fs::path& dir, const std::string& log,
                       const std::vector<std::pair<std::string, double>>& metrics) const
{
    fs::create_directories(dir);
    const auto& c = m->config;
    {
        AtomicFile config(dir / "config.json");
        config.stream() << json{{"model", "cnn_detector"}, {"version", 1},
                                {"classes", c.classes},    {"samples_per_side", c.samplesPerSide},
                                {"across", c.across},      {"tile_rows", c.tileRows},
                                {"width", c.width}}
                               .dump(2)
                        << "\n";
        config.commit();
    }
    json m2 = json::object();
    for (const auto& [key, value] : metrics)
        m2[key] = value;
    AtomicFile metricsFile(dir / "metrics.json");
    metricsFile.stream() << m2.dump(2) << "\n";
    metricsFile.commit();
    AtomicFile logFile(dir / "train.log");
    logFile.stream() << log;
    logFile.commit();
    const auto weights = dir / "weights.pt";
    const auto temp = weights.string() + ".part-" + std::to_string(::getpid());
    try {
        // Weights are written from the CPU, so a folder trained on a GPU loads anywhere.
        m->net->to(torch::kCPU);
        torch::serialize::OutputArchive archive;
        m->net->save(archive);
        archive.save_to(temp);
        m->net->to(m->device);
    } catch (const std::exception& e) {
        m->net->to(m->device);
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw Error(weights.string() + ": the detector could not be written: " + firstLine(e.what()));
    }
    std::error_code ec;
    fs::rename(temp, weights, ec);
    if (ec)
        throw Error(weights.string() + ": cannot replace: " + ec.message());
}

CnnDetector CnnDetector::load(const fs::path& dir)
{
    std::ifstream in(dir / "config.json");
    if (!in)
        throw Error(dir.string() + ": not a detector model folder (no config.json)");
    CnnDetectorConfig c;
    try {
        const auto j = json::parse(in);
        if (j.value("model", std::string()) != "cnn_detector")
            throw Error(dir.string() + ": holds a '" + j.value("model", std::string("?")) +
                        "' model, not a CNN detector");
        c.classes = j.at("classes").get<std::vector<std::string>>();
        c.samplesPerSide = j.at("samples_per_side");
        c.across = j.at("across");
        c.tileRows = j.at("tile_rows");
        c.width = j.at("width");
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error((dir / "config.json").string() + ": " + firstLine(e.what()));
    }
    auto detector = create(c);
    try {
        torch::serialize::InputArchive archive;
        archive.load_from((dir / "weights.pt").string(), torch::Device(torch::kCPU)); // saved on any device
        detector.m->net->load(archive);
    } catch (const std::exception& e) {
        throw Error((dir / "weights.pt").string() + ": not the weights of this detector (" + firstLine(e.what()) + ")");
    }
    return detector;
}

void CnnDetector::checkFile(const sonar::SonarFile& file) const
{
    if (file.channelOn(sonar::Side::Port) < 0 && file.channelOn(sonar::Side::Starboard) < 0)
        throw Error(file.path().string() + ": no sidescan channel (port or starboard) to detect in");
    if (file.pingCount() == 0)
        throw Error(file.path().string() + ": no pings");
    const int samples = file.pingInfo(0).samples;
    if (samples != m->config.samplesPerSide)
        throw Error(file.path().string() + ": has " + std::to_string(samples) +
                    " samples per side; the CNN detector was trained for " + std::to_string(m->config.samplesPerSide) +
                    " (retrain it on files like this one)");
}

void CnnDetector::checkLabels(const std::vector<DetectorLabel>& labels) const
{
    std::vector<std::string> unknown;
    for (const auto& l : labels)
        if (!l.cls.empty() &&
            std::find(m->config.classes.begin(), m->config.classes.end(), l.cls) == m->config.classes.end() &&
            std::find(unknown.begin(), unknown.end(), l.cls) == unknown.end())
            unknown.push_back(l.cls);
    if (unknown.empty())
        return;
    std::string names, known;
    for (const auto& u : unknown)
        names += (names.empty() ? "'" : ", '") + u + "'";
    for (const auto& k : m->config.classes)
        known += (known.empty() ? "" : ", ") + k;
    throw Error("labels of class " + names + " are not among the detector's classes (" + known + ")");
}

namespace {

// Consecutive columns behind a box where most of its rows are darker than 0.6 of the seabed.
int shadowColumns(const detail::SideImage& image, std::size_t top, std::size_t bottom, int farColumn)
{
    int columns = 0, gap = 0;
    for (int c = farColumn + 1; c < image.columns && gap <= 1; ++c) {
        int dark = 0, rows = 0;
        for (std::size_t r = top; r <= bottom && r < image.rows; ++r, ++rows)
            dark += image.gain[r * std::size_t(image.columns) + std::size_t(c)] < 0.6f ? 1 : 0;
        if (rows && dark * 2 >= rows) {
            columns += 1 + gap;
            gap = 0;
        } else if (columns > 0) {
            ++gap;
        } else if (c > farColumn + 2) {
            break;
        }
    }
    return columns;
}

} // namespace

CnnDetector::ClassProposal CnnDetector::classify(const sonar::SonarFile& file, int side, std::size_t firstPing,
                                                 std::size_t lastPing, int firstSample, int lastSample) const
{
    file.waitComplete();
    checkFile(file);
    if (firstPing > lastPing || lastPing >= file.pingCount() || firstSample > lastSample)
        throw Error(file.path().string() + ": no such box to classify (pings " + std::to_string(firstPing) + "–" +
                    std::to_string(lastPing) + ")");
    torch::NoGradGuard noGrad;
    m->net->eval();
    const auto& c = m->config;
    // The box in the middle of 1,024 pings (the line's own where it is shorter): the seabed's level
    // from enough pings that the object does not raise it, as over the whole line.
    const std::size_t span = 1024, centre = (firstPing + lastPing) / 2;
    const std::size_t first =
        centre > span / 2 ? std::min(centre - span / 2, file.pingCount() > span ? file.pingCount() - span : 0) : 0;
    const auto image = detail::sideImage(file, side, c.across, first, first + span);
    auto [objectnessOnDevice, extentOnDevice, clsOnDevice] =
        m->net->forward(detail::crop(image, 0, std::max<std::size_t>((image.rows + 3) / 4 * 4, 16)).to(m->device));
    const auto objectness = torch::sigmoid(objectnessOnDevice.cpu())[0][0];
    const auto classes = torch::softmax(clsOnDevice.cpu(), 1)[0];
    // The cells (4 pings × 4 columns) the box touches.
    const long rowFrom = long(firstPing - first) / 4, rowTo = long(lastPing - first) / 4;
    const long colFrom = long(firstSample / c.across) / 4, colTo = long(lastSample / c.across) / 4;
    const auto inBox = objectness.index({torch::indexing::Slice(rowFrom, std::min(rowTo + 1, objectness.size(0))),
                                         torch::indexing::Slice(colFrom, std::min(colTo + 1, objectness.size(1)))});
    const auto clsInBox =
        classes.index({torch::indexing::Slice(), torch::indexing::Slice(rowFrom, std::min(rowTo + 1, classes.size(1))),
                       torch::indexing::Slice(colFrom, std::min(colTo + 1, classes.size(2)))});
    ClassProposal out;
    if (inBox.numel() == 0)
        return out;
    out.objectness = inBox.max().item<double>();
    // Cells at least half as likely as the best: a loose box's seabed does not outvote the object.
    const auto kept = inBox * (inBox >= out.objectness / 2).to(inBox.scalar_type());
    const auto weights = kept / kept.sum().clamp_min(1e-9);
    const auto mixed = (clsInBox * weights.unsqueeze(0)).sum({1, 2});
    const long best = mixed.argmax().item<long>();
    out.cls = c.classes[std::size_t(best)];
    out.probability = mixed[best].item<double>();
    return out;
}

std::vector<sonar::Detection> CnnDetector::detect(const sonar::SonarFile& file, double minScore,
                                                  const std::function<void(double)>& progress,
                                                  const std::atomic<bool>* stop) const
{
    file.waitComplete();
    checkFile(file);
    torch::NoGradGuard noGrad;
    m->net->eval();
    const sonar::Georeferencer geo(file);
    const auto& c = m->config;
    std::vector<sonar::Detection> found;
    const std::size_t chunk = 512, overlap = 32;
    for (int side = 0; side < 2; ++side) {
        if (file.channelOn(side == 0 ? sonar::Side::Port : sonar::Side::Starboard) < 0)
            continue;
        const auto image = detail::sideImage(file, side, c.across);
        for (std::size_t first = 0; first < image.rows; first += chunk - overlap) {
            if (stop && stop->load())
                return found;
            const std::size_t rows = std::min(chunk, (image.rows - first + 3) / 4 * 4);
            auto [objectnessOnDevice, extentOnDevice, clsOnDevice] =
                m->net->forward(detail::crop(image, first, std::max<std::size_t>(rows, 16)).to(m->device));
            // Peaks are read on the CPU: a few numbers per chunk.
            const auto objectness = objectnessOnDevice.cpu(), extent = extentOnDevice.cpu(), cls = clsOnDevice.cpu();
            const auto probability = torch::sigmoid(objectness);
            const auto peaks = probability == torch::max_pool2d(probability, 3, 1, 1);
            const auto where = torch::nonzero((peaks & (probability >= minScore)).squeeze(0).squeeze(0));
            const auto classes = torch::softmax(cls, 1);
            for (long i = 0; i < where.size(0); ++i) {
                const long r = where[i][0].item<long>(), k = where[i][1].item<long>();
                const double centreRow = double(first) + r * 4 + 1.5;
                if (centreRow >= double(image.rows))
                    continue;
                // Each part of the line is read from the chunk where it is not at an edge.
                if (first > 0 && r * 4 < long(overlap / 2))
                    continue;
                const double pingsLong = std::exp(extent[0][0][r][k].item<double>());
                const double columnsWide = std::exp(extent[0][1][r][k].item<double>());
                const double centreColumn = k * 4 + 1.5;
                const std::size_t top = std::size_t(std::clamp(centreRow - pingsLong / 2, 0.0, double(image.rows - 1)));
                const std::size_t bottom =
                    std::size_t(std::clamp(centreRow + pingsLong / 2, double(top), double(image.rows - 1)));
                const int left = std::clamp(int(centreColumn - columnsWide / 2), 0, image.columns - 1);
                const int right = std::clamp(int(centreColumn + columnsWide / 2), left, image.columns - 1);
                const int shadow = shadowColumns(image, top, bottom, right);
                auto d = sonar::detectionFromBox(file, geo, side, top, bottom, left * c.across,
                                                 (right + 1) * c.across - 1, (right + 1 + shadow) * c.across, centreRow,
                                                 (centreColumn + 0.5) * c.across, image.binMetres,
                                                 2.0); // its box is sized for the object lying along the track
                d.detector = "cnn";
                d.score = probability[0][0][r][k].item<double>();
                d.scores["cnn"] = d.score;
                d.cls = c.classes[std::size_t(classes[0].select(1, r).select(1, k).argmax().item<long>())];
                found.push_back(d);
            }
            if (progress)
                progress((side + double(std::min(image.rows, first + chunk)) / double(image.rows)) / 2.0);
            if (first + chunk >= image.rows)
                break;
        }
    }
    // The same object seen from two chunks: kept once, with its better score.
    return sonar::fuseDetections({found});
}

void lookAtClassicalOnly(const CnnDetector& cnn, const sonar::SonarFile& file, std::vector<sonar::Detection>& found,
                         const std::function<void(const std::string&, double)>& progress, const std::atomic<bool>* stop)
{
    std::vector<sonar::Detection*> alone;
    for (auto& d : found)
        if (!d.scores.count("cnn") && !d.waterColumn) // the network reads the seabed only
            alone.push_back(&d);
    for (std::size_t i = 0; i < alone.size(); ++i) {
        if (stop && stop->load())
            return;
        auto& d = *alone[i];
        CnnDetector::ClassProposal view;
        try {
            view = cnn.classify(file, d.side, d.firstPing, d.lastPing, d.firstSample, d.lastSample);
        } catch (const Error&) {
            continue; // a box the network cannot be shown (off the file's pings): left unasked, as before
        }
        d.cnnClass = view.cls;
        d.cnnClassProbability = view.probability;
        d.cnnObjectness = view.objectness;
        if (d.cls.empty() && view.objectness >= sonar::kCnnSeesNoObjectBelow &&
            view.probability >= sonar::kCnnClassFilledFrom)
            d.cls = view.cls;
        if (progress)
            progress("cnn look", double(i + 1) / double(alone.size()));
    }
}

DetectedContacts detectContacts(const sonar::SonarFile& file, const ContactDetection& options,
                                const std::function<void(const std::string&, double)>& progress,
                                const std::atomic<bool>* stop)
{
    DetectedContacts out;
    std::optional<CnnDetector> cnn;
    if (options.useCnn) {
        const bool shipped = options.model.empty();
        const fs::path dir = shipped ? shippedDetectorDir() : fs::path(options.model);
        // A model asked for by name fails loudly, before any work; the shipped one (or one the
        // caller calls optional) stays out with a note where it cannot read the file.
        try {
            if (!shipped || fs::exists(dir / "weights.pt")) {
                cnn = CnnDetector::load(dir);
                cnn->checkFile(file);
            }
        } catch (const Error& e) {
            if (!shipped && !options.cnnOptional)
                throw;
            out.note = std::string("the CNN detector is left out: ") + e.what();
            cnn.reset();
        }
        if (cnn)
            if (const auto moved = cnn->useDevice(options.device); !moved.empty())
                out.note = moved;
    }
    std::vector<sonar::Detection> classical, learned;
    if (options.useClassical || !cnn)
        classical = sonar::detectClassical(
            file, options.classical,
            [&](double share) {
                if (progress)
                    progress("classical", share);
            },
            stop);
    if (cnn)
        learned = cnn->detect(
            file, options.minCnnScore,
            [&](double share) {
                if (progress)
                    progress("cnn", share);
            },
            stop);
    out.classical = classical.size();
    out.cnn = learned.size();
    out.detections = cnn ? sonar::fuseDetections({classical, learned}) : std::move(classical);
    sonar::absorbMooredShadows(file, out.detections);
    if (cnn)
        lookAtClassicalOnly(*cnn, file, out.detections, progress, stop);
    return out;
}

} // namespace fathom::ml
