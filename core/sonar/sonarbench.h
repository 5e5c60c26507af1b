#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace fathom::sonar {

// `fathom-cli bench sonar`: how fast a large XTF opens, decodes and renders.
struct SonarBenchOptions
{
    std::filesystem::path file; // empty: write one of `sizeMegabytes` into `workDir`
    std::filesystem::path workDir;
    std::uint64_t sizeMegabytes = 1024;
    int viewWidth = 1000; // pixels, both sides
    int viewHeight = 800; // rows
    int framesPerZoom = 40;
    bool cold = false; // drop the page cache first (needs root); reported either way
    std::function<void(const std::string&)> progress;
};

struct SonarBenchResult
{
    std::string file;
    std::uint64_t bytes = 0;
    std::size_t pings = 0;
    double writeSeconds = 0; // 0 when the file was given
    bool coldCache = false;  // the page cache was dropped before opening
    double indexSeconds = 0;
    double decodeSeconds = 0; // every sample of every ping, all cores
    int decodeThreads = 1;
    double firstScreenSeconds = 0; // open + index + the first view rendered
    double pyramidSeconds = 0;     // averaged levels for zoomed-out views, built after indexing
    std::uint64_t residentAfterFirstScreen = 0;
    struct Zoom
    {
        std::size_t pingsInView = 0;
        double p50Ms = 0;
        double p99Ms = 0;
    };
    std::vector<Zoom> zooms;
    std::uint64_t peakResident = 0;

    double indexGBps() const { return indexSeconds > 0 ? bytes / indexSeconds / 1e9 : 0; }
    double decodeGBps() const { return decodeSeconds > 0 ? bytes / decodeSeconds / 1e9 : 0; }
    std::string json() const;
    std::string text() const;
};

SonarBenchResult runSonarBench(const SonarBenchOptions& options);
// The large file alone: a long line of simulated pings, `bytes` in size.
void writeBenchFile(const std::filesystem::path& path, std::uint64_t bytes);

} // namespace fathom::sonar
