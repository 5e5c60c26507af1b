#pragma once

#include "sonarfile.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace fathom::sonar {

enum class Gain { None, Empirical }; // empirical: divide by the mean of each range bin over pings
enum class Palette { Grey, Copper, Amber, Inverted };

Palette parsePalette(const std::string& name); // throws Error on an unknown name

// Averaged copies of a whole file for zoomed-out views: each level averages 8, 64, 512, … pings
// onto a fixed number of slant-range bins, so a view of the whole line shows every ping's
// contribution instead of every n-th ping. Built once, in the background, after indexing.
class WaterfallPyramid
{
public:
    struct Level
    {
        std::size_t factor = 8; // pings per row
        std::size_t rows = 0;
        int columns = 0;         // bins per side, slant range, nadir first
        float range = 0;         // metres of slant range the bins span
        std::vector<float> data; // rows x {port, starboard} x columns
        std::vector<float> altitude;
    };

    // Returns nullptr when `stop` is raised before it is done.
    static std::shared_ptr<const WaterfallPyramid> build(const SonarFile& file, int columnsPerSide = 512,
                                                         const std::atomic<bool>* stop = nullptr);
    // The coarsest level no coarser than `pingStep`, or nullptr below the first level.
    const Level* levelFor(std::size_t pingStep) const;
    const std::vector<Level>& levels() const { return m_levels; }

private:
    std::vector<Level> m_levels;
};

struct RenderOptions
{
    bool groundRange = false;
    Gain gain = Gain::Empirical;
    Palette palette = Palette::Copper;
    std::size_t firstPing = 0;
    std::size_t lastPing = SIZE_MAX;           // exclusive; clipped to the file
    int columnsPerSide = 0;                    // 0: the file's samples per channel
    std::size_t pingStep = 1;                  // draw every n-th ping: zoomed-out views of long files
    double contrast = 0.5;                     // 0 soft .. 1 hard: how much of the brightest end is clipped
    const WaterfallPyramid* pyramid = nullptr; // when given, zoomed-out views average pings
};

// An RGB picture of pings: port on the left (far range at the left edge), starboard on the
// right, the first ping at the top.
struct Image
{
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgb;
};

// Altitude for each ping: the recorded one where the recorder had it, otherwise found from the
// first bottom return in the data (real files often record zero).
std::vector<double> trackBottom(const SonarFile& file, std::size_t first, std::size_t last);

Image renderWaterfall(const SonarFile& file, const RenderOptions& options);
void writePng(const Image& image, const std::string& path); // throws Error

} // namespace fathom::sonar
