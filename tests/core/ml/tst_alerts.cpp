#include "common/error.h"
#include "ml/alerts.h"
#include "ml/pipeline.h"
#include "series/csvloader.h"

#include "tinymodels.h"

#include "torchtestmain.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

#include <cmath>

using namespace fathom;
using namespace fathom::ml;

namespace {

// Two channels of normal residuals with spikes planted on channel 1 in rows 300..309 and on
// both channels in 600..604.
std::vector<float> residuals(std::size_t rows = 1000)
{
    QRandomGenerator random(5);
    std::vector<float> r(rows * 2);
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t c = 0; c < 2; ++c) {
            const double u1 = std::max(1e-12, random.generateDouble()), u2 = random.generateDouble();
            r[i * 2 + c] = float(0.1 * std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2)) + (c == 1 ? 5.0f : 0.0f);
        }
    for (std::size_t i = 300; i < 310; ++i)
        r[i * 2 + 1] += 2.0f;
    for (std::size_t i = 600; i < 605; ++i) {
        r[i * 2] -= 1.5f;
        r[i * 2 + 1] += 1.5f;
    }
    return r;
}

} // namespace

class TestAlerts : public QObject
{
    Q_OBJECT

private slots:
    void plantedSpikesBecomeAlertsWithTheirChannels()
    {
        const auto r = residuals();
        const auto scorer = ResidualScorer::fit(r, 2, 250); // fitted on the first 250 rows only
        const auto scores = scorer.score(r);
        const float threshold = chooseThreshold(std::vector<float>(scores.begin(), scores.begin() + 250));
        QVERIFY(threshold > 1.5f && threshold < 6.0f);
        const auto alerts = findAlerts(scores, {threshold, 0.7f, 3, 0});
        QCOMPARE(alerts.size(), std::size_t(2));
        QCOMPARE(alerts[0].start, std::size_t(300));
        QCOMPARE(alerts[0].end, std::size_t(309));
        QVERIFY(alerts[0].peak >= 300 && alerts[0].peak <= 309);
        QVERIFY(scorer.channelScore(r, alerts[0].peak, 1) > 5 * scorer.channelScore(r, alerts[0].peak, 0));
        QCOMPARE(alerts[1].start, std::size_t(600));
        QCOMPARE(alerts[1].end, std::size_t(604));
        // The offset of channel 1 (+5) is the training residuals' median, not an alarm.
        QVERIFY(scores[100] < threshold);
    }

    void hysteresisAndMinimumLength()
    {
        const std::vector<float> s = {0, 5, 4, 3.8f, 3.6f, 1, 0, 5, 0, 0, 4, 4, 2, 4, 4, 0};
        // Opens above 4, closes below 2.8: 1..4 is one alert; row 7 alone is too short.
        auto alerts = findAlerts(s, {4.0f, 0.7f, 2, 0});
        QCOMPARE(alerts.size(), std::size_t(1));
        QCOMPARE(alerts[0].start, std::size_t(1));
        QCOMPARE(alerts[0].end, std::size_t(4));
        QCOMPARE(alerts[0].peak, std::size_t(1));
        // Rows 10..11 and 13..14 with a dip between: two alerts, or one when merged.
        alerts = findAlerts(s, {3.5f, 0.7f, 2, 0});
        QCOMPARE(alerts.size(), std::size_t(3));
        alerts = findAlerts(s, {3.5f, 0.7f, 2, 1});
        QCOMPARE(alerts.back().start, std::size_t(10));
        QCOMPARE(alerts.back().end, std::size_t(14));
    }

    void pointWiseMetrics()
    {
        // Truth: events at 2..5 and 10..11. Prediction: 4..6 and 20.
        std::vector<int> truth(24, 0), predicted(24, 0);
        for (int i : {2, 3, 4, 5, 10, 11})
            truth[i] = 1;
        for (int i : {4, 5, 6, 20})
            predicted[i] = 1;
        const auto m = evaluateAlerts(predicted, truth);
        QCOMPARE(m.precision, 0.5);    // 2 of 4 alarmed rows are anomalous
        QCOMPARE(m.recall, 2.0 / 6.0); // no point adjustment
        QVERIFY(std::abs(m.f1 - 0.4) < 1e-12);
        QCOMPARE(m.falseAlarmRate, 2.0 / 18.0);
        QCOMPARE(m.missedAlarmRate, 4.0 / 6.0);
        QCOMPARE(m.events, std::size_t(2));
        QCOMPARE(m.eventsDetected, std::size_t(1));
        QCOMPARE(m.meanLatency, 2.0); // the first event began at 2, its alarm at 4
        QVERIFY_THROWS_EXCEPTION(Error, evaluateAlerts({1}, {1, 0}));
    }

