#include "lossaxes.h"

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
    if (range.lower <= 0 || range.upper <= range.lower || m_spacing <= 0)
        return QCPAxisTicker::createTickVector(tickStep, range);
    const int first = int(std::floor(std::log10(range.lower))), last = int(std::ceil(std::log10(range.upper)));
    const auto inside = [&](double v) { return v >= range.lower * (1 - 1e-9) && v <= range.upper * (1 + 1e-9); };
    // From the densest set of round values to the sparsest: the first whose labels all fit wins.
    const std::vector<std::vector<double>> sets{{1, 2, 5}, {1, 3}, {1}};
    for (const auto& mantissas : sets) {
        QVector<double> ticks;
        for (int power = first; power <= last; ++power)
            for (const double m : mantissas)
                if (inside(m * std::pow(10.0, power)))
                    ticks << m * std::pow(10.0, power);
        bool fits = true;
        for (int i = 1; i < ticks.size(); ++i)
            fits = fits && std::log10(ticks[i] / ticks[i - 1]) >= m_spacing;
        if (fits) {
            if (ticks.size() >= 2)
                return ticks;
            return QCPAxisTicker::createTickVector(tickStep, range); // too narrow: nearly linear there
        }
    }
    // Many decades on a short axis: every n-th power of ten.
    QVector<double> ticks;
    const int step = int(std::ceil(m_spacing));
    for (int power = int(std::ceil(std::log10(range.lower) - 1e-9)); power <= last; power += step)
        if (inside(std::pow(10.0, power)))
            ticks << std::pow(10.0, power);
    return ticks;
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
