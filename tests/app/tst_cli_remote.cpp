// fathom-cli detach and follow: what the desktop runs on a remote host over SSH, checked here
// without SSH (tst_remotetraining runs them through a real server).
#include "clirun.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <signal.h>

class TestCliRemote : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    static QByteArray contents(const QString& file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(absent)");
    }

    // Starts `script` under detach in a run folder of its own; returns the process number.
    qint64 detached(const QString& folder, const QString& script)
    {
        QDir().mkpath(path(folder));
        const auto r =
            cli::run({QStringLiteral("detach"), QStringLiteral("--out"), path(folder + "/out"), QStringLiteral("--err"),
                      path(folder + "/err"), QStringLiteral("--exit-file"), path(folder + "/exit"),
                      QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), script});
        bool ok = false;
        const auto pid = r.out.trimmed().toLongLong(&ok);
        return r.code == 0 && ok ? pid : -1;
    }

    static bool gone(qint64 pid) { return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH; }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void detachReturnsAtOnceAndRecordsTheEnd()
    {
        QElapsedTimer clock;
        clock.start();
        const auto pid = detached(QStringLiteral("a"), QStringLiteral("sleep 6; echo out; echo err >&2; exit 3"));
        QVERIFY(pid > 0);
        QVERIFY(clock.elapsed() < 5500); // it did not wait for the command (fathom-cli's own start aside)
        QVERIFY(!gone(pid));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("a/exit"))));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(path(QStringLiteral("a/exit"))), 30000);
        QCOMPARE(contents(path(QStringLiteral("a/exit"))), QByteArray("3\n"));
        QCOMPARE(contents(path(QStringLiteral("a/out"))), QByteArray("out\n"));
        QCOMPARE(contents(path(QStringLiteral("a/err"))), QByteArray("err\n"));
        QTRY_VERIFY_WITH_TIMEOUT(gone(pid), 5000);
    }

    void oneSignalStopsTheWholeGroupAndNoExitIsRecorded()
    {
        // The command's own child belongs to the group too: one signal to it reaches both.
        const auto pid = detached(QStringLiteral("b"),
                                  QStringLiteral("sleep 60 & echo $! > %1; wait").arg(path(QStringLiteral("b/child"))));
        QVERIFY(pid > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!contents(path(QStringLiteral("b/child"))).trimmed().isEmpty() &&
                                     contents(path(QStringLiteral("b/child"))) != "(absent)",
                                 10000);
        const auto child = contents(path(QStringLiteral("b/child"))).trimmed().toLongLong();
        QVERIFY(child > 0 && !gone(child));
        QCOMPARE(::kill(-pid_t(pid), SIGTERM), 0);
        QTRY_VERIFY_WITH_TIMEOUT(gone(pid) && gone(child), 10000);
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("b/exit")))); // stopped from outside: no status
    }

    void aCommandThatCannotRunSaysSo()
    {
        QDir().mkpath(path(QStringLiteral("c")));
        const auto r =
            cli::run({QStringLiteral("detach"), QStringLiteral("--out"), path(QStringLiteral("c/out")),
                      QStringLiteral("--err"), path(QStringLiteral("c/err")), QStringLiteral("--exit-file"),
                      path(QStringLiteral("c/exit")), QStringLiteral("--"), QStringLiteral("/opt/nowhere/fathom-cli")});
        QCOMPARE(r.code, 0);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(path(QStringLiteral("c/exit"))), 10000);
        QCOMPARE(contents(path(QStringLiteral("c/exit"))), QByteArray("127\n"));
        QVERIFY2(contents(path(QStringLiteral("c/err"))).contains("could not run"),
                 contents(path("c/err")).constData());
    }

    void followPrintsEveryCompleteLineUntilTheProcessEnds()
    {
        // Lines arrive while following; the last is written just before the writer ends; a
        // line without its newline is not printed.
        const auto file = path(QStringLiteral("progress.jsonl"));
        const auto pid =
            detached(QStringLiteral("d"), QStringLiteral("for i in 1 2 3 4 5 6; do echo line$i >> %1; sleep 0.3; done; "
                                                         "printf 'half' >> %1")
                                              .arg(file));
        QVERIFY(pid > 0);
        const auto r = cli::run({QStringLiteral("follow"), file, QStringLiteral("--from"), QStringLiteral("3"),
                                 QStringLiteral("--pid"), QString::number(pid)});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("line3\nline4\nline5\nline6\n"));
        QVERIFY(gone(pid));
    }

    void followOfAnEndedRunPrintsWhatIsThere()
    {
        const auto file = path(QStringLiteral("done.jsonl"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("a\nb\n") == 4);
        f.close();
        const auto r = cli::run({QStringLiteral("follow"), file, QStringLiteral("--pid"), QStringLiteral("999999999")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("a\nb\n"));
        const auto missing = cli::run({QStringLiteral("follow"), path(QStringLiteral("none.jsonl")),
                                       QStringLiteral("--pid"), QStringLiteral("999999999")});
        QVERIFY(missing.code != 0);
        QVERIFY2(missing.err.contains(QStringLiteral("none.jsonl: no such progress file")), qPrintable(missing.err));
    }
};

QTEST_GUILESS_MAIN(TestCliRemote)
#include "tst_cli_remote.moc"
