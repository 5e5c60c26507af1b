#include "imageexport.h"
#include "popupactions.h"
#include "waterfallview.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>

using namespace fathom;

class TestWaterfallView : public QObject
{
    Q_OBJECT

    // A survey shown in one colour (red 200).
    static bool showFlatColour(WaterfallView& view)
    {
        view.resize(400, 300);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            return false;
        view.setSurvey(200, 50.0);
        QImage image(64, 64, QImage::Format_RGB888);
        image.fill(QColor(200, 120, 60));
        view.setImage(image, view.currentRequest());
        return true;
    }

private slots:
    void asksForThePingsInView()
    {
        WaterfallView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &WaterfallView::viewRequested);
        view.setSurvey(5000, 50.0);
        QVERIFY(spy.count() >= 1);
        WaterfallView::Request request;
        for (const auto& args : spy)
            if (!args.at(0).value<WaterfallView::Request>().overview)
                request = args.at(0).value<WaterfallView::Request>();
        QCOMPARE(request.firstPing, 0);
        QVERIFY(request.lastPing > 100 && request.lastPing <= 5000);
        QVERIFY(request.columnsPerSide >= 300); // about half the canvas width
        QCOMPARE(request.palette, QStringLiteral("copper"));
        QVERIFY(request.gain);
        QVERIFY(!request.groundRange);
    }

    void keysScrollAndZoom()
    {
        WaterfallView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSurvey(5000, 50.0);
        auto* canvas = view.findChild<QWidget*>(QStringLiteral("waterfallCanvas"));
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_PageDown);
        QCOMPARE(view.firstPing(), view.visiblePings());
        QTest::keyClick(canvas, Qt::Key_End);
        QCOMPARE(view.firstPing() + view.visiblePings(), 5000);
        const auto before = view.visiblePings();
        QTest::keyClick(canvas, Qt::Key_Minus); // zoom out: more pings on screen
        QVERIFY(view.visiblePings() > before);
        QTest::keyClick(canvas, Qt::Key_Home);
        QCOMPARE(view.firstPing(), 0);
        QWheelEvent wheel(QPointF(100, 100), canvas->mapToGlobal(QPointF(100, 100)), {}, QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(canvas, &wheel);
        QVERIFY(view.firstPing() > 0);
    }

    void groundRangeToggleAsksAgain()
    {
        WaterfallView view;
        view.resize(600, 400);
        view.setSurvey(1000, 30.0);
        QSignalSpy spy(&view, &WaterfallView::viewRequested);
        view.findChild<QCheckBox*>(QStringLiteral("groundRange"))->setChecked(true);
        QCOMPARE(spy.count(), 1);
        QVERIFY(spy.last().at(0).value<WaterfallView::Request>().groundRange);
    }

    void hoverReadsOutPingSideAndRange()
    {
        WaterfallView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSurvey(5000, 50.0);
        QSignalSpy spy(&view, &WaterfallView::hovered);
        auto* canvas = view.findChild<QWidget*>(QStringLiteral("waterfallCanvas"));
        QTest::mouseMove(canvas, QPoint(canvas->width() * 3 / 4, 0));
        QTRY_VERIFY(spy.count() >= 1);
        QCOMPARE(spy.last().at(0).toLongLong(), 0);
        QCOMPARE(spy.last().at(1).toInt(), 1); // starboard
        QVERIFY(std::abs(spy.last().at(2).toDouble() - 25.0) < 1.0);
    }

    void shiftDragMeasures()
    {
        WaterfallView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSurvey(5000, 50.0);
        QSignalSpy spy(&view, &WaterfallView::measured);
        auto* canvas = view.findChild<QWidget*>(QStringLiteral("waterfallCanvas"));
        const int w = canvas->width();
        QTest::mousePress(canvas, Qt::LeftButton, Qt::ShiftModifier, QPoint(w / 4, 10));
        QTest::mouseMove(canvas, QPoint(w * 3 / 4, 10));
        QTest::mouseRelease(canvas, Qt::LeftButton, Qt::ShiftModifier, QPoint(w * 3 / 4, 10));
        QCOMPARE(spy.count(), 1);
        const auto args = spy.first();
        QCOMPARE(args.at(1).toInt(), 0);
        QCOMPARE(args.at(4).toInt(), 1);
        QVERIFY(std::abs(args.at(2).toDouble() - 25.0) < 1.0 && std::abs(args.at(5).toDouble() - 25.0) < 1.0);
        QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, QPoint(10, 10)); // a plain click measures nothing
        QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, QPoint(50, 10));
        QCOMPARE(spy.count(), 1);
    }

    void ctrlDragDrawsAContactBoxOnOneSide()
    {
        WaterfallView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSurvey(5000, 50.0);
        QSignalSpy boxes(&view, &WaterfallView::boxDrawn);
        QSignalSpy measured(&view, &WaterfallView::measured);
        auto* canvas = view.findChild<QWidget*>(QStringLiteral("waterfallCanvas"));
        const int w = canvas->width(), h = canvas->height();
        const double pingsPerRow = double(view.visiblePings()) / h;
        // On starboard, from a quarter of the range to half of it, rows 100 to 200.
        QTest::mousePress(canvas, Qt::LeftButton, Qt::ControlModifier, QPoint(w * 5 / 8, 100));
        QTest::mouseMove(canvas, QPoint(w * 3 / 4, 200));
        QTest::mouseRelease(canvas, Qt::LeftButton, Qt::ControlModifier, QPoint(w * 3 / 4, 200));
        QCOMPARE(boxes.count(), 1);
        QCOMPARE(measured.count(), 0); // not a measurement
        auto args = boxes.takeFirst();
        QVERIFY(std::abs(args.at(0).toDouble() - 100 * pingsPerRow) <= pingsPerRow + 1e-9);
        QVERIFY(std::abs(args.at(1).toDouble() - 200 * pingsPerRow) <= pingsPerRow + 1e-9);
        QCOMPARE(args.at(2).toInt(), 1);
        QVERIFY(std::abs(args.at(3).toDouble() - 12.5) < 0.5 && std::abs(args.at(4).toDouble() - 25.0) < 0.5);
        // Dragged from port across the middle: the box stops at nadir, on port.
        QTest::mousePress(canvas, Qt::LeftButton, Qt::ControlModifier, QPoint(w / 4, 300));
        QTest::mouseMove(canvas, QPoint(w * 3 / 4, 340));
        QTest::mouseRelease(canvas, Qt::LeftButton, Qt::ControlModifier, QPoint(w * 3 / 4, 340));
        QCOMPARE(boxes.count(), 1);
        args = boxes.takeFirst();
        QCOMPARE(args.at(2).toInt(), 0);
        QVERIFY(args.at(3).toDouble() < 0.1 && std::abs(args.at(4).toDouble() - 25.0) < 0.5);
        // A Ctrl+click draws nothing.
        QTest::mousePress(canvas, Qt::LeftButton, Qt::ControlModifier, QPoint(w / 4, 300));
        QTest::mouseRelease(canvas, Qt::LeftButton, Qt::ControlModifier, QPoint(w / 4 + 1, 300));
        QCOMPARE(boxes.count(), 0);
    }

    void overviewShowsTheWholeFileAndJumps()
    {
        WaterfallView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &WaterfallView::viewRequested);
        view.setSurvey(10000, 50.0);
        WaterfallView::Request overview;
        for (const auto& args : spy)
            if (args.at(0).value<WaterfallView::Request>().overview)
                overview = args.at(0).value<WaterfallView::Request>();
        QVERIFY(overview.overview);
        QCOMPARE(overview.firstPing, 0);
        QCOMPARE(overview.lastPing, 10000);
        QImage strip(36, 100, QImage::Format_RGB888);
        strip.fill(Qt::white);
        view.setImage(strip, overview);
        QCOMPARE(view.overviewImage().size(), QSize(36, 100));
        QVERIFY(view.image().isNull()); // the main view's picture is not replaced by the strip
        auto* bar = view.findChild<QWidget*>(QStringLiteral("waterfallOverview"));
        QTest::mouseClick(bar, Qt::LeftButton, {}, QPoint(10, bar->height() * 3 / 4));
        const qint64 centre = view.firstPing() + view.visiblePings() / 2;
        QVERIFY2(std::abs(centre - 7500) < 100, qPrintable(QString::number(centre)));
    }

    void drawsTheImageItIsGiven()
    {
        WaterfallView view;
        QVERIFY(showFlatColour(view));
        auto* canvas = view.findChild<QWidget*>(QStringLiteral("waterfallCanvas"));
        const QImage shot = canvas->grab().toImage();
        QCOMPARE(shot.pixelColor(10, shot.height() / 2).red(), 200);
    }

    // The view as a picture: its context menu offers to copy or save it; the picture is what the
    // canvas shows; a file that cannot be written gets a message naming it, and a good one
    // reads back as the same picture.
    void viewIsCopiedAndSavedAsAPicture()
    {
        WaterfallView view;
        QVERIFY(showFlatColour(view));
        auto* canvas = view.findChild<QWidget*>(QStringLiteral("waterfallCanvas"));
        const QImage shot = view.viewImage();
        QCOMPARE(shot.size(), canvas->size() * canvas->devicePixelRatioF());
        QCOMPARE(shot.pixelColor(10, shot.height() / 2).red(), 200);

        const auto offered = test::popupActions([canvas] {
            QContextMenuEvent event(QContextMenuEvent::Mouse, QPoint(20, 20), canvas->mapToGlobal(QPoint(20, 20)));
            QApplication::sendEvent(canvas, &event);
        });
        QVERIFY2(offered.contains(QStringLiteral("copyImage")) && offered.contains(QStringLiteral("saveImage")),
                 qPrintable(offered.join(QLatin1Char(','))));

        copyImageToClipboard(shot);
        QCOMPARE(QGuiApplication::clipboard()->image().size(), shot.size());

        QTemporaryDir dir;
        const auto png = dir.filePath(QStringLiteral("view.png"));
        QVERIFY2(writeImage(shot, png).isEmpty(), qPrintable(writeImage(shot, png)));
        const QImage back(png);
        QCOMPARE(back.size(), shot.size());
        QCOMPARE(back.pixelColor(10, back.height() / 2), shot.pixelColor(10, shot.height() / 2));
        const auto jpeg = dir.filePath(QStringLiteral("view.jpg"));
        QVERIFY(writeImage(shot, jpeg).isEmpty());
        QCOMPARE(QImageReader(jpeg).format(), QByteArray("jpeg"));
        const auto nowhere = dir.filePath(QStringLiteral("missing/folder/view.png"));
        const auto problem = writeImage(shot, nowhere);
        QVERIFY2(problem.contains(QDir::toNativeSeparators(nowhere)), qPrintable(problem));
        QVERIFY(!QFile::exists(nowhere));
    }
};

QTEST_MAIN(TestWaterfallView)
#include "tst_waterfallview.moc"