    void skabProtocolFindsAPlantedFault()
    {
        // Two SKAB-like files: three coupled sensors, and a stuck valve in rows 520..579.
        QTemporaryDir dir;
        std::vector<std::filesystem::path> files;
        QRandomGenerator random(11);
        for (int f = 0; f < 2; ++f) {
            files.push_back(std::filesystem::path(dir.path().toStdString()) / ("f" + std::to_string(f) + ".csv"));
            std::ofstream out(files.back());
            out << "datetime;flow;pressure;current;anomaly;changepoint\n";
            for (int i = 0; i < 700; ++i) {
                const bool fault = i >= 520 && i < 580;
                const double base = std::sin(i / 9.0) + 0.05 * random.generateDouble();
                const double flow = fault ? 0.2 : base;
                out << "2020-03-09 10:" << (i / 60) % 60 << ":" << i % 60 << ";" << flow << ";"
                    << 2 * base + 0.05 * random.generateDouble() << ";" << base * 0.5 + 1 << ";" << (fault ? 1 : 0)
                    << ";0\n";
            }
        }
        TrainOptions options;
        options.epochs = 20;
        options.learningRate = 5e-3;
        // A forecaster's residuals, and an autoencoder's reconstruction error (a row anomalous when
        // every window over it is): of one autoencoder, of three averaged, and of SKAB's own model
        // (one series reconstructed against every channel; the last epoch's weights kept).
        struct Case
        {
            ModelKind kind;
            int lookback, members;
            bool asSkab = false;
        };
        std::vector<AlertMetrics> autoencoders;
        for (const auto [kind, lookback, members, asSkab] :
             {Case{ModelKind::DLinear, 16, 1}, Case{ModelKind::ConvAe, 20, 1}, Case{ModelKind::ConvAe, 20, 3},
              Case{ModelKind::ConvAe, 20, 1, true}}) {
            ModelConfig shape;
            shape.oneReconstruction = asSkab;
            auto caseOptions = options;
            caseOptions.keepBestWeights = !asSkab;
            const auto r = runSkabProtocol(files, kind, lookback, caseOptions, 0.99, 1.0, 1, shape, {members});
            if (kind == ModelKind::ConvAe)
                autoencoders.push_back(r.metrics);
            const auto what = QString("%1 × %4%5: F1 %2, FAR %3")
                                  .arg(QString::fromStdString(kindName(kind)))
                                  .arg(r.metrics.f1)
                                  .arg(r.metrics.falseAlarmRate)
                                  .arg(members)
                                  .arg(asSkab ? " as SKAB's" : "");
            QCOMPARE(r.files, std::size_t(2));
            QCOMPARE(r.metrics.events, std::size_t(2));
            QCOMPARE(r.metrics.eventsDetected, std::size_t(2));
            QVERIFY2(r.metrics.f1 > 0.5, qPrintable(what));
            QVERIFY2(r.metrics.falseAlarmRate < 0.1, qPrintable(what));
            qInfo("%s", qPrintable(what));
        }
        // The two other autoencoders change the scores, so the alerts (the rows they cover) too.
        QVERIFY(autoencoders[1].precision != autoencoders[0].precision ||
                autoencoders[1].recall != autoencoders[0].recall);
        // SKAB's model gives every channel the one series it reconstructs, with fewer weights.
        ModelConfig config;
        config.kind = ModelKind::ConvAe;
        config.lookback = 20;
        config.channels = 3;
        config.targets = {0, 1, 2};
        const auto full = Model(config).parameterCount();
        config.oneReconstruction = true;
        const Model one(config);
        QVERIFY(one.parameterCount() < full);
        std::vector<float> windows(2 * 20 * 3);
        for (std::size_t i = 0; i < windows.size(); ++i)
            windows[i] = float(std::sin(double(i) / 4.0));
        const auto output = one.predict(windows, 2);
        QCOMPARE(output.size(), windows.size());
        for (std::size_t row = 0; row < 2 * 20; ++row)
            QVERIFY(output[row * 3] == output[row * 3 + 1] && output[row * 3] == output[row * 3 + 2]);
    }

