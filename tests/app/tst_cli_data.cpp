// fathom-cli's time-series commands on data as analysts bring it — split by shares or by time,
// with gaps, in files given out of order —, a saved model scored on data (`ts evaluate --model`),
// and models of the analyst's sizes.
#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

class TestCliData : public QObject
{
    Q_OBJECT

    using Run = cli::Run;
    static Run run(const QStringList& args) { return cli::run(args); }

    static QStringList readLines(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    // Writes `lines` as a file in `dir`; returns its path.
    static QString writeLines(const QTemporaryDir& dir, const QString& name, const QStringList& lines)
    {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::WriteOnly))
            file.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
        return file.fileName();
    }

    // `ts train` of one DLinear epoch on `data` into dir/out; returns its train.log.
    static QString trainLog(const QTemporaryDir& dir, const QStringList& data, const QString& out,
                            const QStringList& extra = {})
    {
        const auto r = run(QStringList{QStringLiteral("ts"), QStringLiteral("train"), QStringLiteral("--data")} + data +
                           QStringList{QStringLiteral("--target"), QStringLiteral("mag_total_nt"),
                                       QStringLiteral("--models"), QStringLiteral("dlinear"),
                                       QStringLiteral("--lookback"), QStringLiteral("16"), QStringLiteral("--epochs"),
                                       QStringLiteral("1"), QStringLiteral("--out"), dir.filePath(out)} +
                           extra);
        if (r.code != 0)
            return r.err;
        return readLines(dir.filePath(out + QStringLiteral("/dlinear/train.log"))).join(QLatin1Char('\n'));
    }

