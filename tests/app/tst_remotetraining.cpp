// Remote training against a real OpenSSH server on 127.0.0.1, started by the test with its own
// host key, client key and config: the same `ssh` a user's desktop runs, the real fathom-cli.
#include "alerttable.h"
#include "analysiscontroller.h"
#include "remotetrainer.h"
#include "seriesplot.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <qcustomplot.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cmath>
#include <pwd.h>
#include <signal.h>
#include <unistd.h>

using fathom::AlertTable;
using fathom::RemoteTarget;
using fathom::RemoteTrainer;
using fathom::SeriesPlot;
using fathom::TrainingPanel;

class TestRemoteTraining : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_sshd;
    QString m_config, m_data;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    static bool write(const QString& file, const QByteArray& text)
    {
        QFile f(file);
        return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
    }

    RemoteTarget target(const QString& host = QStringLiteral("fathom-test")) const
    {
        RemoteTarget t;
        t.host = host;
        t.fathomCli = QStringLiteral(FATHOM_CLI);
        t.sshConfig = m_config;
        t.runsFolder = path(QStringLiteral("remote-runs"));
        t.dataFolder = path(QStringLiteral("remote-data"));
        return t;
    }

    struct Watch
    {
        QList<TrainingPanel::Progress> epochs; // the progress lines that closed an epoch
        QStringList statuses, memory, folders;
        QString failure;
        bool cancelled = false, done = false;
    };

    void watch(RemoteTrainer& trainer, Watch& w)
    {
        connect(&trainer, &RemoteTrainer::progressed, this, [&w](const TrainingPanel::Progress& p, bool epochDone) {
            if (epochDone)
                w.epochs << p;
        });
        connect(&trainer, &RemoteTrainer::status, this, [&w](const QString& s) { w.statuses << s; });
        connect(&trainer, &RemoteTrainer::memory, this, [&w](const QString& s) { w.memory << s; });
        connect(&trainer, &RemoteTrainer::finished, this, [&w](const QStringList& f) {
            w.folders = f;
            w.done = true;
        });
        connect(&trainer, &RemoteTrainer::failed, this, [&w](const QString& m) {
            w.failure = m;
            w.done = true;
        });
        connect(&trainer, &RemoteTrainer::cancelled, this, [&w] {
            w.cancelled = true;
            w.done = true;
        });
    }

    QStringList arguments(const QString& models, int epochs) const
    {
        return {
            QStringLiteral("--target"),   QStringLiteral("a"),   QStringLiteral("--models"), models,
            QStringLiteral("--lookback"), QStringLiteral("16"),  QStringLiteral("--epochs"), QString::number(epochs),
            QStringLiteral("--patience"), QStringLiteral("1000")};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(QStringLiteral("/usr/sbin/sshd")), "needs openssh-server (packaging/install-deps.sh)");
        const auto keygen = [&](const QString& name) {
            return QProcess::execute(QStringLiteral("ssh-keygen"),
                                     {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                      QStringLiteral("-N"), QString(), QStringLiteral("-f"), path(name)});
        };
        QCOMPARE(keygen(QStringLiteral("host_key")), 0);
        QCOMPARE(keygen(QStringLiteral("client_key")), 0);
        QFile::copy(path(QStringLiteral("client_key.pub")), path(QStringLiteral("authorized_keys")));
        const auto port = freePort();
        QVERIFY(write(path(QStringLiteral("sshd_config")),
                      QStringLiteral("ListenAddress 127.0.0.1\nPort %1\nHostKey %2\nAuthorizedKeysFile %3\n"
                                     "PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n"
                                     "StrictModes no\nPidFile %4\n")
                          .arg(port)
                          .arg(path(QStringLiteral("host_key")), path(QStringLiteral("authorized_keys")),
                               path(QStringLiteral("sshd.pid")))
                          .toUtf8()));
        const QString user = QString::fromLocal8Bit(getpwuid(getuid())->pw_name);
        const auto hostBlock = [&](const QString& name, quint16 p) {
            return QStringLiteral("Host %1\n  HostName 127.0.0.1\n  Port %2\n  User %3\n  IdentityFile %4\n"
                                  "  IdentitiesOnly yes\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n"
                                  "  LogLevel ERROR\n")
                .arg(name)
                .arg(p)
                .arg(user, path(QStringLiteral("client_key")));
        };
        m_config = path(QStringLiteral("ssh_config"));
        // fathom-closed: a port where nothing listens.
        QVERIFY(write(m_config, (hostBlock(QStringLiteral("fathom-test"), port) +
                                 hostBlock(QStringLiteral("fathom-closed"), freePort()))
                                    .toUtf8()));
        if (getuid() == 0)
            QDir().mkpath(QStringLiteral("/run/sshd")); // sshd's privilege separation folder
        m_sshd.setProcessChannelMode(QProcess::MergedChannels);
        m_sshd.start(QStringLiteral("/usr/sbin/sshd"), {QStringLiteral("-D"), QStringLiteral("-e"),
                                                        QStringLiteral("-f"), path(QStringLiteral("sshd_config"))});
        QVERIFY(m_sshd.waitForStarted());
        bool up = false;
        for (int i = 0; i < 50 && !up; ++i) {
            up = QProcess::execute(QStringLiteral("ssh"), {QStringLiteral("-F"), m_config, QStringLiteral("-o"),
                                                           QStringLiteral("BatchMode=yes"),
                                                           QStringLiteral("fathom-test"), QStringLiteral("true")}) == 0;
            if (!up)
                QTest::qWait(200);
        }
        QVERIFY2(up, m_sshd.readAll().constData());

        // A small series: a = a noisy sine, b and c its companions.
        QByteArray csv = "time,a,b,c\n";
        for (int i = 0; i < 1500; ++i)
            csv += QStringLiteral("%1,%2,%3,%4\n")
                       .arg(i)
                       .arg(std::sin(i * 0.1) + 0.05 * std::sin(i * 1.7), 0, 'f', 4)
                       .arg(std::cos(i * 0.1), 0, 'f', 4)
                       .arg(std::sin(i * 0.03), 0, 'f', 4)
                       .toUtf8();
        m_data = path(QStringLiteral("series.csv"));
        QVERIFY(write(m_data, csv));
    }

    void cleanupTestCase()
    {
        m_sshd.terminate();
        m_sshd.waitForFinished(5000);
    }

    void listsTheHostsOfAnSshConfig()
    {
        const auto hosts = fathom::sshConfigHosts(QStringLiteral("Host gpu-pod lab\n  HostName 10.0.0.2\n"
                                                                 "host *.internal\nHost bastion !nope\nMatch all\n"));
        QCOMPARE(hosts, (QStringList{QStringLiteral("gpu-pod"), QStringLiteral("lab"), QStringLiteral("bastion")}));
    }

    void memoryLineSaysWhatTheHostGives()
    {
        QJsonObject gpu{{QStringLiteral("name"), QStringLiteral("NVIDIA H100")},
                        {QStringLiteral("used_bytes"), 2.0 * 1024 * 1024 * 1024},
                        {QStringLiteral("total_bytes"), 80.0 * 1024 * 1024 * 1024},
                        {QStringLiteral("utilisation_percent"), 93}};
        const QJsonObject full{{QStringLiteral("gpus"), QJsonArray{gpu}},
                               {QStringLiteral("process_bytes"), 512.0 * 1024 * 1024},
                               {QStringLiteral("host_total_bytes"), 64.0 * 1024 * 1024 * 1024},
                               {QStringLiteral("host_available_bytes"), 32.0 * 1024 * 1024 * 1024}};
        QCOMPARE(fathom::remoteMemoryText(QStringLiteral("pod"), full),
                 QStringLiteral("On pod: NVIDIA H100: 2048 of 81920 MiB, 93 % busy; training process 512 MiB; "
                                "host memory 32768 of 65536 MiB free"));
        // A host without /proc (macOS) sends none of it: said so, not shown as zeros.
        QCOMPARE(fathom::remoteMemoryText(QStringLiteral("mac"), QJsonObject{{QStringLiteral("gpus"), QJsonArray{}}}),
                 QStringLiteral("On mac: no memory figures from that system"));
    }

    void trainsRemotelyAndBringsTheModelBack()
    {
        RemoteTrainer trainer;
        Watch w;
        watch(trainer, w);
        const auto local = path(QStringLiteral("models"));
        trainer.start(target(), {m_data}, arguments(QStringLiteral("dlinear"), 4), local);
        QTRY_VERIFY_WITH_TIMEOUT(w.done, 120000);
        QVERIFY2(w.failure.isEmpty(), qPrintable(w.failure));
        QCOMPARE(w.folders, QStringList{QDir(local).filePath(QStringLiteral("dlinear"))});
        for (const char* file : {"config.json", "weights.pt", "metrics.json", "train.log"})
            QVERIFY2(QFile::exists(QDir(w.folders.first()).filePath(QLatin1String(file))), file);
        // Every epoch's line arrived once, in order, with the run's losses.
        QCOMPARE(w.epochs.size(), 4);
        for (int i = 0; i < w.epochs.size(); ++i) {
            QCOMPARE(w.epochs[i].epoch, i + 1);
            QCOMPARE(w.epochs[i].model, QStringLiteral("dlinear"));
            QVERIFY(std::isfinite(w.epochs[i].validationLoss));
        }
        QVERIFY(!w.memory.isEmpty());
        QVERIFY2(w.memory.last().contains(QStringLiteral("host memory")), qPrintable(w.memory.last()));
        // The data set went over byte for byte, into the run's folder on the host.
        QFile original(m_data), copy(trainer.remoteFolder() + QStringLiteral("/data/series.csv"));
        QVERIFY(original.open(QIODevice::ReadOnly) && copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), original.readAll());
        QVERIFY(!QFileInfo::exists(
            QDir(local).filePath(QStringLiteral(".remote-") + QFileInfo(trainer.remoteFolder()).fileName())));
        QVERIFY(!trainer.isRunning());
    }

    void aDataSetSentBeforeIsNotSentAgain()
    {
        // A data set of its own, so that no earlier test has sent it.
        QFile original(m_data);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const auto content = original.readAll() + "1500,0.1,0.2,0.3\n";
        const auto first = path(QStringLiteral("fresh.csv")), renamed = path(QStringLiteral("renamed.csv"));
        QVERIFY(write(first, content) && write(renamed, content));
        const auto cached = path(QStringLiteral("remote-data/")) +
                            QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        auto run = [&](const QString& file, const QString& models) {
            RemoteTrainer trainer;
            Watch w;
            watch(trainer, w);
            trainer.start(target(), {file}, arguments(QStringLiteral("dlinear"), 1), path(models));
            if (!QTest::qWaitFor([&] { return w.done; }, 120000))
                w.failure = QStringLiteral("no end in 120 s");
            QFile copy(trainer.remoteFolder() + QStringLiteral("/data/") + QFileInfo(file).fileName());
            w.failure += copy.open(QIODevice::ReadOnly) && copy.readAll() == content
                             ? QString()
                             : QStringLiteral("the run's copy differs");
            return w;
        };
        auto sent = [](const Watch& w) { return !w.statuses.filter(QStringLiteral("Copying")).isEmpty(); };

        // Copies unused for 30 days go; recent ones stay.
        QDir().mkpath(path(QStringLiteral("remote-data")));
        const auto stale = path(QStringLiteral("remote-data/stale")),
                   recent = path(QStringLiteral("remote-data/recent"));
        QVERIFY(write(stale, "old") && write(recent, "new"));
        {
            QFile f(stale);
            QVERIFY(f.open(QIODevice::ReadWrite) &&
                    f.setFileTime(QDateTime::currentDateTime().addDays(-40), QFileDevice::FileModificationTime));
        }

        auto w = run(first, QStringLiteral("models-sent"));
        QVERIFY2(w.failure.isEmpty(), qPrintable(w.failure));
        QVERIFY(sent(w));
        QVERIFY(!QFile::exists(stale));
        QVERIFY(QFile::exists(recent));
        QFile entry(cached);
        QVERIFY(entry.open(QIODevice::ReadOnly));
        QCOMPARE(entry.readAll(), content);
        entry.close();

        // The same bytes under another name: not sent, the run still has its data.
        w = run(renamed, QStringLiteral("models-reused"));
        QVERIFY2(w.failure.isEmpty(), qPrintable(w.failure));
        QVERIFY2(!sent(w), qPrintable(w.statuses.join(QLatin1Char('\n'))));
        QVERIFY(!w.statuses.filter(QStringLiteral("renamed.csv is already on fathom-test")).isEmpty());
        QCOMPARE(w.folders.size(), 1);

        // A copy there that is not whole (a disk filled, a hand edit) is sent again, whole.
        QVERIFY(QFile::resize(cached, content.size() / 2));
        w = run(first, QStringLiteral("models-resent"));
        QVERIFY2(w.failure.isEmpty(), qPrintable(w.failure));
        QVERIFY(sent(w));
        QVERIFY(entry.open(QIODevice::ReadOnly));
        QCOMPARE(entry.readAll(), content);
        QVERIFY(QDir(path(QStringLiteral("remote-data"))).entryList({QStringLiteral("*.part*")}).isEmpty());
    }

    void reattachesWhenTheConnectionDrops()
    {
        RemoteTrainer trainer;
        trainer.setReattachDelay(300);
        Watch w;
        watch(trainer, w);
        bool dropped = false;
        connect(&trainer, &RemoteTrainer::progressed, this, [&](const TrainingPanel::Progress&, bool epochDone) {
            if (epochDone && !dropped) {
                dropped = true;
                trainer.dropConnection();
            }
        });
        trainer.start(target(), {m_data}, arguments(QStringLiteral("gru"), 4), path(QStringLiteral("models2")));
        QTRY_VERIFY_WITH_TIMEOUT(w.done, 240000);
        QVERIFY2(w.failure.isEmpty(), qPrintable(w.failure));
        QVERIFY(dropped);
        QVERIFY(w.statuses.filter(QStringLiteral("Lost the connection")).size() >= 1);
        QVERIFY(w.statuses.filter(QStringLiteral("Reattached")).size() >= 1);
        // Nothing missed, nothing twice: the stream resumed after the last line it had.
        QCOMPARE(w.epochs.size(), 4);
        for (int i = 0; i < w.epochs.size(); ++i)
            QCOMPARE(w.epochs[i].epoch, i + 1);
        QCOMPARE(w.folders.size(), 1);
    }

    // Fathom closed mid-run (the trainer and its ssh gone) and started again: the run went on
    // there, and a new trainer follows it from its first line to its models.
    void aRunOutlivesTheAppAndIsFollowedAgain()
    {
        fathom::RemoteRun run;
        {
            RemoteTrainer first;
            Watch w;
            watch(first, w);
            QSignalSpy running(&first, &RemoteTrainer::running);
            first.start(target(), {m_data}, arguments(QStringLiteral("gru"), 3), path(QStringLiteral("models8")));
            QTRY_VERIFY_WITH_TIMEOUT(w.epochs.size() >= 1 || w.done, 120000);
            QVERIFY2(!w.done, qPrintable(w.failure));
            QCOMPARE(running.size(), 1);
            run = running.first().first().value<fathom::RemoteRun>();
            QCOMPARE(run.folder, first.remoteFolder());
        }
        QVERIFY(::kill(pid_t(run.pid), 0) == 0); // still training on the host
        RemoteTrainer second;
        Watch w;
        watch(second, w);
        second.attach(run);
        QTRY_VERIFY_WITH_TIMEOUT(w.done, 240000);
        QVERIFY2(w.failure.isEmpty(), qPrintable(w.failure));
        QCOMPARE(w.epochs.size(), 3);
        for (int i = 0; i < w.epochs.size(); ++i)
            QCOMPARE(w.epochs[i].epoch, i + 1);
        QCOMPARE(w.folders, QStringList{QDir(path(QStringLiteral("models8"))).filePath(QStringLiteral("gru"))});
        QVERIFY(QFile::exists(QDir(w.folders.first()).filePath(QStringLiteral("weights.pt"))));
    }

    void cancelStopsTheRemoteRun()
    {
        RemoteTrainer trainer;
        Watch w;
        watch(trainer, w);
        bool asked = false;
        connect(&trainer, &RemoteTrainer::progressed, this, [&](const TrainingPanel::Progress&, bool) {
            if (!asked) {
                asked = true;
                trainer.cancel();
            }
        });
        const auto local = path(QStringLiteral("models3"));
        trainer.start(target(), {m_data}, arguments(QStringLiteral("lstm"), 500), local);
        QTRY_VERIFY_WITH_TIMEOUT(w.done, 120000);
        QVERIFY2(w.cancelled, qPrintable(w.failure));
        const auto pid = pid_t(trainer.remotePid());
        QVERIFY(pid > 0);
        QVERIFY(::kill(pid, 0) != 0 && errno == ESRCH); // the remote process group is gone
        QVERIFY(!QFileInfo::exists(QDir(local).filePath(QStringLiteral("lstm"))));
    }

    // The Training dock as an analyst uses it: "Run on: a remote host", Train, and the same
    // progress, curves, memory line and registry as a run here.
    void theTrainingDockTrainsOnTheRemoteHost()
    {
        qputenv("FATHOM_SSH_CONFIG", m_config.toLocal8Bit());
        SeriesPlot plot;
        AlertTable alerts;
        TrainingPanel panel;
        fathom::AnalysisController controller(&plot, &alerts, &panel);
        controller.setModelsFolder(path(QStringLiteral("models7")));
        panel.setChannels({QStringLiteral("time"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
        TrainingPanel::Settings s;
        s.data = m_data;
        s.target = QStringLiteral("a");
        s.models = {QStringLiteral("dlinear")};
        s.lookback = 16;
        s.epochs = 3;
        s.split = QStringLiteral("60/25/15"); // the dock's split reaches the host
        s.sizes.dropout = 0.25f;              // and Model Settings' dropout
        panel.setSettings(s);
        auto* runOn = panel.findChild<QComboBox*>(QStringLiteral("runOn"));
        auto* host = panel.findChild<QComboBox*>(QStringLiteral("remoteHost"));
        auto* cli = panel.findChild<QLineEdit*>(QStringLiteral("remoteCli"));
        QVERIFY(runOn && host && cli);
        QVERIFY(host->isHidden()); // this machine by default: no host asked for
        runOn->setCurrentIndex(1);
        QVERIFY(!host->isHidden());
        QVERIFY(!panel.trainButton()->isEnabled()); // a remote run needs a host
        host->setCurrentText(QStringLiteral("fathom-test"));
        cli->setText(QStringLiteral(FATHOM_CLI));
        QVERIFY(panel.trainButton()->isEnabled());
        QCOMPARE(panel.settings().remoteHost, QStringLiteral("fathom-test"));
        QSignalSpy finished(&controller, &fathom::AnalysisController::trainingFinished);
        panel.trainButton()->click();
        QVERIFY(controller.isTrainingRemotely());
        QVERIFY(!runOn->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        QCOMPARE(finished.first().first().toBool(), false); // neither failed nor cancelled
        QCOMPARE(panel.registry()->rowCount(), 1);
        QVERIFY(panel.registry()->item(0, 0)->text().contains(QStringLiteral("dlinear")));
        QCOMPARE(controller.activeModel(), QDir(path(QStringLiteral("models7"))).filePath(QStringLiteral("dlinear")));
        QFile log(path(QStringLiteral("models7/dlinear/train.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("split 60/25/15: training rows 1–"));
        QFile config(path(QStringLiteral("models7/dlinear/config.json")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const double dropout =
            QJsonDocument::fromJson(config.readAll()).object().value(QStringLiteral("dropout")).toDouble();
        QVERIFY2(std::abs(dropout - 0.25) < 1e-6, qPrintable(QString::number(dropout)));
        QVERIFY(panel.lossPlot()->graphCount() >= 2); // training and validation curves
        QCOMPARE(panel.lossPlot()->graph(0)->dataCount(), 3);
        auto* memory = panel.findChild<QLabel*>(QStringLiteral("trainingMemory"));
        QVERIFY2(memory->text().contains(QStringLiteral("On fathom-test")), qPrintable(memory->text()));
        QCOMPARE(panel.progressBar()->value(), panel.progressBar()->maximum());
        QVERIFY(QSettings().value(QStringLiteral("training/remoteRun/folder")).toString().isEmpty());
        QVERIFY(!controller.resumeRemoteRun()); // nothing left to follow

        // A run remembered from before a restart: the dock follows it to its models.
        fathom::RemoteRun run;
        {
            fathom::AnalysisController earlier(&plot, &alerts, &panel);
            earlier.setModelsFolder(path(QStringLiteral("models9")));
            earlier.train(panel.settings());
            QTRY_VERIFY_WITH_TIMEOUT(
                !QSettings().value(QStringLiteral("training/remoteRun/folder")).toString().isEmpty(), 60000);
        } // Fathom closes while the run goes on
        QVERIFY(!QSettings().value(QStringLiteral("training/remoteRun/folder")).toString().isEmpty());
        fathom::AnalysisController later(&plot, &alerts, &panel);
        later.setModelsFolder(path(QStringLiteral("models9")));
        QSignalSpy again(&later, &fathom::AnalysisController::trainingFinished);
        QVERIFY(later.resumeRemoteRun());
        QTRY_COMPARE_WITH_TIMEOUT(again.size(), 1, 120000);
        QCOMPARE(again.first().first().toBool(), false);
        QVERIFY(QFile::exists(path(QStringLiteral("models9/dlinear/weights.pt"))));
        QVERIFY(QSettings().value(QStringLiteral("training/remoteRun/folder")).toString().isEmpty());
        qunsetenv("FATHOM_SSH_CONFIG");
    }

    void aHostThatRefusesSaysSo()
    {
        RemoteTrainer trainer;
        Watch w;
        watch(trainer, w);
        trainer.start(target(QStringLiteral("fathom-closed")), {m_data}, arguments(QStringLiteral("dlinear"), 1),
                      path(QStringLiteral("models4")));
        QTRY_VERIFY_WITH_TIMEOUT(w.done, 60000);
        QVERIFY2(w.failure.contains(QStringLiteral("Could not reach fathom-closed over SSH")), qPrintable(w.failure));
        QVERIFY2(w.failure.contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(w.failure));
    }

    void aHostWithoutFathomCliSaysSo()
    {
        RemoteTrainer trainer;
        Watch w;
        watch(trainer, w);
        auto t = target();
        t.fathomCli = QStringLiteral("/opt/nowhere/fathom-cli");
        trainer.start(t, {m_data}, arguments(QStringLiteral("dlinear"), 1), path(QStringLiteral("models5")));
        QTRY_VERIFY_WITH_TIMEOUT(w.done, 60000);
        QVERIFY2(w.failure.contains(QStringLiteral("fathom-test has no fathom-cli at “/opt/nowhere/fathom-cli”")),
                 qPrintable(w.failure));
    }

    void aFailedRemoteRunShowsItsError()
    {
        RemoteTrainer trainer;
        Watch w;
        watch(trainer, w);
        auto args = arguments(QStringLiteral("dlinear"), 1);
        args[1] = QStringLiteral("salinity");
        trainer.start(target(), {m_data}, args, path(QStringLiteral("models6")));
        QTRY_VERIFY_WITH_TIMEOUT(w.done, 60000);
        QVERIFY2(w.failure.startsWith(QStringLiteral("The training on fathom-test failed:")), qPrintable(w.failure));
        QVERIFY2(w.failure.contains(QStringLiteral("salinity")), qPrintable(w.failure));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("models6/dlinear"))));
    }
};

QTEST_MAIN(TestRemoteTraining)
#include "tst_remotetraining.moc"
