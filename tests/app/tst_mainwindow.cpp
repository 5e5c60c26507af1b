#include "aboutdialog.h"
#include "analysiscontroller.h"
#include "app/windowfixture.h"
#include "common/logging.h"
#include "devicepanel.h"
#include "logtext.h"
#include "ml/models.h"
#include "shortcutsdialog.h"
#include "sonar/georeference.h"
#include "sonar/simulator.h"
#include "surveycontroller.h"

#include <qcustomplot.h>

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUndoStack>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

using namespace fathom;
using fathom::test::fakeStartup;

namespace {

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
        // The first time it takes the screen's free area where that is under 1400 × 900 (this
        // one is 800 × 800), down to the least its docks need.
        const auto free = window.screen()->availableGeometry().size();
        const auto least = window.minimumSizeHint();
        QVERIFY2(window.width() <= std::max(free.width(), least.width()) &&
                     window.height() <= std::max(free.height(), least.height()) && window.width() < 1400,
                 qPrintable(QStringLiteral("%1 × %2 on %3 × %4")
                                .arg(window.width())
                                .arg(window.height())
                                .arg(free.width())
                                .arg(free.height())));
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
        // Edit → Undo/Redo in Korean before any edit, and named after the edit once there is one
        const auto editActions = window.menuBar()->actions().at(1)->menu()->actions();
        QCOMPARE(editActions.at(0)->text(), QStringLiteral("실행 취소(&U)"));
        QVERIFY(!editActions.at(0)->isEnabled());
        auto* stack = window.analysis()->undoStack();
        stack->push(new QUndoCommand(QStringLiteral("경보 확인")));
        QCOMPARE(editActions.at(0)->text(), QStringLiteral("경보 확인 실행 취소(&U)"));
        QVERIFY(editActions.at(0)->isEnabled());
        editActions.at(0)->trigger();
        QCOMPARE(editActions.at(1)->text(), QStringLiteral("경보 확인 다시 실행(&R)"));
        QVERIFY(editActions.at(1)->isEnabled() && !editActions.at(0)->isEnabled());
        stack->clear();
        window.setLanguage(QStringLiteral("en"));
        QCOMPARE(editActions.at(0)->text(), QStringLiteral("&Undo"));
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
            if (action->data().toString().isEmpty())
                continue; // the separator and bf16 inference below the devices
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