    void skabNotebookRuleNeverFlagsTheLastRows()
    {
        // A stuck valve from row 600 to the end of a 700-row file. Scored by every window over a
        // row, the fault's last rows alarm too; by SKAB's notebook's rule the last 2 × 20 − 2 rows
        // of the file are never flagged, so at most 62 of its 100 rows can be.
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "stuck.csv";
        {
            std::ofstream out(file);
            out << "datetime;flow;pressure;anomaly;changepoint\n";
            QRandomGenerator random(5);
            for (int i = 0; i < 700; ++i) {
                const bool fault = i >= 600;
                const double base = std::sin(i / 9.0) + 0.05 * random.generateDouble();
                out << "2020-03-09 10:" << (i / 60) % 60 << ":" << i % 60 << ";" << (fault ? 0.2 : base) << ";"
                    << 2 * base << ";" << (fault ? 1 : 0) << ";0\n";
            }
        }
        TrainOptions options;
        options.epochs = 20;
        options.learningRate = 5e-3;
        const auto everyWindow = runSkabProtocol({file}, ModelKind::ConvAe, 20, options, 0.99, 1.0, 1, {}, {1, false});
        const auto notebook = runSkabProtocol({file}, ModelKind::ConvAe, 20, options, 0.99, 1.0, 1, {}, {1, true});
        QVERIFY2(everyWindow.metrics.recall > 0.8, qPrintable(QString::number(everyWindow.metrics.recall)));
        QVERIFY2(notebook.metrics.recall <= 0.62 + 1e-9, qPrintable(QString::number(notebook.metrics.recall)));
        QVERIFY(notebook.metrics.recall > 0.5); // the rows it may flag, it does
        qInfo("recall of the fault's rows: every window %.3f, SKAB's notebook rule %.3f", everyWindow.metrics.recall,
              notebook.metrics.recall);
    }

    void eitherDetectorAloneRaisesAnAlert()
    {
        const std::vector<float> residual = {1.0f, 2.5f, 1.0f, 4.5f, 1.0f};
        const std::vector<float> spike = {0.01f, 0.999f, 0.2f, 0.01f, 0.5f};
        const auto combined = combineScores(residual, 3.0f, spike, 4.0f);
        QCOMPARE(combined[3], 1.5f); // the residual, over its threshold
        QVERIFY(combined[1] > 1.0f); // a confident spike, though the residual is under its threshold
        QVERIFY(combined[2] < 1.0f && combined[4] < 1.0f);
        const auto alerts = findAlerts(combined, {1.0f, 0.7f, 1, 0});
        QCOMPARE(alerts.size(), std::size_t(2));
        QCOMPARE(alerts[0].peak, std::size_t(1));
        QCOMPARE(alerts[1].peak, std::size_t(3));
        QCOMPARE(findAlerts(combineScores(residual, 3.0f), {1.0f, 0.7f, 1, 0}).size(), std::size_t(1));
    }

