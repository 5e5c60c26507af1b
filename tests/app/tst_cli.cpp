// Runs the real fathom-cli as a user would and reads what it prints.
#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cmath>

class TestCli : public QObject
{
    Q_OBJECT

    using Run = cli::Run;
    static Run run(const QStringList& args) { return cli::run(args); }
    static QString writeDemoSensors(const QTemporaryDir& dir) { return cli::writeDemoSensors(dir); }

private slots:
    void versionNamesFathomAndLibraries()
    {
        const auto r = run({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("fathom-cli 0.")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("LibTorch ")));
        QVERIFY(r.out.contains(QStringLiteral("OpenCV ")));
    }

    // OpenBLAS 0.3.21 takes CPUs it does not know for a Prescott: half the speed for every model.
    void blasKernelsSuitTheCpu()
    {
        const auto blasLine = [](const QString& coreType) {
            QProcess process;
            auto env = QProcessEnvironment::systemEnvironment();
            env.remove(QStringLiteral("OPENBLAS_CORETYPE"));
            env.remove(QStringLiteral("FATHOM_BLAS_KERNELS_CHOSEN"));
            if (!coreType.isEmpty())
                env.insert(QStringLiteral("OPENBLAS_CORETYPE"), coreType);
            process.setProcessEnvironment(env);
            process.start(QStringLiteral(FATHOM_CLI), {QStringLiteral("--version")});
            process.waitForFinished(60000);
            const auto lines = QString::fromUtf8(process.readAllStandardOutput()).split('\n');
            for (const auto& line : lines)
                if (line.startsWith(QStringLiteral("BLAS ")))
                    return line;
            return QString();
        };
        const auto line = blasLine({});
        if (!line.contains(QStringLiteral("OpenBLAS")))
            QSKIP("this build's BLAS is not OpenBLAS");
#if defined(__x86_64__)
        if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma"))
            QSKIP("this CPU has no AVX2: OpenBLAS's own choice stands");
        for (const char* weak : {"Prescott", "Core2", "Penryn", "Nehalem", "Atom", "Sandybridge"})
            QVERIFY2(!line.contains(QStringLiteral("%1 kernels").arg(weak)), qPrintable(line));
        // A choice the user made stands.
        const auto chosen = blasLine(QStringLiteral("Haswell"));
        QVERIFY2(chosen.endsWith(QStringLiteral(", Haswell kernels (from OPENBLAS_CORETYPE)")), qPrintable(chosen));
#else
        QSKIP("kernels are chosen on x86-64 only");
#endif
    }

    void devicesJsonHasTheDocumentedShape()
    {
        const auto r = run({QStringLiteral("devices"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + r.out));
        const auto root = doc.object();
        QVERIFY(root.contains(QStringLiteral("selected")));
        const auto devices = root.value(QStringLiteral("devices")).toArray();
        QVERIFY(!devices.isEmpty());
        QStringList ids;
        for (const auto& value : devices) {
            const auto device = value.toObject();
            ids << device.value(QStringLiteral("id")).toString();
            for (const char* key : {"kind", "name", "memory_total_bytes", "memory_free_bytes", "profile"})
                QVERIFY2(device.contains(QLatin1String(key)), key);
            QVERIFY(device.value(QStringLiteral("memory_total_bytes")).toDouble() > 0);
            const auto profile = device.value(QStringLiteral("profile")).toObject();
            QVERIFY(profile.value(QStringLiteral("batch_size")).toInt() >= 1);
            QVERIFY(profile.contains(QStringLiteral("mixed_precision")));
        }
        QCOMPARE(ids.front(), QStringLiteral("cpu"));
        QVERIFY(ids.contains(root.value(QStringLiteral("selected")).toString()));
        QCOMPARE(root.value(QStringLiteral("cpu_inference_precision")).toString(), QStringLiteral("fp32"));
        // The setting shows, in JSON and text.
        const QStringList bf16{QStringLiteral("--set"), QStringLiteral("compute.inference_precision=bf16"),
                               QStringLiteral("devices")};
        const auto json = QJsonDocument::fromJson(run(bf16 + QStringList{QStringLiteral("--json")}).out.toUtf8());
        QCOMPARE(json.object().value(QStringLiteral("cpu_inference_precision")).toString(), QStringLiteral("bf16"));
        const auto text = run(bf16);
        QVERIFY2(text.out.contains(QStringLiteral("CPU forecasts: bf16, PatchTST and DLinear fp32")),
                 qPrintable(text.out));
    }

    void unknownDeviceFallsBackToCpuWithAMessage()
    {
        const auto r = run({QStringLiteral("--device"), QStringLiteral("warp-drive"), QStringLiteral("devices"),
                            QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("Unknown device 'warp-drive'")), qPrintable(r.err));
        const auto root = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(root.value(QStringLiteral("selected")).toString(), QStringLiteral("cpu"));
    }

    void absentGpuFallsBackToCpu()
    {
        const auto r = run({QStringLiteral("--device"), QStringLiteral("cuda:9"), QStringLiteral("devices")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("cuda:9")), qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("* cpu")));
    }

