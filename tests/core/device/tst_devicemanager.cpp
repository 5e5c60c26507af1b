#include "common/config.h"
#include "device/batchsize.h"
#include "device/devicemanager.h"
#include "device/devicereport.h"
#include "fakes.h"

#include <nlohmann/json.hpp>

#include <QTest>

using namespace fathom;
using fathom::test::FakeBackend;
using fathom::test::fakeGpu;
using fathom::test::FakeMonitor;

namespace {

constexpr std::uint64_t GiB = 1ull << 30;

std::unique_ptr<DeviceManager> twoGpus(const Config& config,
                                       std::shared_ptr<std::vector<FakeMonitor::Gpu>>* gpus = nullptr)
{
    // NVML lists the GPUs in the opposite order to CUDA.
    auto state = std::make_shared<std::vector<FakeMonitor::Gpu>>(
        std::vector<FakeMonitor::Gpu>{{"0000:b1:00", 2 * GiB, 48 * GiB, 10}, {"0000:3b:00", 30 * GiB, 80 * GiB, 90}});
    if (gpus)
        *gpus = state;
    return std::make_unique<DeviceManager>(
        config,
        std::make_unique<FakeBackend>(
            std::vector{fakeGpu(0, "NVIDIA H100", 9, 80, "0000:3b:00"), fakeGpu(1, "Tesla T4", 7, 16, "0000:b1:00")}),
        std::make_unique<FakeMonitor>(state));
}

} // namespace

class TestDeviceManager : public QObject
{
    Q_OBJECT

private slots:
    void autoPrefersCuda()
    {
        Config config;
        auto manager = twoGpus(config);
        QCOMPARE(manager->selection().id, std::string("cuda:0"));
        QCOMPARE(manager->devices().front().id, std::string("cpu"));
        QCOMPARE(manager->devices().size(), std::size_t(3));
        QCOMPARE(manager->choices(), (std::vector<std::string>{"auto", "cpu", "cuda:0", "cuda:1"}));
    }

    void autoFallsToCpuWithoutGpus()
    {
        Config config;
        DeviceManager manager(config, std::make_unique<CpuOnlyBackend>(), nullptr);
        QCOMPARE(manager.selection().id, std::string("cpu"));
        QVERIFY(manager.selection().message.empty());
        QCOMPARE(manager.devices().size(), std::size_t(1));
    }

    void autoTakesMpsWhenThereIsNoCuda()
    {
        Config config;
        DeviceManager manager(config, std::make_unique<FakeBackend>(std::vector<GpuProperties>{}, false, true),
                              nullptr);
        QCOMPARE(manager.selection().id, std::string("mps"));
    }

    void explicitRequests()
    {
        Config config;
        auto manager = twoGpus(config);
        QCOMPARE(manager->select("cuda:1").id, std::string("cuda:1"));
        QCOMPARE(manager->active().name, std::string("Tesla T4"));
        QCOMPARE(manager->select("CPU").id, std::string("cpu"));
        QCOMPARE(manager->select("cuda").id, std::string("cuda:0"));
    }

