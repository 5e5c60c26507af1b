#pragma once

// What the window suites share: a start-up with a fake H100 beside the CPU, a simulated line's
// sensors opened in a window (and the demo's training settings), and a window with a simulated
// line's survey open.
#include "analysiscontroller.h"
#include "core/device/fakes.h"
#include "device/devicemanager.h"
#include "mainwindow.h"
#include "sonar/simulator.h"
#include "startup.h"
#include "surveycontroller.h"
#include "trainingpanel.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace fathom::test {

inline std::unique_ptr<Startup> fakeStartup()
{
    auto startup = std::make_unique<Startup>();
    auto gpus = std::make_shared<std::vector<test::FakeMonitor::Gpu>>(
        std::vector<test::FakeMonitor::Gpu>{{"0000:3b:00", 3ull << 30, 80ull << 30, 40}});
    startup->config.addOverride("monitor.interval_ms=100");
    startup->devices = std::make_unique<DeviceManager>(
        startup->config,
        std::make_unique<test::FakeBackend>(std::vector{test::fakeGpu(0, "NVIDIA H100", 9, 80, "0000:3b:00")}),
        std::make_unique<test::FakeMonitor>(gpus));
    startup->devices->select("auto"); // as fathom::start() does with the configured device
    return startup;
}

// A simulated line's sensors opened in the window, models going beside them; returns the
// sensors' path once the series is shown (empty when it was not).
inline QString openDemoSeries(MainWindow& window, const QTemporaryDir& dir, int pings)
{
    sonar::SurveySimulator::Options options;
    options.pings = pings;
    const auto files = sonar::writeDemoSurvey(dir.path().toStdString(), options);
    QSignalSpy opened(window.analysis(), &AnalysisController::seriesOpened);
    const auto sensors = QString::fromStdString(files[2].string());
    window.openSeries(sensors, dir.filePath(QStringLiteral("models")));
    return opened.wait(20000) ? sensors : QString();
}

// The demo line's altitude forecast from its other sensors (neither the ping counter nor the fault
// labels), by `models` looking back `lookback` rows.
inline TrainingPanel::Settings demoSettings(const QString& sensors, const QStringList& models, int lookback)
{
    TrainingPanel::Settings settings;
    settings.data = sensors;
    settings.target = QStringLiteral("altitude_m");
    settings.skip = {QStringLiteral("ping"), QStringLiteral("fault")};
    settings.models = models;
    settings.lookback = lookback;
    return settings;
}

// An English window with a simulated line's sensors open (`pings` rows; `sensors` empty when they
// did not open), its models going into `dir`.
struct SeriesWindow
{
    QTemporaryDir dir;
    std::unique_ptr<Startup> startup = fakeStartup();
    MainWindow window{*startup};
    QString sensors;

    explicit SeriesWindow(int pings)
    {
        window.setLanguage(QStringLiteral("en"));
        sensors = openDemoSeries(window, dir, pings);
    }
};

// A main window with a simulated line open in it.
struct LineWindow
{
    std::unique_ptr<Startup> startup = fakeStartup();
    MainWindow window{*startup};

    // Writes the line into `folder`, shows the window (English, 1400 × 900) and opens it there.
    bool open(const QString& folder, const sonar::SurveySimulator::Options& options)
    {
        const auto files = sonar::writeDemoSurvey(folder.toStdString(), options);
        window.setLanguage(QStringLiteral("en"));
        window.resize(1400, 900);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        window.openSurvey(QString::fromStdString(files[0].string()));
        return QTest::qWaitFor([this] { return window.survey()->geo() != nullptr; }, 20000);
    }
};

} // namespace fathom::test
