#include "sonarbench.h"

#include "common/error.h"
#include "simulator.h"
#include "sonarfile.h"
#include "waterfall.h"
#include "xtfwriter.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <thread>
#include <unistd.h>

namespace fathom::sonar {

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::uint64_t residentBytes()
{
    std::ifstream statm("/proc/self/statm");
    std::uint64_t size = 0, resident = 0;
    statm >> size >> resident;
    return resident * std::uint64_t(sysconf(_SC_PAGESIZE));
}

// A long line from a few hundred simulated pings written over and over with new numbers and
// times: the file has the size and packet structure of a real day's recording in seconds.
} // namespace

void writeBenchFile(const std::filesystem::path& path, std::uint64_t bytes)
{
    SurveySimulator::Options sim;
    sim.pings = 500;
    const SurveySimulator simulator(sim);
    std::vector<PingInfo> pings;
    std::vector<std::vector<std::vector<float>>> samples;
    for (int i = 0; i < sim.pings; ++i) {
        pings.push_back(simulator.ping(std::size_t(i)));
        samples.push_back(simulator.samples(std::size_t(i)));
    }
    XtfWriter::Options options;
    options.channels = {{0, Side::Port, "PORT", SampleFormat::U16, 455000.0},
                        {1, Side::Starboard, "STARBOARD", SampleFormat::U16, 455000.0}};
    XtfWriter writer(path, options);
    const std::uint64_t perPing = 256 + 2 * (64 + 2 * std::uint64_t(sim.samples));
    const std::uint64_t count = std::max<std::uint64_t>(1, bytes / perPing);
    for (std::uint64_t i = 0; i < count; ++i) {
        PingInfo ping = pings[i % pings.size()];
        ping.number = std::uint32_t(i);
        ping.time = sim.startTime + double(i) * sim.pingInterval;
        writer.write(ping, samples[i % samples.size()]);
    }
    writer.close();
}

namespace {

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5))];
}

} // namespace

SonarBenchResult runSonarBench(const SonarBenchOptions& options)
{
    auto say = [&](const std::string& text) {
        if (options.progress)
            options.progress(text);
    };
    SonarBenchResult result;
    std::filesystem::path path = options.file;
    if (path.empty()) {
        std::filesystem::create_directories(options.workDir);
        path = options.workDir / "bench.xtf";
        say("writing a " + std::to_string(options.sizeMegabytes) + " MB XTF to " + path.string());
        const auto start = Clock::now();
        writeBenchFile(path, options.sizeMegabytes << 20);
        result.writeSeconds = since(start);
    }
    result.file = path.string();
    result.bytes = std::filesystem::file_size(path);

    if (options.cold) {
        ::sync();
        std::ofstream drop("/proc/sys/vm/drop_caches");
        drop << "3\n";
        drop.flush();
        result.coldCache = bool(drop);
        say(result.coldCache ? "page cache dropped" : "could not drop the page cache (not root?): measuring warm");
    }
    say("opening and rendering the first screen");
    const auto start = Clock::now();
    auto file = open(path);
    RenderOptions view;
    view.columnsPerSide = options.viewWidth / 2;
    view.lastPing = std::size_t(options.viewHeight);
    renderWaterfall(*file, view);
    result.firstScreenSeconds = since(start);
    result.residentAfterFirstScreen = residentBytes();
    file->waitComplete(); // the rest of the index came in the background meanwhile
    result.indexSeconds = since(start);
    result.pings = file->pingCount();

    say("averaging levels for zoomed-out views");
    const auto pyramidStart = Clock::now();
    const auto pyramid = WaterfallPyramid::build(*file);
    result.pyramidSeconds = since(pyramidStart);

    say("rendering views at every zoom");
    std::mt19937 random(7);
    for (std::size_t inView = std::size_t(options.viewHeight);; inView *= 10) {
        inView = std::min(inView, result.pings);
        std::vector<double> ms;
        for (int frame = 0; frame < options.framesPerZoom; ++frame) {
            RenderOptions o;
            o.columnsPerSide = options.viewWidth / 2;
            o.firstPing = result.pings > inView ? random() % (result.pings - inView) : 0;
            o.lastPing = o.firstPing + inView;
            o.pingStep = std::max<std::size_t>(1, inView / std::size_t(options.viewHeight));
            o.groundRange = frame % 2 == 1;
            o.pyramid = pyramid.get();
            const auto t = Clock::now();
            renderWaterfall(*file, o);
            ms.push_back(since(t) * 1000.0);
        }
        result.zooms.push_back({inView, percentile(ms, 0.5), percentile(ms, 0.99)});
        if (inView >= result.pings)
            break;
    }

    say("decoding every ping");
    result.decodeThreads = int(std::max(1u, std::thread::hardware_concurrency()));
    const auto decodeStart = Clock::now();
    std::vector<std::thread> workers;
    std::vector<double> sums(std::size_t(result.decodeThreads), 0.0);
    for (int t = 0; t < result.decodeThreads; ++t)
        workers.emplace_back([&, t] {
            double sum = 0;
            for (std::size_t p = std::size_t(t); p < result.pings; p += std::size_t(result.decodeThreads))
                for (int c = 0; c < int(file->channels().size()); ++c)
                    sum += file->samples(p, c)[0];
            sums[std::size_t(t)] = sum; // keeps the decoding from being optimised away
        });
    for (auto& w : workers)
        w.join();
    result.decodeSeconds = since(decodeStart);
    result.peakResident = residentBytes();
    return result;
}

