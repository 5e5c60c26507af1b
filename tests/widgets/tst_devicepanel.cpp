#include "devicepanel.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace fathom;

namespace {

DeviceInfo cpuDevice()
{
    DeviceInfo cpu;
    cpu.id = "cpu";
    cpu.name = "Test CPU";
    cpu.memoryTotal = 24ull << 30;
    cpu.memoryFree = 20ull << 30;
    cpu.cpu = CpuProperties{"Test CPU", 2, 4, "AVX-512", {"avx2", "avx512f"}};
    return cpu;
}

DeviceInfo gpuDevice()
{
    DeviceInfo gpu;
    gpu.id = "cuda:0";
    gpu.kind = DeviceKind::Cuda;
    gpu.name = "NVIDIA H100";
    gpu.memoryTotal = 80ull << 30;
    gpu.gpu = GpuProperties{0, "NVIDIA H100", 80ull << 30, 80ull << 30, 9, 0, 132, "0000:3b:00"};
    return gpu;
}

QStringList topLevelIds(QTreeWidget* tree)
{
    QStringList ids;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        ids << tree->topLevelItem(i)->text(0);
    return ids;
}

QString childValue(QTreeWidgetItem* item, const QString& key)
{
    for (int i = 0; i < item->childCount(); ++i)
        if (item->child(i)->text(0) == key)
            return item->child(i)->text(1);
    return {};
}

} // namespace

class TestDevicePanel : public QObject
{
    Q_OBJECT

private slots:
    void showsTheCpuRowWithCapabilities()
    {
        DevicePanel panel;
        BuildInfo build;
        build.torchVersion = "1.13.0";
        panel.setDevices({cpuDevice()}, build, {"auto", "cpu"});
        panel.setSelection(QStringLiteral("auto"), QStringLiteral("cpu"), {});
        const auto ids = topLevelIds(panel.tree());
        QVERIFY(ids.contains(QStringLiteral("cpu")));
        auto* cpu = panel.tree()->topLevelItem(ids.indexOf(QStringLiteral("cpu")));
        QVERIFY(cpu->text(1).contains(QStringLiteral("Test CPU")));
        QCOMPARE(childValue(cpu, QStringLiteral("Cores")), QStringLiteral("2"));
        QCOMPARE(childValue(cpu, QStringLiteral("Threads")), QStringLiteral("4"));
        QVERIFY(childValue(cpu, QStringLiteral("SIMD")).startsWith(QStringLiteral("AVX-512")));
        auto* torch = panel.tree()->topLevelItem(ids.indexOf(QStringLiteral("LibTorch")));
        QCOMPARE(torch->text(1), QStringLiteral("1.13.0"));
    }

    void showsGpuCapabilities()
    {
        DevicePanel panel;
        panel.setDevices({cpuDevice(), gpuDevice()}, {}, {"auto", "cpu", "cuda:0"});
        auto* gpu = panel.tree()->topLevelItem(topLevelIds(panel.tree()).indexOf(QStringLiteral("cuda:0")));
        QCOMPARE(childValue(gpu, QStringLiteral("Compute capability")), QStringLiteral("9.0"));
        QCOMPARE(childValue(gpu, QStringLiteral("Multiprocessors")), QStringLiteral("132"));
        QCOMPARE(panel.chooser()->count(), 3);
    }

    void plotGainsPointsOverTime()
    {
        DevicePanel panel;
        panel.setDevices({cpuDevice(), gpuDevice()}, {}, {"auto", "cpu", "cuda:0"});
        for (int i = 0; i < 5; ++i) {
            DeviceSample sample;
            sample.timeSeconds = 0.5 * i;
            sample.hostTotal = 24ull << 30;
            sample.hostUsed = (4ull + i) << 30;
            sample.processResident = 200ull << 20;
            sample.gpus.push_back({"cuda:0", true, (10ull + i) << 30, 80ull << 30, 20 * i, {}});
            panel.addSample(sample);
        }
        auto* plot = panel.plot();
        QCOMPARE(plot->graphCount(), 4); // host, process, GPU used, GPU utilisation
        QCOMPARE(plot->graph(0)->dataCount(), 5);
        QCOMPARE(plot->graph(2)->dataCount(), 5);
        QCOMPARE(plot->graph(2)->data()->at(4)->value, 14.0); // GiB
        QCOMPARE(plot->graph(3)->data()->at(4)->value, 80.0); // percent, on the right axis
        QCOMPARE(plot->graph(3)->valueAxis(), plot->yAxis2);
        // The axis fits what is used; the totals are named in the legend.
        QVERIFY(plot->yAxis->range().upper >= 14.0 && plot->yAxis->range().upper < 24.0);
        QVERIFY(plot->graph(2)->name().contains(QStringLiteral("80.0 GiB")));
        QVERIFY(plot->graph(0)->name().contains(QStringLiteral("24.0 GiB")));
    }

    void lostGpuLeavesAGap()
    {
        DevicePanel panel;
        DeviceSample sample;
        sample.hostTotal = 1ull << 30;
        sample.gpus.push_back({"cuda:0", true, 1ull << 30, 8ull << 30, 5, {}});
        panel.addSample(sample);
        sample.timeSeconds = 0.5;
        sample.gpus[0] = {"cuda:0", false, 0, 0, -1, "GPU is lost"};
        panel.addSample(sample);
        QCOMPARE(panel.plot()->graph(0)->dataCount(), 2);
        QCOMPARE(panel.plot()->graph(2)->dataCount(), 1);
    }

    void oldSamplesLeaveTheWindow()
    {
        DevicePanel panel;
        panel.setHistorySeconds(10);
        for (int i = 0; i < 40; ++i) {
            DeviceSample sample;
            sample.timeSeconds = i;
            sample.hostTotal = 1ull << 30;
            panel.addSample(sample);
        }
        QVERIFY(panel.plot()->graph(0)->dataCount() <= 11);
    }

    void choosingADeviceIsAnnounced()
    {
        DevicePanel panel;
        panel.setDevices({cpuDevice(), gpuDevice()}, {}, {"auto", "cpu", "cuda:0"});
        QSignalSpy spy(&panel, &DevicePanel::deviceRequested);
        panel.setSelection(QStringLiteral("auto"), QStringLiteral("cpu"), {});
        QTest::keyClick(panel.chooser(), Qt::Key_Down);
        QTest::keyClick(panel.chooser(), Qt::Key_Down);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("cpu"));
        QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("cuda:0"));
    }
};

QTEST_MAIN(TestDevicePanel)
#include "tst_devicepanel.moc"