    void settingsReachTheProfile()
    {
        const auto r = run({QStringLiteral("--set"), QStringLiteral("profiles.cpu.batch_size=48"),
                            QStringLiteral("devices"), QStringLiteral("--json")});
        const auto devices =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("devices")).toArray();
        QCOMPARE(devices.first()
                     .toObject()
                     .value(QStringLiteral("profile"))
                     .toObject()
                     .value(QStringLiteral("batch_size"))
                     .toInt(),
                 48);
    }

    void malformedConfigNamesFileAndLine()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("bad.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("profiles:\n  cpu:\n    batch_size: [32\n");
        file.close();
        const auto r = run({QStringLiteral("--config"), path, QStringLiteral("devices")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(path) && r.err.contains(QStringLiteral("line 4")), qPrintable(r.err));
    }

    void demoInfoAndRenderEndToEnd()
    {
        QTemporaryDir dir;
        auto r = run({QStringLiteral("demo"), QStringLiteral("--out"), dir.path(), QStringLiteral("--pings"),
                      QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("4")});
        QCOMPARE(r.code, 0);
        for (const char* name : {"survey.xtf", "truth.csv", "sensors.csv"})
            QVERIFY2(QFile::exists(dir.filePath(QLatin1String(name))), name);
        // With spheres moored in the water column when asked: truth.csv says how high each floats.
        QTemporaryDir moored;
        QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--out"), moored.path(), QStringLiteral("--pings"),
                      QStringLiteral("300"), QStringLiteral("--moored"), QStringLiteral("2")})
                     .code,
                 0);
        QFile truth(moored.filePath(QStringLiteral("truth.csv")));
        QVERIFY(truth.open(QIODevice::ReadOnly));
        const auto header = QString::fromUtf8(truth.readLine()).trimmed().split(QLatin1Char(','));
        const auto column = header.indexOf(QStringLiteral("moored_m"));
        QVERIFY(column > 0);
        int floating = 0;
        while (!truth.atEnd())
            floating += QString::fromUtf8(truth.readLine()).split(QLatin1Char(',')).value(column).toDouble() > 0;
        QCOMPARE(floating, 2);
        r = run({QStringLiteral("sonar"), QStringLiteral("info"), dir.filePath(QStringLiteral("survey.xtf")),
                 QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const auto info = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(info.value(QStringLiteral("format")).toString(), QStringLiteral("XTF"));
        QCOMPARE(info.value(QStringLiteral("pings")).toInt(), 300);
        QCOMPARE(info.value(QStringLiteral("channels")).toArray().size(), 2);
        QCOMPARE(info.value(QStringLiteral("channels"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("sample_format"))
                     .toString(),
                 QStringLiteral("u16"));
        QVERIFY(info.value(QStringLiteral("duration_s")).toDouble() > 29.0);
        const auto png = dir.filePath(QStringLiteral("wf.png"));
        r = run({QStringLiteral("sonar"), QStringLiteral("render"), dir.filePath(QStringLiteral("survey.xtf")),
                 QStringLiteral("--out"), png, QStringLiteral("--ground-range"), QStringLiteral("--width"),
                 QStringLiteral("200"), QStringLiteral("--pings"), QStringLiteral("0:120")});
        QCOMPARE(r.code, 0);
        QFile picture(png);
        QVERIFY(picture.open(QIODevice::ReadOnly));
        const QByteArray head = picture.read(24); // PNG signature, then IHDR: width and height, big-endian
        QVERIFY(head.startsWith("\x89PNG"));
        QCOMPARE(qFromBigEndian<quint32>(head.constData() + 16), 400u);
        QCOMPARE(qFromBigEndian<quint32>(head.constData() + 20), 120u);
    }

    void seriesInfoOnTheDemoSensors()
    {
        QTemporaryDir dir;
        QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--out"), dir.path(), QStringLiteral("--pings"),
                      QStringLiteral("50")})
                     .code,
                 0);
        auto r = run({QStringLiteral("ts"), QStringLiteral("info"), dir.filePath(QStringLiteral("sensors.csv")),
                      QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const auto info = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(info.value(QStringLiteral("rows")).toInt(), 50);
        QCOMPARE(info.value(QStringLiteral("time_column")).toString(), QStringLiteral("time"));
        QCOMPARE(info.value(QStringLiteral("channels")).toArray().size(), 14); // ping, 12 sensors, fault
        // --data, as the other ts commands take their files, says the same
        const auto named = run({QStringLiteral("ts"), QStringLiteral("info"), QStringLiteral("--data"),
                                dir.filePath(QStringLiteral("sensors.csv")), QStringLiteral("--json")});
        QCOMPARE(named.code, 0);
        QCOMPARE(named.out, r.out);
        const auto bad = dir.filePath(QStringLiteral("bad.csv"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("time,depth\n2024-01-01 00:00:00,1\n2024-01-01 00:00:01,deep\n");
        file.close();
        r = run({QStringLiteral("ts"), QStringLiteral("info"), bad});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("row 3, column 'depth'")), qPrintable(r.err));
    }

    void modelsAreListedWithTheirSizes()
    {
        const auto r = run({QStringLiteral("ts"), QStringLiteral("models"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const auto models = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("models")).toArray();
        QStringList names;
        for (const auto& m : models) {
            names << m.toObject().value(QStringLiteral("name")).toString();
            QVERIFY(m.toObject().value(QStringLiteral("parameters")).toDouble() > 100);
        }
        QCOMPARE(names, (QStringList{"lstm", "gru", "cnn_lstm", "spike", "rule", "ensemble", "patchtst", "dlinear",
                                     "conv_ae"}));
    }

    void trainAndPredictOnTheDemoSensors()
    {
        QTemporaryDir dir;
        const auto sensors = writeDemoSensors(dir);
        auto r = run({QStringLiteral("ts"), QStringLiteral("train"), QStringLiteral("--data"), sensors,
                      QStringLiteral("--target"), QStringLiteral("mag_total_nt"), QStringLiteral("--features"),
                      QStringLiteral("altitude_m,depth_m,heading_deg"), QStringLiteral("--models"),
                      QStringLiteral("dlinear,rule"), QStringLiteral("--lookback"), QStringLiteral("16"),
                      QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--out"),
                      dir.filePath(QStringLiteral("models")), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const auto summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(summary.value(QStringLiteral("rows")).toInt(), 400);
        const auto trained = summary.value(QStringLiteral("models")).toArray();
        QCOMPARE(trained.size(), 2);
        for (const auto& m : trained)
            QVERIFY(std::isfinite(m.toObject().value(QStringLiteral("test_mse")).toDouble()));
        for (const char* file : {"models/rule/config.json", "models/rule/weights.pt", "models/rule/metrics.json"})
            QVERIFY2(QFile::exists(dir.filePath(QLatin1String(file))), file);

        const auto forecasts = dir.filePath(QStringLiteral("forecast.csv"));
        r = run({QStringLiteral("ts"), QStringLiteral("predict"), QStringLiteral("--model"),
                 dir.filePath(QStringLiteral("models/rule")), QStringLiteral("--data"), sensors,
                 QStringLiteral("--out"), forecasts});
        QCOMPARE(r.code, 0);
        QFile out(forecasts);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const auto lines = QString::fromUtf8(out.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("time,row,forecast_t1"));
        QCOMPARE(lines.size(), 1 + 400 - 16 + 1); // every window, the last one forecasting past the data
        const double value = lines.at(100).section(QLatin1Char(','), 2, 2).toDouble();
        QVERIFY2(value > 49000 && value < 51500, qPrintable(lines.at(100))); // in nanotesla, not z-scores

        // In bf16 the same forecasts within a hundredth of their range; fp16 needs a GPU.
        const auto halved = dir.filePath(QStringLiteral("forecast-bf16.csv"));
        r = run({QStringLiteral("ts"), QStringLiteral("predict"), QStringLiteral("--model"),
                 dir.filePath(QStringLiteral("models/rule")), QStringLiteral("--data"), sensors,
                 QStringLiteral("--out"), halved, QStringLiteral("--precision"), QStringLiteral("bf16")});
        QCOMPARE(r.code, 0);
        QFile bf16(halved);
        QVERIFY(bf16.open(QIODevice::ReadOnly));
        const auto bf16Lines = QString::fromUtf8(bf16.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(bf16Lines.size(), lines.size());
        double low = 1e300, high = -1e300, worst = 0;
        for (int i = 1; i < lines.size(); ++i) {
            const double a = lines.at(i).section(QLatin1Char(','), 2, 2).toDouble(),
                         b = bf16Lines.at(i).section(QLatin1Char(','), 2, 2).toDouble();
            low = std::min(low, a);
            high = std::max(high, a);
            worst = std::max(worst, std::abs(a - b));
        }
        QVERIFY2(worst <= 0.01 * (high - low),
                 qPrintable(QStringLiteral("off by %1 in %2").arg(worst).arg(high - low)));
        r = run({QStringLiteral("ts"), QStringLiteral("predict"), QStringLiteral("--model"),
                 dir.filePath(QStringLiteral("models/rule")), QStringLiteral("--data"), sensors,
                 QStringLiteral("--out"), halved, QStringLiteral("--precision"), QStringLiteral("fp16")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("fp16 needs a CUDA GPU")), qPrintable(r.err));

        // An automatic batch on the CPU is the device profile's (memory is measured on a GPU only).
        r = run({QStringLiteral("--set"),       QStringLiteral("profiles.cpu.batch_size=16"),
                 QStringLiteral("ts"),          QStringLiteral("train"),
                 QStringLiteral("--data"),      sensors,
                 QStringLiteral("--target"),    QStringLiteral("mag_total_nt"),
                 QStringLiteral("--models"),    QStringLiteral("dlinear"),
                 QStringLiteral("--lookback"),  QStringLiteral("16"),
                 QStringLiteral("--epochs"),    QStringLiteral("1"),
                 QStringLiteral("--batch"),     QStringLiteral("auto"),
                 QStringLiteral("--clip-norm"), QStringLiteral("0.5"),
                 QStringLiteral("--out"),       dir.filePath(QStringLiteral("auto"))});
        QCOMPARE(r.code, 0);
        QFile autoLog(dir.filePath(QStringLiteral("auto/dlinear/train.log")));
        QVERIFY(autoLog.open(QIODevice::ReadOnly));
        const auto autoText = QString::fromUtf8(autoLog.readAll());
        QVERIFY2(autoText.contains(QStringLiteral(", batch 16,")), qPrintable(autoText));
        QVERIFY2(autoText.contains(QStringLiteral(", gradient norm clipped to 0.5")), qPrintable(autoText));

        // Incremental retraining: the saved rule model fine-tuned on the same line's data.
        r = run({QStringLiteral("ts"), QStringLiteral("train"), QStringLiteral("--data"), sensors,
                 QStringLiteral("--from"), dir.filePath(QStringLiteral("models/rule")), QStringLiteral("--epochs"),
                 QStringLiteral("1"), QStringLiteral("--out"), dir.filePath(QStringLiteral("retrained")),
                 QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const auto again = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("models")).toArray();
        QCOMPARE(again.size(), 1);
        QCOMPARE(again.first().toObject().value(QStringLiteral("model")).toString(), QStringLiteral("rule"));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("retrained/rule/weights.pt"))));
        r = run({QStringLiteral("ts"), QStringLiteral("train"), QStringLiteral("--data"), sensors,
                 QStringLiteral("--from"), dir.filePath(QStringLiteral("models/rule")), QStringLiteral("--target"),
                 QStringLiteral("depth_m"), QStringLiteral("--out"), dir.filePath(QStringLiteral("wrong"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("forecasts 'mag_total_nt'")), qPrintable(r.err));

        // Data without a channel the model learned from: a clear error.
        const auto partial = dir.filePath(QStringLiteral("partial.csv"));
        QFile p(partial);
        QVERIFY(p.open(QIODevice::WriteOnly));
        p.write("time,altitude_m,mag_total_nt\n");
        for (int i = 0; i < 40; ++i)
            p.write(QStringLiteral("2025-11-23 06:40:%1,9.0,50150\n").arg(i, 2, 10, QLatin1Char('0')).toUtf8());
        p.close();
        r = run({QStringLiteral("ts"), QStringLiteral("predict"), QStringLiteral("--model"),
                 dir.filePath(QStringLiteral("models/rule")), QStringLiteral("--data"), partial,
                 QStringLiteral("--out"), dir.filePath(QStringLiteral("x.csv"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("'depth_m'")), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.csv"))));
    }

    void alertsFindThePlantedSensorFaults()
    {
        QTemporaryDir dir;
        const auto sensors = writeDemoSensors(dir);
        auto r = run({QStringLiteral("ts"), QStringLiteral("train"), QStringLiteral("--data"), sensors,
                      QStringLiteral("--target"), QStringLiteral("altitude_m"), QStringLiteral("--skip"),
                      QStringLiteral("ping"), QStringLiteral("--labels"), QStringLiteral("fault"),
                      QStringLiteral("--models"), QStringLiteral("ensemble,rule,spike"), QStringLiteral("--lookback"),
                      QStringLiteral("16"), QStringLiteral("--epochs"), QStringLiteral("8"), QStringLiteral("--out"),
                      dir.filePath(QStringLiteral("models")), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const auto trained = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("models")).toArray();
        QCOMPARE(trained.size(), 3);
        QCOMPARE(trained.last().toObject().value(QStringLiteral("model")).toString(), QStringLiteral("ensemble"));
        QFile log(dir.filePath(QStringLiteral("models/ensemble/train.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const auto text = QString::fromUtf8(log.readAll());
        QVERIFY2(text.contains(QStringLiteral("started from the members trained before it: rule spike")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("epoch 1 ")));
        QVERIFY2(text.contains(QStringLiteral(", gradient norm clipped to 1\n")), qPrintable(text)); // the default

        const auto alerts = dir.filePath(QStringLiteral("alerts.csv"));
        r = run({QStringLiteral("ts"), QStringLiteral("alerts"), QStringLiteral("--model"),
                 dir.filePath(QStringLiteral("models/ensemble")), QStringLiteral("--data"), sensors,
                 QStringLiteral("--labels"), QStringLiteral("fault"), QStringLiteral("--out"), alerts,
                 QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const auto metrics =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("metrics")).toObject();
        QFile file(alerts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(),
                 QStringLiteral("start_time,end_time,peak_time,start_row,end_row,peak_row,score,channels"));
        // The altitude glitches the demo plants at rows 48 (in training) and 316 (in validation).
        for (int faultRow : {48, 316}) {
            bool found = false;
            for (const auto& line : lines.mid(1)) {
                const auto cells = line.split(QLatin1Char(','));
                found = found || (cells[3].toInt() <= faultRow + 1 && cells[4].toInt() >= faultRow &&
                                  cells[7].contains(QStringLiteral("altitude_m")));
            }
            QVERIFY2(found, qPrintable(QStringLiteral("no alert at row %1:\n").arg(faultRow) + lines.join('\n')));
        }
        QVERIFY2(metrics.value(QStringLiteral("events_detected")).toInt() >= 2, qPrintable(r.out));
        QVERIFY2(metrics.value(QStringLiteral("far")).toDouble() < 0.1, qPrintable(r.out));
        // Run in bf16, the thresholds chosen from fp32 forecasts: said, in the summary and as a warning.
        QVERIFY2(r.out.contains(QStringLiteral("\"calibrated_in\": \"fp32\"")), qPrintable(r.out));
        r = run({QStringLiteral("--set"), QStringLiteral("compute.inference_precision=bf16"), QStringLiteral("ts"),
                 QStringLiteral("alerts"), QStringLiteral("--model"), dir.filePath(QStringLiteral("models/ensemble")),
                 QStringLiteral("--data"), sensors, QStringLiteral("--out"), alerts, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("\"precision\": \"bf16\"")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("chosen from fp32 forecasts")), qPrintable(r.err));
    }

    void detectWritesContactsAGisReads()
    {
        QTemporaryDir dir;
        QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--out"), dir.path()}).code, 0);
        const auto geojson = dir.filePath(QStringLiteral("contacts.geojson"));
        const auto r =
            run({QStringLiteral("detect"), dir.filePath(QStringLiteral("survey.xtf")), QStringLiteral("--out"), geojson,
                 QStringLiteral("--truth"), dir.filePath(QStringLiteral("truth.csv")), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const auto summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const int contacts = summary.value(QStringLiteral("contacts")).toInt();
        QVERIFY(contacts > 0);
        const auto truth = summary.value(QStringLiteral("truth")).toObject();
        QVERIFY(truth.value(QStringLiteral("recall_mine_like")).toDouble() >= 0.75);
        // Sizes scored against the objects' extents along and across the track as they lie: most
        // of the demo's contacts within 30 % each way.
        const int sizes = truth.value(QStringLiteral("sizes_compared")).toInt();
        QVERIFY2(sizes >= 20, qPrintable(r.out));
        QVERIFY2(truth.value(QStringLiteral("widths_within_30_percent")).toInt() * 10 >= sizes * 6, qPrintable(r.out));
        QVERIFY2(truth.value(QStringLiteral("lengths_within_30_percent")).toInt() * 10 >= sizes * 6, qPrintable(r.out));
        // Classes: the CNN's, on the objects it found; far better than a guess among six.
        const int classes = truth.value(QStringLiteral("classes_compared")).toInt();
        QVERIFY2(classes >= 15, qPrintable(r.out));
        QVERIFY2(truth.value(QStringLiteral("classes_right")).toInt() * 5 >= classes * 2, qPrintable(r.out));
        // No object was found only by a box the CNN sees no object in.
        QVERIFY2(truth.contains(QStringLiteral("false_alarms_cnn_sees_no_object")), qPrintable(r.out));
        QCOMPARE(truth.value(QStringLiteral("objects_only_where_cnn_sees_no_object")).toInt(), 0);
        QFile file(geojson);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto doc = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(doc.value(QStringLiteral("type")).toString(), QStringLiteral("FeatureCollection"));
        const auto features = doc.value(QStringLiteral("features")).toArray();
        QCOMPARE(features.size(), contacts);
        for (const auto& f : features) {
            const auto point = f.toObject().value(QStringLiteral("geometry")).toObject();
            QCOMPARE(point.value(QStringLiteral("type")).toString(), QStringLiteral("Point"));
            const auto xy = point.value(QStringLiteral("coordinates")).toArray();
            QVERIFY(std::abs(xy[0].toDouble() - 129.10) < 0.05 && std::abs(xy[1].toDouble() - 35.05) < 0.05);
            const auto properties = f.toObject().value(QStringLiteral("properties")).toObject();
            QVERIFY(properties.contains(QStringLiteral("score")));
            // What the CNN made of the box: asked only where it did not propose it itself.
            QCOMPARE(properties.value(QStringLiteral("cnn_objectness")).isNull(),
                     properties.value(QStringLiteral("detector_scores")).toObject().contains(QStringLiteral("cnn")));
        }
        const auto bad = run({QStringLiteral("detect"), dir.filePath(QStringLiteral("sensors.csv"))});
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("sensors.csv")), qPrintable(bad.err));
    }

    void exportWritesAProjectsContactsAndAlerts()
    {
        QTemporaryDir dir;
        const auto project = dir.filePath(QStringLiteral("p.fathom"));
        QFile file(project);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "fathom-project", "version": 1,
            "contacts": [{"ping": 281, "side": 1, "x": -68.828, "y": 48.4457, "class": "wreck", "status": "confirmed"},
                         {"ping": 12, "side": 0, "x": -68.8279, "y": 48.4455}],
            "alerts": [{"start": 1763880024, "end": 1763880025, "peak": 1763880024.5, "status": "rejected"}]})");
        file.close();
        const auto kml = dir.filePath(QStringLiteral("c.kml")), alerts = dir.filePath(QStringLiteral("a.csv"));
        auto r = run(
            {QStringLiteral("export"), project, QStringLiteral("--contacts"), kml, QStringLiteral("--alerts"), alerts});
        QCOMPARE(r.code, 0);
        QFile k(kml);
        QVERIFY(k.open(QIODevice::ReadOnly));
        QCOMPARE(k.readAll().count("<Placemark>"), 2);
        QFile a(alerts);
        QVERIFY(a.open(QIODevice::ReadOnly));
        QVERIFY(a.readAll().contains("rejected"));
        // A format that cannot be written is refused before anything is written.
        const auto other = dir.filePath(QStringLiteral("x.csv"));
        r = run({QStringLiteral("export"), project, QStringLiteral("--contacts"), other, QStringLiteral("--alerts"),
                 dir.filePath(QStringLiteral("a.kml"))});
        QCOMPARE(r.code, 2);
        QVERIFY(!QFile::exists(other));
    }

    // The headless day: a survey, its sensors, a model, alerts and contacts into one project, then the
    // report as HTML and PDF and the survey as a GeoTIFF mosaic.
    void reportOfTheDemoSurveyEndToEnd()
    {
        QTemporaryDir dir;
        const auto sensors = writeDemoSensors(dir);
        const auto project = dir.filePath(QStringLiteral("day.fathom"));
        auto r = run({QStringLiteral("ts"), QStringLiteral("train"), QStringLiteral("--data"), sensors,
                      QStringLiteral("--target"), QStringLiteral("altitude_m"), QStringLiteral("--skip"),
                      QStringLiteral("ping,fault"), QStringLiteral("--models"), QStringLiteral("rule"),
                      QStringLiteral("--lookback"), QStringLiteral("16"), QStringLiteral("--epochs"),
                      QStringLiteral("2"), QStringLiteral("--out"), dir.filePath(QStringLiteral("models"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = run({QStringLiteral("ts"), QStringLiteral("alerts"), QStringLiteral("--model"),
                 dir.filePath(QStringLiteral("models/rule")), QStringLiteral("--data"), sensors,
                 QStringLiteral("--project"), project});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = run({QStringLiteral("detect"), dir.filePath(QStringLiteral("survey.xtf")), QStringLiteral("--project"),
                 project, QStringLiteral("--min-cnn-score"), QStringLiteral("0.6")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile file(project);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto saved = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        const auto contacts = saved.value(QStringLiteral("contacts")).toArray();
        QVERIFY(!contacts.isEmpty());
        QVERIFY(saved.value(QStringLiteral("survey")).toString().endsWith(QStringLiteral("survey.xtf")));
        // The settings that proposed them are the project's, as the GUI's Detection Settings are.
        const auto detection = saved.value(QStringLiteral("detection")).toObject();
        QCOMPARE(detection.value(QStringLiteral("min_cnn_score")).toDouble(), 0.6);
        QVERIFY(detection.value(QStringLiteral("water_column")).toBool());

        const auto html = dir.filePath(QStringLiteral("day.html"));
        r = run({QStringLiteral("report"), project, QStringLiteral("--out"), html, QStringLiteral("--lang"),
                 QStringLiteral("ko"), QStringLiteral("--classification"), QStringLiteral("RESTRICTED"),
                 QStringLiteral("--notes"), QStringLiteral("Line 7 surveyed twice.")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile page(html);
        QVERIFY(page.open(QIODevice::ReadOnly));
        const auto text = QString::fromUtf8(page.readAll());
        QVERIFY(text.contains(QStringLiteral("접촉물")));
        QVERIFY(text.contains(QStringLiteral("Line 7 surveyed twice.")));
        QVERIFY(text.contains(QStringLiteral("rule"))); // the models section names the model
        QVERIFY2(text.contains(QStringLiteral("70/15/15: 검증 ")), "the models section gives the model's split");
        QVERIFY2(text.contains(QStringLiteral("rule: 에포크별 학습")), "the model's loss curves are missing");
        // Its figures by name in the report's language, not as metrics.json's keys.
        QVERIFY(text.contains(QStringLiteral("시험 MSE(표준화)")) && text.contains(QStringLiteral("최적 에포크")));
        QVERIFY(!text.contains(QStringLiteral("test_mse")) && !text.contains(QStringLiteral("best_epoch")));
        const auto first = contacts.first().toObject();
        QVERIFY(text.contains(QString::number(first.value(QStringLiteral("y")).toDouble(), 'f', 6)));

        const auto pdf = dir.filePath(QStringLiteral("day.pdf"));
        r = run({QStringLiteral("report"), project, QStringLiteral("--out"), pdf, QStringLiteral("--sections"),
                 QStringLiteral("summary,alerts,models")});
        if (r.err.contains(QStringLiteral("built without Qt"))) {
            QCOMPARE(r.code, 2); // a core-only build says so instead of writing half a report
        } else {
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QVERIFY(QFile(pdf).size() > 10000);
            QVERIFY(r.err.contains(QStringLiteral(" pages")));
        }
        r = run({QStringLiteral("report"), project, QStringLiteral("--out"), dir.filePath(QStringLiteral("x.html")),
                 QStringLiteral("--sections"), QStringLiteral("summary,appendix")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("'appendix'")), qPrintable(r.err));
        // A folder that cannot be written is refused before the report is built.
        r = run({QStringLiteral("report"), project, QStringLiteral("--out"),
                 dir.filePath(QStringLiteral("missing/day.html"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("missing")) && !r.err.contains(QStringLiteral("building")),
                 qPrintable(r.err));

        const auto tif = dir.filePath(QStringLiteral("day.tif"));
        r = run({QStringLiteral("export"), project, QStringLiteral("--mosaic"), tif});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("EPSG:32652")), qPrintable(r.err));
        QVERIFY(QFile(tif).size() > 1000);
    }

    void unreadableSonarFileIsAClearError()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("notes.xtf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("hello, not sonar");
        file.close();
        const auto r = run({QStringLiteral("sonar"), QStringLiteral("info"), path});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(path) && r.err.contains(QStringLiteral("not a sidescan file")), qPrintable(r.err));
    }

    void brokenNvmlDoesNotStopIt()
    {
        QProcess process;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FATHOM_NVML_LIBRARY"), QStringLiteral("/nonexistent/libnvidia-ml.so.1"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(FATHOM_CLI), {QStringLiteral("devices"), QStringLiteral("--json")});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 0);
        const auto root = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QVERIFY(root.value(QStringLiteral("gpu_monitor"))
                    .toString()
                    .contains(QStringLiteral("/nonexistent/libnvidia-ml.so.1")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
