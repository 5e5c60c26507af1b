// fathom-cli's benchmarks and published protocols, run as a user would (the rest: tst_cli).
#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

class TestCliBench : public QObject
{
    Q_OBJECT

    using Run = cli::Run;
    static Run run(const QStringList& args) { return cli::run(args); }
    // bench ts on the rule model alone, small: what the settings change shows in its first line.
    static QStringList ruleBench()
    {
        return {QStringLiteral("bench"),           QStringLiteral("ts"),
                QStringLiteral("--models"),        QStringLiteral("rule"),
                QStringLiteral("--windows"),       QStringLiteral("8"),
                QStringLiteral("--train-windows"), QStringLiteral("64")};
    }

private slots:
    void recurrentKernelsFollowTheSettings()
    {
        const QStringList bench = ruleBench();
        const auto standard = run(bench);
        QCOMPARE(standard.code, 0);
        QVERIFY2(standard.out.contains(QStringLiteral("LSTM/GRU kernels: Fathom's")), qPrintable(standard.out));
        const auto chosen =
            run(QStringList{QStringLiteral("--set"), QStringLiteral("compute.recurrent_kernels=libtorch")} + bench);
        QVERIFY2(chosen.out.contains(QStringLiteral("LSTM/GRU kernels: LibTorch's")), qPrintable(chosen.out));
        const auto flag =
            run(QStringList{QStringLiteral("--set"), QStringLiteral("compute.recurrent_kernels=libtorch")} + bench +
                QStringList{QStringLiteral("--recurrent"), QStringLiteral("fathom")});
        QVERIFY2(flag.out.contains(QStringLiteral("LSTM/GRU kernels: Fathom's")), qPrintable(flag.out));
        const auto wrong =
            run(QStringList{QStringLiteral("--set"), QStringLiteral("compute.recurrent_kernels=cudnn")} + bench);
        QVERIFY2(wrong.err.contains(QStringLiteral("compute.recurrent_kernels")), qPrintable(wrong.err));
        QVERIFY2(wrong.out.contains(QStringLiteral("LSTM/GRU kernels: Fathom's")), qPrintable(wrong.out));
    }

    // compute.inference_precision: fp32 unless asked; bf16 compared with fp32; a wrong name warned of.
    void inferencePrecisionFollowsTheSetting()
    {
        const QStringList bench = ruleBench();
        const auto standard = run(bench);
        QCOMPARE(standard.code, 0);
        QVERIFY2(standard.out.contains(QStringLiteral("inference in fp32")), qPrintable(standard.out));
        QVERIFY(!standard.out.contains(QStringLiteral("off fp32")));
        const auto set = QStringList{QStringLiteral("--set")};
        const auto bf16 = run(set + QStringList{QStringLiteral("compute.inference_precision=bf16")} + bench);
        QVERIFY2(bf16.out.contains(QStringLiteral("inference in bf16")), qPrintable(bf16.out));
        QVERIFY2(bf16.out.contains(QStringLiteral("off fp32 by at most")), qPrintable(bf16.out));
        const auto flag = run(set + QStringList{QStringLiteral("compute.inference_precision=bf16")} + bench +
                              QStringList{QStringLiteral("--inference-precision"), QStringLiteral("fp32")});
        QVERIFY2(flag.out.contains(QStringLiteral("inference in fp32")), qPrintable(flag.out));
        const auto wrong = run(set + QStringList{QStringLiteral("compute.inference_precision=int8")} + bench);
        QVERIFY2(wrong.err.contains(QStringLiteral("compute.inference_precision is 'int8'")), qPrintable(wrong.err));
        QVERIFY2(wrong.out.contains(QStringLiteral("inference in fp32")), qPrintable(wrong.out));
    }

