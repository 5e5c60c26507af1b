#include "common/error.h"
#include "ml/distributed.h"
#include "ml/modelfolder.h"
#include "ml/models.h"
#include "ml/trainer.h"

#include "tinymodels.h"
#include "torchtestmain.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numeric>
#include <thread>

using namespace fathom;
using namespace fathom::ml;

class TestModels : public QObject
{
    Q_OBJECT

private slots:
    void parameterCountsMatchThePlan_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("planned");
        QTest::newRow("lstm") << "lstm" << 340e3;
        QTest::newRow("gru") << "gru" << 280e3;
        QTest::newRow("cnn_lstm") << "cnn_lstm" << 450e3;
        QTest::newRow("spike") << "spike" << 520e3;
        QTest::newRow("rule") << "rule" << 85e3;
        QTest::newRow("ensemble") << "ensemble" << 1.67e6;
    }

    void parameterCountsMatchThePlan()
    {
        QFETCH(QString, name);
        QFETCH(double, planned);
        ModelConfig config; // the plan's default: 100 steps × 12 channels → 1
        config.kind = parseKind(name.toStdString());
        const auto d = describe(config);
        QVERIFY2(std::abs(double(d.parameters) - planned) <= 0.25 * planned,
                 qPrintable(QString("%1: %2 parameters, planned %3").arg(name).arg(d.parameters).arg(planned)));
        QCOMPARE(d.outputShape, (std::vector<std::int64_t>{1, 1, 1}));
    }

    void sizesAnAnalystSetsBuildTheModel()
    {
        // A project or a dock that says nothing of sizes trains what `ts train` does by default.
        QVERIFY(sizesOf(ModelConfig{}) == ModelSizes{});
        ModelSizes paper; // PatchTST's ETTh1 sizes
        paper.width = 16;
        paper.heads = 4;
        paper.feedForward = 128;
        paper.dropout = 0.3f;
        ModelConfig config;
        config.kind = ModelKind::PatchTst;
        config.lookback = 336;
        config.horizon = 96;
        config.channels = 7;
        config.targets = {0, 1, 2, 3, 4, 5, 6};
        const auto small = describe(withSizes(config, paper));
        QVERIFY(sizesOf(withSizes(config, paper)) == paper);
        QVERIFY2(small.parameters < describe(config).parameters / 4,
                 qPrintable(QString("%1 parameters").arg(small.parameters)));
    }

    void longHorizonModelsForecastEveryChannel()
    {
        for (auto kind : {ModelKind::PatchTst, ModelKind::DLinear}) {
            ModelConfig config;
            config.kind = kind;
            config.lookback = 336;
            config.horizon = 96;
            config.channels = 7;
            config.targets = {0, 1, 2, 3, 4, 5, 6};
            const Model model(config);
            const auto out = model.predict(std::vector<float>(2 * 336 * 7, 0.5f), 2);
            QCOMPARE(out.size(), std::size_t(2 * 96 * 7));
            QVERIFY(model.parameterCount() > 0);
        }
        QVERIFY_THROWS_EXCEPTION(Error, parseKind("transformer-xl"));
    }

    void everyModelOverfitsATinySet()
    {
        const auto s = tinySeries();
        const series::Windows windows(s, {0, 1, 2}, {2}, {24, 1, 4}, {0, 300});
        QTemporaryDir dir;
        for (auto kind : allKinds()) {
            Model model(tinyConfig(kind));
            TrainOptions options;
            options.epochs = 15;
            options.batchSize = 16;
            options.learningRate = 3e-3;
            options.patience = 1000;
            options.plantedSpikes = 0; // the forecast is what this measures (spikes: spikeHeadLearnsToFindSpikes)
            QElapsedTimer clock;
            clock.start();
            const auto result = train(model, windows, nullptr, options);
            const double first = result.trainLoss.front(),
                         last = *std::min_element(result.trainLoss.begin(), result.trainLoss.end());
            QVERIFY2(last <= first / 10, qPrintable(QString("%1: loss %2 → %3 in %4 ms")
                                                        .arg(QString::fromStdString(kindName(kind)))
                                                        .arg(first)
                                                        .arg(last)
                                                        .arg(clock.elapsed())));
            QVERIFY(evaluateMse(model, windows) <= first / 10); // the best weights were kept
            // Every kind saves and loads (parameter names must suit LibTorch's archive format).
            const auto path = std::filesystem::path(dir.path().toStdString()) / (kindName(kind) + ".pt");
            model.save(path);
            const auto input = gatherInputs(windows, 0, 2);
            QCOMPARE(Model::load(path, tinyConfig(kind)).predict(input, 2), model.predict(input, 2));
            qInfo("%s: loss %.4g -> %.4g in %lld ms", kindName(kind).c_str(), first, last, clock.elapsed());
        }
    }

    // Fathom's own LSTM/GRU sequence kernels (the CPU's default) give what LibTorch's layers give:
    // the same forecasts from the same weights, and the same training run from the same seed (a
    // wrong gradient anywhere in a layer would send the weights elsewhere within a few steps).
    void recurrentKernelsMatchLibTorchs()
    {
        const auto s = tinySeries();
        const series::Windows windows(s, {0, 1, 2}, {2}, {24, 1, 4}, {0, 300});
        const auto input = gatherInputs(windows, 0, 8);
        for (auto kind : {ModelKind::Lstm, ModelKind::Gru, ModelKind::CnnLstm, ModelKind::Spike, ModelKind::Rule}) {
            const auto name = QString::fromStdString(kindName(kind));
            std::vector<float> before[2], after[2], spike[2];
            std::vector<double> losses[2];
            for (int fused = 0; fused < 2; ++fused) {
                setFusedRecurrent(fused == 1);
                Model model(tinyConfig(kind), 7);
                before[fused] = model.predict(input, 8);
                TrainOptions options;
                options.epochs = 3;
                options.batchSize = 16;
                options.learningRate = 3e-3;
                options.seed = 7;
                losses[fused] = train(model, windows, nullptr, options).trainLoss;
                after[fused] = model.predict(input, 8, kind == ModelKind::Spike ? &spike[fused] : nullptr);
            }
            setFusedRecurrent(true);
            const auto largestDifference = [](const std::vector<float>& a, const std::vector<float>& b) {
                double d = 0;
                for (std::size_t i = 0; i < a.size(); ++i)
                    d = std::max(d, std::abs(double(a[i]) - double(b[i])));
                return d;
            };
            QCOMPARE(before[1].size(), before[0].size());
            QVERIFY2(largestDifference(before[0], before[1]) < 1e-5,
                     qPrintable(name + ": untrained forecasts differ by " +
                                QString::number(largestDifference(before[0], before[1]))));
            QCOMPARE(losses[1].size(), losses[0].size());
            for (std::size_t e = 0; e < losses[0].size(); ++e)
                QVERIFY2(std::abs(losses[1][e] - losses[0][e]) <= 1e-4 * losses[0][e] + 1e-7,
                         qPrintable(QString("%1, epoch %2: loss %3 with Fathom's kernels, %4 with LibTorch's")
                                        .arg(name)
                                        .arg(e + 1)
                                        .arg(losses[1][e])
                                        .arg(losses[0][e])));
            QVERIFY2(largestDifference(after[0], after[1]) < 1e-3,
                     qPrintable(name + ": trained forecasts differ by " +
                                QString::number(largestDifference(after[0], after[1]))));
            QVERIFY(largestDifference(spike[0], spike[1]) < 1e-3);
            QVERIFY(largestDifference(before[1], after[1]) > 1e-3); // it did train
        }
    }

    void patchTstFoldersFromBeforeTheNewEncoderStillLoad()
    {
        QTemporaryDir dir;
        const std::vector<float> input(2 * 24 * 3, 0.25f);
        for (int version : {1, 2}) {
            auto config = tinyConfig(ModelKind::PatchTst);
            config.encoderVersion = version;
            const Model model(config, 3);
            const auto card = tinyCard(config);
            const auto folder = std::filesystem::path(dir.path().toStdString()) / ("v" + std::to_string(version));
            saveModelFolder(folder, model, card);
            if (version == 1) { // a folder written before the version was recorded
                QFile file(QString::fromStdString((folder / "config.json").string()));
                QVERIFY(file.open(QIODevice::ReadOnly));
                auto json = QJsonDocument::fromJson(file.readAll()).object();
                file.close();
                QVERIFY(json.contains(QStringLiteral("encoder_version")));
                json.remove(QStringLiteral("encoder_version"));
                QVERIFY(json.contains(QStringLiteral("revin_affine")));
                json.remove(QStringLiteral("revin_affine"));
                QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
                file.write(QJsonDocument(json).toJson());
            }
            const auto [back, backCard] = loadModelFolder(folder);
            QCOMPARE(backCard.config.encoderVersion, version);
            QVERIFY(backCard.config.revinAffine);
            QCOMPARE(back.predict(input, 2), model.predict(input, 2));
        }
        // RevIN without its learned scale and shift (the paper's ETTh1 script): two parameters
        // fewer per channel, and the folder says so.
        auto plain = tinyConfig(ModelKind::PatchTst);
        plain.revinAffine = false;
        const Model withoutAffine(plain, 3);
        QCOMPARE(withoutAffine.parameterCount(), Model(tinyConfig(ModelKind::PatchTst), 3).parameterCount() - 2 * 3);
        const auto card = tinyCard(plain);
        const auto folder = std::filesystem::path(dir.path().toStdString()) / "plain";
        saveModelFolder(folder, withoutAffine, card);
        const auto [back, backCard] = loadModelFolder(folder);
        QVERIFY(!backCard.config.revinAffine);
        QCOMPARE(back.predict(input, 2), withoutAffine.predict(input, 2));
        auto unknown = tinyConfig(ModelKind::PatchTst);
        unknown.encoderVersion = 3;
        QVERIFY_THROWS_EXCEPTION(Error, Model{unknown});
    }

    void eachLocalRankTakesItsOwnGpu()
    {
        qunsetenv("LOCAL_RANK");
        QCOMPARE(rankDevice("cuda:0"), std::string("cuda:0"));
        qputenv("LOCAL_RANK", "3");
        QCOMPARE(rankDevice("cuda:0"), std::string("cuda:3"));
        QCOMPARE(rankDevice("cuda"), std::string("cuda:3"));
        QCOMPARE(rankDevice("cpu"), std::string("cpu")); // CPU ranks share the machine's cores
        qputenv("LOCAL_RANK", "one");
        QVERIFY_THROWS_EXCEPTION(Error, rankDevice("cuda"));
        qunsetenv("LOCAL_RANK");
    }

    void savedWeightsComeBack()
    {
        QTemporaryDir dir;
        const auto path = std::filesystem::path(dir.path().toStdString()) / "gru.pt";
        const Model model(tinyConfig(ModelKind::Gru), 7);
        model.save(path);
        const Model back = Model::load(path, tinyConfig(ModelKind::Gru));
        const std::vector<float> input(24 * 3, 0.25f);
        QCOMPARE(back.predict(input, 1), model.predict(input, 1));
        auto other = tinyConfig(ModelKind::Lstm);
        QVERIFY_THROWS_EXCEPTION(Error, Model::load(path, other));
        QVERIFY_THROWS_EXCEPTION(Error,
                                 Model::load(std::filesystem::path(dir.path().toStdString()) / "none.pt", other));
    }

    void mismatchedDataIsRefused()
    {
        const auto s = tinySeries();
        const series::Windows twoChannels(s, {0, 1}, {2}, {24, 1, 4}, {0, 300});
        Model model(tinyConfig(ModelKind::DLinear));
        try {
            train(model, twoChannels, nullptr, {});
            QFAIL("a model for 3 channels trained on 2");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("24 steps × 3 channels") != std::string::npos, e.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, model.predict(std::vector<float>(10, 0.f), 1));
        QVERIFY_THROWS_EXCEPTION(Error, model.spikeProbability(std::vector<float>(72, 0.f), 1));
    }

    void cancelStopsBetweenSteps()
    {
        const auto s = tinySeries();
        const series::Windows windows(s, {0, 1, 2}, {2}, {24, 1, 1}, {0, 300});
        Model model(tinyConfig(ModelKind::Lstm));
        std::atomic<bool> stop{false};
        std::size_t calls = 0;
        TrainOptions options;
        options.epochs = 50;
        const auto result = train(
            model, windows, nullptr, options,
            [&](const TrainProgress& p) {
                ++calls;
                QVERIFY(p.samplesPerSecond > 0 && p.steps > 0);
                if (calls == 3)
                    stop = true;
            },
            &stop);
        QVERIFY(result.cancelled);
        QCOMPARE(calls, std::size_t(3));
    }

    void resumedRunEndsWhereAnUninterruptedOneDoes()
    {
        const auto s = tinySeries(400);
        const series::Windows trainWindows(s, {0, 1, 2}, {2}, {24, 1, 2}, {0, 300});
        const series::Windows validation(s, {0, 1, 2}, {2}, {24, 1, 1}, {300, 400}, true);
        auto config = tinyConfig(ModelKind::Gru);
        config.dropout = 0.2f; // randomness inside epochs must repeat too
        TrainOptions options;
        options.epochs = 6;
        options.patience = 100;
        options.learningRateDecay = 0.8; // the decayed rate must come back too
        Model straight(config, 3);
        const auto whole = train(straight, trainWindows, &validation, options);

        QTemporaryDir dir;
        options.checkpoint = std::filesystem::path(dir.path().toStdString()) / "run.ckpt";
        Model first(config, 3);
        std::atomic<bool> stop{false};
        const auto part = train(
            first, trainWindows, &validation, options,
            [&](const TrainProgress& p) {
                if (p.epoch == 4 && p.step == 2)
                    stop = true; // killed in the middle of epoch 4
            },
            &stop);
        QVERIFY(part.cancelled);
        options.resume = true;
        Model second(config, 99); // a fresh process: other initial weights, all replaced by the checkpoint
        const auto resumed = train(second, trainWindows, &validation, options);
        QCOMPARE(resumed.trainLoss.size(), std::size_t(6));
        for (std::size_t e = 0; e < 6; ++e)
            QVERIFY2(std::abs(resumed.trainLoss[e] - whole.trainLoss[e]) < 1e-9,
                     qPrintable(QString("epoch %1: %2 vs %3")
                                    .arg(e + 1)
                                    .arg(resumed.trainLoss[e], 0, 'g', 12)
                                    .arg(whole.trainLoss[e], 0, 'g', 12)));
        QCOMPARE(resumed.bestEpoch, whole.bestEpoch);
        const auto input = gatherInputs(validation, 0, 4);
        const auto a = straight.predict(input, 4), b = second.predict(input, 4);
        for (std::size_t i = 0; i < a.size(); ++i)
            QVERIFY2(std::abs(a[i] - b[i]) < 1e-6f, qPrintable(QString("%1 vs %2").arg(a[i]).arg(b[i])));
        // A checkpoint of another model is refused with the file named.
        Model other(tinyConfig(ModelKind::Lstm));
        try {
            train(other, trainWindows, &validation, options);
            QFAIL("an LSTM resumed from a GRU's checkpoint");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("run.ckpt") != std::string::npos);
        }
    }

    void pauseHoldsAndResumeContinues()
    {
        const auto s = tinySeries();
        const series::Windows windows(s, {0, 1, 2}, {2}, {24, 1, 4}, {0, 300});
        Model model(tinyConfig(ModelKind::DLinear));
        std::atomic<bool> stop{false}, pause{false};
        std::thread resumer;
        TrainOptions options;
        options.epochs = 2;
        std::size_t stepsSeen = 0;
        QElapsedTimer clock;
        clock.start();
        const auto result = train(
            model, windows, nullptr, options,
            [&](const TrainProgress& p) {
                stepsSeen += p.epochDone ? 0 : 1;
                if (p.epoch == 1 && p.step == 2) {
                    pause = true;
                    resumer = std::thread([&] {
                        std::this_thread::sleep_for(std::chrono::milliseconds(400));
                        pause = false;
                    });
                }
            },
            &stop, &pause);
        resumer.join();
        QVERIFY(!result.cancelled);
        QCOMPARE(result.trainLoss.size(), std::size_t(2));     // every step ran once the pause ended
        QCOMPARE(stepsSeen, 2 * ((windows.size() + 31) / 32)); // and an epoch report after each
        QVERIFY(clock.elapsed() >= 400);
    }

    void spikeHeadLearnsToFindSpikes()
    {
        // Noisy channels, so that a spike has to stand out of the noise, not out of a flat line.
        auto s = tinySeries(1400);
        std::uint32_t state = 7;
        for (float& v : s.data) {
            state = state * 1664525u + 1013904223u;
            v += 0.05f * (float(state >> 8) / float(1u << 24) - 0.5f);
        }
        const series::Windows windows(s, {0, 1, 2}, {2}, {24, 1, 1}, {0, 1100});
        auto config = tinyConfig(ModelKind::Spike);
        Model model(config);
        TrainOptions options;
        options.epochs = 12;
        options.learningRate = 2e-3;
        options.plantedSpikes = 0.5;
        options.patience = 1000;
        train(model, windows, nullptr, options);

        // Windows the model never saw, as they are and with a spike in their last two steps.
        const series::Windows unseen(s, {0, 1, 2}, {2}, {24, 1, 7}, {1100, 1400});
        const int n = int(unseen.size());
        auto clean = gatherInputs(unseen, 0, unseen.size()), spiked = clean;
        for (int i = 0; i < n; ++i)
            for (int t = 22; t < 24; ++t)
                spiked[(std::size_t(i) * 24 + std::size_t(t)) * 3 + std::size_t(i % 3)] += (i % 2 ? 0.6f : -0.6f);
        std::vector<float> pClean, pSpiked;
        model.predict(clean, n, &pClean);
        model.predict(spiked, n, &pSpiked);
        const double meanClean = std::accumulate(pClean.begin(), pClean.end(), 0.0) / n;
        const double meanSpiked = std::accumulate(pSpiked.begin(), pSpiked.end(), 0.0) / n;
        qInfo("spike probability: clean %.3f, spiked %.3f over %d windows", meanClean, meanSpiked, n);
        QVERIFY2(meanClean < 0.2 && meanSpiked > 0.8, qPrintable(QString("%1 / %2").arg(meanClean).arg(meanSpiked)));
        QCOMPARE(model.spikeProbability(spiked, n), pSpiked);
    }

    void ensembleForecastLiesWithinItsMembers()
    {
        const auto s = tinySeries();
        const series::Windows windows(s, {0, 1, 2}, {2}, {24, 1, 9}, {0, 300});
        Model ensemble(tinyConfig(ModelKind::Ensemble));
        const int n = int(windows.size());
        const auto input = gatherInputs(windows, 0, windows.size());
        const auto forecast = ensemble.predict(input, n);
        const auto members = ensemble.memberForecasts(input, n);
        const auto kinds = ensemble.memberKinds();
        QCOMPARE(kinds.size(), std::size_t(5));
        QCOMPARE(members.size(), forecast.size() * kinds.size());
        for (int i = 0; i < n; ++i) {
            const auto first = members.begin() + std::ptrdiff_t(i) * 5;
            const auto [lo, hi] = std::minmax_element(first, first + 5);
            QVERIFY2(forecast[i] >= *lo - 1e-5f && forecast[i] <= *hi + 1e-5f,
                     qPrintable(QString("%1 outside [%2, %3]").arg(forecast[i]).arg(*lo).arg(*hi)));
        }
        QVERIFY(Model(tinyConfig(ModelKind::Lstm)).memberKinds().empty());
    }

    void earlyStoppingKeepsTheBestEpoch()
    {
        const auto s = tinySeries(400);
        const series::Windows trainWindows(s, {0, 1, 2}, {2}, {24, 1, 2}, {0, 300});
        const series::Windows validation(s, {0, 1, 2}, {2}, {24, 1, 1}, {300, 400}, true);
        Model model(tinyConfig(ModelKind::DLinear));
        TrainOptions options;
        options.epochs = 200;
        options.patience = 3;
        options.learningRate = 1e-2;
        const auto result = train(model, trainWindows, &validation, options);
        QVERIFY(result.validationLoss.size() < 200); // it stopped once validation stopped improving
        const double best = *std::min_element(result.validationLoss.begin(), result.validationLoss.end());
        QVERIFY(std::abs(evaluateMse(model, validation) - best) < 1e-5 + 1e-3 * best);
    }

    // bf16 autocast (this CPU has AVX-512 BF16; others emulate it): learns as fp32 does.
    void bf16TrainingLearnsLikeFp32()
    {
        const auto s = tinySeries(400);
        const series::Windows trainWindows(s, {0, 1, 2}, {2}, {24, 1, 1}, {0, 300});
        const series::Windows validation(s, {0, 1, 2}, {2}, {24, 1, 1}, {300, 400}, true);
        TrainOptions options;
        options.epochs = 8;
        options.learningRate = 5e-3;
        double loss[2] = {0, 0};
        const double start = evaluateMse(Model(tinyConfig(ModelKind::Lstm)), validation);
        for (int i = 0; i < 2; ++i) {
            Model model(tinyConfig(ModelKind::Lstm));
            options.precision = i == 0 ? "fp32" : "bf16";
            const auto result = train(model, trainWindows, &validation, options);
            loss[i] = *std::min_element(result.validationLoss.begin(), result.validationLoss.end());
        }
        QVERIFY2(loss[0] < start / 4, qPrintable(QString("fp32 %1 from %2").arg(loss[0]).arg(start)));
        QVERIFY2(loss[1] < start / 4, qPrintable(QString("bf16 %1 from %2").arg(loss[1]).arg(start)));
        QVERIFY2(loss[1] < 2 * loss[0] + 1e-3, qPrintable(QString("bf16 %1, fp32 %2").arg(loss[1]).arg(loss[0])));
    }

    // Inference in bf16 on the CPU (Fathom's kernels: bf16 products, the recurrence in fp32)
    // forecasts what fp32 does, within a tenth of the change forecast (a wrong gate in the kernel is
    // several tenths); so does one window alone (fp32 products there).
    void bf16InferenceForecastsAsFp32Does()
    {
        const auto s = tinySeries();
        const series::Windows windows(s, {0, 1, 2}, {2}, {24, 1, 4}, {0, 300});
        const int count = 32;
        const auto input = gatherInputs(windows, 0, count);
        for (auto kind : {ModelKind::Lstm, ModelKind::Gru, ModelKind::CnnLstm, ModelKind::Spike, ModelKind::Rule,
                          ModelKind::Ensemble}) {
            Model model(tinyConfig(kind), 7);
            TrainOptions options;
            options.epochs = 2;
            options.batchSize = 16;
            options.learningRate = 3e-3;
            train(model, windows, nullptr, options);
            std::vector<float> spike[2];
            const bool spikes = kind == ModelKind::Spike || kind == ModelKind::Ensemble;
            const auto fp32 = model.predict(input, count, spikes ? &spike[0] : nullptr);
            model.setPrecision("bf16");
            const auto bf16 = model.predict(input, count, spikes ? &spike[1] : nullptr);
            const auto one = model.predict(gatherInputs(windows, 0, 1), 1);
            // The members forecast the change from the window's last value: measured against it.
            double largest = 0, change = 0;
            for (std::size_t i = 0; i < fp32.size(); ++i) {
                largest = std::max(largest, double(std::abs(bf16[i] - fp32[i])));
                change = std::max(change, double(std::abs(fp32[i] - input[(i * 24 + 23) * 3 + 2])));
            }
            const auto name = QString::fromStdString(kindName(kind));
            qInfo("%s: bf16 off fp32 by at most %.2g; changes forecast up to %.3g", qPrintable(name), largest, change);
            QVERIFY2(largest > 0, qPrintable(name + ": bf16 gave fp32's forecasts to the last bit: did it run?"));
            QVERIFY2(largest < 0.1 * change,
                     qPrintable(name + QString(": off by %1 where changes reach %2").arg(largest).arg(change)));
            QVERIFY2(std::abs(one[0] - fp32[0]) < 0.1 * change, qPrintable(name + ": one window"));
            for (std::size_t i = 0; i < spike[0].size(); ++i)
                QVERIFY2(std::abs(spike[1][i] - spike[0][i]) < 0.01, qPrintable(name + ": spike probability"));
        }
        // The process's CPU precision (compute.inference_precision) holds for every model not given
        // one: forecasts in fp32, then under the process's bf16, then with the model's own precision.
        struct Run
        {
            std::vector<float> fp32, byDefault, own;
            std::string precision; // under the process's bf16
        };
        const auto underProcessBf16 = [&](ModelKind kind, const std::string& own) {
            Model model(tinyConfig(kind), 7);
            Run r;
            r.fp32 = model.predict(input, count);
            setCpuInferencePrecision("bf16");
            r.byDefault = model.predict(input, count);
            r.precision = model.precision();
            model.setPrecision(own);
            r.own = model.predict(input, count);
            setCpuInferencePrecision("fp32");
            return r;
        };
        const auto lstm = underProcessBf16(ModelKind::Lstm, "fp32");
        QCOMPARE(QString::fromStdString(lstm.precision), QStringLiteral("bf16"));
        QVERIFY(lstm.byDefault != lstm.fp32);
        QCOMPARE(lstm.own, lstm.fp32);
        // … except PatchTST and DLinear, which gain nothing from it, unless asked by name.
        const auto patch = underProcessBf16(ModelKind::PatchTst, "bf16");
        QCOMPARE(QString::fromStdString(patch.precision), QStringLiteral("fp32"));
        QCOMPARE(patch.byDefault, patch.fp32);
        QVERIFY(patch.own != patch.fp32);
        QVERIFY_THROWS_EXCEPTION(Error, setCpuInferencePrecision("fp16"));
    }

    void unusableDevicesAndPrecisionsAreNamed()
    {
        const auto s = tinySeries(200);
        const series::Windows windows(s, {0, 1, 2}, {2}, {24, 1, 1}, {0, 200});
        Model model(tinyConfig(ModelKind::DLinear));
        model.setDevice("cpu");
        QCOMPARE(QString::fromStdString(model.deviceId()), QStringLiteral("cpu"));
        TrainOptions options;
        options.epochs = 1;
        options.precision = "fp8";
        QVERIFY_THROWS_EXCEPTION(Error, train(model, windows, nullptr, options));
        options.precision = "fp16";
        try {
            train(model, windows, nullptr, options);
            QVERIFY(model.deviceId() != "cpu"); // only a CUDA model may train in fp16
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("fp16 needs a CUDA GPU"), e.what());
        }
        try {
            model.setDevice("cuda:7");
            QFAIL("no machine here has eight GPUs");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("cuda:7"), e.what());
        }
        try {
            model.setDevice("tpu");
            QFAIL("tpu is no device Fathom knows");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("tpu"), e.what());
        }
        QCOMPARE(QString::fromStdString(model.deviceId()), QStringLiteral("cpu")); // unchanged by the refusals
    }
};

FATHOM_TORCH_TEST_MAIN(TestModels)
#include "tst_models.moc"
