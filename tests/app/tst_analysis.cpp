// The window's analysis side, offscreen: training in the background, alerts and their review,
// retraining, projects and autosave, an ensemble's members (contacts: tst_contactreview; the
// analyst's settings: tst_analysissettings).
#include "alerttable.h"
#include "analysiscontroller.h"
#include "app/windowfixture.h"
#include "mainwindow.h"
#include "project/project.h"
#include "seriesplot.h"
#include "sonar/simulator.h"
#include "surveycontroller.h"
#include "trainingpanel.h"
#include "waterfallview.h"
#include "widgets/popupactions.h"

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <cmath>

using namespace fathom;
using fathom::test::demoSettings;
using fathom::test::fakeStartup;
using fathom::test::openDemoSeries;

class TestAnalysis : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("FathomTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_analysis"));
        QSettings().clear();
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
        settings.batch = 16;
        panel->setSettings(settings);
        panel->findChild<QSpinBox*>(QStringLiteral("accumulate"))->setValue(2); // as a user types it
        QCOMPARE(panel->settings().accumulate, 2);
        // A split the dock cannot read is refused with what was wrong, and nothing starts.
        auto* split = panel->findChild<QLineEdit*>(QStringLiteral("trainingSplit"));
        QVERIFY(split);
        split->setText(QStringLiteral("60/20/30"));
        QSignalSpy refused(window.analysis(), &AnalysisController::failed);
        QTest::mouseClick(panel->trainButton(), Qt::LeftButton);
        QCOMPARE(refused.count(), 1);
        QVERIFY2(refused.first().first().toString().contains(QStringLiteral("add up to 110")),
                 qPrintable(refused.first().first().toString()));
        QVERIFY(!panel->isRunning());
        auto* refusal = window.findChild<QMessageBox*>(QStringLiteral("analysisError"));
        QVERIFY(refusal && refusal->informativeText().contains(QStringLiteral("'60/20/30'")));
        QVERIFY(refusal->text().contains(QStringLiteral("is kept")));
        refusal->close();
        split->setText(QStringLiteral("60/25/15"));
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
        QFile trainLog(dir.filePath(QStringLiteral("models/rule/train.log")));
        QVERIFY(trainLog.open(QIODevice::ReadOnly));
        const auto firstLog = trainLog.readAll();
        QVERIFY2(firstLog.contains("batch 16 × 2 steps accumulated"), "the dock's accumulation was not used");
        QVERIFY2(firstLog.contains("split 60/25/15: training rows 1–240 "), firstLog.constData()); // 400 rows
        // The plot marks where the model's validation and test parts begin.
        QTRY_VERIFY(!std::isnan(window.seriesPlot()->parts().first));
        QCOMPARE(window.seriesPlot()->rowAt(window.seriesPlot()->parts().first), 240);
        QCOMPARE(window.seriesPlot()->rowAt(window.seriesPlot()->parts().second), 340);

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
        // The line's one UTC day is said once, in the headings; the cells give the clock.
        const auto* model = table->view()->model();
        const QString day = table->item(0).cells[0].left(10);
        QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Peak (UTC, %1)").arg(day));
        QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Start (UTC, %1)").arg(day));
        QCOMPARE(model->index(0, 0).data().toString().size(), 12); // hh:mm:ss.zzz
        QVERIFY(table->item(0).cells[0].endsWith(model->index(0, 0).data().toString()));
        { // times on two days are shown in full
            AlertTable twoDays;
            AlertTable::Row late, early;
            late.start = late.end = late.peak = QStringLiteral("2025-11-23 23:59:59.500");
            early.start = early.end = early.peak = QStringLiteral("2025-11-24 00:00:00.200");
            twoDays.setAlerts({late, early});
            QCOMPARE(twoDays.view()->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Peak (UTC)"));
            QCOMPARE(twoDays.view()->model()->index(0, 0).data().toString(), late.peak);
            // The note column fills the width that the others leave, also after the list is refilled.
            twoDays.resize(1400, 300);
            twoDays.show();
            QVERIFY(QTest::qWaitForWindowExposed(&twoDays));
            twoDays.setAlerts({early, late, early});
            QCoreApplication::processEvents();
            const auto* header = twoDays.view()->horizontalHeader();
            const int last = header->count() - 1;
            QVERIFY2(header->sectionViewportPosition(last) + header->sectionSize(last) >=
                         twoDays.view()->viewport()->width() - 1,
                     qPrintable(QStringLiteral("the note ends at %1 of %2")
                                    .arg(header->sectionViewportPosition(last) + header->sectionSize(last))
                                    .arg(twoDays.view()->viewport()->width())));
        }
        for (int i = 0; i < table->count(); ++i) { // drawn where their times are
            const auto& a = window.analysis()->alerts()[i];
            const auto span = window.seriesPlot()->drawnSpan(i);
            QCOMPARE(span.first, a.start);
            QVERIFY(span.second >= a.end && span.second < a.end + 1e-3);
        }

        // Reviewed on the series: the context menu at an alert rejects it, the list staying on it.
        {
            auto* lanes = window.seriesPlot()->plot();
            const auto* axis = lanes->axisRect(0)->axis(QCPAxis::atBottom);
            window.seriesPlot()->showAll();
            lanes->replot();
            const auto& a = window.analysis()->alerts()[glitch];
            // Three pixels past its end: an alert of a few rows is a pixel wide.
            const QPoint over(int(std::ceil(axis->coordToPixel(a.end))) + 3, lanes->axisRect(0)->center().y());
            const auto rightClick = [lanes, over] { QTest::mouseClick(lanes, Qt::RightButton, {}, over); };
            QVERIFY(test::popupTrigger(rightClick, QStringLiteral("rejectedAlert")));
            QCOMPARE(window.analysis()->alerts()[glitch].status, QStringLiteral("rejected"));
            QCOMPARE(table->currentAlert(), glitch);
            QVERIFY(!test::popupActions(rightClick).contains(QStringLiteral("deleteAlert"))); // a model's
            QTimer::singleShot(600, [] {
                if (auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget())) {
                    dialog->setTextValue(QStringLiteral("altimeter dropout"));
                    dialog->accept();
                }
            });
            QVERIFY(test::popupTrigger(rightClick, QStringLiteral("alertNote")));
            QCOMPARE(window.analysis()->alerts()[glitch].note, QStringLiteral("altimeter dropout"));
            window.analysis()->undoStack()->undo();
            window.analysis()->undoStack()->undo();
            QCOMPARE(window.analysis()->alerts()[glitch].status, QStringLiteral("new"));
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
        // Delete removes such a mark (undoable), never a model's alert.
        table->setStatusFilter(QString());
        window.analysis()->undoStack()->redo();
        table->view()->setFocus();
        table->setCurrentAlert(alertsBefore);
        QTest::keyClick(table->view(), Qt::Key_Delete);
        QCOMPARE(table->count(), alertsBefore);
        window.analysis()->undoStack()->undo();
        QCOMPARE(table->count(), alertsBefore + 1);
        QCOMPARE(table->alert(alertsBefore).model, QStringLiteral("analyst"));
        table->setCurrentAlert(glitch);
        QTest::keyClick(table->view(), Qt::Key_Delete);
        QCOMPARE(table->count(), alertsBefore + 1);
        window.analysis()->undoStack()->undo(); // the mark itself
        QCOMPARE(table->count(), alertsBefore);
        QCOMPARE(table->alert(glitch).status, QStringLiteral("confirmed"));
        // From the keyboard: a span selected on the lanes, then Edit → Mark Selection as Anomaly.
        auto* markAction = window.findChild<QAction*>(QStringLiteral("markAnomalyAction"));
        QVERIFY(markAction && markAction->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_M));
        window.seriesPlot()->setSelection(from, from + 1.5);
        markAction->trigger();
        QCOMPARE(table->count(), alertsBefore + 1);
        QCOMPARE(table->alert(alertsBefore).model, QStringLiteral("analyst"));
        markAction->trigger(); // the selection was used up: nothing more is marked
        QCOMPARE(table->count(), alertsBefore + 1);
        window.analysis()->undoStack()->undo();
        QCOMPARE(table->count(), alertsBefore);

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
        QVERIFY(box && box->text().contains(QStringLiteral("broken.fathom could not be opened")));
        QVERIFY2(box->informativeText().contains(broken), qPrintable(box->informativeText()));
        QCOMPARE(again.projectPath(), projectFile);
        QCOMPARE(again.alertTable()->count(), table->count());
    }

    void cancelLeavesTheDockReadyForAnotherRun()
    {
        QTemporaryDir dir;
        auto startup = fakeStartup();
        MainWindow window(*startup);
        const auto sensors = openDemoSeries(window, dir, 400);
        QVERIFY(!sensors.isEmpty());
        auto* panel = window.trainingPanel();
        auto settings = demoSettings(sensors, {QStringLiteral("lstm"), QStringLiteral("gru")}, 16);
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

    // File → Open Sensor Series on another file while alerts of the first are listed: they are of the
    // first's rows, so they leave the list and the saved project keeps them.
    void anotherSeriesBeginsAProjectOfItsOwn()
    {
        QTemporaryDir dir, other;
        auto startup = fakeStartup();
        MainWindow window(*startup);
        const auto first = openDemoSeries(window, dir, 300);
        QVERIFY(!first.isEmpty());
        AnalysisController::ReviewedAlert a;
        a.start = 1763880005;
        a.end = 1763880006;
        a.startRow = 50;
        a.endRow = 60;
        a.model = QStringLiteral("spike");
        a.status = QStringLiteral("confirmed");
        window.analysis()->setAlerts({a});
        const auto projectFile = dir.filePath(QStringLiteral("first.fathom"));
        QVERIFY(window.saveProject(projectFile));
        QVERIFY(window.switchSeries(first)); // the same file: nothing changes
        QCOMPARE(window.analysis()->alerts().size(), 1);
        sonar::SurveySimulator::Options options;
        options.pings = 300;
        options.seed = 5;
        const auto files = sonar::writeDemoSurvey(other.path().toStdString(), options);
        QSignalSpy opened(window.analysis(), &AnalysisController::seriesOpened);
        QVERIFY(window.switchSeries(QString::fromStdString(files[2].string())));
        QVERIFY(opened.wait(20000));
        QVERIFY(window.analysis()->alerts().isEmpty());
        QVERIFY(window.projectPath().isEmpty());
        QCOMPARE(project::load(projectFile.toStdString()).alerts.size(), std::size_t(1));
    }

    void ensembleShowsItsMembersAndBand()
    {
        QTemporaryDir dir;
        auto startup = fakeStartup();
        MainWindow window(*startup);
        const auto sensors = openDemoSeries(window, dir, 300);
        QVERIFY(!sensors.isEmpty());
        auto settings = demoSettings(sensors, {QStringLiteral("ensemble")}, 8);
        settings.epochs = 1;
        QSignalSpy detected(window.analysis(), &AnalysisController::alertsDetected);
        window.analysis()->train(settings);
        QVERIFY(detected.wait(180000));
        auto* plot = window.seriesPlot();
        QVERIFY(plot->hasBand(QStringLiteral("ensemble")));
        for (const char* member : {"lstm", "gru", "cnn_lstm", "spike", "rule"})
            QVERIFY2(plot->forecasts().contains(QStringLiteral("ensemble · %1").arg(QLatin1String(member))), member);
    }
};

QTEST_MAIN(TestAnalysis)
#include "tst_analysis.moc"
