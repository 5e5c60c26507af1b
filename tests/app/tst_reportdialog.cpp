#include "contactscontroller.h"
#include "core/report/reportfixture.h"
#include "mainwindow.h"
#include "report/report.h"
#include "reportdialog.h"
#include "retraindialog.h"
#include "surveycontroller.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace fathom;

class TestReportDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    project::Project m_project;

private slots:
    void initTestCase()
    {
        QSettings().clear();
        m_project = test::makeReportProject(m_dir.path().toStdString(), 400);
    }

    void writesThePdfInTheBackgroundWithTheSectionsAsOrdered()
    {
        ReportDialog dialog(m_project, {{"Active device", "cpu"}}, QStringLiteral("ko"), QStringLiteral("line7"));
        const auto pdf = m_dir.filePath(QStringLiteral("dialog.pdf"));
        dialog.setOutput(pdf);
        dialog.setSectionChecked(QStringLiteral("device"), false);
        dialog.moveSection(1, 0); // contacts before the summary
        QCOMPARE(dialog.sections(),
                 (QStringList{QStringLiteral("contacts"), QStringLiteral("summary"), QStringLiteral("alerts"),
                              QStringLiteral("models"), QStringLiteral("notes")}));
        QSignalSpy finished(&dialog, &ReportDialog::finished);
        dialog.write();
        QVERIFY(dialog.running());
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY(!dialog.running());
        QVERIFY(QFile::exists(pdf));
        // Korean, as the UI was: the contents list contacts first, and the device section is absent.
        const auto text = test::runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(text.indexOf(QStringLiteral("1. 접촉물")) >= 0);
        QVERIFY(text.indexOf(QStringLiteral("2. 조사 요약")) > text.indexOf(QStringLiteral("1. 접촉물")));
        QVERIFY(!text.contains(QStringLiteral("사용 중인 장치")));
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("reportStatus"))->text().contains(pdf));

        // The choices are remembered for the next report.
        ReportDialog again(m_project, {}, QStringLiteral("en"), QStringLiteral("line7"));
        QCOMPARE(again.output(), pdf);
        QCOMPARE(again.sections(), dialog.sections());
        // Another project's report is proposed under its own name in that folder, never over this one.
        ReportDialog other(m_project, {}, QStringLiteral("en"), QStringLiteral("line8"));
        QCOMPARE(other.output(), m_dir.filePath(QStringLiteral("line8-report.pdf")));
    }

    // How many alerts the report shows, highest scored first, as the command line's --max-alerts;
    // remembered for the next report.
    void showsTheAlertsAskedForAndRemembersHowMany()
    {
        auto project = m_project;
        for (int i = 1; i <= 3; ++i) {
            auto alert = project.alerts.front();
            alert.startRow += 100 * i, alert.endRow += 100 * i, alert.peakRow += 100 * i;
            alert.score = 1.0 + i; // all below the first's 4.2
            project.alerts.push_back(alert);
        }
        ReportDialog dialog(project, {}, QStringLiteral("en"), QStringLiteral("alerts"));
        const auto pdf = m_dir.filePath(QStringLiteral("alerts.pdf"));
        dialog.setOutput(pdf);
        for (const auto* key : {"summary", "contacts", "models", "device", "notes"})
            dialog.setSectionChecked(QString::fromLatin1(key), false);
        auto* language = dialog.findChild<QComboBox*>(QStringLiteral("reportLanguage"));
        language->setCurrentIndex(language->findData(QStringLiteral("en")));
        auto* most = dialog.findChild<QSpinBox*>(QStringLiteral("reportMaxAlerts"));
        QVERIFY(most);
        QCOMPARE(most->value(), 50);
        most->setValue(2);
        QSignalSpy finished(&dialog, &ReportDialog::finished);
        dialog.write();
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        const auto text = test::runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).simplified();
        QVERIFY2(text.contains(QStringLiteral("4 alerts")) && text.contains(QStringLiteral("Shown: the 2 highest")),
                 qPrintable(text.left(400)));
        QVERIFY(text.contains(QStringLiteral("Alert 1 — ")) && text.contains(QStringLiteral("Alert 2 — ")));
        QVERIFY(!text.contains(QStringLiteral("Alert 3 — ")));
        ReportDialog again(project, {}, QStringLiteral("en"), QStringLiteral("alerts"));
        QCOMPARE(again.findChild<QSpinBox*>(QStringLiteral("reportMaxAlerts"))->value(), 2);
    }

    void titleFollowsTheReportsLanguageUntilWritten()
    {
        QSettings().remove(QStringLiteral("report/language"));
        ReportDialog dialog(m_project, {}, QStringLiteral("ko"), QStringLiteral("line7"));
        auto* title = dialog.findChild<QLineEdit*>(QStringLiteral("reportTitle"));
        auto* language = dialog.findChild<QComboBox*>(QStringLiteral("reportLanguage"));
        QVERIFY(title && language);
        QCOMPARE(title->text(), QStringLiteral("조사 보고서 — line7"));
        language->setCurrentIndex(language->findData(QStringLiteral("en")));
        QCOMPARE(title->text(), QStringLiteral("Survey report — line7"));
        title->setText(QStringLiteral("Line 7, second pass"));
        language->setCurrentIndex(language->findData(QStringLiteral("ko")));
        QCOMPARE(title->text(), QStringLiteral("Line 7, second pass")); // the analyst's own stays
    }

    void cancelWritesNothing()
    {
        ReportDialog dialog(m_project, {}, QStringLiteral("en"), QStringLiteral("line7"));
        const auto html = m_dir.filePath(QStringLiteral("cancelled.html"));
        dialog.setOutput(html);
        QSignalSpy finished(&dialog, &ReportDialog::finished);
        dialog.write();
        dialog.cancel();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(!QFile::exists(html));
    }

    void refusesAnUnwritableFolderBeforeBuilding()
    {
        ReportDialog dialog(m_project, {}, QStringLiteral("en"), QStringLiteral("line7"));
        dialog.setOutput(m_dir.filePath(QStringLiteral("missing/folder/r.pdf")));
        dialog.write();
        QVERIFY(!dialog.running());
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("reportStatus"))
                    ->text()
                    .contains(QStringLiteral("missing/folder")));
        dialog.setOutput(m_dir.filePath(QStringLiteral("r.docx")));
        dialog.write();
        QVERIFY(!dialog.running());
    }

    void windowOpensTheDialogFromTheFileMenuAndExportsTheMosaic()
    {
        auto startup = test::fakeStartup();
        MainWindow window(*startup);
        window.show();
        QAction* reportAction = nullptr;
        for (auto* action : window.menuBar()->actions().first()->menu()->actions())
            if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_R))
                reportAction = action;
        QVERIFY(reportAction);
        reportAction->trigger();
        auto* dialog = window.findChild<ReportDialog*>(QStringLiteral("reportDialog"));
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(window.showReportDialog(), dialog); // the same one again while open

        // Without a survey there is nothing to lay out.
        QVERIFY(!window.exportMosaic(m_dir.filePath(QStringLiteral("none.tif"))));
        QSignalSpy opened(window.survey(), &SurveyController::opened);
        window.openSurvey(QString::fromStdString(m_project.survey.string()));
        QVERIFY(opened.wait(30000));
        bool ok = false, done = false;
        const auto tif = m_dir.filePath(QStringLiteral("window.tif"));
        QVERIFY(window.exportMosaic(tif, [&](bool result) {
            ok = result;
            done = true;
        }));
        QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
        QVERIFY(ok);
        QVERIFY(QFile(tif).size() > 1000);
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("window.tif")));
    }

    void retrainDetectorLearnsFromConfirmedContactsAndKeepsTheReview()
    {
        auto startup = test::fakeStartup();
        MainWindow window(*startup);
        QVERIFY(!window.retrainDetector()); // no survey: nothing to learn from, said in the status bar
        QSignalSpy opened(window.survey(), &SurveyController::opened);
        window.openSurvey(QString::fromStdString(m_project.survey.string()));
        QVERIFY(opened.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!window.contacts()->isDetecting(), 60000);

        // Nothing confirmed yet: one clear message, no dialog, the shipped detector stays.
        auto unreviewed = m_project.contacts;
        for (auto& c : unreviewed)
            c.status = "new";
        window.contacts()->setContacts(unreviewed);
        QVERIFY(!window.retrainDetector());
        auto* told = window.findChild<QMessageBox*>(QStringLiteral("retrainNeedsContacts"));
        QVERIFY(told);
        QVERIFY(told->text().contains(QStringLiteral("Confirm some contacts first")));
        QVERIFY(!window.findChild<RetrainDialog*>());
        QVERIFY(!window.contacts()->isRetraining());
        told->close();

        // As an analyst does: the detectors propose, one contact is confirmed with a note.
        QSignalSpy detected(window.contacts(), &ContactsController::detected);
        window.contacts()->detect(window.survey()->file());
        QVERIFY(detected.wait(60000));
        const auto& proposed = window.contacts()->contacts();
        QVERIFY(
            std::any_of(proposed.begin(), proposed.end(), [](const auto& c) { return c.detectorScores.count("cnn"); }));
        window.contacts()->review(0, QStringLiteral("confirmed"));
        window.contacts()->setNote(0, QStringLiteral("bright cylinder, clear shadow"));
        detected.clear();
        const auto shipped = window.contacts()->detectorModel();
        QSignalSpy retrained(window.contacts(), &ContactsController::retrained);
        auto* dialog = window.retrainDetector();
        QVERIFY(dialog);
        QVERIFY(retrained.wait(180000));
        const auto dir = retrained.first().first().toString();
        QVERIFY(QFile::exists(dir + QStringLiteral("/weights.pt")));
        QVERIFY(dir != shipped);
        QCOMPARE(window.contacts()->detectorModel(), dir);
        QVERIFY(dialog->epochsShown() >= 1); // the loss curve grew epoch by epoch
        // Proposed again by the retrained detector, the confirmed contact kept as reviewed.
        QVERIFY(detected.wait(60000));
        const auto& after = window.contacts()->contacts();
        QVERIFY(std::any_of(after.begin(), after.end(), [](const auto& c) {
            return c.status == "confirmed" && c.note == "bright cylinder, clear shadow";
        }));
        QVERIFY(std::any_of(after.begin(), after.end(), [](const auto& c) { return c.detectorScores.count("cnn"); }));
        // The project remembers which detector it uses.
        QCOMPARE(QString::fromStdString(window.currentProject().detectorModel.string()), dir);
        // The report's models section lists the retrained detector with what it learned from.
        report::ReportOptions options;
        options.sections = {report::SectionKind::Models};
        const auto html =
            QString::fromStdString(report::htmlText(report::buildReport(window.currentProject(), options)));
        QVERIFY2(html.contains(QStringLiteral("cnn_detector")), qPrintable(html.left(2000)));
        QVERIFY(html.contains(QStringLiteral("confirmed contacts")));
        QVERIFY(!html.contains(QStringLiteral("class=\"missing\"")));
    }
};

QTEST_MAIN(TestReportDialog)
#include "tst_reportdialog.moc"
