#pragma once

#include <QString>

namespace fathom {

// `fathom --bench-series ROWS`: a series of ROWS × 6 channels in the SeriesPlot, drawn after each
// of 60 zoom and pan steps; prints the frame times (median, 99th percentile, worst) and returns
// them as JSON text. The standard asks for smooth plots with a million points per channel.
QString benchSeriesPlot(int rows);

class MainWindow;
// `fathom --bench-responsiveness`: the window trains LSTM and GRU on the demo's 2,000-row series
// in the background while a 10 ms timer probes the GUI thread's event loop; returns, as JSON,
// how late the timer fired (median, 99th percentile, worst) and how long training took.
QString benchResponsiveness(MainWindow& window);

} // namespace fathom
