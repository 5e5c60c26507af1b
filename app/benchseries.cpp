#include "benchseries.h"

#include "analysiscontroller.h"
#include "mainwindow.h"
#include "seriesplot.h"
#include "sonar/simulator.h"
#include "trainingpanel.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>
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

QString benchResponsiveness(MainWindow& window)
{
    QTemporaryDir dir;
    const auto files = sonar::writeDemoSurvey(dir.path().toStdString(), {});
    const auto sensors = QString::fromStdString(files[2].string());
    auto* analysis = window.analysis();
    QEventLoop loop;
    std::vector<double> lateness;
    QElapsedTimer clock, training;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        lateness.push_back(std::max(0.0, double(clock.nsecsElapsed()) / 1e6 - 10.0));
        clock.restart();
    });
    QObject::connect(analysis, &AnalysisController::seriesOpened, &loop, [&] {
        TrainingPanel::Settings settings;
        settings.data = sensors;
        settings.target = QStringLiteral("altitude_m");
        settings.labels = QStringLiteral("fault");
        settings.skip = {QStringLiteral("ping")};
        settings.models = {QStringLiteral("lstm"), QStringLiteral("gru")};
        settings.lookback = 32;
        settings.epochs = 2;
        training.start();
        clock.start();
        probe.start();
        analysis->train(settings);
    });
    QObject::connect(analysis, &AnalysisController::alertsDetected, &loop, &QEventLoop::quit);
    QObject::connect(analysis, &AnalysisController::failed, &loop, &QEventLoop::quit);
    window.openSeries(sensors, dir.filePath(QStringLiteral("models")));
    loop.exec();
    probe.stop();
    std::sort(lateness.begin(), lateness.end());
    const auto at = [&](double q) {
        return lateness.empty() ? 0.0 : lateness[std::size_t(q * double(lateness.size() - 1))];
    };
    const QJsonObject result = {{"probes", int(lateness.size())},
                                {"median_late_ms", at(0.5)},
                                {"p99_late_ms", at(0.99)},
                                {"worst_late_ms", lateness.empty() ? 0.0 : lateness.back()},
                                {"training_and_alerts_s", double(training.elapsed()) / 1000.0}};
    return QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Indented));
}

} // namespace fathom
