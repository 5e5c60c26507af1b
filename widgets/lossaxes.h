#pragma once

#include <qcustomplot.h>

namespace fathom {

// Ticks for a logarithmic loss axis: round values (1, 2, 5 × 10^k, fewer where the range is wide)
// spread evenly up the axis. QCustomPlot's own log ticker falls back to evenly spaced linear ticks
// when the range spans under 1.6 decades, which on a log axis crowds their labels into one blot
// at the top and leaves everything under the first one unlabelled.
// Only as many as leave a label's height between two, so that a short chart in a dock shows
// fewer labels rather than overlapping ones.
class LogLossTicker : public QCPAxisTicker
{
public:
    explicit LogLossTicker(QCPAxis* axis)
        : m_axis(axis)
    {
    }
    void generate(const QCPRange& range, const QLocale& locale, QChar formatChar, int precision, QVector<double>& ticks,
                  QVector<double>* subTicks, QVector<QString>* tickLabels) override;

protected:
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override;
    int getSubTickCount(double tickStep) override;

private:
    QPointer<QCPAxis> m_axis;
    double m_spacing = 0; // the least distance between two labels, in decades (0: not known)
};

// A loss-per-epoch chart's axes: loss on a log scale with the ticker above, whole epochs along x.
void setLossAxes(QCustomPlot* plot);

} // namespace fathom
