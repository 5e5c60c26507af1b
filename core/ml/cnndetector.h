#pragma once

#include "sonar/detector.h"
#include "sonar/sonarfile.h"
#include "trainer.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace fathom::project {
struct ContactRecord;
}

namespace fathom::ml {

// The CNN detector: a small fully convolutional network over gain-normalised pings (one side at a
// time, nadir first, so port and starboard look alike) that predicts, every 4 pings × 4 columns,
// how likely an object's centre is there, the object's extent and its class.
struct CnnDetectorConfig
{
    std::vector<std::string> classes{"cylinder", "cone", "sphere", "rock", "debris", "wreck"};
    int samplesPerSide = 1024; // the files it reads; others are refused with a message
    int across = 4;            // samples averaged into one input column
    int tileRows = 64;         // pings per training tile
    int width = 32;            // channels inside the network
};

// An object to learn from: its centre and extent in a file's pings and samples.
struct DetectorLabel
{
    std::size_t ping = 0;
    int side = 0; // 0 port, 1 starboard
    int sample = 0;
    double pings = 6, samples = 24; // extent along track and across
    std::string cls;                // empty: an object of unknown class (learns where, not what)
};

struct LabelledFile
{
    std::shared_ptr<const sonar::SonarFile> file;
    std::vector<DetectorLabel> labels;
};

// The simulator's truth.csv as labels for its survey. Throws Error naming the file.
std::vector<DetectorLabel> labelsFromTruth(const sonar::SonarFile& file, const std::filesystem::path& truthCsv);
// The analyst's confirmed contacts in `file` as labels (rejected ones are background already;
// ones in the water column are left out: the network reads the seabed, the water column flattened).
// With `keepProposedAbove` below 1, unreviewed contacts the CNN itself scored at least that high
// are kept as labels too, so fine-tuning on a few confirmations does not teach it that every
// object nobody reviewed yet is seabed.
std::vector<DetectorLabel> labelsFromContacts(const sonar::SonarFile& file,
                                              const std::vector<project::ContactRecord>& contacts,
                                              double keepProposedAbove = 2.0);

class CnnDetector
{
public:
    static CnnDetector create(const CnnDetectorConfig& config = {}, std::uint64_t seed = 1);
    // A model folder (config.json, weights.pt, train.log); throws Error naming what is wrong.
    static CnnDetector load(const std::filesystem::path& dir);
    // Atomic file by file; `log` becomes train.log, `metrics` metrics.json.
    void save(const std::filesystem::path& dir, const std::string& log = {},
              const std::vector<std::pair<std::string, double>>& metrics = {}) const;

    const CnnDetectorConfig& config() const;
    // Where it runs and trains: "cpu", "cuda", "cuda:N" (or "auto": CUDA when LibTorch has one).
    // Throws Error naming the device when it is not there; the detector stays where it was.
    void setDevice(const std::string& id);
    // As setDevice, but an absent device means the CPU: returns the message saying so, or "".
    std::string useDevice(const std::string& id);
    std::string device() const;
    std::size_t parameterCount() const;
    // Throws Error naming the file when it has no sidescan or another sample count than the model's.
    void checkFile(const sonar::SonarFile& file) const;
    // Labels whose class is not among the model's: an Error naming them.
    void checkLabels(const std::vector<DetectorLabel>& labels) const;

    // What the network makes of one box (pings firstPing..lastPing, samples firstSample..lastSample
    // on `side`, nadir first), read in the pings round it: how likely an object is there (its best
    // cell) and the class it takes the object for (the class probabilities of the cells at least
    // half as likely as the best, weighted by how likely each holds it), with that class's probability.
    struct ClassProposal
    {
        std::string cls;
        double probability = 0; // of `cls`
        double objectness = 0;
    };
    ClassProposal classify(const sonar::SonarFile& file, int side, std::size_t firstPing, std::size_t lastPing,
                           int firstSample, int lastSample) const;

    // Detections with score ≥ minScore, class and extent; positions from the file's navigation.
    std::vector<sonar::Detection> detect(const sonar::SonarFile& file, double minScore = 0.35,
                                         const std::function<void(double)>& progress = {},
                                         const std::atomic<bool>* stop = nullptr) const;

