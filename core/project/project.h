#pragma once

#include "common/alertrules.h"
#include "common/modelsizes.h"
#include "sonar/detector.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fathom::project {

// One alert as the analyst reviewed it. Times are seconds since 1970 UTC (or row numbers for
// series without time); rows index the series the alert was found in.
struct AlertRecord
{
    double start = 0, end = 0, peak = 0;
    long long startRow = 0, endRow = 0, peakRow = 0;
    double score = 0;
    std::string channels, model;
    std::string status = "new"; // "new", "confirmed", "rejected"
    std::string note;
};

// A sidescan contact as the analyst reviewed it (proposed by a detector or marked by hand).
struct ContactRecord
{
    long long ping = 0;
    int side = 0; // 0 port, 1 starboard
    int sample = 0;
    double time = 0;
    double x = 0, y = 0; // longitude and latitude, or easting and northing
    double groundRange = 0, length = 0, width = 0, height = 0;
    // The box drawn on the waterfall: pings, and slant and ground range (metres) across.
    long long firstPing = 0, lastPing = 0;
    double nearSlant = 0, farSlant = 0, nearGround = 0, farGround = 0;
    std::string cls;           // "cylinder", "cone", "sphere", "rock", "debris", "wreck", or empty
    std::string proposedClass; // the class the detectors proposed with it (the analyst may change cls)
    double score = 0;          // the ensemble's, or the only detector's
    std::string detector;      // who proposed it: "classical", "cnn", "fused", "analyst"
    std::map<std::string, double> detectorScores; // each detector's own score, by detector
    std::string status = "new";                   // "new", "confirmed", "rejected"
    std::string note;
    // What the CNN made of a box it did not propose (one the analyst marked, or the classical
    // detector's alone): the class it took the object for, that class's probability and how likely
    // the box holds an object at all. Empty class: not asked (the CNN's own contact, no CNN ran, or
    // a file the network cannot read).
    std::string cnnClass;
    double cnnClassProbability = 0, cnnObjectness = 0;

    // The CNN was asked and saw no object in the box (bare seabed reads about 0.01 to it, objects
    // mostly 0.5 or more; docs/BENCHMARKS.md).
    bool cnnSeesNoObject() const { return !cnnClass.empty() && cnnObjectness < sonar::kCnnSeesNoObjectBelow; }
    // Floating in the water column (a moored object): no height, its width in slant range; its
    // ground range how far out it floats and `aboveSeabed` how high, from where its shadow falls on
    // the seabed (both 0 where no shadow was found). Projects from before the flag: ground range 0.
    bool waterColumn = false;
    double aboveSeabed = 0;
    bool inWaterColumn() const { return waterColumn || (groundRange <= 0 && farSlant > 0); }
    double slantRange() const { return 0.5 * (nearSlant + farSlant); } // the middle of its box
};

// The training settings last used, so a retrain starts from them.
struct TrainingRecord
{
    std::string target, labels;
    std::vector<std::string> models, skip;
    int lookback = 32, epochs = 12, batch = 32;
    double learningRate = 2e-3;
    int accumulate = 1;
    std::string split; // as `ts train --split` takes it; empty: the default 70/15/15
    ModelSizes sizes;  // dropout and PatchTST's shape
    // The files trained on as one data set, in order, where they are not just the series.
    std::vector<std::filesystem::path> data;
};

// How the detectors look for contacts in this survey (Tools → Detection Settings; `fathom-cli detect
// --project` starts from them too): the classical detector's thresholds, its coarse pass and its
// look into the water column, and the lowest CNN score kept.
struct DetectionRecord
{
    sonar::ClassicalOptions classical;
    double minCnnScore = 0.35;
    bool operator==(const DetectionRecord&) const = default;
};
// Empty when the settings can be used, else what is wrong with them ("highlight must be …").
std::string checkDetection(const DetectionRecord& detection);

// A survey project: what was opened, which models were trained and which is active, the alerts
// and their review, and where the analyst was looking. Paths inside the project's folder are
// stored relative to it, so a project folder can move as a whole.
struct Project
{
    std::filesystem::path survey, series, modelsFolder, activeModel;
    std::filesystem::path detectorModel; // the CNN detector retrained for this project; empty: the shipped one
    TrainingRecord training;
    DetectionRecord detection;
    // How the models' scores become alerts where the analyst changed it (Tools → Alert
    // Settings); absent: the rules each model was calibrated with.
    std::optional<AlertRules> alertRules;
    std::vector<AlertRecord> alerts;
    std::vector<ContactRecord> contacts;
    std::vector<std::string> visibleChannels;
    double viewStart = 0, viewEnd = 0; // the series plot's x range; equal when unset
    long long ping = -1;               // the ping the waterfall showed
};

// Atomic: a temporary file renamed over the old one. Throws Error naming the file.
void save(const Project& project, const std::filesystem::path& file);
// Throws Error naming the file and what is wrong with it.
Project load(const std::filesystem::path& file);

} // namespace fathom::project
