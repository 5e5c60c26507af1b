// The series plot's alert marks as a user sees them: a marker on the peak, the score beside it,
// and scores that would run into the next alert hidden until the user zooms in.
#include "popupactions.h"
#include "seriesplot.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QTest>
#include <QTimer>

using fathom::SeriesPlot;

class TestSeriesPlot : public QObject
{
    Q_OBJECT

    // The text item showing `text`, or null.
    static QCPItemText* label(SeriesPlot& plot, const QString& text)
    {
        for (int i = 0; i < plot.plot()->itemCount(); ++i)
            if (auto* t = qobject_cast<QCPItemText*>(plot.plot()->item(i)); t && t->text() == text)
                return t;
        return nullptr;
    }

    static double left(SeriesPlot& plot, QCPItemText* t)
    {
        return t->position->pixelPosition().x() + t->padding().left();
    }

private slots:
    void scoresStandBesideTheirMarkersAndMakeRoom()
    {
        SeriesPlot plot;
        QVector<double> x, y;
        for (int i = 0; i < 1000; ++i) {
            x << i;
            y << std::sin(i / 20.0);
        }
        plot.setSeries(x, false, {QStringLiteral("depth")}, {y});
        // Two alerts 3 rows apart and one far from both.
        plot.setAlerts({{100, 102, 101, 53.1, QStringLiteral("new")},
                        {103, 105, 104, 1.5, QStringLiteral("new")},
                        {700, 705, 702, 39.9, QStringLiteral("new")}});
        plot.resize(700, 300);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.showAll();
        plot.plot()->replot();
        auto *crowded = label(plot, QStringLiteral("53.1")), *next = label(plot, QStringLiteral("1.5")),
             *alone = label(plot, QStringLiteral("39.9"));
        QVERIFY(crowded && next && alone);
        const auto* axis = plot.plot()->axisRect(0)->axis(QCPAxis::atBottom);
        // Beside the marker: the text starts right of the peak, clear of the span's line.
        QVERIFY(left(plot, alone) > axis->coordToPixel(702) + 1);
        QVERIFY(alone->visible());
        QVERIFY(next->visible());     // nothing after it
        QVERIFY(!crowded->visible()); // it would run into the next marker 3 rows on
        // Zoomed in, there is room for both.
        plot.setXRange(90, 130);
        plot.plot()->replot();
        QVERIFY(crowded->visible() && next->visible());
        // The alert the user is on keeps its score at any zoom.
        plot.showAll();
        plot.setCurrentAlert(0);
        plot.plot()->replot();
        QVERIFY(label(plot, QStringLiteral("53.1"))->visible());
    }

    // Where the model's validation and test parts begin: a line down every lane at that moment,
    // named once; kept when the lanes are rebuilt, gone when the model says nothing.
    void partsAreMarkedOnEveryLane()
    {
        SeriesPlot plot;
        QVector<double> x, y;
        for (int i = 0; i < 400; ++i) {
            x << i;
            y << std::cos(i / 15.0);
        }
        plot.setSeries(x, false, {QStringLiteral("depth"), QStringLiteral("roll")}, {y, y});
        plot.resize(700, 300);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        const auto linesAt = [&](double at) {
            int n = 0;
            for (int i = 0; i < plot.plot()->itemCount(); ++i)
                if (auto* l = qobject_cast<QCPItemStraightLine*>(plot.plot()->item(i));
                    l && l->visible() && l->point1->coords().x() == at && l->point2->coords().x() == at)
                    ++n;
            return n;
        };
        plot.setParts(240, 340);
        QCOMPARE(plot.parts(), qMakePair(240.0, 340.0));
        QCOMPARE(linesAt(240), 2); // both lanes
        QCOMPARE(linesAt(340), 2);
        auto* validation = label(plot, QStringLiteral("validation →"));
        QVERIFY(validation && label(plot, QStringLiteral("test →")));
        plot.plot()->replot();
        const auto* axis = plot.plot()->axisRect(1)->axis(QCPAxis::atBottom);
        QVERIFY(std::abs(validation->position->pixelPosition().x() - axis->coordToPixel(240)) < 1);
        plot.setVisibleChannels({QStringLiteral("roll")}); // the lanes are built again
        QCOMPARE(linesAt(240), 1);
        plot.setSeries(x, false, {QStringLiteral("depth")}, {y}); // another series: no model's parts yet
        QCOMPARE(linesAt(240), 0);
        plot.setParts(240, 340);
        plot.setParts(qQNaN(), qQNaN());
        QCOMPARE(linesAt(240), 0);
        QVERIFY(!label(plot, QStringLiteral("test →")));
    }

    // Over the lanes the readout lists every channel; however long, it never widens the plot (a
    // dock beside it would be squeezed).
    void aLongReadoutNeverWidensThePlot()
    {
        SeriesPlot plot;
        QVector<double> x;
        QStringList names;
        QVector<QVector<double>> values;
        for (int i = 0; i < 200; ++i)
            x << i;
        for (int c = 0; c < 12; ++c) {
            names << QStringLiteral("a_rather_long_sensor_channel_%1").arg(c);
            values << QVector<double>(200, c * 1.5);
        }
        plot.setSeries(x, false, names, values);
        plot.resize(600, 600);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        const int before = plot.minimumSizeHint().width();
        auto* readout = plot.findChild<QLabel*>(QStringLiteral("readout"));
        const auto hint = readout->text();
        QTest::mouseMove(plot.plot(), QPoint(300, 60));
        QTRY_VERIFY(readout->text() != hint);
        QVERIFY2(readout->fontMetrics().horizontalAdvance(readout->text()) > 900, qPrintable(readout->text()));
        QTest::qWait(50); // the layout takes the new text in
        QVERIFY2(plot.minimumSizeHint().width() <= std::max(before, 300),
                 qPrintable(QStringLiteral("%1 from %2").arg(plot.minimumSizeHint().width()).arg(before)));
    }

    // A right click offers the lanes as a picture, at twice the screen's pixels.
    void lanesAreOfferedAsAPicture()
    {
        SeriesPlot plot;
        QVector<double> x, y;
        for (int i = 0; i < 200; ++i) {
            x << i;
            y << std::sin(i / 20.0);
        }
        plot.setSeries(x, false, {QStringLiteral("depth"), QStringLiteral("roll")}, {y, y});
        plot.resize(600, 300);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        const auto picture = plot.viewImage();
        QCOMPARE(picture.size(), plot.plot()->size() * 2);
        const auto offered = fathom::test::popupActions(
            [&plot] { QTest::mouseClick(plot.plot(), Qt::RightButton, {}, QPoint(300, 100)); });
        QVERIFY2(offered.contains(QStringLiteral("copyImage")) && offered.contains(QStringLiteral("saveImage")),
                 qPrintable(offered.join(QLatin1Char(','))));
    }
};

QTEST_MAIN(TestSeriesPlot)
#include "tst_seriesplot.moc"
