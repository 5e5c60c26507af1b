#include "device/hostinfo.h"

#include <QTest>

using namespace fathom;

class TestHostInfo : public QObject
{
    Q_OBJECT

private slots:
    void parsesAnAvx512Xeon()
    {
        const std::string text =
            "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Platinum 8480C\n"
            "physical id\t: 0\ncore id\t\t: 0\nflags\t\t: fpu sse4_2 avx avx2 fma avx512f avx512_bf16 amx_bf16\n\n"
            "processor\t: 1\nmodel name\t: Intel(R) Xeon(R) Platinum 8480C\nphysical id\t: 0\ncore id\t\t: 0\n"
            "flags\t\t: fpu sse4_2 avx avx2 fma avx512f avx512_bf16 amx_bf16\n\n"
            "processor\t: 2\nmodel name\t: Intel(R) Xeon(R) Platinum 8480C\nphysical id\t: 0\ncore id\t\t: 1\n"
            "flags\t\t: fpu sse4_2 avx avx2 fma avx512f avx512_bf16 amx_bf16\n";
        const auto cpu = host::parseCpuInfo(text);
        QCOMPARE(cpu.name, std::string("Intel(R) Xeon(R) Platinum 8480C"));
        QCOMPARE(cpu.threads, 3);
        QCOMPARE(cpu.cores, 2); // two threads share core 0
        QCOMPARE(cpu.simd, std::string("AVX-512"));
        QVERIFY(host::cpuHasBf16(cpu));
    }

    void parsesAnAvx2Laptop()
    {
        const auto cpu = host::parseCpuInfo("processor : 0\nmodel name : AMD Ryzen 5\nflags : sse4_2 avx avx2 fma\n");
        QCOMPARE(cpu.simd, std::string("AVX2"));
        QCOMPARE(cpu.cores, 1);
        QVERIFY(!host::cpuHasBf16(cpu));
    }

    void parsesAnArmBoard()
    {
        const auto cpu = host::parseCpuInfo("processor : 0\nFeatures : fp asimd evtstrm crc32\n\nprocessor : 1\n"
                                            "Features : fp asimd evtstrm crc32\n");
        QCOMPARE(cpu.simd, std::string("NEON"));
        QCOMPARE(cpu.threads, 2);
        QCOMPARE(cpu.name, std::string("CPU"));
    }

    void parsesMemInfo()
    {
        const auto memory =
            host::parseMemInfo("MemTotal:       24576000 kB\nMemFree:  100 kB\nMemAvailable:   12288000 kB\n");
        QCOMPARE(memory.total, std::uint64_t(24576000) * 1024);
        QCOMPARE(memory.available, std::uint64_t(12288000) * 1024);
    }

    void readsThisMachine()
    {
        const auto cpu = host::cpu();
        QVERIFY(cpu.threads >= 1);
        QVERIFY(cpu.cores >= 1 && cpu.cores <= cpu.threads);
        const auto memory = host::memory();
        QVERIFY(memory.total > (64ull << 20));
        QVERIFY(memory.available <= memory.total);
    }

    void residentMemoryGrowsWithAllocation()
    {
        const auto before = host::processResidentBytes();
        std::vector<char> block(64 << 20, 1); // touched, so resident
        const auto after = host::processResidentBytes();
        QVERIFY2(after >= before + (48 << 20), qPrintable(QString("%1 -> %2").arg(before).arg(after)));
        QCOMPARE(block[12345], char(1));
    }
};

QTEST_GUILESS_MAIN(TestHostInfo)
#include "tst_hostinfo.moc"