    void absentOrUnknownDevicesGiveCpuAndAReason_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<int>("shortfall");
        QTest::addColumn<QString>("mentions");
        using S = DeviceManager::Shortfall;
        QTest::newRow("absent gpu") << "cuda:7" << int(S::CudaAbsent) << "cuda:0, cuda:1";
        QTest::newRow("mps") << "mps" << int(S::MpsAbsent) << "MPS";
        QTest::newRow("typo") << "gpu0" << int(S::Unknown) << "'gpu0'";
        QTest::newRow("bad index") << "cuda:x" << int(S::Unknown) << "expected auto, cpu";
    }

    void absentOrUnknownDevicesGiveCpuAndAReason()
    {
        QFETCH(QString, request);
        QFETCH(int, shortfall);
        QFETCH(QString, mentions);
        Config config;
        auto manager = twoGpus(config);
        const auto selection = manager->select(request.toStdString());
        QCOMPARE(selection.id, std::string("cpu"));
        QCOMPARE(int(selection.shortfall), shortfall);
        QVERIFY2(selection.message.find(mentions.toStdString()) != std::string::npos, selection.message.c_str());
        QCOMPARE(manager->active().id, std::string("cpu"));
    }

    void cudaOnCpuOnlyBuildSaysWhy()
    {
        Config config;
        DeviceManager manager(config, std::make_unique<CpuOnlyBackend>(), nullptr);
        const auto selection = manager.select("cuda:0");
        QCOMPARE(selection.id, std::string("cpu"));
        QCOMPARE(selection.shortfall, DeviceManager::Shortfall::CudaNotBuilt);
    }

    void profilesComeFromConfigPerKindAndPerDevice()
    {
        Config config;
        config.addYaml("user", "profiles:\n  cuda:\n    batch_size: 256\n    memory_fraction: 0.5\n"
                               "  \"cuda:1\":\n    batch_size: 64\n");
        auto manager = twoGpus(config);
        const auto* h100 = manager->find("cuda:0");
        const auto* t4 = manager->find("cuda:1");
        QCOMPARE(h100->profile.batchSize, 256);
        QCOMPARE(t4->profile.batchSize, 64);
        QCOMPARE(t4->profile.workers, 2); // from the kind's defaults
        QCOMPARE(h100->profile.memoryLimitBytes, 40 * GiB);
        // "auto" mixed precision: bf16 on Hopper, fp16 on Turing.
        QCOMPARE(h100->profile.mixedPrecision, MixedPrecision::Bf16);
        QCOMPARE(t4->profile.mixedPrecision, MixedPrecision::Fp16);
        QCOMPARE(manager->find("cpu")->profile.mixedPrecision, MixedPrecision::None);
    }

    void badProfileValueFallsBackAndIsReported()
    {
        Config config;
        config.addYaml("user.yaml", "profiles:\n  cuda:\n    mixed_precision: fp8\n    batch_size: many\n");
        auto manager = twoGpus(config);
        QCOMPARE(manager->find("cuda:0")->profile.mixedPrecision, MixedPrecision::None);
        QCOMPARE(manager->find("cuda:0")->profile.batchSize, DeviceProfile{}.batchSize);
        QVERIFY(manager->problems().size() >= 2);
        QVERIFY(manager->problems().front().find("user.yaml") != std::string::npos);
    }

    void bf16OnAGpuWithoutItBecomesFp16()
    {
        Config config;
        config.addOverride("profiles.cuda.mixed_precision=bf16");
        auto manager = twoGpus(config);
        QCOMPARE(manager->find("cuda:0")->profile.mixedPrecision, MixedPrecision::Bf16);
        QCOMPARE(manager->find("cuda:1")->profile.mixedPrecision, MixedPrecision::Fp16);
    }

    void memoryComesFromNvmlMatchedByBus()
    {
        Config config;
        std::shared_ptr<std::vector<FakeMonitor::Gpu>> gpus;
        auto manager = twoGpus(config, &gpus);
        QCOMPARE(manager->find("cuda:0")->memoryFree, 50 * GiB); // 80 - 30 used, NVML index 1
        auto sample = manager->sample();
        QCOMPARE(sample.gpus.size(), std::size_t(2));
        QCOMPARE(sample.gpus[0].memoryUsed, 30 * GiB);
        QCOMPARE(sample.gpus[0].utilisationPercent, 90);
        (*gpus)[1].used = 70 * GiB; // a training run allocates on the H100
        sample = manager->sample();
        QCOMPARE(sample.gpus[0].memoryUsed, 70 * GiB);
        QVERIFY(sample.hostTotal > 0);
        QVERIFY(sample.processResident > 0);
    }

    void lostGpuIsReportedNotFatal()
    {
        Config config;
        std::shared_ptr<std::vector<FakeMonitor::Gpu>> gpus;
        auto manager = twoGpus(config, &gpus);
        (*gpus)[0].lost = true; // the T4
        const auto sample = manager->sample();
        QVERIFY(sample.gpus[0].available);
        QVERIFY(!sample.gpus[1].available);
        QVERIFY(sample.gpus[1].problem.find("lost") != std::string::npos);
        (*gpus)[0].lost = false;
        QVERIFY(manager->sample().gpus[1].available);
    }

    void jsonHasTheDocumentedShape()
    {
        Config config;
        auto manager = twoGpus(config);
        manager->select("cuda:1");
        const auto json = nlohmann::json::parse(devicesJson(*manager));
        QCOMPARE(json["selected"].get<std::string>(), std::string("cuda:1"));
        QCOMPARE(json["devices"].size(), std::size_t(3));
        for (const auto& device : json["devices"]) {
            for (const char* key : {"id", "kind", "name", "memory_total_bytes", "memory_free_bytes", "profile"})
                QVERIFY2(device.contains(key), key);
            for (const char* key : {"batch_size", "workers", "memory_limit_bytes", "mixed_precision"})
                QVERIFY2(device["profile"].contains(key), key);
        }
        QCOMPARE(json["devices"][2]["id"].get<std::string>(), std::string("cuda:1"));
        QCOMPARE(json["devices"][2]["kind"].get<std::string>(), std::string("cuda"));
        QCOMPARE(json["devices"][2]["compute_capability"].get<std::string>(), std::string("7.0"));
        QCOMPARE(json["devices"][0]["kind"].get<std::string>(), std::string("cpu"));
        QVERIFY(json["devices"][0].contains("simd"));
    }

    void autoBatchSizeFitsTheBudget()
    {
        // 1 MiB per sample, 1 GiB free, no limit: 85 % of 1024 -> 870 -> 512.
        QCOMPARE(autoBatchSize(1 << 20, GiB, 0), 512);
        // The profile's limit is tighter than what is free.
        QCOMPARE(autoBatchSize(1 << 20, 8 * GiB, 256ull << 20), 128);
        QCOMPARE(autoBatchSize(1 << 20, 8 * GiB, 0, 64), 64);
        QCOMPARE(autoBatchSize(2 * GiB, GiB, 0), 0);
        QCOMPARE(autoBatchSize(0, GiB, 0), 0);
    }

    void bytesReadLikeAHuman()
    {
        QCOMPARE(formatBytes(0), std::string("0 B"));
        QCOMPARE(formatBytes(1536), std::string("1.5 KiB"));
        QCOMPARE(formatBytes(80 * GiB), std::string("80.0 GiB"));
    }
};

QTEST_GUILESS_MAIN(TestDeviceManager)
#include "tst_devicemanager.moc"
