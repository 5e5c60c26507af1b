#include "lossaxes.h"

#include "common/axisticks.h"

#include <algorithm>
#include <cmath>

namespace fathom {

void LogLossTicker::generate(const QCPRange& range, const QLocale& locale, QChar formatChar, int precision,
                             QVector<double>& ticks, QVector<double>* subTicks, QVector<QString>* tickLabels)
{
    m_spacing = 0;
    if (m_axis && m_axis->axisRect() && range.lower > 0 && range.upper > range.lower) {
        const double length =
            m_axis->orientation() == Qt::Vertical ? m_axis->axisRect()->height() : m_axis->axisRect()->width();
        const double label = QFontMetricsF(m_axis->tickLabelFont()).height();
        const double decades = std::log10(range.upper / range.lower);
        m_spacing = 1.25 * label / (length / decades); // the least distance between two labels, in decades
        // Linear steps, where the range is too narrow for round values: spaced so that even where
        // the log scale packs them closest (the top) a label fits between two.
        setTickCount(std::clamp(int(length / (3 * label)), 1, 6));
    }
    QCPAxisTicker::generate(range, locale, formatChar, precision, ticks, subTicks, tickLabels);
}

QVector<double> LogLossTicker::createTickVector(double tickStep, const QCPRange& range)
{
    const auto ticks = logRoundTicks(range.lower, range.upper, m_spacing);
    if (ticks.empty()) // too narrow for round values: nearly linear there
        return QCPAxisTicker::createTickVector(tickStep, range);
    return QVector<double>(ticks.begin(), ticks.end());
}

int LogLossTicker::getSubTickCount(double)
{
    return 0; // between unevenly spaced round values, evenly spaced sub-ticks would mislead
}

void setLossAxes(QCustomPlot* plot)
{
    plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot->yAxis->setTicker(QSharedPointer<LogLossTicker>::create(plot->yAxis));
    auto epochs = QSharedPointer<QCPAxisTickerFixed>::create();
    epochs->setTickStep(1.0);
    epochs->setScaleStrategy(QCPAxisTickerFixed::ssMultiples); // 1, 2, 5, 10 … epochs apart: whole epochs
    plot->xAxis->setTicker(epochs);
}

} // namespace fathom
