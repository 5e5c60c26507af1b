#pragma once

#include "sonarfile.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fathom::sonar {

enum class Gain { None, Empirical }; // empirical: divide by the mean of each range bin over pings
enum class Palette { Grey, Copper, Amber, Inverted };

Palette parsePalette(const std::string& name); // throws Error on an unknown name

struct RenderOptions
{
    bool groundRange = false;
    Gain gain = Gain::Empirical;
    Palette palette = Palette::Copper;
    std::size_t firstPing = 0;
    std::size_t lastPing = SIZE_MAX; // exclusive; clipped to the file
    int columnsPerSide = 0;          // 0: the file's samples per channel
    std::size_t pingStep = 1;        // draw every n-th ping: zoomed-out views of long files
    double contrast = 0.5;           // 0 soft .. 1 hard: how much of the brightest end is clipped
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
