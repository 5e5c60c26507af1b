#pragma once

// Running the real fathom-cli as a user would, for the suites that test it.
#include <QProcess>
#include <QTemporaryDir>

namespace cli {

struct Run
{
    int code;
    QString out;
    QString err;
};

inline Run run(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(FATHOM_CLI), args);
    if (!process.waitForFinished(300000)) // training under a loaded machine takes its time
        return {-1, {}, QStringLiteral("timed out")};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// The demo's 400-ping line; returns its sensors.csv.
inline QString writeDemoSensors(const QTemporaryDir& dir)
{
    const auto r = run({QStringLiteral("demo"), QStringLiteral("--out"), dir.path(), QStringLiteral("--pings"),
                        QStringLiteral("400")});
    if (r.code != 0)
        qWarning("demo failed: %s", qPrintable(r.err));
    return dir.filePath(QStringLiteral("sensors.csv"));
}

} // namespace cli
