#pragma once

#include "sonarfile.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace fathom::sonar {

// A proposed contact: where it is, how big, and why the detector believes it.
struct Detection
{
    std::size_t ping = 0; // the centre
    int side = 0;         // 0 port, 1 starboard
    int sample = 0;       // centre of the highlight, nadir first
    std::size_t firstPing = 0, lastPing = 0;
    int firstSample = 0, lastSample = 0; // the box, highlight and shadow
    double time = 0;
    double x = 0, y = 0; // longitude and latitude (or easting and northing), with layback
    double slantRange = 0, groundRange = 0;
    double length = 0, width = 0, height = 0; // metres: along track, across, from the shadow
    double contrast = 0;                      // the highlight over its surroundings
    double shadow = 0;                        // metres of acoustic shadow behind it
    double score = 0;                         // 0..1
    std::string detector = "classical";
};

// The classical detector: on gain-normalised slant-range pings, a highlight clearly above its
// surroundings (a local, CFAR-style threshold) followed along range by an acoustic shadow
// clearly below them. The score grows with the highlight's contrast and the shadow's length.
struct ClassicalOptions
{
    std::size_t tilePings = 512; // pings normalised together
    // Tuned on simulated seeds 1 and 2 only; docs/BENCHMARKS.md scores them on other seeds.
    double highlight = 2.0;       // times the local mean
    double shadowLevel = 0.75;    // times the local mean
    double minShadowMetres = 0.4; // shorter shadows are texture
    int minHighlightPixels = 6;
    double minScore = 0.25;
    int localWindow = 41; // pings and samples in the local mean each pixel is held against
};

// Throws Error when the file has no sidescan channels. `progress` gets the share done (0..1);
// `stop` ends early with what was found so far.
std::vector<Detection> detectClassical(const SonarFile& file, const ClassicalOptions& options = {},
                                       const std::function<void(double)>& progress = {},
                                       const std::atomic<bool>* stop = nullptr);

} // namespace fathom::sonar
