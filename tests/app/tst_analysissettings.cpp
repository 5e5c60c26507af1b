// The settings an analyst gives the analysis, offscreen: the models' sizes (Model Settings), several
// data files as one data set, and how scores become alerts (Alert Settings) — each used and kept
// with the project.
#include "alertsettingsdialog.h"
#include "alerttable.h"
#include "analysiscontroller.h"
#include "app/windowfixture.h"
#include "mainwindow.h"
#include "sonar/simulator.h"
#include "trainingpanel.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace fathom;
using fathom::test::demoSettings;
using fathom::test::SeriesWindow;

class TestAnalysisSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("FathomTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_analysissettings"));
        QSettings().clear();
    }

    void modelSettingsShapeThePatchTstTrained()
    {
        // Training dock → Model Settings…: sizes a PatchTST cannot have keep OK off with the reason;
        // the sizes taken train the model and come back with the project.
        SeriesWindow line(400);
        QVERIFY(!line.sensors.isEmpty());
        auto& [dir, startup, window, sensors] = line;
        auto* panel = window.trainingPanel();
        auto settings = demoSettings(sensors, {QStringLiteral("patchtst")}, 32);
        settings.epochs = 1;
        panel->setSettings(settings);
        QCOMPARE(panel->settings().sizes.width, 128); // the model's own default
        bool sawProblem = false, okWasOff = false, okCameBack = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog && dialog->objectName() == QStringLiteral("modelSettings"));
            auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
            dialog->findChild<QSpinBox*>(QStringLiteral("width"))->setValue(24);
            dialog->findChild<QSpinBox*>(QStringLiteral("heads"))->setValue(5);
            auto* problem = dialog->findChild<QLabel*>(QStringLiteral("sizesProblem"));
            sawProblem = !problem->isHidden() && problem->text().contains(QStringLiteral("multiple"));
            okWasOff = !ok->isEnabled();
            dialog->findChild<QSpinBox*>(QStringLiteral("heads"))->setValue(4);
            dialog->findChild<QSpinBox*>(QStringLiteral("layers"))->setValue(1);
            dialog->findChild<QDoubleSpinBox*>(QStringLiteral("dropout"))->setValue(0.3);
            okCameBack = ok->isEnabled() && problem->isHidden();
            ok->click();
        });
        panel->modelSettingsButton()->click();
        QVERIFY(sawProblem && okWasOff && okCameBack);
        QCOMPARE(panel->settings().sizes.width, 24);
        QVERIFY(panel->modelSettingsButton()->toolTip().contains(QStringLiteral("width 24, heads 4, layers 1")));
        QSignalSpy finished(window.analysis(), &AnalysisController::trainingFinished);
        QTest::mouseClick(panel->trainButton(), Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), false);
        QFile config(dir.filePath(QStringLiteral("models/patchtst/config.json")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const auto json = QJsonDocument::fromJson(config.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("model_width")).toInt(), 24);
        QCOMPARE(json.value(QStringLiteral("heads")).toInt(), 4);
        QCOMPARE(json.value(QStringLiteral("layers")).toInt(), 1);
        QVERIFY(std::abs(json.value(QStringLiteral("dropout")).toDouble() - 0.3) < 1e-6);

        const auto file = dir.filePath(QStringLiteral("survey.fathom"));
        QVERIFY(window.saveProject(file));
        MainWindow reopened(*startup);
        QVERIFY(reopened.openProject(file));
        QVERIFY(reopened.trainingPanel()->settings().sizes == panel->settings().sizes);
    }

    void severalFilesTrainAsOneDataSet()
    {
        // Two survey lines' sensors in the Data field train one model on both, in order; the
        // project keeps the pair; a file whose channels differ is refused by name.
        SeriesWindow line(300);
        QVERIFY(!line.sensors.isEmpty());
        auto& [dir, startup, window, first] = line;
        sonar::SurveySimulator::Options options;
        options.pings = 300;
        options.seed = 5;
        const auto second = QString::fromStdString(
            sonar::writeDemoSurvey(dir.filePath(QStringLiteral("line2")).toStdString(), options)[2].string());
        auto* panel = window.trainingPanel();
        auto settings = demoSettings(TrainingPanel::joinDataFiles({first, second}), {QStringLiteral("dlinear")}, 16);
        settings.epochs = 1;
        panel->setSettings(settings);
        QCOMPARE(panel->settings().dataFiles(), (QStringList{first, second}));
        QSignalSpy finished(window.analysis(), &AnalysisController::trainingFinished);
        QTest::mouseClick(panel->trainButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.last().first().toBool(), false);
        QFile config(dir.filePath(QStringLiteral("models/dlinear/config.json")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const auto json = QJsonDocument::fromJson(config.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("trained_on")).toString(), first + QStringLiteral(", ") + second);
        // 70 % of both lines' 600 rows is past the first line's 300: the parts span the pair.
        QVERIFY(json.value(QStringLiteral("parts")).toObject().value(QStringLiteral("validation_row")).toInt() > 300);

        const auto file = dir.filePath(QStringLiteral("pair.fathom"));
        QVERIFY(window.saveProject(file));
        MainWindow reopened(*startup);
        QSignalSpy opened(reopened.analysis(), &AnalysisController::seriesOpened);
        QVERIFY(reopened.openProject(file));
        QVERIFY(opened.wait(20000));
        QCOMPARE(reopened.analysis()->seriesPath(), first);
        QCOMPARE(reopened.trainingPanel()->settings().dataFiles(), (QStringList{first, second}));

        QFile odd(dir.filePath(QStringLiteral("odd.csv")));
        QVERIFY(odd.open(QIODevice::WriteOnly));
        odd.write("time,altitude_m\n2025-11-23 07:00:00,10\n");
        odd.close();
        settings.data = TrainingPanel::joinDataFiles({first, odd.fileName()});
        panel->setSettings(settings);
        QSignalSpy failed(window.analysis(), &AnalysisController::failed);
        QTest::mouseClick(panel->trainButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(odd.fileName()));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("channels differ")));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("models/dlinear/weights.pt")))); // the model trained before
        QVERIFY(panel->trainButton()->isEnabled());
    }

    void alertSettingsFindAlertsAgainAndKeepTheReview()
    {
        // Tools → Alert Settings: a lower threshold finds more alerts, a longer shortest alert
        // fewer; what the analyst confirmed stays whatever the rules; Restore Defaults goes back to
        // the model's own; the project keeps the rules.
        SeriesWindow line(400);
        QVERIFY(!line.sensors.isEmpty());
        auto& [dir, startup, window, sensors] = line;
        auto settings = demoSettings(sensors, {QStringLiteral("dlinear")}, 16);
        settings.epochs = 2;
        window.trainingPanel()->setSettings(settings);
        auto* analysis = window.analysis();
        QSignalSpy detected(analysis, &AnalysisController::alertsDetected);
        QTest::mouseClick(window.trainingPanel()->trainButton(), Qt::LeftButton);
        QVERIFY(detected.wait(120000));
        const auto own = analysis->alerts().size();
        QVERIFY(!analysis->alertRules()); // the model's own
        // Also from the Alerts dock itself.
        window.findChild<QToolButton*>(QStringLiteral("alertSettingsButton"))->click();
        auto* fromDock = window.findChild<AlertSettingsDialog*>();
        QVERIFY(fromDock && fromDock->isVisible());
        QCOMPARE(fromDock->findChild<QDoubleSpinBox*>(QStringLiteral("threshold"))->value(), 1.0);
        // What a change would do is said before it is made.
        auto* count = fromDock->findChild<QLabel*>(QStringLiteral("alertCount"));
        const auto said = QStringLiteral("(%1 now)").arg(own);
        QVERIFY2(!count->isHidden() && count->text().contains(said), qPrintable(count->text()));
        fromDock->findChild<QDoubleSpinBox*>(QStringLiteral("threshold"))->setValue(0.3);
        const auto more = QRegularExpression(QStringLiteral("finds (\\d+) alert")).match(count->text());
        QVERIFY2(more.hasMatch() && more.captured(1).toInt() > own, qPrintable(count->text()));
        fromDock->reject();
        QTRY_VERIFY(!window.findChild<AlertSettingsDialog*>());
        const auto change = [&](const std::function<void(QDialog*)>& edit) {
            auto* dialog = window.editAlertSettings();
            edit(dialog);
            dialog->accept();
        };
        change([](QDialog* d) { d->findChild<QDoubleSpinBox*>(QStringLiteral("threshold"))->setValue(0.3); });
        QVERIFY(detected.wait(60000));
        QVERIFY2(analysis->alerts().size() > own,
                 qPrintable(QStringLiteral("%1 against %2").arg(analysis->alerts().size()).arg(own)));
        QVERIFY(window.isWindowModified());
        analysis->review(0, QStringLiteral("confirmed"));
        const auto confirmed = analysis->alerts().first();
        auto* table = window.findChild<AlertTable*>();
        table->setCurrentAlert(0);
        QVERIFY2(table->details().contains(QStringLiteral("alerts above 0.3 by the Alert Settings")),
                 qPrintable(table->details()));

        change([](QDialog* d) { d->findChild<QSpinBox*>(QStringLiteral("minimumRows"))->setValue(100000); });
        QVERIFY(detected.wait(60000));
        QCOMPARE(analysis->alerts().size(), 1); // none is that long: the confirmed one stays
        QCOMPARE(analysis->alerts().first().status, QStringLiteral("confirmed"));
        QCOMPARE(analysis->alerts().first().startRow, confirmed.startRow);

        const auto file = dir.filePath(QStringLiteral("rules.fathom"));
        QVERIFY(window.saveProject(file));
        MainWindow reopened(*startup);
        QVERIFY(reopened.openProject(file));
        QVERIFY(reopened.analysis()->alertRules() && reopened.analysis()->alertRules()->minimumLength == 100000);
        QCOMPARE(reopened.analysis()->alerts().size(), 1); // as saved, not found again on opening

        change(
            [](QDialog* d) { d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::RestoreDefaults)->click(); });
        QVERIFY(detected.wait(60000));
        QVERIFY(!analysis->alertRules());
        QVERIFY(std::any_of(analysis->alerts().begin(), analysis->alerts().end(), [&](const auto& a) {
            return a.status == QLatin1String("confirmed") && a.startRow <= confirmed.endRow &&
                   confirmed.startRow <= a.endRow;
        }));
    }
};

QTEST_MAIN(TestAnalysisSettings)
#include "tst_analysissettings.moc"