private slots:
    void splitsGapsAndTimeOrderAreSaid()
    {
        QTemporaryDir dir;
        const auto sensors = cli::writeDemoSensors(dir);

        // The split asked for, in the log with the rows and times of each part.
        const auto split =
            trainLog(dir, {sensors}, QStringLiteral("split"), {QStringLiteral("--split"), QStringLiteral("50/25/25")});
        static const QRegularExpression parts(QStringLiteral("split 50/25/25: training rows 1–(\\d+) \\(2025-[^)]+\\), "
                                                             "validation rows (\\d+)–(\\d+) .*test rows (\\d+)–"));
        const auto m = parts.match(split);
        QVERIFY2(m.hasMatch(), qPrintable(split));
        QCOMPARE(m.captured(2).toInt(), m.captured(1).toInt() + 1);
        QCOMPARE(m.captured(4).toInt(), m.captured(3).toInt() + 1);
        QVERIFY(std::abs(m.captured(1).toInt() - 2 * (m.captured(3).toInt() - m.captured(1).toInt())) <= 1);
        auto r = run({QStringLiteral("ts"), QStringLiteral("train"), QStringLiteral("--data"), sensors,
                      QStringLiteral("--target"), QStringLiteral("mag_total_nt"), QStringLiteral("--models"),
                      QStringLiteral("dlinear"), QStringLiteral("--split"), QStringLiteral("2030-01-01, 2030-01-02"),
                      QStringLiteral("--out"), dir.filePath(QStringLiteral("late"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("the validation part has 0 rows")) &&
                     r.err.contains(QStringLiteral("sensors.csv")),
                 qPrintable(r.err));

        // Gaps in the data are filled, and the model's log says how many.
        auto rows = readLines(sensors);
        QCOMPARE(rows.size(), 401);
        const auto column = rows.first().split(QLatin1Char(',')).indexOf(QStringLiteral("mag_total_nt"));
        QVERIFY(column > 0);
        for (int row : {10, 11, 50}) { // the magnetometer's cell blanked
            auto cells = rows[row].split(QLatin1Char(','));
            cells[column].clear();
            rows[row] = cells.join(QLatin1Char(','));
        }
        const auto gappy = writeLines(dir, QStringLiteral("gappy.csv"), rows);
        QVERIFY(trainLog(dir, {gappy}, QStringLiteral("gappy")).contains(QStringLiteral("3 missing cell(s) filled")));
        r = run({QStringLiteral("ts"), QStringLiteral("info"), gappy, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        for (const auto& c :
             QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("channels")).toArray())
            QCOMPARE(c.toObject().value(QStringLiteral("missing")).toInt(),
                     c.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("mag_total_nt") ? 3 : 0);

        // Two halves of a day given in the wrong order: said, not silently split as if in order.
        const auto morning = writeLines(dir, QStringLiteral("morning.csv"), rows.mid(0, 200));
        const auto noon = writeLines(dir, QStringLiteral("noon.csv"), QStringList{rows.first()} + rows.mid(200));
        r = run({QStringLiteral("ts"), QStringLiteral("info"), noon, morning});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("warning: data row 202 is earlier than the row before it")),
                 qPrintable(r.out));
        QVERIFY(trainLog(dir, {noon, morning}, QStringLiteral("shuffled"))
                    .contains(QStringLiteral("warning: data row 202 (")));
        r = run({QStringLiteral("ts"), QStringLiteral("info"), morning, noon});
        QVERIFY(!r.out.contains(QStringLiteral("warning")));
    }

    // ts evaluate --model scores a saved model's forecasts against the data: the errors computed
    // here from ts predict's file and the sensors' own column agree with it.
    void evaluateScoresTheForecastsPredictWrites()
    {
        QTemporaryDir dir;
        const auto sensors = cli::writeDemoSensors(dir);
        auto r =
            run({QStringLiteral("ts"), QStringLiteral("train"), QStringLiteral("--data"), sensors,
                 QStringLiteral("--target"), QStringLiteral("mag_total_nt"), QStringLiteral("--features"),
                 QStringLiteral("altitude_m,depth_m,heading_deg"), QStringLiteral("--models"), QStringLiteral("rule"),
                 QStringLiteral("--lookback"), QStringLiteral("16"), QStringLiteral("--epochs"), QStringLiteral("2"),
                 QStringLiteral("--out"), dir.filePath(QStringLiteral("models"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto model = dir.filePath(QStringLiteral("models/rule"));
        const auto forecasts = dir.filePath(QStringLiteral("forecast.csv"));
        r = run({QStringLiteral("ts"), QStringLiteral("predict"), QStringLiteral("--model"), model,
                 QStringLiteral("--data"), sensors, QStringLiteral("--out"), forecasts});
        QCOMPARE(r.code, 0);
        const auto lines = readLines(forecasts);
        const auto dataRows = readLines(sensors);
        QCOMPARE(lines.first(), QStringLiteral("time,row,forecast_t1"));
        // A forecast's time is its row's, written as the data (and the alerts file) write times.
        const int firstRow = lines.at(1).section(QLatin1Char(','), 1, 1).toInt();
        QCOMPARE(lines.at(1).section(QLatin1Char(','), 0, 0),
                 dataRows.at(firstRow + 1).section(QLatin1Char(','), 0, 0));
        const auto magColumn = dataRows.first().split(QLatin1Char(',')).indexOf(QStringLiteral("mag_total_nt"));
        double squares = 0;
        int scored = 0;
        for (int i = 1; i < lines.size(); ++i) {
            const int row = lines.at(i).section(QLatin1Char(','), 1, 1).toInt();
            if (row >= 400)
                continue; // forecasts past the data have nothing to be scored against
            const double error = lines.at(i).section(QLatin1Char(','), 2, 2).toDouble() -
                                 dataRows.at(row + 1).split(QLatin1Char(',')).at(magColumn).toDouble();
            squares += error * error;
            ++scored;
        }
        const auto scores = dir.filePath(QStringLiteral("evaluate.json"));
        r = run({QStringLiteral("ts"), QStringLiteral("evaluate"), QStringLiteral("--model"), model,
                 QStringLiteral("--data"), sensors, QStringLiteral("--json-out"), scores});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile scoreFile(scores);
        QVERIFY(scoreFile.open(QIODevice::ReadOnly));
        const auto score = QJsonDocument::fromJson(scoreFile.readAll()).object();
        QCOMPARE(score.value(QStringLiteral("windows")).toInt(), scored);
        const double mse = score.value(QStringLiteral("mse_units")).toDouble();
        // Float data near 50,000 nT hold steps of 0.004 nT: agreement to a thousandth of the error.
        QVERIFY2(std::abs(mse - squares / scored) <= 1e-3 * mse,
                 qPrintable(QStringLiteral("%1 vs %2").arg(mse).arg(squares / scored)));
        r = run({QStringLiteral("ts"), QStringLiteral("evaluate"), QStringLiteral("--model"), model,
                 QStringLiteral("--data"), sensors, QStringLiteral("--protocol"), QStringLiteral("ett")});
        QCOMPARE(r.code, 2); // 400 rows are not ETTh1's 14,400
        QVERIFY2(r.err.contains(QStringLiteral("needs its first 14,400")), qPrintable(r.err));
    }

    // A label column also left out is still read for the labels (never a feature either way); a
    // target left out, or one the file lacks, is refused in words that say so.
    void leftOutColumnsKeepTheirRoles()
    {
        QTemporaryDir dir;
        const auto sensors = cli::writeDemoSensors(dir);
        const auto train = [&](const QStringList& extra, const QString& out) {
            return run(QStringList{QStringLiteral("ts"), QStringLiteral("train"), QStringLiteral("--data"), sensors,
                                   QStringLiteral("--models"), QStringLiteral("dlinear"), QStringLiteral("--lookback"),
                                   QStringLiteral("16"), QStringLiteral("--epochs"), QStringLiteral("1"),
                                   QStringLiteral("--out"), dir.filePath(out)} +
                       extra);
        };
        const auto config = [&](const QString& out) {
            QFile file(dir.filePath(out + QStringLiteral("/dlinear/config.json")));
            return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
        };
        const QStringList altitude{QStringLiteral("--target"), QStringLiteral("altitude_m")};
        auto r = train(altitude + QStringList{QStringLiteral("--skip"), QStringLiteral("ping,fault"),
                                              QStringLiteral("--labels"), QStringLiteral("fault")},
                       QStringLiteral("labelled"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = train(altitude + QStringList{QStringLiteral("--skip"), QStringLiteral("ping,fault")},
                  QStringLiteral("unlabelled"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto labelled = config(QStringLiteral("labelled")), unlabelled = config(QStringLiteral("unlabelled"));
        QVERIFY(!labelled.value(QStringLiteral("features")).toArray().contains(QStringLiteral("fault")));
        // The threshold was set on the rows the labels leave unmarked: fewer than all of them.
        const auto rows = [](const QJsonObject& c) {
            return c.value(QStringLiteral("alerts")).toObject().value(QStringLiteral("rows")).toInt();
        };
        QVERIFY2(rows(labelled) > 0 && rows(labelled) < rows(unlabelled),
                 qPrintable(QStringLiteral("%1 against %2").arg(rows(labelled)).arg(rows(unlabelled))));

        r = train(altitude + QStringList{QStringLiteral("--skip"), QStringLiteral("ping,altitude_m")},
                  QStringLiteral("x"));
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("target 'altitude_m' is among the columns left out")),
                 qPrintable(r.err));
        r = train({QStringLiteral("--target"), QStringLiteral("salinity")}, QStringLiteral("y"));
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(sensors + QStringLiteral(": no channel 'salinity'")), qPrintable(r.err));
    }

    // ts alerts finds alerts by the analyst's rules where given — flags over a project's over the
    // model's own — and says which rule cannot be.
    void alertRulesAreTheAnalysts()
    {
        QTemporaryDir dir;
        const auto sensors = cli::writeDemoSensors(dir);
        auto r = run({QStringLiteral("ts"), QStringLiteral("train"), QStringLiteral("--data"), sensors,
                      QStringLiteral("--target"), QStringLiteral("altitude_m"), QStringLiteral("--skip"),
                      QStringLiteral("ping"), QStringLiteral("--labels"), QStringLiteral("fault"),
                      QStringLiteral("--models"), QStringLiteral("dlinear"), QStringLiteral("--lookback"),
                      QStringLiteral("16"), QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--out"),
                      dir.filePath(QStringLiteral("models"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto alerts = [&](const QStringList& extra) {
            const auto done = run(QStringList{QStringLiteral("ts"), QStringLiteral("alerts"), QStringLiteral("--model"),
                                              dir.filePath(QStringLiteral("models/dlinear")), QStringLiteral("--data"),
                                              sensors, QStringLiteral("--json")} +
                                  extra);
            return std::make_pair(done, QJsonDocument::fromJson(done.out.toUtf8()).object());
        };
        const auto out = QStringList{QStringLiteral("--out"), dir.filePath(QStringLiteral("a.csv"))};
        const auto [modelRun, model] = alerts(out);
        QVERIFY2(modelRun.code == 0, qPrintable(modelRun.err));
        QCOMPARE(model.value(QStringLiteral("threshold")).toDouble(), 1.0); // calibrated: 1 is its threshold
        const int own = model.value(QStringLiteral("alerts")).toInt();
        const auto [lowRun, low] = alerts(out + QStringList{QStringLiteral("--threshold"), QStringLiteral("0.4")});
        QVERIFY2(low.value(QStringLiteral("alerts")).toInt() > own, qPrintable(lowRun.out));
        const auto [longRun, longOnly] = alerts(out + QStringList{QStringLiteral("--threshold"), QStringLiteral("0.4"),
                                                                  QStringLiteral("--min-rows"), QStringLiteral("400")});
        QCOMPARE(longOnly.value(QStringLiteral("alerts")).toInt(), 0);
        QCOMPARE(longOnly.value(QStringLiteral("minimum_rows")).toInt(), 400);

        // A project's own rules are used when no flag says otherwise.
        const auto projectFile = dir.filePath(QStringLiteral("line.fathom"));
        QVERIFY(alerts({QStringLiteral("--project"), projectFile}).first.code == 0);
        QFile stored(projectFile);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        auto doc = QJsonDocument::fromJson(stored.readAll()).object();
        stored.close();
        doc.insert(QStringLiteral("alert_rules"), QJsonObject{{QStringLiteral("threshold"), 0.4},
                                                              {QStringLiteral("release"), 0.9},
                                                              {QStringLiteral("minimum_rows"), 1},
                                                              {QStringLiteral("merge_gap"), 0}});
        QVERIFY(stored.open(QIODevice::WriteOnly));
        stored.write(QJsonDocument(doc).toJson());
        stored.close();
        const auto [projectRun, fromProject] = alerts({QStringLiteral("--project"), projectFile});
        QVERIFY2(std::abs(fromProject.value(QStringLiteral("threshold")).toDouble() - 0.4) < 1e-6,
                 qPrintable(projectRun.out));
        QVERIFY(std::abs(fromProject.value(QStringLiteral("release")).toDouble() - 0.9) < 1e-6);
        const auto [flagRun, flag] =
            alerts({QStringLiteral("--project"), projectFile, QStringLiteral("--threshold"), QStringLiteral("2")});
        QCOMPARE(flag.value(QStringLiteral("threshold")).toDouble(), 2.0);
        QVERIFY(std::abs(flag.value(QStringLiteral("release")).toDouble() - 0.9) < 1e-6); // the rest: the project's
        // … and the project now holds the rules its alerts were found by.
        const auto [againRun, again] = alerts({QStringLiteral("--project"), projectFile});
        QCOMPARE(again.value(QStringLiteral("threshold")).toDouble(), 2.0);

        const auto [badRun, bad] = alerts(out + QStringList{QStringLiteral("--release"), QStringLiteral("1.5")});
        QCOMPARE(badRun.code, 2);
        QVERIFY2(badRun.err.contains(QStringLiteral("alert release")), qPrintable(badRun.err));
    }

    // ts train takes PatchTST's sizes (as ts evaluate does) and keeps them with the model;
    // sizes that cannot make a model are named.
    void patchTstSizesAreTheAnalysts()
    {
        QTemporaryDir dir;
        const auto sensors = cli::writeDemoSensors(dir);
        const auto train = [&](const QStringList& sizes, const QString& out) {
            return run(QStringList{QStringLiteral("ts"), QStringLiteral("train"), QStringLiteral("--data"), sensors,
                                   QStringLiteral("--target"), QStringLiteral("altitude_m"), QStringLiteral("--skip"),
                                   QStringLiteral("ping,fault"), QStringLiteral("--models"), QStringLiteral("patchtst"),
                                   QStringLiteral("--lookback"), QStringLiteral("32"), QStringLiteral("--epochs"),
                                   QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("--out"),
                                   dir.filePath(out)} +
                       sizes);
        };
        const auto parameters = [](const Run& r) {
            const auto summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
            return summary.value(QStringLiteral("models"))[0].toObject().value(QStringLiteral("parameters")).toDouble();
        };
        const auto standard = train({}, QStringLiteral("standard"));
        QVERIFY2(standard.code == 0, qPrintable(standard.err));
        const auto small =
            train({QStringLiteral("--width"), QStringLiteral("16"), QStringLiteral("--heads"), QStringLiteral("4"),
                   QStringLiteral("--ff"), QStringLiteral("32"), QStringLiteral("--dropout"), QStringLiteral("0.3")},
                  QStringLiteral("small"));
        QVERIFY2(small.code == 0, qPrintable(small.err));
        QVERIFY2(parameters(small) < parameters(standard) / 4,
                 qPrintable(QStringLiteral("%1 against %2").arg(parameters(small)).arg(parameters(standard))));
        QFile config(dir.filePath(QStringLiteral("small/patchtst/config.json")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const auto saved = QJsonDocument::fromJson(config.readAll()).object();
        QCOMPARE(saved.value(QStringLiteral("model_width")).toInt(), 16);
        QCOMPARE(saved.value(QStringLiteral("heads")).toInt(), 4);
        QCOMPARE(saved.value(QStringLiteral("feed_forward")).toInt(), 32);
        QVERIFY(std::abs(saved.value(QStringLiteral("dropout")).toDouble() - 0.3) < 1e-6);
        const auto uneven =
            train({QStringLiteral("--width"), QStringLiteral("16"), QStringLiteral("--heads"), QStringLiteral("3")},
                  QStringLiteral("uneven"));
        QCOMPARE(uneven.code, 2);
        QVERIFY2(uneven.err.contains(QStringLiteral("multiple of its heads (3)")), qPrintable(uneven.err));
    }
};

QTEST_MAIN(TestCliData)
#include "tst_cli_data.moc"
