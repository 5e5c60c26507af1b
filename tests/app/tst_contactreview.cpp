// The Contacts dock and the waterfall, offscreen: detection and the review of its contacts, the
// analyst's own contacts (marked by a drag or from the menu), the close-up, the gallery.
#include "analysiscontroller.h"
#include "app/windowfixture.h"
#include "contactcloseup.h"
#include "contactgallery.h"
#include "contactscontroller.h"
#include "contacttable.h"
#include "mainwindow.h"
#include "sonar/georeference.h"
#include "sonar/simulator.h"
#include "surveycontroller.h"
#include "waterfallview.h"
#include "widgets/popupactions.h"

#include <QApplication>
#include <QCheckBox>
#include <QContextMenuEvent>
#include <QFile>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

using namespace fathom;
using fathom::test::fakeStartup;
using fathom::test::LineWindow;

class TestContactReview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("FathomTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_contactreview"));
        QSettings().clear();
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
        QVERIFY(!window.waterfall()->marks()[0].dashed); // a detector's: drawn solid
        // Each contact lies near a planted object.
        const sonar::SurveySimulator sim(options);
        int near = 0;
        for (const auto& c : window.contacts()->contacts())
            near += std::any_of(sim.objects().begin(), sim.objects().end(), [&](const auto& o) {
                return o.channel == c.side && std::llabs(c.ping - (long long)o.ping) <= 15;
            });
        QVERIFY2(near * 10 >= table->count() * 8, qPrintable(QString("%1 of %2").arg(near).arg(table->count())));
        // The CNN column: its own score where it proposed the box, else what it made of the box.
        const int cnnColumn = table->item(0).cells.size() - 1;
        QCOMPARE(table->view()->model()->headerData(cnnColumn, Qt::Horizontal).toString(), QStringLiteral("CNN (%)"));
        for (int i = 0; i < table->count(); ++i) {
            const auto& c = window.contacts()->contacts()[std::size_t(i)];
            const double cnn = c.detectorScores.count("cnn") ? c.detectorScores.at("cnn") : c.cnnObjectness;
            QCOMPARE(table->item(i).cells[cnnColumn], QString::number(std::lround(cnn * 100)));
        }
        // A box the classical detector proposed alone says what the CNN made of it; sorted by the
        // CNN's column, it comes first.
        {
            auto list = window.contacts()->contacts();
            auto alone = list.back();
            alone.ping += 40;
            alone.sample += 200;
            alone.detector = "classical";
            alone.cls.clear();
            alone.score = 0.31;
            alone.detectorScores = {{"classical", 0.31}};
            alone.cnnClass = "rock";
            alone.cnnClassProbability = 0.4;
            alone.cnnObjectness = 0.02;
            list.push_back(alone);
            window.contacts()->setContacts(list);
            const int last = table->count() - 1;
            QCOMPARE(table->item(last).cells[cnnColumn], QStringLiteral("2"));
            table->setCurrentIndex(last);
            QVERIFY2(table->details().contains(
                         QStringLiteral("score 0.31 (classical 0.31); the CNN sees no object in its box (2 %)")),
                     qPrintable(table->details()));
            table->view()->sortByColumn(cnnColumn, Qt::AscendingOrder);
            QCOMPARE(table->sortedIndices().first(), last);
            table->view()->sortByColumn(0, Qt::AscendingOrder);
            list.pop_back();
            window.contacts()->setContacts(list);
        }

        // Keyboard review: C confirms, 1 classes it a cylinder; undo takes the class back.
        table->setCurrentIndex(0);
        const auto ping = window.contacts()->contacts()[0].ping;
        QVERIFY(window.waterfall()->currentRequest().firstPing <= ping); // the waterfall went to it
        table->view()->setFocus();
        QTest::keyClick(table->view(), Qt::Key_C);
        QCOMPARE(table->item(0).status, QStringLiteral("confirmed"));
        // The review keys work over the waterfall too: J to the next contact, X rejects it (and
        // goes on), undo brings it back.
        {
            auto* canvas = window.waterfall()->findChild<QWidget*>(QStringLiteral("waterfallCanvas"));
            table->moveCurrent(-table->count()); // the list's first row, as sorted
            const int first = table->currentIndex();
            canvas->setFocus();
            QTest::keyClick(canvas, Qt::Key_J);
            const int second = table->currentIndex();
            QVERIFY(second >= 0 && second != first);
            const auto before = window.contacts()->contacts()[std::size_t(second)].status;
            QTest::keyClick(canvas, Qt::Key_X);
            QCOMPARE(window.contacts()->contacts()[std::size_t(second)].status, std::string("rejected"));
            window.analysis()->undoStack()->undo();
            QCOMPARE(window.contacts()->contacts()[std::size_t(second)].status, before);
            // Enter over the waterfall edits the chosen contact's note, in the list.
            const int chosen = table->currentIndex();
            QTest::keyClick(canvas, Qt::Key_Return);
            auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
            QVERIFY(editor && table->view()->isAncestorOf(editor));
            editor->setText(QStringLiteral("seen on the next line too"));
            QTest::keyClick(editor, Qt::Key_Return);
            QTRY_COMPARE(window.contacts()->contacts()[std::size_t(chosen)].note,
                         std::string("seen on the next line too")); // the editor commits after the key
            window.analysis()->undoStack()->undo();
        }
        // The gallery: every contact up close; choosing one chooses it in the dock; C confirms it.
        {
            auto* gallery = window.showContactGallery();
            QVERIFY(gallery);
            QCOMPARE(window.showContactGallery(), gallery); // the same one while it is open
            auto* grid = gallery->list();
            QCOMPARE(grid->count(), table->count());
            QTRY_COMPARE_WITH_TIMEOUT(gallery->rendered(), table->count(), 60000);
            QVERIFY(!grid->item(0)->icon().isNull());
            // In the dock's order: sorted there by score, highest first, the gallery follows, its
            // pictures moved, not rendered again.
            const auto& all = window.contacts()->contacts();
            const auto pingAt = [grid](int row) { return grid->item(row)->text().section(QLatin1Char(' '), 1, 1); };
            QCOMPARE(pingAt(0), QString::number(all.front().ping)); // along the line the first time
            table->view()->sortByColumn(9, Qt::DescendingOrder);
            {
                const ContactTable another; // the sort chosen is remembered
                QCOMPARE(another.view()->horizontalHeader()->sortIndicatorSection(), 9);
                QCOMPARE(another.view()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
            }
            const auto best = std::max_element(all.begin(), all.end(),
                                               [](const auto& a, const auto& b) { return a.score < b.score; });
            QCOMPARE(pingAt(0), QString::number(best->ping));
            for (int row = 1; row < grid->count(); ++row) {
                const auto score = [&](int r) {
                    return std::find_if(all.begin(), all.end(),
                                        [&](const auto& c) { return QString::number(c.ping) == pingAt(r); })
                        ->score;
                };
                QVERIFY2(score(row - 1) >= score(row), qPrintable(pingAt(row)));
            }
            QCOMPARE(gallery->rendered(), table->count());
            QVERIFY(!grid->item(grid->count() - 1)->icon().isNull());
            // Choosing the picture in row 2 chooses its contact in the dock.
            grid->setCurrentRow(2);
            const int third = table->currentIndex();
            QCOMPARE(QString::number(all[std::size_t(third)].ping), pingAt(2));
            QCOMPARE(table->view()->currentIndex().row(), 2); // the dock's third row too
            const auto before = all[std::size_t(third)].status;
            QTest::keyClick(grid, Qt::Key_C);
            QCOMPARE(all[std::size_t(third)].status, std::string("confirmed"));
            QVERIFY(grid->item(2)->text().contains(QStringLiteral("confirmed")));
            const auto frame = grid->item(2)->icon().pixmap(grid->iconSize()).toImage().pixelColor(1, 1);
            QVERIFY2(frame.green() > 120 && frame.red() < 100, qPrintable(frame.name())); // framed green
            // Only the confirmed ones, when asked (remembered).
            gallery->setStatusFilter(QStringLiteral("confirmed"));
            int shown = 0, confirmed = 0;
            for (int i = 0; i < grid->count(); ++i) {
                shown += grid->item(i)->isHidden() ? 0 : 1;
                confirmed += all[std::size_t(i)].status == "confirmed";
            }
            QVERIFY(confirmed >= 2 && confirmed < grid->count());
            QCOMPARE(shown, confirmed);
            QCOMPARE(QSettings().value(QStringLiteral("gallery/status")).toString(), QStringLiteral("confirmed"));
            gallery->setStatusFilter(QString());
            window.analysis()->undoStack()->undo();
            QCOMPARE(all[std::size_t(third)].status, before);
            table->view()->sortByColumn(0, Qt::AscendingOrder); // along the line again
            QCOMPARE(pingAt(0), QString::number(all.front().ping));
            gallery->close();
        }
        // A detector's contact is rejected, never deleted (a new detection would propose it again).
        const auto listed = table->count();
        table->setCurrentIndex(0);
        QTest::keyClick(table->view(), Qt::Key_Delete);
        QCOMPARE(table->count(), listed);
        table->setCurrentIndex(0);
        const auto proposedClass = window.contacts()->contacts()[0].cls; // the CNN's, when it found it
        QTest::keyClick(table->view(), Qt::Key_4);
        QCOMPARE(window.contacts()->contacts()[0].cls, std::string("rock"));
        window.analysis()->undoStack()->undo();
        QCOMPARE(window.contacts()->contacts()[0].cls, proposedClass);
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

        // Each detector's boxes can be hidden; a contact both found stays while either is shown; the
        // table keeps every contact.
        window.contacts()->setDetectorShown(QStringLiteral("classical"), false);
        const auto cnnMarks = window.waterfall()->marks().size();
        const auto byCnn = std::count_if(window.contacts()->contacts().begin(), window.contacts()->contacts().end(),
                                         [](const auto& c) { return c.detectorScores.count("cnn") > 0; });
        QCOMPARE(qsizetype(cnnMarks), qsizetype(byCnn));
        window.contacts()->setDetectorShown(QStringLiteral("cnn"), false);
        QVERIFY(window.waterfall()->marks().isEmpty());
        QCOMPARE(table->count(), int(window.contacts()->contacts().size()));
        window.contacts()->setDetectorShown(QStringLiteral("classical"), true);
        window.contacts()->setDetectorShown(QStringLiteral("cnn"), true);
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

    // An object the detectors missed: Ctrl+drag round it on the waterfall (ground range shown), or
    // Mark Contact Here on it, adds it as the analyst's confirmed contact, measured from its
    // samples; undoable, classed from the keyboard or its box's menu, kept in the project; drawn
    // again, it is not listed twice.
    void contactsAreMarkedAndReviewedOnTheWaterfall()
    {
        QTemporaryDir dir;
        sonar::SurveySimulator::Options options;
        options.pings = 1500;
        LineWindow line;
        QVERIFY(line.open(dir.path(), options));
        auto& window = line.window;
        const sonar::SurveySimulator sim(options);
        const auto object = std::find_if(sim.objects().begin(), sim.objects().end(), [](const auto& o) {
            return o.mineLike && o.ping > 150 && o.ping < 1350 && o.slantRange > 12;
        });
        QVERIFY(object != sim.objects().end());
        auto* waterfall = window.waterfall();
        waterfall->findChild<QCheckBox*>(QStringLiteral("groundRange"))->setChecked(true);
        waterfall->goToPing(qint64(object->ping) - 50);
        auto* canvas = waterfall->findChild<QWidget*>(QStringLiteral("waterfallCanvas"));
        const auto geo = window.survey()->geo();
        const double alongPad = object->alongTrackExtent() / 0.4 + 6;
        const auto at = [&](double ping, double slant) {
            const double ground = std::sqrt(std::max(0.0, slant * slant - std::pow(geo->altitude(object->ping), 2)));
            const double half = canvas->width() / 2.0, x = half * ground / options.range;
            return QPoint(int(object->channel == 0 ? half - x : half + x),
                          int((ping - double(waterfall->firstPing())) * canvas->height() / waterfall->visiblePings()));
        };
        const auto drawBox = [&] {
            const double across = object->acrossTrackExtent() / 2;
            QTest::mousePress(canvas, Qt::LeftButton, Qt::ControlModifier,
                              at(double(object->ping) - alongPad, object->slantRange - across - 0.5));
            const auto corner = at(double(object->ping) + alongPad, object->slantRange + across + 2.5);
            QTest::mouseMove(canvas, corner);
            QTest::mouseRelease(canvas, Qt::LeftButton, Qt::ControlModifier, corner);
        };
        drawBox();
        auto* contacts = window.contacts();
        QCOMPARE(contacts->contacts().size(), std::size_t(1));
        const auto c = contacts->contacts()[0];
        QCOMPARE(c.detector, std::string("analyst"));
        QCOMPARE(c.status, std::string("confirmed"));
        QCOMPARE(c.side, object->channel);
        QVERIFY2(std::llabs(c.ping - (long long)object->ping) <= 3 && std::abs(c.sample - object->sample) <= 15,
                 qPrintable(QString("ping %1 sample %2").arg(c.ping).arg(c.sample)));
        QVERIFY2(std::abs(c.width / object->acrossTrackExtent() - 1) <= 0.3, qPrintable(QString::number(c.width)));
        QVERIFY2(c.height > 0 && std::abs(c.height / object->height - 1) <= 0.3, qPrintable(QString::number(c.height)));
        QCOMPARE(waterfall->marks().size(), 1);
        QVERIFY(waterfall->marks()[0].dashed); // told from a detector's on the waterfall
        auto* table = window.contactTable();
        QCOMPARE(table->currentIndex(), 0);
        QCOMPARE(table->item(0).cells[9], QStringLiteral("—")); // no detector's score to show
        QCOMPARE(table->item(0).cells[10], QStringLiteral("analyst"));
        QVERIFY2(table->details().contains(QStringLiteral("marked by the analyst")), qPrintable(table->details()));
        // The CNN proposes its class: filled in where it is sure, and the status bar says so.
        const QString said = window.statusBar()->currentMessage();
        qInfo("%s (truth: %s)", qPrintable(said), object->cls.c_str());
        QVERIFY2(said.contains(QStringLiteral("The CNN")), qPrintable(said));
        QCOMPARE(c.cls, object->cls);
        QVERIFY2(said.contains(QStringLiteral("takes it for a %1").arg(QString::fromStdString(c.cls))),
                 qPrintable(said));
        QCOMPARE(table->item(0).cells[8], QString::fromStdString(c.cls));
        QVERIFY2(
            table->details().contains(QStringLiteral("the CNN took it for a %1").arg(QString::fromStdString(c.cls))),
            qPrintable(table->details())); // kept with the contact, after the status bar moves on
        // Chosen, it is shown up close in the Survey dock: the waterfall round it, its box in yellow.
        auto* closeUp = window.contactCloseUp();
        QTRY_VERIFY_WITH_TIMEOUT(!closeUp->image().isNull(), 10000);
        QVERIFY(closeUp->isVisibleTo(&window));
        QVERIFY2(closeUp->caption().contains(QStringLiteral("Ping %1").arg(c.ping)), qPrintable(closeUp->caption()));
        int yellow = 0;
        for (int y = 0; y < closeUp->image().height(); ++y)
            for (int x = 0; x < closeUp->image().width(); ++x) {
                const auto p = closeUp->image().pixelColor(x, y);
                yellow += p.red() > 200 && p.green() > 200 && p.blue() < 80;
            }
        QVERIFY2(yellow > 50, qPrintable(QString::number(yellow)));
        const auto offered = test::popupActions([closeUp] { // for a message or a slide
            QContextMenuEvent event(QContextMenuEvent::Mouse, QPoint(5, 5), closeUp->mapToGlobal(QPoint(5, 5)));
            QApplication::sendEvent(closeUp, &event);
        });
        QVERIFY2(offered.contains(QStringLiteral("copyImage")) && offered.contains(QStringLiteral("saveImage")),
                 qPrintable(offered.join(QLatin1Char(','))));
        QVERIFY(window.isWindowModified());
        // Keys go to the table it was chosen in: 1 classes it a cylinder.
        QTest::keyClick(table->view(), Qt::Key_1);
        QCOMPARE(contacts->contacts()[0].cls, std::string("cylinder"));
        auto* undo = window.analysis()->undoStack();
        undo->undo();
        undo->undo();
        QVERIFY(contacts->contacts().empty());
        QVERIFY(waterfall->marks().isEmpty());
        undo->redo();
        QCOMPARE(contacts->contacts().size(), std::size_t(1));
        // Drawn again round the same object: chosen, not listed twice.
        drawBox();
        QCOMPARE(contacts->contacts().size(), std::size_t(1));
        // Reviewed from the waterfall: its box's context menu rejects it and gives it a class.
        const auto rightClick = [canvas](QPoint pos) {
            return [canvas, pos] {
                QContextMenuEvent event(QContextMenuEvent::Mouse, pos, canvas->mapToGlobal(pos));
                QApplication::sendEvent(canvas, &event);
            };
        };
        const auto onBox = waterfall->markRect(0).center().toPoint();
        QVERIFY(test::popupTrigger(rightClick(onBox), QStringLiteral("rejectedContact")));
        QCOMPARE(contacts->contacts()[0].status, std::string("rejected"));
        QVERIFY(test::popupTrigger(rightClick(onBox), QStringLiteral("class_sphere")));
        QCOMPARE(contacts->contacts()[0].cls, std::string("sphere"));
        QTimer::singleShot(600, [] { // the note asked for in a dialog
            if (auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget())) {
                dialog->setTextValue(QStringLiteral("lifting eye on top"));
                dialog->accept();
            }
        });
        QVERIFY(test::popupTrigger(rightClick(onBox), QStringLiteral("contactNote")));
        QCOMPARE(contacts->contacts()[0].note, std::string("lifting eye on top"));
        undo->undo();
        QVERIFY(contacts->contacts()[0].note.empty());
        QVERIFY(!test::popupActions(rightClick(onBox)).contains(QStringLiteral("markContactHere")));
        // Its height measured by hand (Shift+drag along range from its far edge to its shadow's
        // end) is offered on its box, and set from there.
        const double altitude = geo->altitude(object->ping);
        const double farSlant = object->slantRange + object->acrossTrackExtent() / 2;
        const double farGround = std::sqrt(farSlant * farSlant - altitude * altitude);
        const double shadowGround = altitude * farGround / (altitude - object->height);
        const auto from = at(double(object->ping), farSlant);
        const auto to = at(double(object->ping), std::hypot(shadowGround, altitude));
        QTest::mousePress(canvas, Qt::LeftButton, Qt::ShiftModifier, from);
        QTest::mouseMove(canvas, to);
        QTest::mouseRelease(canvas, Qt::LeftButton, Qt::ShiftModifier, to);
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("right-click the contact's box")),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(test::popupTrigger(rightClick(onBox), QStringLiteral("setMeasuredHeight")));
        const double measured = contacts->contacts()[0].height;
        QVERIFY2(std::abs(measured - object->height) < 0.2 && measured != c.height,
                 qPrintable(QStringLiteral("%1 against %2").arg(measured).arg(object->height)));
        undo->undo();
        QCOMPARE(contacts->contacts()[0].height, c.height);
        undo->undo();
        undo->undo();
        QCOMPARE(contacts->contacts()[0].status, std::string("confirmed"));
        // Undone, then marked from the menu on the object itself, without a box.
        undo->undo();
        QVERIFY(contacts->contacts().empty());
        QVERIFY(test::popupTrigger(rightClick(at(double(object->ping), object->slantRange)),
                                   QStringLiteral("markContactHere")));
        QCOMPARE(contacts->contacts().size(), std::size_t(1));
        const auto here = contacts->contacts()[0];
        QVERIFY2(std::llabs(here.ping - (long long)object->ping) <= 3 && std::abs(here.sample - object->sample) <= 15,
                 qPrintable(QString("ping %1 sample %2").arg(here.ping).arg(here.sample)));
        // Delete in the list removes a contact the analyst marked; undo brings it back.
        table->setCurrentIndex(0);
        table->view()->setFocus();
        QTest::keyClick(table->view(), Qt::Key_Delete);
        QVERIFY(contacts->contacts().empty());
        QTRY_VERIFY(!closeUp->isVisibleTo(&window));
        undo->undo();
        QCOMPARE(contacts->contacts().size(), std::size_t(1));
        // Marked on bare seabed, it is added as asked, but the CNN says it sees no object there.
        {
            const auto clear = [&](long long ping) {
                return std::none_of(sim.objects().begin(), sim.objects().end(), [&](const auto& o) {
                    return o.channel == object->channel && std::llabs((long long)o.ping - ping) < 40;
                });
            };
            long long bare = -1;
            for (const long long offset : {60, 100, 140, 180, 220, -40})
                if (bare < 0 && clear((long long)object->ping + offset))
                    bare = (long long)object->ping + offset;
            QVERIFY(bare >= 0);
            QVERIFY(test::popupTrigger(rightClick(at(double(bare), object->slantRange)),
                                       QStringLiteral("markContactHere")));
            QCOMPARE(contacts->contacts().size(), std::size_t(2));
            const QString said = window.statusBar()->currentMessage();
            QVERIFY2(said.contains(QStringLiteral("The CNN sees no object there")), qPrintable(said));
            QVERIFY2(table->details().contains(QStringLiteral("the CNN sees no object in its box")),
                     qPrintable(table->details()));
            QVERIFY(std::none_of(contacts->contacts().begin(), contacts->contacts().end(),
                                 [&](const auto& c) { return c.ping != here.ping && !c.cls.empty(); }));
            undo->undo();
            QCOMPARE(contacts->contacts().size(), std::size_t(1));
        }
        // Saved with the project.
        const auto projectFile = dir.filePath(QStringLiteral("marked.fathom"));
        QVERIFY(window.saveProject(projectFile));
        auto startup2 = fakeStartup();
        MainWindow again(*startup2);
        QVERIFY(again.openProject(projectFile));
        QCOMPARE(again.contacts()->contacts().size(), std::size_t(1));
        QCOMPARE(again.contacts()->contacts()[0].detector, std::string("analyst"));
        QCOMPARE(again.contacts()->contacts()[0].width, here.width);
    }

    // A sphere moored in the water column, boxed on the slant-range waterfall: listed with its
    // slant range and no ground range or height; the CNN (which reads the seabed) is not asked;
    // its close-up is drawn in slant range, where it can be seen.
    void aMooredObjectIsMarkedInTheWaterColumn()
    {
        QTemporaryDir dir;
        sonar::SurveySimulator::Options options;
        options.pings = 600;
        options.mooredObjects = 1;
        LineWindow line;
        QVERIFY(line.open(dir.path(), options));
        auto& window = line.window;
        const sonar::SurveySimulator sim(options);
        const auto& moored = sim.objects().back();
        QVERIFY(moored.moored > 0);
        auto* waterfall = window.waterfall();
        waterfall->findChild<QCheckBox*>(QStringLiteral("groundRange"))->setChecked(false);
        waterfall->goToPing(qint64(moored.ping) - 50);
        auto* canvas = waterfall->findChild<QWidget*>(QStringLiteral("waterfallCanvas"));
        const auto at = [&](double ping, double slant) {
            const double half = canvas->width() / 2.0, x = half * slant / options.range;
            return QPoint(int(moored.channel == 0 ? half - x : half + x),
                          int((ping - double(waterfall->firstPing())) * canvas->height() / waterfall->visiblePings()));
        };
        const double pad = moored.length / 0.4 + 6;
        QTest::mousePress(canvas, Qt::LeftButton, Qt::ControlModifier,
                          at(double(moored.ping) - pad, moored.slantRange - moored.length));
        const auto corner = at(double(moored.ping) + pad, moored.slantRange + moored.length);
        QTest::mouseMove(canvas, corner);
        QTest::mouseRelease(canvas, Qt::LeftButton, Qt::ControlModifier, corner);
        auto* contacts = window.contacts();
        QCOMPARE(contacts->contacts().size(), std::size_t(1));
        const auto c = contacts->contacts()[0];
        QVERIFY(c.inWaterColumn());
        QVERIFY2(std::llabs(c.ping - (long long)moored.ping) <= 3, qPrintable(QString::number(c.ping)));
        QVERIFY2(std::abs(c.width / moored.length - 1) <= 0.35, qPrintable(QString::number(c.width)));
        QVERIFY(c.cls.empty() && c.cnnClass.empty());
        // Its box holds the sphere alone (no room left for a shadow behind it): the slant range
        // given is the sphere's.
        QVERIFY2(
            std::abs(0.5 * (c.nearSlant + c.farSlant) - moored.slantRange) <= 0.5 * moored.length,
            qPrintable(QStringLiteral("%1–%2 m against %3").arg(c.nearSlant).arg(c.farSlant).arg(moored.slantRange)));
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("in the water column")),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY2(!window.statusBar()->currentMessage().contains(QStringLiteral("CNN")),
                 qPrintable(window.statusBar()->currentMessage()));
        auto* table = window.contactTable();
        // Placed from where its shadow falls on the seabed: how far out and how high it floats.
        QVERIFY2(std::abs(c.groundRange - std::abs(moored.across)) <= 0.4, qPrintable(QString::number(c.groundRange)));
        QVERIFY2(std::abs(c.aboveSeabed - moored.moored) <= 0.4, qPrintable(QString::number(c.aboveSeabed)));
        QCOMPARE(table->item(0).cells[4], QString::number(c.groundRange, 'f', 1));
        QVERIFY2(table->details().contains(QStringLiteral("in the water column, %1 m slant range")
                                               .arg(0.5 * (c.nearSlant + c.farSlant), 0, 'f', 1)) &&
                     table->details().contains(QStringLiteral("%1 m above the seabed").arg(c.aboveSeabed, 0, 'f', 1)),
                 qPrintable(table->details()));
        // Up close in slant range: the sphere's bright return inside the yellow box.
        auto* closeUp = window.contactCloseUp();
        QTRY_VERIFY_WITH_TIMEOUT(!closeUp->image().isNull(), 10000);
        QVERIFY2(closeUp->caption().endsWith(QStringLiteral("m, no height")), qPrintable(closeUp->caption()));
        const auto& image = closeUp->image();
        int yellow = 0;
        QRect box;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const auto p = image.pixelColor(x, y);
                if (p.red() > 200 && p.green() > 200 && p.blue() < 80) {
                    ++yellow;
                    box |= QRect(x, y, 1, 1);
                }
            }
        QVERIFY2(yellow > 50, qPrintable(QString::number(yellow)));
        const auto inside = image.copy(box.adjusted(4, 4, -4, -4));
        int bright = 0;
        for (int y = 0; y < inside.height(); ++y)
            for (int x = 0; x < inside.width(); ++x)
                bright += qGray(inside.pixel(x, y)) > 150;
        QVERIFY2(bright > 20, qPrintable(QStringLiteral("%1 bright pixels in the box").arg(bright)));
        // On the waterfall its box says it floats (on the ground-range view it stands over the seabed).
        QCOMPARE(window.waterfall()->marks()[0].label, QStringLiteral("marked · water column"));
        QVERIFY(window.showContactGallery()->list()->item(0)->text().contains(QStringLiteral(", water column\n")));
        // The detectors find it too (the classical one looks into the water column): listed once,
        // the analyst's contact kept.
        QSignalSpy detected(contacts, &ContactsController::detected);
        contacts->detect(window.survey()->file());
        QVERIFY(detected.wait(60000));
        const auto& all = contacts->contacts();
        QVERIFY(all.size() > 1);
        QCOMPARE(std::count_if(all.begin(), all.end(), [](const auto& k) { return k.inWaterColumn(); }), 1L);
        const auto mine = std::find_if(all.begin(), all.end(), [](const auto& k) { return k.detector == "analyst"; });
        QVERIFY(mine != all.end() && mine->ping == c.ping);
        // Removed, the next detection proposes it as the classical detector's, placed as well.
        table->setCurrentIndex(int(mine - all.begin()));
        table->view()->setFocus();
        QTest::keyClick(table->view(), Qt::Key_Delete);
        contacts->detect(window.survey()->file());
        QVERIFY(detected.wait(60000));
        const auto floating = std::find_if(contacts->contacts().begin(), contacts->contacts().end(),
                                           [](const auto& k) { return k.inWaterColumn(); });
        QVERIFY(floating != contacts->contacts().end());
        QCOMPARE(floating->detector, std::string("classical"));
        QVERIFY2(std::llabs(floating->ping - (long long)moored.ping) <= 3, qPrintable(QString::number(floating->ping)));
        QVERIFY2(std::abs(floating->aboveSeabed - moored.moored) <= 0.4,
                 qPrintable(QString::number(floating->aboveSeabed)));
    }
};

QTEST_MAIN(TestContactReview)
#include "tst_contactreview.moc"
