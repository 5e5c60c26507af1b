#include "benchseries.h"

#include "seriesplot.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace fathom {

QString benchSeriesPlot(int rows)
{
    SeriesPlot plot;
    plot.resize(1200, 600);
    plot.show();
    QVector<double> x(rows);
    QVector<QVector<double>> columns(6, QVector<double>(rows));
    QStringList names;
    for (int c = 0; c < 6; ++c)
        names << QStringLiteral("channel_%1").arg(c);
    for (int r = 0; r < rows; ++r) {
        x[r] = 1763880000.0 + r * 0.1;
        for (int c = 0; c < 6; ++c)
            columns[c][r] = std::sin(r / (50.0 + 30 * c)) + 0.1 * std::sin(r * 0.37 * (c + 1));
    }
    plot.setSeries(x, true, names, columns);
    plot.setVisibleChannels(names);
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    std::vector<double> frames;
    QElapsedTimer clock;
    const double first = x.front(), last = x.back();
    for (int step = 0; step < 60; ++step) {
        // Zoom from the whole line in to a minute and back out, panning as it goes.
        const double share = std::pow(0.8, step < 30 ? step : 60 - step);
        const double width = (last - first) * share;
        const double start = first + (last - first - width) * (step % 7) / 6.0;
        clock.start();
        plot.setXRange(start, start + width);
        plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
        frames.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(frames.begin(), frames.end());
    const QJsonObject result = {{"rows", rows},
                                {"channels", 6},
                                {"frames", int(frames.size())},
                                {"median_ms", frames[frames.size() / 2]},
                                {"p99_ms", frames[std::size_t(double(frames.size() - 1) * 0.99)]},
                                {"worst_ms", frames.back()}};
    return QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Indented));
}

} // namespace fathom
