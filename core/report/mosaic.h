#pragma once

#include "project/project.h"
#include "sonar/sonarfile.h"

#include <array>
#include <filesystem>
#include <functional>

namespace fathom::report {

// The survey laid on the Earth: every ping's ground-range samples placed where they lie, as an RGB
// GeoTIFF (through GDAL) with the contacts' boxes drawn. Geographic files go into their UTM zone
// (WGS 84); files in easting/northing keep their coordinates with no coordinate system named.
struct MosaicOptions
{
    double resolution = 0; // metres per pixel; 0: about a sample across, within maxSide
    int maxSide = 6000;    // pixels along the longer side, at most
    bool boxes = true;     // draw the contacts' boxes
    bool includeRejected = false;
};

struct MosaicInfo
{
    int width = 0, height = 0;
    std::array<double, 6> geoTransform{}; // GDAL's: origin x, pixel width, 0, origin y, 0, -pixel height
    int epsg = 0;                         // 0 when the file's coordinates are not geographic
    double resolution = 0;
};

// Atomic; throws Error naming the file when the survey has no sidescan or the file cannot be written.
MosaicInfo writeMosaic(const sonar::SonarFile& file, const std::vector<project::ContactRecord>& contacts,
                       const std::filesystem::path& out, const MosaicOptions& options = {},
                       const std::function<void(double)>& progress = {});

// The whole waterfall, ground-range corrected, with the contacts' boxes and numbers, as a PNG
// (long files are drawn every n-th ping, at most `maxRows` rows). Atomic; throws Error.
void writeWaterfallPng(const sonar::SonarFile& file, const std::vector<project::ContactRecord>& contacts,
                       const std::filesystem::path& out, int maxRows = 8000, bool includeRejected = false);

// The UTM zone's EPSG code (WGS 84) for a longitude and latitude.
int utmEpsg(double longitude, double latitude);

} // namespace fathom::report
