// The Trainer's mechanics: running out of memory, data workers, gradient accumulation — each
// against the plain run it must equal or outlast (the model family itself: tst_models).
#include "common/error.h"
#include "ml/models.h"
#include "ml/trainer.h"

#include "tinymodels.h"
#include "torchtestmain.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

#include <atomic>
#include <cmath>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

class TestTrainer : public QObject
{
    Q_OBJECT

private slots:
    // A full GPU mid-epoch: the batch halves until it fits and the run goes on to the end.
    void outOfMemoryHalvesTheBatchAndTrainingGoesOn()
    {
        const auto s = tinySeries(400);
        const series::Windows trainWindows(s, {0, 1, 2}, {2}, {24, 1, 1}, {0, 300});
        const series::Windows validation(s, {0, 1, 2}, {2}, {24, 1, 1}, {300, 400}, true);
        Model model(tinyConfig(ModelKind::Gru));
        TrainOptions options;
        options.epochs = 3;
        options.batchSize = 32;
        options.learningRate = 5e-3;
        options.simulatedMemoryLimitWindows = 10;
        const double before = evaluateMse(model, validation);
        std::vector<int> batches;
        std::size_t windowsSeen = 0;
        const auto result = train(model, trainWindows, &validation, options, [&](const TrainProgress& p) {
            if (!p.epochDone && p.epoch == 1)
                batches.push_back(p.batch);
        });
        QCOMPARE(result.outOfMemory, 2); // 32 → 16 → 8
        QCOMPARE(result.batchSize, 8);
        QCOMPARE(result.trainLoss.size(), std::size_t(3));
        QVERIFY(!batches.empty() && batches.front() == 8 && batches.back() == 8);
        // No window of the first epoch lost or trained twice: 276 windows in steps of 8.
        for (int b : batches)
            windowsSeen += std::size_t(b);
        QCOMPARE(batches.size(), (trainWindows.size() + 7) / 8);
        QVERIFY(windowsSeen >= trainWindows.size());
        QVERIFY(evaluateMse(model, validation) < before);

        Model strict(tinyConfig(ModelKind::Gru));
        options.halveOnOutOfMemory = false;
        try {
            train(strict, trainWindows, &validation, options);
            QFAIL("expected an out-of-memory error");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("ran out of memory on cpu at 32 windows per step"), e.what());
        }
    }

    void dataWorkersChangeNothingButWhereBatchesAreGathered()
    {
        // The spike detector (planted spikes drawn per step) and a batch that halves mid-epoch:
        // with batches gathered ahead on two workers, the same losses and the same weights.
        const auto s = tinySeries(400);
        const series::Windows trainWindows(s, {0, 1, 2}, {2}, {24, 1, 1}, {0, 300});
        const series::Windows validation(s, {0, 1, 2}, {2}, {24, 1, 1}, {300, 400}, true);
        for (const std::size_t memoryLimit : {std::size_t(0), std::size_t(20)}) {
            std::vector<TrainResult> results;
            std::vector<std::vector<float>> forecasts;
            for (const int workers : {0, 2}) {
                Model model(tinyConfig(ModelKind::Spike), 3);
                TrainOptions options;
                options.epochs = 2;
                options.batchSize = 32;
                options.learningRate = 5e-3;
                options.simulatedMemoryLimitWindows = memoryLimit;
                options.loaderWorkers = workers;
                // (the simulated limit would catch the validation's batches of 256 too)
                results.push_back(train(model, trainWindows, memoryLimit ? nullptr : &validation, options));
                forecasts.push_back(model.predict(gatherInputs(validation, 0, 8), 8));
            }
            QCOMPARE(results[1].trainLoss, results[0].trainLoss);
            QCOMPARE(results[1].validationLoss, results[0].validationLoss);
            QCOMPARE(results[1].outOfMemory, results[0].outOfMemory);
            QCOMPARE(forecasts[1], forecasts[0]);
            if (memoryLimit > 0)
                QCOMPARE(results[1].batchSize, 16);
        }
    }

    void accumulatedStepsTrainAsOneLargerBatch()
    {
        // Batches of 8, four accumulated, move the weights as batches of 32 do: the same losses
        // epoch by epoch and the same forecasts after, up to float rounding; batches of 8 alone
        // train differently. A halving batch mid-group takes the group again.
        const auto s = tinySeries(400);
        const series::Windows trainWindows(s, {0, 1, 2}, {2}, {24, 1, 1}, {0, 300});
        const series::Windows validation(s, {0, 1, 2}, {2}, {24, 1, 1}, {300, 400}, true);
        const auto run = [&](int batch, int accumulation, std::size_t memoryLimit = 0) {
            Model model(tinyConfig(ModelKind::Gru), 5);
            TrainOptions options;
            options.epochs = 3;
            options.batchSize = batch;
            options.accumulation = accumulation;
            options.learningRate = 5e-3;
            options.simulatedMemoryLimitWindows = memoryLimit;
            const auto result = train(model, trainWindows, &validation, options);
            return std::pair{result, model.predict(gatherInputs(validation, 0, 16), 16)};
        };
        const auto close = [](const std::vector<double>& a, const std::vector<double>& b, double tolerance) {
            if (a.size() != b.size())
                return false;
            for (std::size_t i = 0; i < a.size(); ++i)
                if (std::abs(a[i] - b[i]) > tolerance * std::abs(b[i]))
                    return false;
            return true;
        };
        const auto [large, largeForecast] = run(32, 1);
        const auto [accumulated, accumulatedForecast] = run(8, 4);
        const auto [small, smallForecast] = run(8, 1);
        QVERIFY2(close(accumulated.trainLoss, large.trainLoss, 1e-4),
                 qPrintable(QString("%1 vs %2").arg(accumulated.trainLoss.back()).arg(large.trainLoss.back())));
        QVERIFY(close(accumulated.validationLoss, large.validationLoss, 1e-4));
        for (std::size_t i = 0; i < largeForecast.size(); ++i)
            QVERIFY(std::abs(accumulatedForecast[i] - largeForecast[i]) < 1e-4);
        QVERIFY(!close(small.validationLoss, large.validationLoss, 1e-3));
        // Out of memory at 8: 4 × 4 windows from then on, every window of each epoch still trained.
        const auto [halved, halvedForecast] = run(8, 4, 6);
        QCOMPARE(halved.outOfMemory, 1);
        QCOMPARE(halved.batchSize, 4);
        QCOMPARE(halved.trainLoss.size(), std::size_t(3));
        QVERIFY(std::isfinite(halved.validationLoss.back()));
    }

    void dropLastBatchLeavesOutThePartialBatchOfEachEpoch()
    {
        // 276 windows at batch 32: eight whole steps an epoch and 20 windows left out (PyTorch's
        // drop_last), where every window trains in nine steps otherwise.
        const auto s = tinySeries(400);
        const series::Windows trainWindows(s, {0, 1, 2}, {2}, {24, 1, 1}, {0, 300});
        const series::Windows validation(s, {0, 1, 2}, {2}, {24, 1, 1}, {300, 400}, true);
        QCOMPARE(trainWindows.size(), std::size_t(276));
        const auto run = [&](bool dropLast) {
            Model model(tinyConfig(ModelKind::Gru), 5);
            TrainOptions options;
            options.epochs = 2;
            options.batchSize = 32;
            options.learningRate = 5e-3;
            options.dropLastBatch = dropLast;
            std::vector<std::size_t> steps;
            const auto result = train(model, trainWindows, &validation, options, [&](const TrainProgress& p) {
                if (p.epochDone)
                    steps.push_back(p.steps);
            });
            return std::pair{result, steps};
        };
        const auto [all, allSteps] = run(false);
        const auto [dropped, droppedSteps] = run(true);
        QCOMPARE(allSteps, (std::vector<std::size_t>{9, 9}));
        QCOMPARE(droppedSteps, (std::vector<std::size_t>{8, 8}));
        QVERIFY(dropped.trainLoss != all.trainLoss);
        QVERIFY(dropped.trainLoss[1] < dropped.trainLoss[0]); // and it learns
    }

    void aRunBesideOtherWorkTrainsAsItWouldAlone()
    {
        // The GUI loads a trained model for its alerts while the next member trains, and every
        // model built seeds LibTorch's generator: a run with dropout, trained while another thread
        // builds models over and over, ends with the losses and forecasts it has alone.
        const auto s = tinySeries(400);
        const series::Windows trainWindows(s, {0, 1, 2}, {2}, {24, 1, 1}, {0, 300});
        const series::Windows validation(s, {0, 1, 2}, {2}, {24, 1, 1}, {300, 400}, true);
        const auto run = [&] {
            auto config = tinyConfig(ModelKind::Lstm);
            config.dropout = 0.3f;
            Model model(config, 7);
            TrainOptions options;
            options.epochs = 2;
            options.batchSize = 16;
            options.learningRate = 5e-3;
            const auto result = train(model, trainWindows, &validation, options);
            return std::pair{result.trainLoss, model.predict(gatherInputs(validation, 0, 16), 16)};
        };
        const auto alone = run();
        QCOMPARE(run(), alone); // (the run is reproducible at all)
        std::atomic<bool> done{false};
        std::atomic<int> built{0};
        std::thread other([&] {
            while (!done)
                Model(tinyConfig(ModelKind::Gru), std::uint64_t(1000 + built++));
        });
        const auto beside = run();
        done = true;
        other.join();
        QVERIFY2(built > 5, qPrintable(QString("only %1 models built beside the run").arg(built.load())));
        QCOMPARE(beside.first, alone.first);
        QCOMPARE(beside.second, alone.second);
    }

    void firstEpochRunsAtAShareOfTheRate()
    {
        // PatchTST's recipe: the first epoch at a 25th of the rate, every later one from the full
        // rate — also after a run killed in its second epoch is resumed.
        const auto s = tinySeries(400);
        const series::Windows trainWindows(s, {0, 1, 2}, {2}, {24, 1, 1}, {0, 300});
        const series::Windows validation(s, {0, 1, 2}, {2}, {24, 1, 1}, {300, 400}, true);
        const double rate = 5e-3;
        QTemporaryDir dir;
        bool killed = false;
        const auto run = [&](double learningRate, double firstScale, int epochs, bool killInSecondEpoch = false) {
            Model model(tinyConfig(ModelKind::Gru), 4);
            TrainOptions options;
            options.epochs = epochs;
            options.patience = 100;
            options.learningRate = learningRate;
            options.firstEpochRateScale = firstScale;
            options.checkpoint = std::filesystem::path(dir.path().toStdString()) / "run.ckpt";
            std::filesystem::remove(options.checkpoint);
            std::atomic<bool> stop{false};
            auto result = train(
                model, trainWindows, &validation, options,
                [&](const TrainProgress& p) {
                    if (killInSecondEpoch && p.epoch == 2 && p.step == 3)
                        stop = true;
                },
                &stop);
            if (killInSecondEpoch) {
                killed = result.cancelled;
                Model fresh(tinyConfig(ModelKind::Gru), 77);
                options.resume = true;
                result = train(fresh, trainWindows, &validation, options);
                return std::pair{result.trainLoss, fresh.predict(gatherInputs(validation, 0, 16), 16)};
            }
            return std::pair{result.trainLoss, model.predict(gatherInputs(validation, 0, 16), 16)};
        };
        const auto scaled = run(rate, 0.04, 3), slow = run(rate * 0.04, 1.0, 3);
        QCOMPARE(scaled.first[0], slow.first[0]); // epoch 1: as a run at a 25th of the rate
        // From epoch 2 on the full rate: it learns faster than the run kept at a 25th.
        QVERIFY2(scaled.first[2] < slow.first[2],
                 qPrintable(QString("epoch 3: %1 against %2").arg(scaled.first[2]).arg(slow.first[2])));
        const auto resumed = run(rate, 0.04, 3, true);
        QVERIFY(killed);
        QCOMPARE(resumed.first, scaled.first);
        QCOMPARE(resumed.second, scaled.second);
    }

    void lastWeightsAreKeptWhenAsked_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("rate");
        QTest::newRow("gru") << "gru" << 0.05;
        // BatchNorm: its running statistics belong to the best epoch as much as its weights.
        QTest::newRow("patchtst") << "patchtst" << 0.05;
    }
    void lastWeightsAreKeptWhenAsked()
    {
        // A learning rate too high for the model: the validation loss is best early and worse after.
        // By default the best epoch's weights come back; asked for the last epoch's (as Keras leaves
        // a model), the forecasts are those of the same run stopped after its last epoch.
        QFETCH(QString, name);
        QFETCH(double, rate);
        const ModelKind kind = parseKind(name.toStdString());
        const auto s = tinySeries(400);
        const series::Windows trainWindows(s, {0, 1, 2}, {2}, {24, 1, 1}, {0, 300});
        const series::Windows validation(s, {0, 1, 2}, {2}, {24, 1, 1}, {300, 400}, true);
        const auto run = [&](bool keepBest, int epochs) {
            Model model(tinyConfig(kind), 3);
            TrainOptions options;
            options.epochs = epochs;
            options.patience = 100;
            options.learningRate = rate;
            options.clipNorm = 0;
            options.keepBestWeights = keepBest;
            const auto result = train(model, trainWindows, &validation, options);
            return std::tuple{result, model.predict(gatherInputs(validation, 0, 16), 16),
                              evaluateMse(model, validation)};
        };
        const auto [best, bestForecast, bestMse] = run(true, 6);
        QVERIFY2(best.bestEpoch < 6, qPrintable(QString("best epoch %1 of 6").arg(best.bestEpoch)));
        // The model kept scores on validation what training measured at its best epoch.
        QCOMPARE(float(bestMse), float(best.validationLoss[std::size_t(best.bestEpoch - 1)]));
        const auto [last, lastForecast, lastMse] = run(false, 6);
        QCOMPARE(last.trainLoss, best.trainLoss); // the same run; only the weights kept differ
        QVERIFY(lastForecast != bestForecast);
        QCOMPARE(float(lastMse), float(last.validationLoss.back()));
        const auto [stopped, stoppedForecast, stoppedMse] = run(true, best.bestEpoch);
        QCOMPARE(stoppedForecast, bestForecast); // the best weights are those of the run stopped there
    }
};

FATHOM_TORCH_TEST_MAIN(TestTrainer)
#include "tst_trainer.moc"
