#include "cli_sonar.h"

#include "common/atomicfile.h"
#include "common/error.h"
#include "common/timeformat.h"
#include "ml/cnndetector.h"
#include "project/contacts.h"
#include "series/csvloader.h"
#include "sonar/detector.h"
#include "sonar/georeference.h"
#include "sonar/simulator.h"
#include "sonar/sonarfile.h"
#include "sonar/watercolumn.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace fathom::cli {

namespace {

struct DetectArgs
{
    std::string file, out, truth, project, model;
    double minCnnScore = 0.35;
    bool cnnOnly = false, classicalOnly = false, noWaterColumn = false;
    std::string near, device = "auto";
    double radius = 15;
    sonar::ClassicalOptions options;
    bool json = false;
};

void writeCsv(const std::vector<sonar::Detection>& found, const std::string& path)
{
    AtomicFile out(path);
    auto& csv = out.stream();
    csv << "ping,side,sample,time,x,y,slant_range_m,ground_range_m,length_m,width_m,height_m,contrast,shadow_m,"
           "score,detector,class,detector_scores,cnn_objectness,above_seabed_m\n";
    char line[400];
    for (const auto& d : found) {
        std::snprintf(line, sizeof line, "%zu,%s,%d,%s,%.8f,%.8f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.3f,%s,%s,",
                      d.ping, d.side ? "starboard" : "port", d.sample, formatUtc(d.time, TimeStyle::IsoMillis).c_str(),
                      d.x, d.y, d.slantRange, d.groundRange, d.length, d.width, d.height, d.contrast, d.shadow, d.score,
                      d.detector.c_str(), d.cls.c_str());
        csv << line;
        std::string scores;
        for (const auto& [name, score] : d.scores)
            scores += (scores.empty() ? "" : ";") + name + "=" + std::to_string(score).substr(0, 5);
        // What the CNN made of a box it did not propose; empty where it was not asked.
        csv << scores << "," << (d.cnnClass.empty() ? std::string() : std::to_string(d.cnnObjectness).substr(0, 5))
            << ",";
        // Floating in the water column: how high above the seabed (0 where no shadow placed it).
        if (d.waterColumn) {
            std::snprintf(line, sizeof line, "%.2f", d.aboveSeabed);
            csv << line;
        }
        csv << "\n";
    }
    out.commit();
}

void writeGeoJson(const std::vector<sonar::Detection>& found, const std::string& path)
{
    nlohmann::json features = nlohmann::json::array();
    for (const auto& d : found)
        features.push_back(
            {{"type", "Feature"},
             {"geometry", {{"type", "Point"}, {"coordinates", {d.x, d.y}}}},
             {"properties",
              {{"ping", d.ping},
               {"side", d.side ? "starboard" : "port"},
               {"sample", d.sample},
               {"time", formatUtc(d.time, TimeStyle::IsoMillis)},
               {"ground_range_m", d.groundRange},
               {"length_m", d.length},
               {"width_m", d.width},
               {"height_m", d.height},
               {"score", d.score},
               {"detector", d.detector},
               {"class", d.cls},
               {"detector_scores", d.scores},
               {"cnn_objectness", d.cnnClass.empty() ? nlohmann::json() : nlohmann::json(d.cnnObjectness)},
               {"water_column", d.waterColumn},
               {"above_seabed_m", d.waterColumn ? nlohmann::json(d.aboveSeabed) : nlohmann::json()},
               {"status", "new"}}}});
    AtomicFile out(path);
    out.stream() << nlohmann::json{{"type", "FeatureCollection"}, {"features", features}}.dump(2) << "\n";
    out.commit();
}

// Detections against the simulator's truth.csv (ml::scoreAgainstTruth) as JSON.
nlohmann::json score(const std::vector<sonar::Detection>& found, const std::string& truthPath, std::size_t pings)
{
    const auto s = ml::scoreAgainstTruth(found, truthPath, pings);
    return {{"mine_like", s.mineLike},
            {"mine_like_found", s.mineLikeFound},
            {"recall_mine_like", s.recallMineLike},
            {"objects", s.objects},
            {"objects_found", s.objectsFound},
            {"false_alarms", s.falseAlarms},
            {"false_alarms_per_1000_pings", s.falseAlarmsPer1000},
            {"heights_compared", s.heightsCompared},
            {"heights_within_30_percent", s.heightsWithin30},
            {"height_ratio_median", s.heightRatioMedian},
            {"width_ratio_median", s.widthRatioMedian},
            {"length_ratio_median", s.lengthRatioMedian},
            {"sizes_compared", s.sizesCompared},
            {"widths_within_30_percent", s.widthsWithin30},
            {"lengths_within_30_percent", s.lengthsWithin30},
            {"classes_compared", s.classesCompared},
            {"classes_right", s.classesRight},
            {"false_alarms_cnn_sees_no_object", s.falseAlarmsCnnSeesNoObject},
            {"objects_only_where_cnn_sees_no_object", s.objectsOnlyWhereCnnSeesNoObject},
            {"moored", s.moored},
            {"moored_found", s.mooredFound}};
}

// The detectors with a progress line on stderr.
std::vector<sonar::Detection> runDetectors(const sonar::SonarFile& file, const ml::ContactDetection& options)
{
    std::string running;
    const auto result = ml::detectContacts(file, options, [&](const std::string& detector, double share) {
        if (detector != running && !running.empty())
            std::fprintf(stderr, "\n");
        running = detector;
        std::fprintf(stderr, "\r%s… %3.0f %%", detector.c_str(), 100 * share);
    });
    std::fprintf(stderr, "\n");
    if (!result.note.empty())
        std::fprintf(stderr, "fathom-cli: %s\n", result.note.c_str());
    if (options.useCnn && options.useClassical)
        std::fprintf(stderr, "%zu classical, %zu cnn\n", result.classical, result.cnn);
    return result.detections;
}

// Where a known object (PING:SIDE:SAMPLE, side 0 port or 1 starboard) ranks among the contacts:
// the first, by score, whose position lies within `radius` metres of it on the seabed.
nlohmann::json rankNear(const sonar::SonarFile& file, std::vector<sonar::Detection> found, const std::string& near,
                        double radius)
{
    long long ping = 0;
    int side = 0, sample = 0;
    if (std::sscanf(near.c_str(), "%lld:%d:%d", &ping, &side, &sample) != 3 || ping < 0 ||
        std::size_t(ping) >= file.pingCount() || (side != 0 && side != 1))
        throw Error("--near " + near + ": expected PING:SIDE:SAMPLE with a ping of the file and side 0 or 1");
    const sonar::Georeferencer geo(file);
    const auto info = file.pingInfo(std::size_t(ping));
    const double range =
        geo.groundRange(std::size_t(ping), (sample + 0.5) * info.slantRange / std::max(1, info.samples));
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
    nlohmann::json top = nlohmann::json::array();
    int rank = 0;
    for (std::size_t i = 0; i < found.size(); ++i) {
        const auto& d = found[i];
        const double metres = geo.distance(double(d.ping), d.side, d.groundRange, double(ping), side, range);
        if (!rank && metres <= radius)
            rank = int(i) + 1;
        if (i < 3)
            top.push_back({{"ping", d.ping},
                           {"side", d.side},
                           {"sample", d.sample},
                           {"score", d.score},
                           {"detector", d.detector},
                           {"metres_away", metres}});
    }
    std::fprintf(
        stderr, "%s: %s\n", near.c_str(),
        rank ? ("rank " + std::to_string(rank) + " (the first contact within " + std::to_string(int(radius)) + " m)")
                   .c_str()
             : "no contact within the radius");
    return {{"rank", rank}, {"radius_m", radius}, {"top3", top}};
}

void detectCommand(const DetectArgs& args)
{
    const auto file = sonar::open(args.file);
    ml::ContactDetection detection;
    detection.classical = args.options;
    detection.model = args.model;
    detection.minCnnScore = args.minCnnScore;
    detection.useClassical = !args.cnnOnly;
    detection.useCnn = !args.classicalOnly;
    detection.device = args.device;
    const auto found = runDetectors(*file, detection);
    std::fprintf(stderr, "%zu contacts in %zu pings\n", found.size(), file->pingCount());
    if (!args.out.empty()) {
        if (args.out.ends_with(".geojson") || args.out.ends_with(".json"))
            writeGeoJson(found, args.out);
        else
            writeCsv(found, args.out);
    }
    nlohmann::json summary = {{"file", args.file}, {"pings", file->pingCount()}, {"contacts", found.size()}};
    if (!args.project.empty()) {
        // Into a project (made when absent): what the analyst reviewed there stays.
        project::Project p;
        if (std::filesystem::exists(args.project))
            p = project::load(args.project);
        if (p.survey.empty())
            p.survey = std::filesystem::absolute(args.file);
        std::vector<project::ContactRecord> records;
        for (const auto& d : found)
            records.push_back(project::contactFromDetection(d));
        p.contacts = project::mergeContacts(p.contacts, records);
        p.detection = {args.options, args.minCnnScore}; // what proposed them, used again next time
        project::save(p, args.project);
        std::fprintf(stderr, "%s: %zu contacts\n", args.project.c_str(), p.contacts.size());
        summary["project_contacts"] = p.contacts.size();
    }
    if (!args.truth.empty()) {
        summary["truth"] = score(found, args.truth, file->pingCount());
        const auto& t = summary["truth"];
        std::fprintf(stderr,
                     "mine-like found %d/%d (recall %.2f), all objects %d/%d, false alarms %d (%.2f per 1,000 pings)\n",
                     t["mine_like_found"].get<int>(), t["mine_like"].get<int>(), t["recall_mine_like"].get<double>(),
                     t["objects_found"].get<int>(), t["objects"].get<int>(), t["false_alarms"].get<int>(),
                     t["false_alarms_per_1000_pings"].get<double>());
        std::fprintf(stderr,
                     "heights from the shadow within 30 %% of the truth: %d/%d (median detected/true %.2f); "
                     "widths across and lengths along the track within 30 %% of the object's extent: %d and %d of "
                     "%d (medians %.2f and %.2f)\n",
                     t["heights_within_30_percent"].get<int>(), t["heights_compared"].get<int>(),
                     t["height_ratio_median"].get<double>(), t["widths_within_30_percent"].get<int>(),
                     t["lengths_within_30_percent"].get<int>(), t["sizes_compared"].get<int>(),
                     t["width_ratio_median"].get<double>(), t["length_ratio_median"].get<double>());
        std::fprintf(stderr, "classes right: %d of the %d objects found with one\n", t["classes_right"].get<int>(),
                     t["classes_compared"].get<int>());
        if (t["moored"].get<int>() > 0)
            std::fprintf(stderr, "moored in the water column: %d of %d found\n", t["moored_found"].get<int>(),
                         t["moored"].get<int>());
        if (detection.useCnn && detection.useClassical)
            std::fprintf(stderr,
                         "the CNN sees no object in %d of the %d false alarms; %d objects were found only by boxes it "
                         "sees no object in\n",
                         t["false_alarms_cnn_sees_no_object"].get<int>(), t["false_alarms"].get<int>(),
                         t["objects_only_where_cnn_sees_no_object"].get<int>());
    }
    if (!args.near.empty())
        summary["near"] = rankNear(*file, found, args.near, args.radius);
    if (args.json)
        std::cout << summary.dump(2) << "\n";
}

void benchDetect(std::uint64_t seed, int pings, const std::string& jsonOut)
{
    // A line the thresholds were never tuned on, written fresh, then timed from opening it.
    const auto dir = std::filesystem::temp_directory_path() / ("fathom-bench-detect-" + std::to_string(::getpid()));
    sonar::SurveySimulator::Options options;
    options.seed = seed;
    options.pings = pings;
    std::cerr << "bench: writing a " << pings << "-ping survey (seed " << seed << ")\n";
    const auto files = sonar::writeDemoSurvey(dir, options);
    auto time = [](auto&& work) {
        const auto start = std::chrono::steady_clock::now();
        auto value = work();
        return std::pair{std::move(value),
                         std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
    };
    // Each detector from opening the file: decoding and normalising are part of its time.
    auto [classical, seconds] = time([&] { return sonar::detectClassical(*sonar::open(files[0])); });
    const auto file = sonar::open(files[0]);
    file->waitComplete(); // large files index in the background
    nlohmann::json result = score(classical, files[1].string(), file->pingCount());
    result["pings"] = file->pingCount();
    result["samples_per_side"] = file->pingInfo(0).samples;
    result["seconds"] = seconds;
    result["seed"] = seed;
    result["detector"] = "classical";
    std::printf("classical detector: %zu pings x 2 x %d samples decoded, normalised and detected in %.2f s; "
                "mine-like recall %.2f, %.2f false alarms per 1,000 pings\n",
                file->pingCount(), file->pingInfo(0).samples, seconds, result["recall_mine_like"].get<double>(),
                result["false_alarms_per_1000_pings"].get<double>());
    if (std::filesystem::exists(ml::shippedDetectorDir() / "weights.pt")) {
        const auto cnn = ml::CnnDetector::load(ml::shippedDetectorDir());
        auto [learned, cnnSeconds] = time([&] { return cnn.detect(*sonar::open(files[0])); });
        auto cnnScore = score(learned, files[1].string(), file->pingCount());
        cnnScore["seconds"] = cnnSeconds;
        // Fused as `detect` fuses: the classical detector's boxes the CNN did not propose shown to it.
        auto [fused, lookSeconds] = time([&] {
            auto both = sonar::fuseDetections({classical, learned});
            sonar::absorbMooredShadows(*file, both);
            ml::lookAtClassicalOnly(cnn, *file, both);
            return both;
        });
        auto fusedScore = score(fused, files[1].string(), file->pingCount());
        fusedScore["seconds"] = seconds + cnnSeconds + lookSeconds;
        fusedScore["cnn_look_seconds"] = lookSeconds;
        std::printf("cnn detector: %.2f s; mine-like recall %.2f, %.2f false alarms per 1,000 pings\n"
                    "fused: %.2f s (the CNN's look at the classical detector's own boxes included); mine-like recall "
                    "%.2f, %.2f false alarms per 1,000 pings\n",
                    cnnSeconds, cnnScore["recall_mine_like"].get<double>(),
                    cnnScore["false_alarms_per_1000_pings"].get<double>(), seconds + cnnSeconds + lookSeconds,
                    fusedScore["recall_mine_like"].get<double>(),
                    fusedScore["false_alarms_per_1000_pings"].get<double>());
        result["cnn"] = cnnScore;
        result["fused"] = fusedScore;
        // On a GPU the same CNN again, for the speed-up (the first pass warms CUDA up).
        auto onGpu = ml::CnnDetector::load(ml::shippedDetectorDir());
        onGpu.setDevice("auto");
        if (onGpu.device() != "cpu") {
            onGpu.detect(*file);
            auto [gpuFound, gpuSeconds] = time([&] { return onGpu.detect(*sonar::open(files[0])); });
            result["cnn_gpu"] = {{"device", onGpu.device()},
                                 {"seconds", gpuSeconds},
                                 {"detections", gpuFound.size()},
                                 {"speedup", cnnSeconds / gpuSeconds}};
            std::printf("cnn detector on %s: %.3f s (%.1f x the CPU)\n", onGpu.device().c_str(), gpuSeconds,
                        cnnSeconds / gpuSeconds);
        }
    }
    if (!jsonOut.empty()) {
        AtomicFile out(jsonOut);
        out.stream() << result.dump(2) << "\n";
        out.commit();
    }
    std::filesystem::remove_all(dir);
}

} // namespace

// `fathom-cli bench detect`.
void addDetectBench(CLI::App& bench)
{
    auto seed = std::make_shared<std::uint64_t>(7);
    auto pings = std::make_shared<int>(10000);
    auto json = std::make_shared<std::string>();
    auto* cmd = bench.add_subcommand("detect", "Decode, normalise and detect on a simulated 10,000-ping survey");
    cmd->add_option("--seed", *seed, "Simulator seed (1 and 2 tuned the thresholds)");
    cmd->add_option("--pings", *pings, "Pings in the line");
    cmd->add_option("--json-out", *json, "Write the figures as JSON here");
    cmd->callback([=] { benchDetect(*seed, *pings, *json); });
}

void addDetectCommand(CLI::App& app, const StartupOptions& startup)
{
    if (const auto bench = app.get_subcommand_ptr("bench"))
        addDetectBench(*bench);
    auto a = std::make_shared<DetectArgs>();
    auto* cmd = app.add_subcommand("detect", "Propose contacts in a sidescan file (highlight and shadow)");
    cmd->add_option("file", a->file, "XTF, JSF or picture")->required();
    cmd->add_option("--out", a->out, "contacts.csv, or .geojson for GIS");
    cmd->add_option("--truth", a->truth, "The simulator's truth.csv: print recall and false alarms");
    cmd->add_flag("--json", a->json, "Print a JSON summary");
    cmd->add_option("--model", a->model,
                    "A CNN detector folder (train-detector); default: the shipped one. Its boxes are fused with the "
                    "classical ones");
    cmd->add_option("--min-cnn-score", a->minCnnScore, "Lowest CNN score kept (0..1)");
    cmd->add_flag("--cnn-only", a->cnnOnly, "The CNN's boxes alone, no classical detector");
    cmd->add_flag("--classical-only", a->classicalOnly, "The classical detector alone, without the shipped CNN");
    cmd->add_option("--project", a->project,
                    "Add the contacts to a .fathom project (made when absent; reviewed contacts stay)");
    cmd->add_option("--highlight", a->options.highlight, "Highlight threshold, times the local mean");
    cmd->add_option("--shadow-level", a->options.shadowLevel, "Shadow threshold, times the local mean");
    cmd->add_option("--min-shadow", a->options.minShadowMetres, "Shortest shadow kept, metres");
    cmd->add_option("--min-score", a->options.minScore, "Lowest score kept (0..1)");
    cmd->add_option("--window", a->options.localWindow, "Pings and samples in the local mean");
    cmd->add_option("--coarse", a->options.coarseScale,
                    "Coarse pass for large objects: n × n pixels averaged (default 4; 0 or 1: none)");
    cmd->add_flag("--no-water-column", a->noWaterColumn, "Do not look into the water column for moored objects");
    cmd->add_option("--near", a->near, "PING:SIDE:SAMPLE of a known object: print where it ranks among the contacts");
    cmd->add_option("--radius", a->radius, "Metres from --near within which a contact is that object")->default_val(15);
    cmd->callback([a, cmd, &startup] {
        // Config, threads and the device as for every engine command (fathom-cli --device/--env/--set).
        const auto started = fathom::start(startup);
        a->device = started->devices->active().id;
        // Into a project: its detection settings (Tools → Detection Settings), each flag given over them.
        const auto given = [cmd](const char* flag) { return cmd->count(flag) > 0; };
        if (!a->project.empty() && std::filesystem::exists(a->project)) {
            const auto saved = project::load(a->project).detection;
            auto& o = a->options;
            o.highlight = given("--highlight") ? o.highlight : saved.classical.highlight;
            o.shadowLevel = given("--shadow-level") ? o.shadowLevel : saved.classical.shadowLevel;
            o.minShadowMetres = given("--min-shadow") ? o.minShadowMetres : saved.classical.minShadowMetres;
            o.minScore = given("--min-score") ? o.minScore : saved.classical.minScore;
            o.coarseScale = given("--coarse") ? o.coarseScale : saved.classical.coarseScale;
            a->noWaterColumn = given("--no-water-column") || !saved.classical.waterColumn.enabled;
            o.waterColumn.highlight = saved.classical.waterColumn.highlight; // no flag: the project's
            a->minCnnScore = given("--min-cnn-score") ? a->minCnnScore : saved.minCnnScore;
        }
        a->options.waterColumn.enabled = !a->noWaterColumn;
        project::DetectionRecord settings{a->options, a->minCnnScore};
        if (const auto wrong = project::checkDetection(settings); !wrong.empty())
            throw Error("detect: " + wrong);
        detectCommand(*a);
    });
}

} // namespace fathom::cli
