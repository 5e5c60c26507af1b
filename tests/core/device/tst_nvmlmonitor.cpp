#include "device/nvmlmonitor.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace fathom;

class TestNvmlMonitor : public QObject
{
    Q_OBJECT

private slots:
    void missingLibraryIsAClearProblem()
    {
        NvmlMonitor monitor("libnvidia-ml-does-not-exist.so.1");
        QVERIFY(!monitor.available());
        QCOMPARE(monitor.count(), 0);
        QVERIFY(monitor.problem().find("libnvidia-ml-does-not-exist.so.1") != std::string::npos);
        const auto reading = monitor.read(0);
        QVERIFY(!reading.ok);
        QVERIFY(!reading.problem.empty());
    }

    void brokenLibraryIsAClearProblem()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath("libnvidia-ml.so.1").toStdString();
        std::ofstream(path) << "this is not a shared library";
        NvmlMonitor monitor(path);
        QVERIFY(!monitor.available());
        QVERIFY2(monitor.problem().find(path) != std::string::npos, monitor.problem().c_str());
    }

    void libraryWithoutNvmlSymbolsIsRefused()
    {
        NvmlMonitor monitor("libm.so.6"); // loads, but is not NVML
        QVERIFY(!monitor.available());
        QVERIFY2(monitor.problem().find("nvml") != std::string::npos, monitor.problem().c_str());
    }

    void realNvmlReadsMemory()
    {
        NvmlMonitor monitor;
        if (!monitor.available())
            QSKIP(("no NVML here: " + monitor.problem()).c_str());
        QVERIFY(monitor.count() >= 1);
        const auto reading = monitor.read(0);
        QVERIFY2(reading.ok, reading.problem.c_str());
        QVERIFY(reading.total > 0);
        QVERIFY(reading.used <= reading.total);
        QVERIFY(!monitor.pciBusId(0).empty());
    }
};

QTEST_GUILESS_MAIN(TestNvmlMonitor)
#include "tst_nvmlmonitor.moc"