    // An error from a library underneath that no check of Fathom's caught — here oneDNN, held to
    // AVX2 on a CPU that LibTorch takes for a bf16 one — is one line on stderr and exit code 1,
    // not an abort with LibTorch's backtrace.
    void libraryErrorsAreReportedNotAborted()
    {
        qputenv("ONEDNN_MAX_CPU_ISA", "AVX2");
        const auto r =
            run({QStringLiteral("bench"), QStringLiteral("ts"), QStringLiteral("--models"), QStringLiteral("spike"),
                 QStringLiteral("--windows"), QStringLiteral("16"), QStringLiteral("--train-windows"),
                 QStringLiteral("32"), QStringLiteral("--inference-precision"), QStringLiteral("bf16")});
        qunsetenv("ONEDNN_MAX_CPU_ISA");
        if (r.code == 0 && !r.err.contains(QStringLiteral("terminate")))
            QSKIP("on this CPU LibTorch does not hand bf16 to oneDNN: no error to report");
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("fathom-cli: internal error: ")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("terminate called")) && !r.err.contains(QStringLiteral("frame #")),
                 qPrintable(r.err));
    }

    // The comparison table of every device present, with the cost of an epoch at the given price.
    void benchDeviceComparesEveryDeviceWithItsCost()
    {
        QTemporaryDir dir;
        const auto json = dir.filePath(QStringLiteral("devices.json"));
        const auto r = run({QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("bench"),
                            QStringLiteral("device"), QStringLiteral("--price"), QStringLiteral("cpu=0.36"),
                            QStringLiteral("--train-windows"), QStringLiteral("64"), QStringLiteral("--windows"),
                            QStringLiteral("8"), QStringLiteral("--json-out"), json});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("| device | model | precision | epoch of 781,163 windows")),
                 qPrintable(r.out));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto rows = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("rows")).toArray();
        QStringList models;
        for (const auto& value : rows) {
            const auto row = value.toObject();
            if (row.value(QStringLiteral("device")).toString() != QStringLiteral("cpu"))
                continue; // a GPU machine measures its GPUs too, without a price here
            models << row.value(QStringLiteral("model")).toString();
            const double epoch = row.value(QStringLiteral("epoch_s")).toDouble();
            QVERIFY(epoch > 0);
            QCOMPARE(epoch, 781163.0 / row.value(QStringLiteral("train_samples_per_s")).toDouble());
            QVERIFY(std::abs(row.value(QStringLiteral("cost_per_epoch")).toDouble() - epoch / 3600 * 0.36) < 1e-9);
            QVERIFY(row.value(QStringLiteral("peak_mb")).toDouble() > 10);
        }
        QCOMPARE(models, (QStringList{QStringLiteral("lstm"), QStringLiteral("gru"), QStringLiteral("cnn_lstm"),
                                      QStringLiteral("spike"), QStringLiteral("rule")}));
        const auto bad =
            run({QStringLiteral("bench"), QStringLiteral("device"), QStringLiteral("--price"), QStringLiteral("cpu")});
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("expected DEVICE=PRICE")), qPrintable(bad.err));
    }

    void unknownProtocolOrSettingIsRefused()
    {
        const auto r = run({QStringLiteral("ts"), QStringLiteral("evaluate"), QStringLiteral("--protocol"),
                            QStringLiteral("m4"), QStringLiteral("--data"), QStringLiteral("x.csv")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("'m4'")) && r.err.contains(QStringLiteral("'ett'")), qPrintable(r.err));
        // ETTh1's training setting is not silently ignored by SKAB's protocol.
        const auto skab =
            run({QStringLiteral("ts"), QStringLiteral("evaluate"), QStringLiteral("--protocol"), QStringLiteral("skab"),
                 QStringLiteral("--data"), QStringLiteral("x"), QStringLiteral("--drop-last")});
        QCOMPARE(skab.code, 2);
        QVERIFY2(skab.err.contains(QStringLiteral("--drop-last")), qPrintable(skab.err));
    }

    // SKAB's Conv-AE trains as SKAB's recipe does unless a flag says otherwise, and the JSON says
    // how it trained.
    void skabAutoencoderTrainsByTheRecipe()
    {
        QTemporaryDir dir;
        for (int f = 0; f < 2; ++f) {
            QFile file(dir.filePath(QStringLiteral("valve%1.csv").arg(f)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("datetime;flow;pressure;anomaly;changepoint\n");
            for (int i = 0; i < 520; ++i) {
                const bool fault = i >= 450 && i < 480;
                const double base = std::sin(i / (7.0 + f));
                file.write(QStringLiteral("2020-03-09 10:%1:%2;%3;%4;%5;0\n")
                               .arg((i / 60) % 60)
                               .arg(i % 60)
                               .arg(fault ? 0.2 : base)
                               .arg(2 * base)
                               .arg(fault ? 1 : 0)
                               .toUtf8());
            }
        }
        const auto training = [&](const QStringList& extra) {
            const auto out = dir.filePath(QStringLiteral("skab.json"));
            const auto r = run(
                QStringList{QStringLiteral("ts"), QStringLiteral("evaluate"), QStringLiteral("--protocol"),
                            QStringLiteral("skab"), QStringLiteral("--data"), dir.path(), QStringLiteral("--models"),
                            QStringLiteral("conv_ae"), QStringLiteral("--lookback"), QStringLiteral("20"),
                            QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--json-out"), out} +
                extra);
            if (r.code != 0)
                qWarning("%s", qPrintable(r.err));
            QFile file(out);
            if (!file.open(QIODevice::ReadOnly))
                return QJsonObject();
            const auto root = QJsonDocument::fromJson(file.readAll()).object();
            return root.value(QStringLiteral("results")).toArray().at(0).toObject();
        };
        const auto recipe = training({});
        QCOMPARE(recipe.value(QStringLiteral("files")).toInt(), 2);
        QCOMPARE(recipe.value(QStringLiteral("members")).toInt(), 1);
        QCOMPARE(recipe.value(QStringLiteral("one_reconstruction")).toBool(), false);
        const auto settings = recipe.value(QStringLiteral("training")).toObject();
        QCOMPARE(settings.value(QStringLiteral("learning_rate")).toDouble(), 1e-3);
        QCOMPARE(settings.value(QStringLiteral("patience")).toInt(), 5);
        QCOMPARE(settings.value(QStringLiteral("weight_decay")).toDouble(), 0.0);
        QCOMPARE(settings.value(QStringLiteral("clip_norm")).toDouble(), 0.0);
        QCOMPARE(settings.value(QStringLiteral("weights")).toString(), QStringLiteral("best epoch"));
        QVERIFY(std::abs(settings.value(QStringLiteral("dropout")).toDouble() - 0.2) < 1e-6);
        const auto chosen = training({QStringLiteral("--lr"), QStringLiteral("0.002"), QStringLiteral("--patience"),
                                      QStringLiteral("7"), QStringLiteral("--dropout"), QStringLiteral("0.1"),
                                      QStringLiteral("--clip-norm"), QStringLiteral("2")})
                                .value(QStringLiteral("training"))
                                .toObject();
        QCOMPARE(chosen.value(QStringLiteral("learning_rate")).toDouble(), 0.002);
        QCOMPARE(chosen.value(QStringLiteral("patience")).toInt(), 7);
        QCOMPARE(chosen.value(QStringLiteral("clip_norm")).toDouble(), 2.0);
        QVERIFY(std::abs(chosen.value(QStringLiteral("dropout")).toDouble() - 0.1) < 1e-6);
        const auto asPublished = training({QStringLiteral("--one-reconstruction"), QStringLiteral("--last-weights"),
                                           QStringLiteral("--notebook-rows")});
        QCOMPARE(asPublished.value(QStringLiteral("one_reconstruction")).toBool(), true);
        QCOMPARE(asPublished.value(QStringLiteral("rows")).toString(), QStringLiteral("SKAB notebook's rule"));
        QCOMPARE(recipe.value(QStringLiteral("rows")).toString(), QStringLiteral("every window over a row"));
        QCOMPARE(asPublished.value(QStringLiteral("training")).toObject().value(QStringLiteral("weights")).toString(),
                 QStringLiteral("last epoch"));
        const auto averaged = training({QStringLiteral("--members"), QStringLiteral("2")});
        QCOMPARE(averaged.value(QStringLiteral("members")).toInt(), 2);
        QCOMPARE(averaged.value(QStringLiteral("files")).toInt(), 2);
        // The autoencoder's flags without the autoencoder: said, not ignored.
        const auto r = run({QStringLiteral("ts"), QStringLiteral("evaluate"), QStringLiteral("--protocol"),
                            QStringLiteral("skab"), QStringLiteral("--data"), dir.path(), QStringLiteral("--models"),
                            QStringLiteral("dlinear"), QStringLiteral("--notebook-rows")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("add conv_ae to --models")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliBench)
#include "tst_cli_bench.moc"
