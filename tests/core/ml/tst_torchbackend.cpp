// Built with QT_NO_KEYWORDS: Qt's `slots` macro breaks LibTorch headers (DESIGN.md rule 1).
// Checks the LibTorch backend against the LibTorch it runs on; with CUDA, that NVML's figure
// for the GPU moves when LibTorch allocates there.
#include "common/blaskernels.h"
#include "common/config.h"
#include "device/devicemanager.h"
#include "device/nvmlmonitor.h"
#include "ml/torchbackend.h"

#include <torch/torch.h>

#include <QTest>

using namespace fathom;

class TestTorchBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildInfoMatchesTheLibrary()
    {
        const auto build = ml::makeTorchBackend()->buildInfo();
        QCOMPARE(build.torchVersion, std::string(TORCH_VERSION));
        QCOMPARE(build.cudaBuilt, torch::cuda::is_available() || build.cudaBuilt);
        QVERIFY(!build.blas.empty());
        // The device panel names the BLAS that runs (OpenBLAS and its kernels) before LibTorch's build.
        if (const auto kernels = blasDescription(); !kernels.empty())
            QVERIFY2(build.blas.rfind(kernels, 0) == 0, build.blas.c_str());
        QVERIFY(build.intraOpThreads >= 1);
        QVERIFY(!build.configText.empty());
    }

    void parsesASummaryOfACudaBuild()
    {
        const auto build = ml::parseTorchConfig(
            "PyTorch built with:\n  - GCC 9.3\n  - Intel(R) oneAPI Deep Neural Network Library (oneDNN) v3.4.2 (Git "
            "Hash x)\n"
            "  - OpenMP 201511 (a.k.a. OpenMP 4.5)\n  - CUDA Runtime 12.4\n  - CuDNN 9.1  (built against CUDA 12.4)\n"
            "  - Build settings: BLAS_INFO=mkl, TORCH_VERSION=2.5.1, USE_CUDA=ON, USE_MKLDNN=ON, USE_OPENMP=ON, \n");
        QCOMPARE(build.cudaVersion, std::string("12.4"));
        QCOMPARE(build.cudnnVersion, std::string("9.1"));
        QCOMPARE(build.onednn, std::string("3.4.2"));
        QCOMPARE(build.openmp, std::string("4.5"));
        QCOMPARE(build.blas, std::string("mkl"));
        QCOMPARE(build.torchVersion, std::string("2.5.1"));
        QVERIFY(build.cudaBuilt);
    }

    void cudaDevicesAgreeWithLibTorch()
    {
        const auto gpus = ml::makeTorchBackend()->cudaDevices();
        QCOMPARE(int(gpus.size()), torch::cuda::is_available() ? int(torch::cuda::device_count()) : 0);
        for (const auto& gpu : gpus) {
            QVERIFY(gpu.memoryTotal > 0);
            QVERIFY(gpu.computeMajor >= 3);
            QVERIFY(gpu.multiprocessors > 0);
        }
    }

    void nvmlFigureMovesWhenTheGpuAllocates()
    {
        if (!torch::cuda::is_available())
            QSKIP("no CUDA device: this check runs on a GPU machine");
        Config config;
        DeviceManager manager(config, ml::makeTorchBackend(), std::make_unique<NvmlMonitor>());
        if (!manager.monitorProblem().empty())
            QSKIP(manager.monitorProblem().c_str());
        torch::cuda::synchronize();
        const auto before = manager.sample().gpus.at(0).memoryUsed;
        auto block = torch::ones({256, 1024, 1024}, torch::TensorOptions().device(torch::kCUDA, 0)); // 1 GiB
        torch::cuda::synchronize();
        const auto after = manager.sample().gpus.at(0).memoryUsed;
        QVERIFY2(after >= before + (900ull << 20), qPrintable(QString("%1 -> %2").arg(before).arg(after)));
        QCOMPARE(block.sum().item<double>(), 256.0 * 1024 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestTorchBackend)
#include "tst_torchbackend.moc"
