// The loss chart's axes as a user reads them: round, legible values up a log axis, whole epochs.
#include "lossaxes.h"
#include "trainingpanel.h"

#include <QTest>

#include <cmath>

using fathom::TrainingPanel;

class TestLossAxes : public QObject
{
    Q_OBJECT

    // The values labelled on an axis once the panel is shown at the size of the demo's dock
    // (the chart at its least height there).
    static QVector<double> drawn(TrainingPanel& panel, QCPAxis* axis)
    {
        panel.resize(430, 700);
        panel.show();
        if (!QTest::qWaitForWindowExposed(&panel))
            return {};
        panel.lossPlot()->replot();
        return axis->tickVector();
    }

    static bool round(double v)
    {
        const double mantissa = v / std::pow(10.0, std::floor(std::log10(v) + 1e-9));
        return std::abs(mantissa * 10 - std::round(mantissa * 10)) < 1e-6; // two digits at most: 0.25, 3, 0.05
    }

private slots:
    void labelsAreRoundLegibleAndCoverTheCurves_data()
    {
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("two models, 1.7 decades (the demo)") << 0.012 << 0.62;
        QTest::newRow("one model, half a decade") << 0.21 << 0.64;
        QTest::newRow("six decades") << 2e-5 << 3.0;
    }

    void labelsAreRoundLegibleAndCoverTheCurves()
    {
        QFETCH(double, low);
        QFETCH(double, high);
        TrainingPanel panel;
        auto* plot = panel.lossPlot();
        for (int epoch = 1; epoch <= 12; ++epoch) {
            const double fall = double(epoch - 1) / 11;
            panel.addEpoch(QStringLiteral("spike"), epoch, high * std::pow(low / high, fall), high);
        }
        const auto ticks = drawn(panel, plot->yAxis);
        QVERIFY2(ticks.size() >= 2, "at least two values to read the scale from");
        const double labelHeight = QFontMetricsF(plot->yAxis->tickLabelFont()).height();
        for (int i = 0; i < ticks.size(); ++i) {
            QVERIFY2(ticks[i] > 0 && round(ticks[i]), qPrintable(QString::number(ticks[i])));
            if (i > 0) { // no two labels overlap
                const double gap =
                    std::abs(plot->yAxis->coordToPixel(ticks[i]) - plot->yAxis->coordToPixel(ticks[i - 1]));
                QVERIFY2(
                    gap >= labelHeight,
                    qPrintable(QStringLiteral("%1 and %2 are %3 px apart").arg(ticks[i - 1]).arg(ticks[i]).arg(gap)));
            }
        }
        // The curve's lowest part is read against a label: one lies within a decade above it.
        QVERIFY2(ticks.first() <= low * 10, qPrintable(QString::number(ticks.first())));
    }

    // Before any run the empty chart spans the panel as a drawn one does, not a strip at its left.
    void emptyChartTakesThePanelsWidth()
    {
        TrainingPanel panel;
        drawn(panel, panel.lossPlot()->xAxis);
        const auto* plot = panel.lossPlot();
        QVERIFY2(
            plot->axisRect()->width() > plot->width() / 2,
            qPrintable(
                QStringLiteral("axes %1 px wide in a chart of %2").arg(plot->axisRect()->width()).arg(plot->width())));
    }

    void epochsAreWhole()
    {
        TrainingPanel panel;
        for (int epoch = 1; epoch <= 12; ++epoch)
            panel.addEpoch(QStringLiteral("lstm"), epoch, 1.0 / epoch, 1.2 / epoch);
        const auto ticks = drawn(panel, panel.lossPlot()->xAxis);
        QVERIFY(ticks.size() >= 3);
        for (const double t : ticks)
            QVERIFY2(t == std::round(t), qPrintable(QString::number(t)));
    }
};

QTEST_MAIN(TestLossAxes)
#include "tst_lossaxes.moc"
