#pragma once

#include "sonarfile.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <map>
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
    double score = 0;                         // 0..1; fused: the ensemble's
    std::string detector = "classical";       // "classical", "cnn" or "fused"
    std::string cls;                          // the CNN's class; empty from the classical detector
    std::map<std::string, double> scores;     // each detector's own score (fused detections: all of them)
    // Nearer than the seabed: floating in the water column (a moored object). Its ground range is
    // then how far out it floats, and `aboveSeabed` how high, both from where its shadow falls on
    // the seabed (0: no shadow found, its ground range 0 too).
    bool waterColumn = false;
    double aboveSeabed = 0;
    // What the CNN made of a box it did not propose itself (the classical detector's alone), looked at
    // after the fusion: how likely an object is there, and the class it takes it for with that class's
    // probability. Empty `cnnClass`: not looked at (no CNN ran, or the CNN proposed this box).
    std::string cnnClass;
    double cnnClassProbability = 0, cnnObjectness = 0;

    bool cnnSeesNoObject() const;
};

// What the CNN makes of a box it is shown: below this likelihood of an object it sees none there; a
// class it gives at least kCnnClassFilledFrom is filled in as the contact's class.
inline constexpr double kCnnSeesNoObjectBelow = 0.1, kCnnClassFilledFrom = 0.5;

inline bool Detection::cnnSeesNoObject() const
{
    return !cnnClass.empty() && cnnObjectness < kCnnSeesNoObjectBelow;
}

// The classical detector's look into the water column (watercolumn.h), for moored objects.
struct WaterColumnOptions
{
    bool enabled = true;
    std::size_t tilePings = 512;
    double highlight = 8.0;          // times the water column's median at that range
    double ofSeabed = 0.5;           // and at least this share of the seabed's median echo
    double blankingMetres = 0.5;     // nearer is the transmit pulse's ringing
    double seabedMarginMetres = 0.5; // nearer the seabed's first return than this is left to it
    int minPixels = 6;
    double maxMetres = 6; // longer along the track or wider: the surface's return, not an object
    double minScore = 0.25;
    bool operator==(const WaterColumnOptions&) const = default;
};

// The classical detector: on gain-normalised slant-range pings, a highlight clearly above its
// surroundings (a local, CFAR-style threshold) followed along range by an acoustic shadow
// clearly below them. The score grows with the highlight's contrast and the shadow's length.
// Boxes its measure puts nearer than the seabed are left to its look into the water column
// (watercolumn.h), which proposes the moored objects there.
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
    int coarseScale = 4;  // > 1: also a pass with scale × scale pixels averaged, for large objects (wrecks)
    WaterColumnOptions waterColumn;
    bool operator==(const ClassicalOptions&) const = default;
};

// One side of a file's pings gain-normalised: each range bin divided by its mean over the pings
// (1 = the seabed's level), the water column set to 1. Rows are pings first..last, nadir first.
struct NormalisedPings
{
    std::size_t first = 0, rows = 0;
    int samples = 0;
    double binMetres = 0; // slant range per sample
    std::vector<float> values;
};
NormalisedPings normalisedPings(const SonarFile& file, int side, std::size_t first, std::size_t last);

class Georeferencer;
// A box found in one side's pings as a detection: centre, time, position with layback, slant and
// ground range, length, width and (from the shadow behind it, `shadowEnd` samples) height, all
// measured on the samples. `lookBefore` metres before the box's near edge are searched for the
// object's highlight too: a box predicted for the object unturned (the CNN's) may start inside it,
// one drawn round the bright blob (the classical detector's) does not.
Detection detectionFromBox(const SonarFile& file, const Georeferencer& geo, int side, std::size_t firstPing,
                           std::size_t lastPing, int firstSample, int lastSample, int shadowEnd, double centrePing,
                           double centreSample, double binMetres, double lookBefore = 0);

// A box the analyst drew round an object on the waterfall — pings `firstPing`..`lastPing` on one
// side, slant range `nearSlant`..`farSlant` metres — measured as the detectors' boxes are: centred
// on the object's highlight (not on the box, which may hold its shadow), length and width from the
// pings and samples it lights, height from its shadow; the box grows to hold them. Proposed by
// "analyst" with score 1. Throws Error naming the file when it has no pings.
Detection detectionFromDrawnBox(const SonarFile& file, const Georeferencer& geo, int side, std::size_t firstPing,
                                std::size_t lastPing, double nearSlant, double farSlant);

// Whether two detections are of one object: the same side, within 20 pings and 30 samples.
bool sameObject(int sideA, long long pingA, int sampleA, int sideB, long long pingB, int sampleB);

// Detectors' boxes merged into contacts: boxes on the same side that overlap (or whose centres are
// within 20 pings and 30 samples) become one detection with each detector's score kept and an
// ensemble score of 1 - Π(1 - score) (noisy-or); the class comes from the detector that has one,
// the box from the best-scored member. Boxes found by one detector keep their own score.
std::vector<Detection> fuseDetections(const std::vector<std::vector<Detection>>& byDetector);
// 1 - Π(1 - score): how likely at least one detector is right, were they independent.
double noisyOr(const std::map<std::string, double>& scores);

// Throws Error when the file has no sidescan channels. `progress` gets the share done (0..1);
// `stop` ends early with what was found so far.
std::vector<Detection> detectClassical(const SonarFile& file, const ClassicalOptions& options = {},
                                       const std::function<void(double)>& progress = {},
                                       const std::atomic<bool>* stop = nullptr);

} // namespace fathom::sonar
