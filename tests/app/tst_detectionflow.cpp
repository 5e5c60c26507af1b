// Contacts and the project around them, in a window with a simulated line open: Tools → Detection
// Settings, detection's progress and Cancel, and another survey beginning a project of its own.
#include "app/windowfixture.h"
#include "contactscontroller.h"
#include "detectionsettingsdialog.h"
#include "project/project.h"
#include "sonar/simulator.h"
#include "surveycontroller.h"
#include "waterfallview.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <functional>

using namespace fathom;
using fathom::test::LineWindow;

class TestDetectionFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("FathomTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_detectionflow"));
        QSettings().clear();
    }

    // Tools → Detection Settings: what the next detection uses, saved with the project. Accepted with
    // a water-column echo threshold above the spheres' and a higher lowest CNN score, contacts are
    // proposed again: the moored spheres go, every CNN score kept is that high, and the contact the
    // analyst reviewed stays.
    void detectionSettingsAreEditedSavedAndUsed()
    {
        QTemporaryDir dir;
        sonar::SurveySimulator::Options options;
        options.seed = 13;
        options.pings = 1500;
        options.mooredObjects = 2;
        LineWindow line;
        QVERIFY(line.open(dir.path(), options));
        auto& window = line.window;
        auto* contacts = window.contacts();
        QSignalSpy detected(contacts, &ContactsController::detected);
        contacts->detect(window.survey()->file());
        QVERIFY(detected.wait(60000));
        const auto count = [&](const std::function<bool(const project::ContactRecord&)>& which) {
            return std::count_if(contacts->contacts().begin(), contacts->contacts().end(), which);
        };
        const auto floating = [](const project::ContactRecord& c) { return c.inWaterColumn(); };
        const auto cnnBelow = [](double score) {
            return [score](const project::ContactRecord& c) {
                return c.detectorScores.count("cnn") && c.detectorScores.at("cnn") < score;
            };
        };
        QCOMPARE(count(floating), 2L);
        QVERIFY(count(cnnBelow(0.9)) >= 3);
        // One reviewed on the seabed, with a CNN score below what will be asked.
        const auto weak = std::find_if(contacts->contacts().begin(), contacts->contacts().end(), cnnBelow(0.9));
        const long long reviewedPing = weak->ping;
        contacts->review(int(weak - contacts->contacts().begin()), QStringLiteral("confirmed"));

        auto* action = window.findChild<QAction*>(QStringLiteral("detectionSettingsAction"));
        QVERIFY(action);
        action->trigger();
        auto* dialog = window.findChild<DetectionSettingsDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        auto* highlight = dialog->findChild<QDoubleSpinBox*>(QStringLiteral("highlight"));
        QCOMPARE(highlight->value(), sonar::ClassicalOptions{}.highlight);
        // The water column's echoes asked to stand 100 × above it (the spheres' stand 30–45 ×).
        auto* lookUp = dialog->findChild<QCheckBox*>(QStringLiteral("waterColumn"));
        auto* echo = dialog->findChild<QDoubleSpinBox*>(QStringLiteral("waterColumnEcho"));
        QVERIFY(lookUp->isChecked() && echo->isEnabled());
        lookUp->setChecked(false);
        QVERIFY(!echo->isEnabled()); // nothing to set while it does not look
        lookUp->setChecked(true);
        echo->setValue(100);
        dialog->findChild<QDoubleSpinBox*>(QStringLiteral("minCnnScore"))->setValue(0.9);
        dialog->accept();
        QVERIFY(detected.wait(60000)); // proposed again with them
        QCOMPARE(count(floating), 0L);
        QCOMPARE(count(cnnBelow(0.9)), 1L); // the reviewed one alone
        QVERIFY(count([&](const auto& c) { return c.ping == reviewedPing && c.status == "confirmed"; }) == 1);
        QCOMPARE(contacts->detection().classical.waterColumn.highlight, 100.0);

        // Saved with the project, and shown again; Restore Defaults puts Fathom's back, Cancel keeps them.
        const auto projectFile = QDir(dir.path()).filePath(QStringLiteral("tuned.fathom"));
        QVERIFY(window.saveProject(projectFile));
        const auto saved = project::load(projectFile.toStdString());
        QCOMPARE(saved.detection.minCnnScore, 0.9);
        QCOMPARE(saved.detection.classical.waterColumn.highlight, 100.0);
        QTRY_VERIFY(!window.findChild<DetectionSettingsDialog*>()); // the first one closed and gone
        action->trigger();
        dialog = window.findChild<DetectionSettingsDialog*>();
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QDoubleSpinBox*>(QStringLiteral("minCnnScore"))->value(), 0.9);
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::RestoreDefaults)->click();
        QVERIFY(dialog->settings() == project::DetectionRecord{});
        dialog->reject();
        QCOMPARE(contacts->detection().minCnnScore, 0.9);
    }

    // Values finer than the boxes show (fathom-cli detect --project records any) survive OK
    // unchanged; one the analyst edits is taken as shown.
    void finerSettingsSurviveTheDialog()
    {
        project::DetectionRecord fine;
        fine.classical.highlight = 2.345;
        fine.classical.minShadowMetres = 0.37;
        fine.minCnnScore = 0.333;
        DetectionSettingsDialog dialog(fine);
        QVERIFY(dialog.settings() == fine);
        auto* highlight = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("highlight"));
        highlight->setValue(2.4);
        QCOMPARE(dialog.settings().classical.highlight, 2.4);
        QCOMPARE(dialog.settings().minCnnScore, 0.333);
    }

    // File → Open Survey on another file while contacts of the first are listed: they belong to the
    // first, so they leave the list (and the waterfall) and the saved project keeps them; the new
    // survey starts a project of its own.
    void anotherSurveyBeginsAProjectOfItsOwn()
    {
        QTemporaryDir dir;
        sonar::SurveySimulator::Options options;
        options.pings = 300;
        options.samples = 256;
        LineWindow line;
        QVERIFY(line.open(dir.path() + QStringLiteral("/a"), options));
        auto& window = line.window;
        const auto first = window.survey()->file()->path();
        options.seed = 2;
        const auto second = sonar::writeDemoSurvey((dir.path() + QStringLiteral("/b")).toStdString(), options);
        project::ContactRecord c;
        c.ping = 120;
        c.firstPing = 115;
        c.lastPing = 125;
        c.nearSlant = 20;
        c.farSlant = 22;
        c.groundRange = 19;
        c.nearGround = 18;
        c.farGround = 21;
        c.status = "confirmed";
        window.contacts()->setContacts({c});
        QCOMPARE(window.waterfall()->marks().size(), 1);
        const auto projectFile = QDir(dir.path()).filePath(QStringLiteral("a.fathom"));
        QVERIFY(window.saveProject(projectFile));
        // The same file again changes nothing.
        QVERIFY(window.switchSurvey(QString::fromStdString(first.string())));
        QCOMPARE(window.contacts()->contacts().size(), std::size_t(1));
        QVERIFY(window.switchSurvey(QString::fromStdString(second[0].string())));
        QVERIFY(window.contacts()->contacts().empty());
        QVERIFY(window.waterfall()->marks().isEmpty());
        QVERIFY(window.projectPath().isEmpty());
        QCOMPARE(project::load(projectFile.toStdString()).contacts.size(), std::size_t(1));
        QTRY_VERIFY_WITH_TIMEOUT(
            window.survey()->file() && window.survey()->file()->path() == std::filesystem::path(second[0]), 10000);
    }

    // Detect Contacts shows how far it is in the status bar, with Cancel beside it: cancelled, the
    // contacts are as they were (not what part of the file gave).
    void detectionShowsItsProgressAndCancels()
    {
        QTemporaryDir dir;
        sonar::SurveySimulator::Options options;
        options.pings = 3000;
        LineWindow line;
        QVERIFY(line.open(dir.path(), options));
        auto& window = line.window;
        auto* bar = window.findChild<QProgressBar*>(QStringLiteral("detectionProgress"));
        auto* cancel = window.findChild<QToolButton*>(QStringLiteral("detectionCancel"));
        QVERIFY(bar && cancel && !bar->isVisible() && !cancel->isVisible());
        auto* contacts = window.contacts();
        QSignalSpy detected(contacts, &ContactsController::detected);
        QSignalSpy cancelled(contacts, &ContactsController::detectionCancelled);
        QVector<int> seen;
        connect(contacts, &ContactsController::detectionProgress, this, [&](int percent) { seen << percent; });
        contacts->detect(window.survey()->file());
        QVERIFY(bar->isVisible() && cancel->isVisible());
        QVERIFY(detected.wait(60000));
        QVERIFY(!bar->isVisible() && !cancel->isVisible());
        QVERIFY2(seen.size() >= 5 && std::is_sorted(seen.begin(), seen.end()) && seen.last() >= 90,
                 qPrintable(QString::number(seen.size())));
        const auto before = contacts->contacts().size();
        QVERIFY(before > 0);
        contacts->detect(window.survey()->file());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(cancelled.wait(60000));
        QCOMPARE(detected.count(), 1);
        QCOMPARE(contacts->contacts().size(), before);
        QVERIFY(!bar->isVisible());
        QVERIFY2(window.statusBar()->currentMessage().startsWith(QStringLiteral("Detection cancelled")),
                 qPrintable(window.statusBar()->currentMessage()));
        // Other contacts opened while it runs (another project, another survey): what it finds is
        // not merged into them.
        contacts->detect(window.survey()->file());
        contacts->setContacts({});
        QVERIFY(cancelled.wait(60000));
        QVERIFY(contacts->contacts().empty());
        QCOMPARE(detected.count(), 1);
        QVERIFY(!bar->isVisible());
    }
};

QTEST_MAIN(TestDetectionFlow)
#include "tst_detectionflow.moc"