        // bf16 inference on the CPU: off as configured, on for every later forecast, remembered.
        auto* bf16 = window.findChild<QAction*>(QStringLiteral("bf16InferenceAction"));
        QVERIFY(bf16 && devices->actions().contains(bf16) && !bf16->isChecked());
        QCOMPARE(ml::cpuInferencePrecision(), std::string("fp32"));
        // The Devices dock shows it under the CPU.
        const auto shownInference = [&] {
            const auto* tree = window.devicePanel()->tree();
            for (int i = 0; i < tree->topLevelItemCount(); ++i)
                if (tree->topLevelItem(i)->text(0) == QLatin1String("cpu"))
                    for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j)
                        if (tree->topLevelItem(i)->child(j)->text(0) == QLatin1String("Inference"))
                            return tree->topLevelItem(i)->child(j)->text(1);
            return QString();
        };
        QCOMPARE(shownInference(), QStringLiteral("fp32"));
        bf16->trigger();
        QCOMPARE(ml::cpuInferencePrecision(), std::string("bf16"));
        QVERIFY(QSettings().value(QStringLiteral("compute/bf16Inference")).toBool());
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("bf16")));
        QVERIFY2(shownInference().startsWith(QStringLiteral("bf16")), qPrintable(shownInference()));
        bf16->trigger();
        QCOMPARE(ml::cpuInferencePrecision(), std::string("fp32"));
        QCOMPARE(shownInference(), QStringLiteral("fp32"));
        QVERIFY(!QSettings().value(QStringLiteral("compute/bf16Inference")).toBool());
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

    // Help → Keyboard Shortcuts lists every menu command with a key, read from the menus, and the
    // views' and lists' keys, in the interface's language.
    void shortcutsListEveryMenuKeyInTheLanguageShown()
    {
        auto startup = fakeStartup();
        MainWindow window(*startup);
        window.setLanguage(QStringLiteral("en"));
        const auto has = [](const std::vector<std::pair<QString, QString>>& rows, const QString& what,
                            const QString& keys) {
            return std::find(rows.begin(), rows.end(), std::pair{what, keys}) != rows.end();
        };
        auto rows = ShortcutsDialog::entries(window.menuBar());
        QVERIFY(has(rows, QStringLiteral("File → Report…"), QStringLiteral("Ctrl+R")));
        QVERIFY(has(rows, QStringLiteral("Tools → Detect Contacts"), QStringLiteral("Ctrl+D")));
        QVERIFY(has(rows, QStringLiteral("Tools → Detection Settings…"), QStringLiteral("Ctrl+Alt+D")));
        QVERIFY(has(rows, QStringLiteral("Help → Keyboard Shortcuts"), QStringLiteral("Ctrl+/")));
        QVERIFY(has(rows, QStringLiteral("Next, previous"), QStringLiteral("J, K")));
        int keyed = 0; // every menu action with a key is listed
        const std::function<void(const QMenu*)> count = [&](const QMenu* menu) {
            for (const auto* action : menu->actions())
                action->menu() ? count(action->menu()) : void(keyed += action->shortcut().isEmpty() ? 0 : 1);
        };
        for (const auto* action : window.menuBar()->actions())
            if (action->menu())
                count(action->menu());
        QVERIFY(keyed >= 10);
        QStringList keys; // no two commands answer one key
        for (const auto& [what, key] : rows)
            if (what.contains(QStringLiteral(" → "))) {
                QVERIFY2(!keys.contains(key), qPrintable(what + QStringLiteral(" shares ") + key));
                keys << key;
            }
        QCOMPARE(int(std::count_if(rows.begin(), rows.end(),
                                   [](const auto& row) { return row.first.contains(QStringLiteral(" → ")); })),
                 keyed);
        window.setLanguage(QStringLiteral("ko"));
        rows = ShortcutsDialog::entries(window.menuBar());
        QVERIFY(has(rows, QStringLiteral("파일 → 보고서…"), QStringLiteral("Ctrl+R")));
        QVERIFY(has(rows, QStringLiteral("다음, 이전"), QStringLiteral("J, K")));
        window.setLanguage(QStringLiteral("en"));
        ShortcutsDialog dialog(window.menuBar());
        QCOMPARE(dialog.findChild<QTableWidget*>(QStringLiteral("shortcutsTable"))->rowCount(),
                 int(ShortcutsDialog::entries(window.menuBar()).size()));
    }

    // Alt and a letter reach every menu item: within a menu no two items share their letter, in
    // either language.
    void menuMnemonicsAreUniqueInEveryMenu()
    {
        auto startup = fakeStartup();
        MainWindow window(*startup);
        const auto mnemonic = [](const QString& text) {
            for (qsizetype i = 0; i + 1 < text.size(); ++i)
                if (text[i] == QLatin1Char('&')) {
                    if (text[i + 1] == QLatin1Char('&')) {
                        ++i;
                        continue;
                    }
                    return text[i + 1].toLower();
                }
            return QChar();
        };
        QStringList clashes;
        for (const auto& language : {QStringLiteral("en"), QStringLiteral("ko")}) {
            window.setLanguage(language);
            const std::function<void(const QMenu*)> check = [&](const QMenu* menu) {
                QMap<QChar, QString> seen;
                for (auto* action : menu->actions()) {
                    if (action->isSeparator() || !action->isVisible())
                        continue;
                    const auto key = mnemonic(action->text());
                    if (!key.isNull() && seen.contains(key))
                        clashes
                            << QStringLiteral("%1: \"%2\" and \"%3\"").arg(language, seen.value(key), action->text());
                    if (!key.isNull())
                        seen[key] = action->text();
                    if (action->menu())
                        check(action->menu());
                }
            };
            for (auto* action : window.menuBar()->actions())
                check(action->menu());
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("; "))));
    }

    void logDockSpeaksTheUsersLanguageAndTheFileEnglish()
    {
        QTemporaryDir dir;
        sonar::SurveySimulator::Options options;
        options.pings = 100;
        const auto files = sonar::writeDemoSurvey(dir.path().toStdString(), options);
        const auto path = QString::fromStdString(files[0].string());
        std::vector<std::string> written; // what the log file and stderr receive
        const int id = logging::addListener([&](const logging::Record& r) { written.push_back(r.text); });
        auto startup = fakeStartup();
        MainWindow window(*startup);
        window.setLanguage(QStringLiteral("ko"));
        window.openSurvey(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.survey()->file() != nullptr, 10000);
        auto* log = window.findChild<QPlainTextEdit*>(QStringLiteral("logView"));
        QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().contains(path), 10000);
        logging::removeListener(id);
        QVERIFY2(!log->toPlainText().contains(QStringLiteral("Opened ")), qPrintable(log->toPlainText()));
        const auto english = "Opened " + path.toStdString();
        QVERIFY(std::find(written.begin(), written.end(), english) != written.end());
        // Arguments go in as they are, a file named with a "%2" in it too.
        QCOMPARE(
            logtext::fill(QStringLiteral("Indexed %1: %2 pings"), {QStringLiteral("a%2b.xtf"), QStringLiteral("7")}),
            QStringLiteral("Indexed a%2b.xtf: 7 pings"));
        window.setLanguage(QStringLiteral("en"));
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
        auto* facts = window.findChild<QTextBrowser*>(QStringLiteral("surveyFacts"));
        QVERIFY(facts);
        QTRY_VERIFY_WITH_TIMEOUT(facts->toPlainText().contains(QStringLiteral("Packets")), 10000); // indexed
        QVERIFY2(facts->toPlainText().contains(QStringLiteral("300, 256 samples a channel")),
                 qPrintable(facts->toPlainText()));
        QVERIFY(facts->toPlainText().contains(QStringLiteral("starboard")));
        // In Korean, the same facts under Korean names.
        window.setLanguage(QStringLiteral("ko"));
        QVERIFY2(facts->toPlainText().contains(QStringLiteral("우현")) &&
                     !facts->toPlainText().contains(QStringLiteral("Packets")),
                 qPrintable(facts->toPlainText()));
        window.setLanguage(QStringLiteral("en"));

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

    // Help → Open Demo Survey writes the demo into the state folder and opens its project: the line
    // on the waterfall, its series, its models training for the first time.
    void helpMenuOpensTheDemo()
    {
        QTemporaryDir state;
        const auto previous = qgetenv("XDG_STATE_HOME");
        qputenv("XDG_STATE_HOME", state.path().toUtf8());
        {
            auto startup = fakeStartup();
            MainWindow window(*startup);
            window.setLanguage(QStringLiteral("en"));
            window.show();
            QSignalSpy training(window.analysis(), &AnalysisController::trainingStarted);
            auto* action = window.findChild<QAction*>(QStringLiteral("openDemo"));
            QVERIFY(action);
            QCOMPARE(action->text(), QStringLiteral("Open &Demo Survey"));
            action->trigger();
            const auto demo = QDir(state.path()).filePath(QStringLiteral("fathom/demo"));
            QCOMPARE(window.projectPath(), QDir(demo).filePath(QStringLiteral("demo.fathom")));
            QTRY_VERIFY_WITH_TIMEOUT(window.survey()->file() != nullptr, 20000);
            QVERIFY(QFileInfo::exists(QDir(demo).filePath(QStringLiteral("survey.xtf"))));
            QTRY_VERIFY_WITH_TIMEOUT(training.count() == 1, 20000); // its models, the first time
            QSignalSpy finished(window.analysis(), &AnalysisController::trainingFinished);
            window.analysis()->cancel();
            QVERIFY(finished.wait(60000));
        }
        if (previous.isEmpty())
            qunsetenv("XDG_STATE_HOME");
        else
            qputenv("XDG_STATE_HOME", previous);
    }

    void badSurveyIsReportedAndTheWindowKeepsWorking()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("broken.xtf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(100, '\x7B')); // an XTF's first byte, then too little
        file.close();
        sonar::SurveySimulator::Options options;
        options.pings = 300;
        const auto good = sonar::writeDemoSurvey((dir.path() + QStringLiteral("/good")).toStdString(), options);
        auto startup = fakeStartup();
        MainWindow window(*startup);
        window.setLanguage(QStringLiteral("en"));
        window.show();
        window.openSurvey(QString::fromStdString(good[0].string()));
        QTRY_VERIFY_WITH_TIMEOUT(window.survey()->file() != nullptr, 20000);
        const auto opened = window.survey()->file();
        window.openSurvey(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QMessageBox*>(QStringLiteral("openError")), 10000);
        auto* box = window.findChild<QMessageBox*>(QStringLiteral("openError"));
        // What failed, in the UI's language; below it the file and what was wrong in it.
        QCOMPARE(box->text(), QStringLiteral("broken.xtf could not be opened as a survey. What was open stays open."));
        QVERIFY2(box->informativeText().contains(path) && box->informativeText().contains(QStringLiteral("truncated")),
                 qPrintable(box->informativeText()));
        QCOMPARE(window.survey()->file(), opened); // the survey open before stays open
        box->close();
        QTRY_VERIFY(!window.findChild<QMessageBox*>(QStringLiteral("openError"))); // deleted on close
        window.setLanguage(QStringLiteral("ko"));
        window.openSurvey(path);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QMessageBox*>(QStringLiteral("openError")), 10000);
        box = window.findChild<QMessageBox*>(QStringLiteral("openError"));
        QVERIFY2(box->text().startsWith(QStringLiteral("broken.xtf")) &&
                     box->text().contains(QStringLiteral("열 수 없습니다")),
                 qPrintable(box->text()));
        QVERIFY(window.isVisible());
        window.requestDevice(QStringLiteral("cpu")); // the rest of the window still answers
        QCOMPARE(startup->devices->active().id, std::string("cpu"));
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
