#pragma once

#include <QString>

namespace fathom {

// `fathom --bench-series ROWS`: a series of ROWS × 6 channels in the SeriesPlot, drawn after each
// of 60 zoom and pan steps; prints the frame times (median, 99th percentile, worst) and returns
// them as JSON text. The standard asks for smooth plots with a million points per channel.
QString benchSeriesPlot(int rows);

} // namespace fathom
