#pragma once

#include "report.h"
#include "sonar/sonarfile.h"

#include <array>
#include <string>
#include <vector>

namespace fathom::report {

// The report's pictures, drawn with OpenCV and encoded as PNG. Words stay out of the pictures
// (captions carry them, in the report's language); only numbers and channel names are drawn.

struct MapPoint
{
    double x = 0, y = 0; // longitude and latitude, or easting and northing
};
struct MapMark
{
    MapPoint at;
    std::string label; // drawn beside the mark: the contact's number
    int status = 0;    // 0 new, 1 confirmed, 2 rejected
};

// The track as a line, the contacts numbered, a scale bar in metres and a north arrow.
// `gridMetres` gets the spacing of the grid lines drawn.
Figure trackMap(const std::vector<MapPoint>& track, const std::vector<MapMark>& marks, bool geographic,
                double* gridMetres = nullptr);

// The waterfall around a contact, ground-range corrected, its box drawn, a scale bar across.
Figure contactCrop(const sonar::SonarFile& file, const project::ContactRecord& contact);

struct Trace
{
    std::string name;
    std::vector<double> values; // NaN: no value
};
// The target and its forecast with the ensemble's band on top, each contributing channel in a lane
// below, all on one time axis (seconds from the first row); the alert's span shaded. Each
// panel's top and bottom values are written beside it (given back in `boundLabels`, top then
// bottom, panel by panel) with the decimals that tell them apart.
Figure alertPlot(const std::vector<double>& seconds, const Trace& actual, const Trace& forecast,
                 const std::vector<double>& bandLow, const std::vector<double>& bandHigh,
                 const std::vector<Trace>& lanes, double spanStart, double spanEnd,
                 std::vector<std::string>* boundLabels = nullptr);

struct TimelineMark
{
    double start = 0, end = 0, peak = 0; // on the lanes' time axis
    std::string label;                   // drawn over the peak: the alert's number
    int status = 0;                      // 0 new, 1 confirmed, 2 rejected
    std::vector<std::size_t> lanes;      // the lanes (channels) it involves, shaded over its span
};
// A whole record, one lane a channel (drawn as its range in each pixel column, so a million rows
// cost what a thousand do), each alert shaded on its lanes and numbered over its peak in its
// review's colour, as on the track map; numbers too crowded to stand over their peaks stand beside
// them, joined to them by a leader. `peakColumns` gets each mark's pixel column, `labelBoxes` its
// number's box (x, y, width, height).
Figure alertTimeline(const std::vector<double>& seconds, const std::vector<Trace>& lanes,
                     const std::vector<TimelineMark>& marks, std::vector<int>* peakColumns = nullptr,
                     std::vector<std::array<int, 4>>* labelBoxes = nullptr);

// Training and validation loss per epoch on a log scale, round values marked along it (given back
// in `lossTicks`), the best epoch marked.
Figure lossCurve(const std::vector<double>& train, const std::vector<double>& validation, int bestEpoch,
                 std::vector<double>* lossTicks = nullptr);

} // namespace fathom::report