    struct Impl;
    Impl& impl() const { return *m; }

private:
    std::shared_ptr<Impl> m;
};

struct DetectorTrainOptions
{
    TrainOptions train;            // epochs, batch, learning rate, decay, patience, seed, clip
    int tilesPerEpoch = 256;       // half of them around labelled objects
    double validationShare = 0.15; // the last pings of every file, never trained on
};

// Trains (or fine-tunes) on labelled files with augmentation (tiles flipped along track, gain
// jitter, speckle; both sides seen nadir first, so port and starboard flip into one another).
// Progress after every step, `stop` and `pause` as the series Trainer; the best weights stay.
// Throws Error when there is nothing labelled to learn from.
TrainResult trainDetector(CnnDetector& detector, const std::vector<LabelledFile>& files,
                          const DetectorTrainOptions& options,
                          const std::function<void(const TrainProgress&)>& progress = {},
                          const std::atomic<bool>* stop = nullptr, const std::atomic<bool>* pause = nullptr);

// The detector Fathom ships (share/fathom/models/detector), trained on simulated lines.
std::filesystem::path shippedDetectorDir();

// The detectors as `fathom-cli detect` and the Contacts dock run them: the classical one and the
// CNN (a model folder, or the shipped one), their boxes fused.
struct ContactDetection
{
    sonar::ClassicalOptions classical;
    bool useClassical = true, useCnn = true; // without a CNN the classical detector runs regardless
    std::string model;           // empty: the shipped CNN, left out with a note where it cannot read the file
    bool cnnOptional = false;    // a named model that cannot be used is a note too, not an Error
    std::string device = "auto"; // where the CNN runs; an absent device means the CPU and a note
    double minCnnScore = 0.35;
};
// The boxes in `found` the CNN did not propose (the classical detector's alone) shown to the CNN one
// by one: what it makes of each goes into the detection's cnnClass, cnnClassProbability and
// cnnObjectness, and a class it is sure of (kCnnClassFilledFrom) where it sees an object is filled in.
// detectContacts does this after the fusion; most such boxes are seabed texture to the CNN.
void lookAtClassicalOnly(const CnnDetector& cnn, const sonar::SonarFile& file, std::vector<sonar::Detection>& found,
                         const std::function<void(const std::string&, double)>& progress = {},
                         const std::atomic<bool>* stop = nullptr);

struct DetectedContacts
{
    std::vector<sonar::Detection> detections;
    std::size_t classical = 0, cnn = 0; // each detector's own count before fusion
    std::string note;                   // why the CNN was left out or moved to the CPU; empty if neither
};
// `progress` gets the detector running ("classical", "cnn") and its share done.
DetectedContacts detectContacts(const sonar::SonarFile& file, const ContactDetection& options,
                                const std::function<void(const std::string&, double)>& progress = {},
                                const std::atomic<bool>* stop = nullptr);

// Recall of mine-like objects and false alarms per 1,000 pings against a simulator's truth.csv:
// a detection counts when on the object's side within 15 pings and 40 samples of its centre.
struct DetectionScore
{
    int mineLike = 0, mineLikeFound = 0, objects = 0, objectsFound = 0, falseAlarms = 0;
    double recallMineLike = 0, falseAlarmsPer1000 = 0;
    // Heights from the shadow of the objects found (the nearest detection of each) against the
    // truth's: how many, how many within 30 %, and the median of detected / true.
    int heightsCompared = 0, heightsWithin30 = 0;
    double heightRatioMedian = 0;
    // Across-track width and along-track length, each / the truth's extent that way (truth files
    // without extents: its width and length): the medians, and how many within 30 % of the
    // `sizesCompared` objects found.
    double widthRatioMedian = 0, lengthRatioMedian = 0;
    int sizesCompared = 0, widthsWithin30 = 0, lengthsWithin30 = 0;
    // Of the objects found whose nearest detection has a class (the CNN's), how many the right one.
    int classesCompared = 0, classesRight = 0;
    // The classical detector's boxes the CNN looked at and saw no object in (lookAtClassicalOnly):
    // how many of the false alarms, and how many objects found were found by such boxes alone (an
    // analyst rejecting every such box would lose them).
    int falseAlarmsCnnSeesNoObject = 0, objectsOnlyWhereCnnSeesNoObject = 0;
    // Objects moored in the water column (truth.csv's moored_m), scored apart: the counts above are
    // of the seabed's objects; a detection near a moored one is no false alarm.
    int moored = 0, mooredFound = 0;
};
DetectionScore scoreAgainstTruth(const std::vector<sonar::Detection>& found, const std::filesystem::path& truthCsv,
                                 std::size_t pings);

} // namespace fathom::ml
