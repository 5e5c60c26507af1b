#pragma once

#include <qcustomplot.h>

namespace fathom {

// The legend in a row of its own under the axes, `columns` entries a row: it hides no line and no
// tick label, however short the plot (an inset legend of four entries covered half of a small one).
inline void putLegendUnderAxes(QCustomPlot* plot, int columns)
{
    plot->legend->setVisible(true);
    plot->legend->setFont(plot->font());
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setWrap(columns);
    plot->legend->setBorderPen(Qt::NoPen);
    // The column it shares with the axes is no wider than the narrower of their largest widths,
    // and an empty legend's is its margins: given none of its own, the axes of a chart with
    // nothing drawn yet shrank to a strip 50 px wide. (A bound near QWIDGETSIZE_MAX overflowed
    // QCustomPlot's sums and did the same.) Its height stays its content's.
    plot->legend->setMaximumSize(100000, QWIDGETSIZE_MAX);
    plot->plotLayout()->addElement(1, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
}

} // namespace fathom
