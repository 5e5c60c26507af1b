// Data-parallel training over Gloo on loopback: the real fathom-cli, one process per rank,
// configured as launchers do (MASTER_ADDR, MASTER_PORT, WORLD_SIZE, RANK).
#include "clirun.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

class TestDistributed : public QObject
{
    Q_OBJECT

    static cli::Run run(const QStringList& args) { return cli::run(args); }

    // One rank of a world of two on 127.0.0.1:port, waiting `timeout` seconds for the other.
    QProcess* startRank(int rank, const QString& port, const QStringList& args,
                        const QString& timeout = QStringLiteral("60"))
    {
        auto* p = new QProcess(this);
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
        env.insert(QStringLiteral("MASTER_PORT"), port);
        env.insert(QStringLiteral("WORLD_SIZE"), QStringLiteral("2"));
        env.insert(QStringLiteral("RANK"), QString::number(rank));
        env.insert(QStringLiteral("FATHOM_DIST_TIMEOUT"), timeout);
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(FATHOM_CLI), args);
        return p;
    }

private slots:
    // Two processes over Gloo on loopback, each with half of every batch, end where one process
    // with the whole batch does: the same forecasts, also when both are stopped after two epochs
    // and resumed from the checkpoint for a third.
    void dataParallelTrainingOverGlooMatchesOneProcess()
    {
        QTemporaryDir dir;
        const auto sensors = cli::writeDemoSensors(dir);
        QStringList train{QStringLiteral("ts"),         QStringLiteral("train"),
                          QStringLiteral("--data"),     sensors,
                          QStringLiteral("--target"),   QStringLiteral("altitude_m"),
                          QStringLiteral("--skip"),     QStringLiteral("ping,fault"),
                          QStringLiteral("--models"),   QStringLiteral("dlinear"),
                          QStringLiteral("--lookback"), QStringLiteral("16"),
                          QStringLiteral("--epochs"),   QStringLiteral("2"),
                          QStringLiteral("--patience"), QStringLiteral("9")};
        const auto port = QString::number(20000 + QCoreApplication::applicationPid() % 20000);
        auto rank = [&](int r, const QStringList& more = {}) {
            return startRank(r, port,
                             train + more +
                                 QStringList{QStringLiteral("--batch"), QStringLiteral("16"), QStringLiteral("--out"),
                                             dir.filePath(QStringLiteral("two"))});
        };
        auto* r0 = rank(0);
        auto* r1 = rank(1);
        QVERIFY(r0->waitForFinished(180000) && r1->waitForFinished(180000));
        const auto err0 = QString::fromUtf8(r0->readAllStandardError()),
                   err1 = QString::fromUtf8(r1->readAllStandardError());
        QVERIFY2(r0->exitCode() == 0, qPrintable(err0));
        QVERIFY2(r1->exitCode() == 0, qPrintable(err1));
        QVERIFY(err1.contains(QStringLiteral("rank 1 of 2")));
        // After a lost node: both ranks go on from rank 0's last checkpoint (storage they share).
        train[train.indexOf(QStringLiteral("--epochs")) + 1] = QStringLiteral("3");
        auto* again0 = rank(0, {QStringLiteral("--resume")});
        auto* again1 = rank(1, {QStringLiteral("--resume")});
        QVERIFY(again0->waitForFinished(180000) && again1->waitForFinished(180000));
        QVERIFY2(again0->exitCode() == 0, again0->readAllStandardError().constData());
        QVERIFY2(again1->exitCode() == 0, again1->readAllStandardError().constData());
        QFile log(dir.filePath(QStringLiteral("two/dlinear/train.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const auto text = QString::fromUtf8(log.readAll());
        QVERIFY2(text.contains(QStringLiteral("epoch 3  train loss")) && !text.contains(QStringLiteral("epoch 4")),
                 qPrintable(text));
        QVERIFY2(text.count(QStringLiteral("epoch 1  train loss")) == 1, qPrintable(text));
        auto r = run(train + QStringList{QStringLiteral("--batch"), QStringLiteral("32"), QStringLiteral("--out"),
                                         dir.filePath(QStringLiteral("one"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // Gradient accumulation reaches the same steps: one process with 4 × 8, two with 2 × 8 each.
        r = run(train + QStringList{QStringLiteral("--batch"), QStringLiteral("8"), QStringLiteral("--accumulate"),
                                    QStringLiteral("4"), QStringLiteral("--out"),
                                    dir.filePath(QStringLiteral("accumulated"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QStringList accumulate{QStringLiteral("--batch"),      QStringLiteral("8"),
                               QStringLiteral("--accumulate"), QStringLiteral("2"),
                               QStringLiteral("--out"),        dir.filePath(QStringLiteral("twoacc"))};
        auto* a0 = startRank(0, port, train + accumulate);
        auto* a1 = startRank(1, port, train + accumulate);
        QVERIFY(a0->waitForFinished(180000) && a1->waitForFinished(180000));
        QVERIFY2(a0->exitCode() == 0, a0->readAllStandardError().constData());
        QVERIFY2(a1->exitCode() == 0, a1->readAllStandardError().constData());
        // DLinear: no dropout, so nothing random differs between a shard and the whole batch.
        for (const char* model : {"dlinear"}) {
            const QStringList runs{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("accumulated"),
                                   QStringLiteral("twoacc")};
            QList<QStringList> forecasts;
            for (const auto& name : runs) {
                const auto out = dir.filePath(name + QStringLiteral(".csv"));
                r = run({QStringLiteral("ts"), QStringLiteral("predict"), QStringLiteral("--model"),
                         dir.filePath(name + QLatin1Char('/') + QLatin1String(model)), QStringLiteral("--data"),
                         sensors, QStringLiteral("--out"), out});
                QVERIFY2(r.code == 0, qPrintable(r.err));
                QFile f(out);
                QVERIFY(f.open(QIODevice::ReadOnly));
                forecasts << QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            }
            for (int k = 1; k < runs.size(); ++k) {
                QCOMPARE(forecasts[k].size(), forecasts[0].size());
                double worst = 0;
                for (int i = 1; i < forecasts[0].size(); ++i)
                    worst = std::max(worst, std::abs(forecasts[0][i].section(QLatin1Char(','), -1).toDouble() -
                                                     forecasts[k][i].section(QLatin1Char(','), -1).toDouble()));
                QVERIFY2(worst < 1e-3, qPrintable(QStringLiteral("%1 by %2: forecasts differ by %3")
                                                      .arg(QLatin1String(model), runs[k])
                                                      .arg(worst)));
            }
        }
        // A rank with nobody to join gives up with a message naming where it looked.
        auto* lonely =
            startRank(1, port, train + QStringList{QStringLiteral("--out"), dir.filePath(QStringLiteral("x"))},
                      QStringLiteral("3"));
        QVERIFY(lonely->waitForFinished(60000));
        QCOMPARE(lonely->exitCode(), 2);
        const auto err = QString::fromUtf8(lonely->readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("127.0.0.1:") + port), qPrintable(err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x/dlinear/weights.pt"))));
    }

    // PatchTST's BatchNorm keeps running statistics from each rank's shards: every rank ends an
    // epoch with rank 0's, so all validate the same model (and agree when to stop).
    void ranksValidateTheSameModel()
    {
        QTemporaryDir dir;
        const auto sensors = cli::writeDemoSensors(dir);
        const auto port = QString::number(20002 + QCoreApplication::applicationPid() % 20000);
        QList<QProcess*> ranks;
        for (int r = 0; r < 2; ++r)
            ranks << startRank(r, port,
                               {QStringLiteral("ts"), QStringLiteral("train"), QStringLiteral("--data"), sensors,
                                QStringLiteral("--target"), QStringLiteral("altitude_m"), QStringLiteral("--skip"),
                                QStringLiteral("ping,fault"), QStringLiteral("--models"), QStringLiteral("patchtst"),
                                QStringLiteral("--lookback"), QStringLiteral("16"), QStringLiteral("--epochs"),
                                QStringLiteral("2"), QStringLiteral("--batch"), QStringLiteral("16"),
                                QStringLiteral("--json"), QStringLiteral("--out"),
                                dir.filePath(QStringLiteral("out"))});
        QList<QJsonObject> summaries;
        for (auto* p : ranks) {
            QVERIFY(p->waitForFinished(180000));
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
            summaries << QJsonDocument::fromJson(p->readAllStandardOutput())
                             .object()
                             .value(QStringLiteral("models"))
                             .toArray()
                             .first()
                             .toObject();
        }
        for (const char* key : {"validation_mse", "test_mse", "best_epoch"}) {
            QVERIFY2(summaries[0].contains(QLatin1String(key)), key);
            QCOMPARE(summaries[1].value(QLatin1String(key)).toDouble(),
                     summaries[0].value(QLatin1String(key)).toDouble());
        }
    }

    // A rank with other data (a node holding a stale copy) stops both ranks with a message,
    // instead of hanging in a step the others never take.
    void ranksWithDifferentDataStopWithAMessage()
    {
        QTemporaryDir dir;
        const auto sensors = cli::writeDemoSensors(dir);
        QFile full(sensors), part(dir.filePath(QStringLiteral("stale.csv")));
        QVERIFY(full.open(QIODevice::ReadOnly) && part.open(QIODevice::WriteOnly));
        const auto lines = full.readAll().split('\n');
        part.write(lines.mid(0, 300).join('\n') + '\n');
        part.close();
        const auto port = QString::number(20001 + QCoreApplication::applicationPid() % 20000);
        QList<QProcess*> ranks;
        for (int r = 0; r < 2; ++r) {
            ranks << startRank(r, port,
                               {QStringLiteral("ts"), QStringLiteral("train"), QStringLiteral("--data"),
                                r == 0 ? sensors : part.fileName(), QStringLiteral("--target"),
                                QStringLiteral("altitude_m"), QStringLiteral("--skip"), QStringLiteral("ping,fault"),
                                QStringLiteral("--models"), QStringLiteral("dlinear"), QStringLiteral("--lookback"),
                                QStringLiteral("16"), QStringLiteral("--epochs"), QStringLiteral("1"),
                                QStringLiteral("--out"), dir.filePath(QStringLiteral("out%1").arg(r))});
        }
        for (auto* p : ranks) {
            QVERIFY(p->waitForFinished(120000));
            const auto err = QString::fromUtf8(p->readAllStandardError());
            QCOMPARE(p->exitCode(), 2);
            QVERIFY2(err.contains(QStringLiteral("training windows")) &&
                         err.contains(QStringLiteral("every rank must match")),
                     qPrintable(err));
        }
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out0/dlinear/weights.pt"))));
    }
};

QTEST_GUILESS_MAIN(TestDistributed)
#include "tst_distributed.moc"