std::string SonarBenchResult::json() const
{
    nlohmann::json zoomList = nlohmann::json::array();
    for (const auto& z : zooms)
        zoomList.push_back({{"pings_in_view", z.pingsInView}, {"p50_ms", z.p50Ms}, {"p99_ms", z.p99Ms}});
    return nlohmann::json{{"file", file},
                          {"bytes", bytes},
                          {"pings", pings},
                          {"write_s", writeSeconds},
                          {"cold_cache", coldCache},
                          {"index_s", indexSeconds},
                          {"index_gb_per_s", indexGBps()},
                          {"decode_s", decodeSeconds},
                          {"decode_threads", decodeThreads},
                          {"decode_gb_per_s", decodeGBps()},
                          {"first_screen_s", firstScreenSeconds},
                          {"pyramid_s", pyramidSeconds},
                          {"resident_after_first_screen_bytes", residentAfterFirstScreen},
                          {"peak_resident_bytes", peakResident},
                          {"frames", zoomList}}
        .dump(2);
}

std::string SonarBenchResult::text() const
{
    char line[256];
    std::string out;
    std::snprintf(line, sizeof line, "file %s: %.2f GB, %zu pings, %s page cache\n", file.c_str(), bytes / 1e9, pings,
                  coldCache ? "cold" : "warm");
    out += line;
    std::snprintf(line, sizeof line,
                  "index complete after %.3f s (%.2f GB/s); decode every sample %.3f s on %d threads (%.2f GB/s)\n",
                  indexSeconds, indexGBps(), decodeSeconds, decodeThreads, decodeGBps());
    out += line;
    std::snprintf(line, sizeof line, "first screen %.3f s, resident %.0f MB then; peak resident %.0f MB\n",
                  firstScreenSeconds, residentAfterFirstScreen / 1048576.0, peakResident / 1048576.0);
    out += line;
    std::snprintf(line, sizeof line, "averaged levels for zoomed-out views built in %.3f s\n", pyramidSeconds);
    out += line;
    for (const auto& z : zooms) {
        std::snprintf(line, sizeof line, "view of %zu pings: p50 %.1f ms, p99 %.1f ms\n", z.pingsInView, z.p50Ms,
                      z.p99Ms);
        out += line;
    }
    return out;
}

} // namespace fathom::sonar
