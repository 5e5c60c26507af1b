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
    plot->plotLayout()->addElement(1, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
}

} // namespace fathom
