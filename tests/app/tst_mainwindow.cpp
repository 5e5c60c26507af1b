#include "aboutdialog.h"
#include "alerttable.h"
#include "analysiscontroller.h"
#include "contactscontroller.h"
#include "contacttable.h"
#include "core/device/fakes.h"
#include "device/devicemanager.h"
#include "devicepanel.h"
#include "mainwindow.h"
#include "seriesplot.h"
#include "sonar/georeference.h"
#include "sonar/simulator.h"
#include "startup.h"
#include "surveycontroller.h"
#include "trainingpanel.h"
#include "waterfallview.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace fathom;

namespace {

std::unique_ptr<Startup> fakeStartup()
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
QString openDemoSeries(MainWindow& window, const QTemporaryDir& dir, int pings)
{
    sonar::SurveySimulator::Options options;
    options.pings = pings;
    const auto files = sonar::writeDemoSurvey(dir.path().toStdString(), options);
    QSignalSpy opened(window.analysis(), &AnalysisController::seriesOpened);
    const auto sensors = QString::fromStdString(files[2].string());
    window.openSeries(sensors, dir.filePath(QStringLiteral("models")));
    return opened.wait(20000) ? sensors : QString();
}

QStringList menuTitles(QMainWindow& window)
{
    QStringList titles;
    for (auto* action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("FathomTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
    }

    void opensWithEveryDockAndMenu()
    {
        auto startup = fakeStartup();
        MainWindow window(*startup);
        window.setLanguage(QStringLiteral("en"));
        window.show();
        for (const char* name : {"survey", "devices", "training", "contacts", "alerts", "log"}) {
            auto* dock = window.dock(QLatin1String(name));
            QVERIFY2(dock, name);
            QVERIFY2(!dock->windowTitle().isEmpty(), name);
            QVERIFY2(dock->toggleViewAction()->isChecked(), name);
        }
        QCOMPARE(menuTitles(window), (QStringList{"&File", "&Edit", "&View", "&Tools", "&Help"}));
        QCOMPARE(window.dock(QStringLiteral("devices"))->windowTitle(), QStringLiteral("Devices"));
    }

    void statusBarShowsDeviceAndMemory()
    {
        auto startup = fakeStartup();
        MainWindow window(*startup);
        window.setLanguage(QStringLiteral("en"));
        window.show();
        auto* device = window.findChild<QLabel*>(QStringLiteral("statusDevice"));
        auto* memory = window.findChild<QLabel*>(QStringLiteral("statusMemory"));
        QCOMPARE(device->text(), QStringLiteral("Device: cuda:0"));
        QTRY_VERIFY_WITH_TIMEOUT(memory->text().contains(QStringLiteral("cuda:0 3.0 GiB of 80.0 GiB")), 3000);
        QVERIFY(memory->text().contains(QStringLiteral("Host")));
        // What was logged while starting is in the Log dock.
        auto* log = window.findChild<QPlainTextEdit*>(QStringLiteral("logView"));
        QTRY_VERIFY(log->toPlainText().contains(QStringLiteral("Active device: cuda:0")));
    }

    void livePlotGainsPoints()
    {
        auto startup = fakeStartup();
        MainWindow window(*startup);
        window.show();
        auto* plot = window.devicePanel()->plot();
        QTRY_VERIFY_WITH_TIMEOUT(plot->graphCount() > 0 && plot->graph(0)->dataCount() >= 3, 5000);
        const int earlier = plot->graph(0)->dataCount();
        QTRY_VERIFY_WITH_TIMEOUT(plot->graph(0)->dataCount() > earlier, 3000);
    }

    void switchingToKoreanRetranslates()
    {
        auto startup = fakeStartup();
        MainWindow window(*startup);
        window.setLanguage(QStringLiteral("en"));
        auto* devices = window.dock(QStringLiteral("devices"));
        QCOMPARE(devices->windowTitle(), QStringLiteral("Devices"));
        window.setLanguage(QStringLiteral("ko"));
        QCOMPARE(window.language(), QStringLiteral("ko"));
        QCOMPARE(devices->windowTitle(), QStringLiteral("장치"));
        QCOMPARE(menuTitles(window).first(), QStringLiteral("파일(&F)"));
        const auto* chooserLabel = window.devicePanel()->findChild<QLabel*>();
        QVERIFY(chooserLabel);
        // Child widgets hear of the new language through the event loop, as in the running app.
        QTRY_VERIFY2(chooserLabel->text().contains(QStringLiteral("장치")), qPrintable(chooserLabel->text()));
        window.setLanguage(QStringLiteral("en"));
        QCOMPARE(devices->windowTitle(), QStringLiteral("Devices"));
        QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("en"));
    }

    void absentDeviceFallsBackWithAVisibleMessage()
    {
        auto startup = fakeStartup();
        MainWindow window(*startup);
        window.setLanguage(QStringLiteral("en"));
        window.requestDevice(QStringLiteral("cuda:3"));
        QCOMPARE(startup->devices->active().id, std::string("cpu"));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("cuda:3")));
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("statusDevice"))->text(), QStringLiteral("Device: cpu"));
        QCOMPARE(QSettings().value(QStringLiteral("device")).toString(), QStringLiteral("cuda:3"));
    }

    void toolsMenuSwitchesTheDevice()
    {
        auto startup = fakeStartup();
        MainWindow window(*startup);
        window.setLanguage(QStringLiteral("en"));
        QMenu* tools = window.menuBar()->actions().at(3)->menu();
        QMenu* devices = tools->actions().first()->menu();
        QVERIFY(devices);
        QStringList ids;
        QAction* cpu = nullptr;
        for (auto* action : devices->actions()) {
            ids << action->data().toString();
            if (action->data().toString() == QLatin1String("cpu"))
                cpu = action;
        }
        QCOMPARE(ids, (QStringList{"auto", "cpu", "cuda:0"}));
        QVERIFY(devices->actions().first()->isChecked()); // auto, as started
        cpu->trigger();
        QCOMPARE(startup->devices->active().id, std::string("cpu"));
        QVERIFY(cpu->isChecked());
        QCOMPARE(window.devicePanel()->chooser()->currentData().toString(), QStringLiteral("cpu"));
    }

    void aboutListsLibraryVersions()
    {
        BuildInfo build;
        build.torchVersion = "2.5.1";
        auto names = [](const std::vector<std::pair<QString, QString>>& rows) {
            QStringList list;
            for (const auto& row : rows)
                list << row.first;
            return list;
        };
        const auto cpuOnly = names(AboutDialog::versions(build));
        for (const char* library : {"Fathom", "Qt", "LibTorch", "OpenCV", "QCustomPlot"})
            QVERIFY2(cpuOnly.contains(QLatin1String(library)), library);
        QVERIFY(!cpuOnly.contains(QStringLiteral("CUDA")));
        build.cudaBuilt = true;
        build.cudaVersion = "12.4";
        build.cudnnVersion = "9.1";
        const auto rows = AboutDialog::versions(build);
        QVERIFY(names(rows).contains(QStringLiteral("CUDA")) && names(rows).contains(QStringLiteral("cuDNN")));
        QVERIFY(std::find(rows.begin(), rows.end(), std::pair{QStringLiteral("LibTorch"), QStringLiteral("2.5.1")}) !=
                rows.end());
        AboutDialog dialog(build);
        QCOMPARE(dialog.findChild<QTableWidget*>(QStringLiteral("versionTable"))->rowCount(), int(rows.size()));
    }

    void opensASurveyAndDrawsIt()
    {
        QTemporaryDir dir;
        sonar::SurveySimulator::Options options;
        options.pings = 300;
        options.samples = 256;
        const auto files = sonar::writeDemoSurvey(dir.path().toStdString(), options);
        auto startup = fakeStartup();
        MainWindow window(*startup);
        window.setLanguage(QStringLiteral("en"));
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openSurvey(QString::fromStdString(files[0].string()));
        QTRY_VERIFY_WITH_TIMEOUT(!window.waterfall()->image().isNull(), 10000);
        const QImage& image = window.waterfall()->image();
        QVERIFY(image.width() >= 100);
        int bright = 0;
        for (int x = 0; x < image.width(); x += 4)
            bright += qGray(image.pixel(x, image.height() / 2)) > 40;
        QVERIFY2(bright > image.width() / 16, "the waterfall is blank");
        auto* facts = window.findChild<QPlainTextEdit*>(QStringLiteral("surveyFacts"));
        QVERIFY(facts && facts->toPlainText().contains(QStringLiteral("300")));

        QTRY_VERIFY_WITH_TIMEOUT(window.survey()->geo() != nullptr, 10000); // every ping indexed and placed
        // In ground range, 10 m to port and 10 m to starboard of one ping are 20 m apart.
        window.waterfall()->findChild<QCheckBox*>(QStringLiteral("groundRange"))->setChecked(true);
        emit window.waterfall()->measured(100, 0, 10.0, 100, 1, 10.0);
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Distance across the seabed: 20.00 m"));
        // Along range on one ping it is also read as a shadow: height = altitude × length / far end.
        emit window.waterfall()->measured(150, 1, 20.0, 150, 1, 25.0);
        const double height = window.survey()->geo()->altitude(150) * 5.0 / 25.0;
        QVERIFY2(window.statusBar()->currentMessage().endsWith(
                     QStringLiteral("as a shadow: an object %1 m high").arg(height, 0, 'f', 2)),
                 qPrintable(window.statusBar()->currentMessage()));
        emit window.waterfall()->hovered(120, 1, 15.0);
        const auto readout = window.statusBar()->currentMessage();
        QVERIFY2(readout.startsWith(QStringLiteral("Ping 120 · 2025-11-23")) &&
                     readout.contains(QStringLiteral("starboard, slant")) &&
                     readout.contains(QStringLiteral("across 15.0 m")) && readout.contains(QStringLiteral("35.0")),
                 qPrintable(readout));
    }

    void badSurveyIsReportedAndTheWindowKeepsWorking()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("broken.xtf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(100, '\x7B')); // an XTF's first byte, then too little
        file.close();
        auto startup = fakeStartup();
        MainWindow window(*startup);
        window.setLanguage(QStringLiteral("en"));
        window.show();
        window.openSurvey(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QMessageBox*>(QStringLiteral("openError")), 10000);
        const auto* box = window.findChild<QMessageBox*>(QStringLiteral("openError"));
        QVERIFY2(box->text().contains(path) && box->text().contains(QStringLiteral("truncated")),
                 qPrintable(box->text()));
        QVERIFY(window.isVisible());
        window.requestDevice(QStringLiteral("cpu")); // the rest of the window still answers
        QCOMPARE(startup->devices->active().id, std::string("cpu"));
    }

    void trainsInTheBackgroundAndReviewsItsAlerts()
    {
        QTemporaryDir dir;
        auto startup = fakeStartup();
        MainWindow window(*startup);
        window.setLanguage(QStringLiteral("en"));
        window.show();
        const auto sensors = openDemoSeries(window, dir, 400);
        QVERIFY(!sensors.isEmpty());
        // Counters and 0/1 labels are not measurements: the first lanes are sensors.
        const auto lanes = window.seriesPlot()->visibleChannels();
        QCOMPARE(lanes.first(), QStringLiteral("altitude_m"));
        QVERIFY(!lanes.contains(QStringLiteral("ping")) && !lanes.contains(QStringLiteral("fault")));

        auto* panel = window.trainingPanel();
        auto settings = panel->settings();
        QCOMPARE(settings.data, sensors);
        settings.target = QStringLiteral("altitude_m");
        settings.labels = QStringLiteral("fault");
        settings.skip = {QStringLiteral("ping")};
        settings.models = {QStringLiteral("rule")};
        settings.lookback = 16;
        settings.epochs = 4;
        panel->setSettings(settings);
        QVERIFY(panel->trainButton()->isEnabled());
        QSignalSpy detected(window.analysis(), &AnalysisController::alertsDetected);
        QTest::mouseClick(panel->trainButton(), Qt::LeftButton);
        QVERIFY(panel->isRunning());
        QVERIFY(!panel->trainButton()->isEnabled() && panel->cancelButton()->isEnabled());
        QVERIFY(detected.wait(120000));
        QVERIFY(!panel->isRunning());
        QCOMPARE(panel->progressBar()->value(), 1000);
        QVERIFY(panel->lossPlot()->graphCount() >= 2); // training and validation curves
        QCOMPARE(panel->registry()->rowCount(), 1);
        QVERIFY(panel->registry()->item(0, 0)->text().contains(QStringLiteral("rule")));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("models/rule/train.log"))));

        // The planted altitude glitch at row 48 is among the alerts, on the plot and in the table.
        auto* table = window.alertTable();
        QVERIFY(table->count() > 0);
        QCOMPARE(window.seriesPlot()->alertCount(), table->count());
        QVERIFY(window.seriesPlot()->forecasts().contains(QStringLiteral("rule")));
        int glitch = -1;
        for (int i = 0; i < table->count(); ++i)
            if (window.analysis()->alerts()[i].startRow <= 49 && window.analysis()->alerts()[i].endRow >= 48)
                glitch = i;
        QVERIFY2(glitch >= 0, "no alert at the altitude glitch");
        for (int i = 0; i < table->count(); ++i) { // drawn where their times are
            const auto& a = window.analysis()->alerts()[i];
            const auto span = window.seriesPlot()->drawnSpan(i);
            QCOMPARE(span.first, a.start);
            QVERIFY(span.second >= a.end && span.second < a.end + 1e-3);
        }

        // Keyboard review: C confirms and moves on; undo takes it back.
        table->setCurrentAlert(glitch);
        table->view()->setFocus();
        QTest::keyClick(table->view(), Qt::Key_C);
        QCOMPARE(window.analysis()->alerts()[glitch].status, QStringLiteral("confirmed"));
        QCOMPARE(table->alert(glitch).status, QStringLiteral("confirmed"));
        window.analysis()->undoStack()->undo();
        QCOMPARE(table->alert(glitch).status, QStringLiteral("new"));
        window.analysis()->undoStack()->redo();
        QCOMPARE(table->alert(glitch).status, QStringLiteral("confirmed"));
        table->setStatusFilter(QStringLiteral("confirmed"));
        QCOMPARE(table->view()->model()->rowCount(), 1);

        // An anomaly the model missed, marked by hand over a span: a confirmed alert; undo removes it.
        const int alertsBefore = table->count();
        const double from = window.analysis()->alerts()[glitch].start + 5; // 50 pings later
        window.analysis()->markAnomaly(from, from + 1.5);
        QCOMPARE(table->count(), alertsBefore + 1);
        QCOMPARE(table->alert(alertsBefore).model, QStringLiteral("analyst"));
        QCOMPARE(table->alert(alertsBefore).status, QStringLiteral("confirmed"));
        QCOMPARE(window.analysis()->alerts().last().endRow - window.analysis()->alerts().last().startRow, 14);
        window.analysis()->undoStack()->undo();
        QCOMPARE(table->count(), alertsBefore);
        QVERIFY(window.isWindowModified());

        // Retrain: the active model fine-tuned on the review, into a folder of its own that becomes
        // the active model; the review stays on the alerts.
        table->setStatusFilter(QString());
        QVERIFY(panel->retrainButton()->isEnabled());
        const auto before = window.analysis()->activeModel();
        QTest::mouseClick(panel->retrainButton(), Qt::LeftButton);
        QVERIFY(detected.wait(120000));
        const auto retrained = window.analysis()->activeModel();
        QVERIFY2(retrained != before && retrained.contains(QStringLiteral("retrained-")), qPrintable(retrained));
        QCOMPARE(panel->registry()->rowCount(), 2);
        QFile retrainLog(retrained + QStringLiteral("/train.log"));
        QVERIFY(retrainLog.open(QIODevice::ReadOnly));
        const auto logText = QString::fromUtf8(retrainLog.readAll());
        QVERIFY2(logText.contains(QStringLiteral("fine-tuned from")) &&
                     logText.contains(QStringLiteral("1 reviewed alert(s) as labels")),
                 qPrintable(logText));
        glitch = -1;
        for (int i = 0; i < table->count(); ++i)
            if (window.analysis()->alerts()[i].status == QLatin1String("confirmed"))
                glitch = i;
        QVERIFY2(glitch >= 0, "the confirmed review was lost in the retrain");
        QVERIFY(window.analysis()->alerts()[glitch].startRow <= 49 && window.analysis()->alerts()[glitch].endRow >= 48);
        table->setCurrentAlert(glitch);
        QVERIFY2(table->details().contains(QStringLiteral("altitude_m at the peak")), qPrintable(table->details()));
        QVERIFY(panel->log()->toPlainText().contains(QStringLiteral("rule epoch 1/4")));
        QTRY_VERIFY(
            panel->findChild<QLabel*>(QStringLiteral("trainingMemory"))->text().contains(QStringLiteral("Fathom")));

        // Compare the first and the retrained model: figures side by side, both forecasts drawn.
        QVERIFY(!panel->compareButton()->isEnabled());
        panel->registry()->selectAll();
        QVERIFY(panel->compareButton()->isEnabled());
        QTest::mouseClick(panel->compareButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QDialog*>(QStringLiteral("modelComparison")), 30000);
        auto* comparison = window.findChild<QDialog*>(QStringLiteral("modelComparison"))->findChild<QTableWidget*>();
        QCOMPARE(comparison->columnCount(), 2);
        QCOMPARE(comparison->rowCount(), 7);
        QVERIFY(!comparison->item(0, 0)->text().isEmpty() && !comparison->item(0, 1)->text().isEmpty());
        QCOMPARE(window.seriesPlot()->forecasts().size(), 2);

        // The project keeps the review: a second window opens it as it was left.
        const auto projectFile = dir.filePath(QStringLiteral("review.fathom"));
        QVERIFY(window.saveProject(projectFile));
        QVERIFY(!window.isWindowModified());
        auto startup2 = fakeStartup();
        MainWindow again(*startup2);
        QSignalSpy reopened(again.analysis(), &AnalysisController::seriesOpened);
        QVERIFY(again.openProject(projectFile));
        QVERIFY(reopened.wait(20000));
        QCOMPARE(again.alertTable()->count(), table->count());
        QCOMPARE(again.alertTable()->alert(glitch).status, QStringLiteral("confirmed"));
        QCOMPARE(again.analysis()->activeModel(), window.analysis()->activeModel());
        QCOMPARE(again.trainingPanel()->settings().models, QStringList{QStringLiteral("rule")});
        QCOMPARE(again.seriesPlot()->visibleChannels(), window.seriesPlot()->visibleChannels());
        QVERIFY(!again.isWindowModified());

        // A damaged project is named in a message; what was open stays open.
        const auto broken = dir.filePath(QStringLiteral("broken.fathom"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"fathom-project\", \"alerts\": [");
        file.close();
        QVERIFY(!again.openProject(broken));
        const auto* box = again.findChild<QMessageBox*>(QStringLiteral("projectError"));
        QVERIFY(box && box->text().contains(broken));
        QCOMPARE(again.projectPath(), projectFile);
        QCOMPARE(again.alertTable()->count(), table->count());
    }

    void detectsContactsAndReviewsThem()
    {
        QTemporaryDir dir;
        sonar::SurveySimulator::Options options;
        options.pings = 1500;
        const auto files = sonar::writeDemoSurvey(dir.path().toStdString(), options);
        auto startup = fakeStartup();
        MainWindow window(*startup);
        window.setLanguage(QStringLiteral("en"));
        window.show();
        window.openSurvey(QString::fromStdString(files[0].string()));
        QTRY_VERIFY_WITH_TIMEOUT(window.survey()->file() != nullptr, 20000);
        QSignalSpy detected(window.contacts(), &ContactsController::detected);
        window.contacts()->detect(window.survey()->file());
        QVERIFY(detected.wait(60000));
        auto* table = window.contactTable();
        QVERIFY(table->count() > 0);
        QCOMPARE(window.waterfall()->marks().size(), table->count());
        // Each contact lies near a planted object.
        const sonar::SurveySimulator sim(options);
        int near = 0;
        for (const auto& c : window.contacts()->contacts())
            near += std::any_of(sim.objects().begin(), sim.objects().end(), [&](const auto& o) {
                return o.channel == c.side && std::llabs(c.ping - (long long)o.ping) <= 15;
            });
        QVERIFY2(near * 10 >= table->count() * 8, qPrintable(QString("%1 of %2").arg(near).arg(table->count())));

        // Keyboard review: C confirms, 1 classes it a cylinder; undo takes the class back.
        table->setCurrentIndex(0);
        const auto ping = window.contacts()->contacts()[0].ping;
        QVERIFY(window.waterfall()->currentRequest().firstPing <= ping); // the waterfall went to it
        table->view()->setFocus();
        QTest::keyClick(table->view(), Qt::Key_C);
        QCOMPARE(table->item(0).status, QStringLiteral("confirmed"));
        table->setCurrentIndex(0);
        QTest::keyClick(table->view(), Qt::Key_1);
        QCOMPARE(window.contacts()->contacts()[0].cls, std::string("cylinder"));
        window.analysis()->undoStack()->undo();
        QCOMPARE(window.contacts()->contacts()[0].cls, std::string());
        QCOMPARE(window.contacts()->contacts()[0].status, std::string("confirmed"));
        QVERIFY(window.isWindowModified());
        QVERIFY(table->details().contains(QStringLiteral("Ping %1").arg(ping)));
        // With the line's sensors open, the magnetometer near the contact is shown beside it.
        QSignalSpy opened(window.analysis(), &AnalysisController::seriesOpened);
        window.openSeries(QString::fromStdString(files[2].string()), dir.filePath(QStringLiteral("models")));
        QVERIFY(opened.wait(20000));
        table->setCurrentIndex(1);
        QVERIFY2(table->details().contains(QStringLiteral("Magnetometer (mag_total_nt)")),
                 qPrintable(table->details()));

        // The detector's boxes can be hidden; the table keeps every contact.
        window.contacts()->setDetectorShown(QStringLiteral("classical"), false);
        QVERIFY(window.waterfall()->marks().isEmpty());
        QCOMPARE(table->count(), int(window.contacts()->contacts().size()));
        window.contacts()->setDetectorShown(QStringLiteral("classical"), true);
        QCOMPARE(window.waterfall()->marks().size(), table->count());
        // Exported for a GIS: every contact with its review.
        const auto kml = dir.filePath(QStringLiteral("contacts.kml"));
        QVERIFY(window.exportContacts(kml));
        QFile exported(kml);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const auto text = exported.readAll();
        QCOMPARE(text.count("<Placemark>"), qsizetype(table->count()));
        QVERIFY(text.contains("confirmed"));

        // Saved with the project; a second detection keeps the review.
        const auto projectFile = dir.filePath(QStringLiteral("contacts.fathom"));
        QVERIFY(window.saveProject(projectFile));
        window.contacts()->detect(window.survey()->file());
        QVERIFY(detected.wait(60000));
        QCOMPARE(window.contacts()->contacts()[0].status, std::string("confirmed"));
        auto startup2 = fakeStartup();
        MainWindow again(*startup2);
        QVERIFY(again.openProject(projectFile));
        QCOMPARE(again.contactTable()->count(), table->count());
        QCOMPARE(again.contactTable()->item(0).status, QStringLiteral("confirmed"));
    }

    void cancelLeavesTheDockReadyForAnotherRun()
    {
        QTemporaryDir dir;
        auto startup = fakeStartup();
        MainWindow window(*startup);
        const auto sensors = openDemoSeries(window, dir, 400);
        QVERIFY(!sensors.isEmpty());
        auto* panel = window.trainingPanel();
        TrainingPanel::Settings settings;
        settings.data = sensors;
        settings.target = QStringLiteral("altitude_m");
        settings.skip = {QStringLiteral("ping"), QStringLiteral("fault")};
        settings.models = {QStringLiteral("lstm"), QStringLiteral("gru")};
        settings.lookback = 16;
        settings.epochs = 50;
        panel->setSettings(settings);
        QSignalSpy finished(window.analysis(), &AnalysisController::trainingFinished);
        QTest::mouseClick(panel->trainButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel->progressBar()->value() > 0, 60000);
        QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), true); // cancelled
        QVERIFY(!panel->isRunning());
        QVERIFY(panel->trainButton()->isEnabled() && !panel->cancelButton()->isEnabled());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("models/gru/weights.pt")))); // never started
        settings.models = {QStringLiteral("dlinear")};
        settings.epochs = 2;
        panel->setSettings(settings);
        QTest::mouseClick(panel->trainButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.last().first().toBool(), false);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("models/dlinear/weights.pt"))));
    }

    void autosaveRecoveryRestoresTheReview()
    {
        QTemporaryDir dir;
        QString origin = dir.filePath(QStringLiteral("work.fathom"));
        int alerts = 0;
        {
            auto startup = fakeStartup();
            MainWindow window(*startup);
            QVERIFY(!openDemoSeries(window, dir, 300).isEmpty());
            AnalysisController::ReviewedAlert a;
            a.start = 1763880005;
            a.end = 1763880006;
            a.peak = 1763880005.5;
            a.startRow = 50;
            a.endRow = 60;
            a.model = QStringLiteral("spike");
            window.analysis()->setAlerts({a, a});
            QVERIFY(window.saveProject(origin));
            window.analysis()->review(1, QStringLiteral("rejected"));
            window.analysis()->setNote(1, QStringLiteral("wave slap"));
            QVERIFY(window.isWindowModified());
            window.autosave(); // what the timer does; the window then dies without closing
            alerts = window.analysis()->alerts().size();
        }
        QVERIFY(QFile::exists(MainWindow::autosavePath()));
        auto startup = fakeStartup();
        MainWindow window(*startup);
        QVERIFY(window.restoreAutosave(MainWindow::autosavePath(), origin));
        QCOMPARE(window.analysis()->alerts().size(), alerts);
        QCOMPARE(window.analysis()->alerts()[1].status, QStringLiteral("rejected"));
        QCOMPARE(window.analysis()->alerts()[1].note, QStringLiteral("wave slap"));
        QCOMPARE(window.projectPath(), origin); // saving goes back to the project, not the autosave
        QVERIFY(window.isWindowModified());
        QFile::remove(MainWindow::autosavePath());

        // The series moved away: the project still opens with its review, and asks to locate it.
        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("sensors.csv")), dir.filePath(QStringLiteral("moved.csv"))));
        auto startup2 = fakeStartup();
        MainWindow moved(*startup2);
        QVERIFY(moved.openProject(origin));
        const auto* box = moved.findChild<QMessageBox*>(QStringLiteral("missingInputs"));
        QVERIFY(box && box->text().contains(dir.filePath(QStringLiteral("sensors.csv"))));
        QCOMPARE(moved.analysis()->alerts().size(), std::size_t(2));
    }

    void ensembleShowsItsMembersAndBand()
    {
        QTemporaryDir dir;
        auto startup = fakeStartup();
        MainWindow window(*startup);
        const auto sensors = openDemoSeries(window, dir, 300);
        QVERIFY(!sensors.isEmpty());
        TrainingPanel::Settings settings;
        settings.data = sensors;
        settings.target = QStringLiteral("altitude_m");
        settings.skip = {QStringLiteral("ping"), QStringLiteral("fault")};
        settings.models = {QStringLiteral("ensemble")};
        settings.lookback = 8;
        settings.epochs = 1;
        QSignalSpy detected(window.analysis(), &AnalysisController::alertsDetected);
        window.analysis()->train(settings);
        QVERIFY(detected.wait(180000));
        auto* plot = window.seriesPlot();
        QVERIFY(plot->hasBand(QStringLiteral("ensemble")));
        for (const char* member : {"lstm", "gru", "cnn_lstm", "spike", "rule"})
            QVERIFY2(plot->forecasts().contains(QStringLiteral("ensemble · %1").arg(QLatin1String(member))), member);
    }

    void layoutIsRemembered()
    {
        {
            auto startup = fakeStartup();
            MainWindow window(*startup);
            window.show();
            window.dock(QStringLiteral("alerts"))->hide();
            window.resize(1111, 777);
            window.close();
        }
        auto startup = fakeStartup();
        MainWindow window(*startup);
        window.show();
        QVERIFY(!window.dock(QStringLiteral("alerts"))->toggleViewAction()->isChecked());
        QCOMPARE(window.size(), QSize(1111, 777));
        QVERIFY(window.dock(QStringLiteral("devices"))->toggleViewAction()->isChecked());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