    void ettProtocolKeepsEveryTestWindowAndReportsWholeBatchesApart()
    {
        // An ETT-shaped file (14,400 hourly rows, seven channels) whose test part ends in a burst
        // no model foresees: the all-window errors hold it, the whole-batch ones (the published
        // code's, its last partial batch dropped) leave it out.
        QTemporaryDir dir;
        const auto csv = std::filesystem::path(dir.path().toStdString()) / "ett.csv";
        {
            std::ofstream out(csv);
            out << "date,HUFL,HULL,MUFL,MULL,LUFL,LULL,OT\n";
            QRandomGenerator random(5);
            const QDateTime start(QDate(2016, 7, 1), QTime(0, 0), Qt::UTC);
            for (int i = 0; i < 14400; ++i) {
                out << start.addSecs(3600 * qint64(i)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toStdString();
                const bool burst = i >= 14400 - 30;
                for (int c = 0; c < 7; ++c)
                    out << "," << std::sin(i / 12.0 + c) + 0.1 * random.generateDouble() + (burst ? 8.0 : 0.0);
                out << "\n";
            }
        }
        TrainOptions options;
        options.epochs = 2;
        options.batchSize = 64;
        const int lookback = 24, horizon = 8;
        const auto r = runEttProtocol(csv, ModelKind::DLinear, lookback, horizon, options);
        const std::size_t windows = 2880 - horizon + 1;
        QCOMPARE(r.testWindows, windows);
        QCOMPARE(r.wholeBatchWindows, windows / 64 * 64);
        // The epoch scored is the one of the lowest validation loss, reported with its history.
        QCOMPARE(r.validationLosses.size(), std::size_t(2));
        QVERIFY(r.bestEpoch >= 1 && r.bestEpoch <= 2);
        QCOMPARE(r.validationMse, r.validationLosses[std::size_t(r.bestEpoch - 1)]);
        QVERIFY(std::isfinite(r.mse) && std::isfinite(r.mseWholeBatches));
        // The burst lies in the last 30 rows, which only the dropped windows forecast.
        QVERIFY2(r.mse > 10 * r.mseWholeBatches,
                 qPrintable(QString("all %1, whole batches %2").arg(r.mse).arg(r.mseWholeBatches)));
        options.batchSize = int(windows); // one batch: nothing dropped, the same figures
        const auto one = runEttProtocol(csv, ModelKind::DLinear, lookback, horizon, options);
        QCOMPARE(one.wholeBatchWindows, windows);
        QCOMPARE(one.mseWholeBatches, one.mse);
    }

    // ts evaluate --model: a saved model's errors over the windows whose forecast lies wholly in
    // the rows asked for, the same as computed here window by window.
    void savedModelIsScoredOverTheRowsAskedFor()
    {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        const auto series = tinySeries(300);
        {
            std::ofstream out(root / "tiny.csv");
            out << "a,b,c\n";
            for (std::size_t r = 0; r < series.rows; ++r)
                out << series.column(0)[r] << "," << series.column(1)[r] << "," << series.column(2)[r] << "\n";
        }
        auto config = tinyConfig(ModelKind::DLinear);
        config.horizon = 4;
        const Model model(config, 7);
        auto card = tinyCard(config);
        card.scales = {1, 1, 2}; // the target's z-units are half its own
        saveModelFolder(root / "m", model, card);

        const auto all = scoreSavedModel(root / "m", {root / "tiny.csv"});
        QCOMPARE(all.windows, std::size_t(300 - 24 - 4 + 1));
        const auto part = scoreSavedModel(root / "m", {root / "tiny.csv"}, {}, {200, 260});
        QCOMPARE(part.windows, std::size_t(260 - 200 - 4 + 1)); // forecasts of rows 200 … 259 only
        double squares = 0;
        series::LoadReport report;
        const auto csvSeries = series::loadCsvFiles({root / "tiny.csv"}, {}, report);
        for (std::size_t first = 200; first + 4 <= 260; ++first) {
            std::vector<float> input;
            for (std::size_t t = first - 24; t < first; ++t)
                for (std::size_t k = 0; k < 3; ++k)
                    input.push_back(csvSeries.column(k)[t] / card.scales[k]);
            const auto forecast = model.predict(input, 1);
            for (std::size_t h = 0; h < 4; ++h) {
                const double error = forecast[h] * 2 - csvSeries.column(2)[first + h];
                squares += error * error;
            }
        }
        const double expected = squares / double(part.windows * 4);
        QVERIFY2(std::abs(part.mseUnits - expected) <= 1e-5 * expected,
                 qPrintable(QString("%1 vs %2").arg(part.mseUnits).arg(expected)));
        QVERIFY(std::abs(part.mse - part.mseUnits / 4) <= 1e-9 * part.mse); // z-units of scale 2
        const auto protocol = scoreSavedModel(root / "m", {root / "tiny.csv"}, {}, {200, 260}, 0.5);
        QVERIFY(std::abs(protocol.mse - part.mseUnits * 4) <= 1e-9 * protocol.mse); // a protocol's own scale
        QVERIFY_THROWS_EXCEPTION(Error, scoreSavedModel(root / "m", {root / "tiny.csv"}, {}, {290, 292}));
    }
};

FATHOM_TORCH_TEST_MAIN(TestAlerts)
#include "tst_alerts.moc"
