#include "common/error.h"
#include "sonar/jsfwriter.h"
#include "sonar/simulator.h"
#include "sonar/sonarfile.h"
#include "testfiles.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace fathom;
using namespace fathom::sonar;
using fathom::test::errorOf;
using fathom::test::readAll;
using fathom::test::writeAll;

namespace {

SurveySimulator::Options small()
{
    SurveySimulator::Options options;
    options.pings = 40;
    options.samples = 300;
    options.mineLikeObjects = 2;
    options.clutterObjects = 1;
    return options;
}

std::filesystem::path writeJsf(const QTemporaryDir& dir, const char* name, int subsystem, int pings,
                               bool extras = false)
{
    const SurveySimulator sim(small());
    const auto path = std::filesystem::path(dir.path().toStdString()) / name;
    JsfWriter writer(path, {subsystem, subsystem == 20 ? 120000.0 : 410000.0});
    for (int i = 0; i < pings; ++i) {
        if (extras)
            writer.writeMessage(2002, std::vector<std::uint8_t>(30, '$')); // NMEA, as recorders interleave
        writer.write(sim.ping(std::size_t(i)), sim.samples(std::size_t(i)));
    }
    writer.close();
    return path;
}

} // namespace

class TestJsf : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        QTemporaryDir dir;
        const auto file = open(writeJsf(dir, "a.jsf", 21, 40, true));
        const SurveySimulator sim(small());
        QCOMPARE(file->pingCount(), std::size_t(40));
        QCOMPARE(file->channels().size(), std::size_t(2));
        QCOMPARE(file->channels()[0].side, Side::Port);
        QCOMPARE(file->channels()[1].name, std::string("HF starboard"));
        QVERIFY(file->problem().empty());
        for (std::size_t i : {0u, 17u, 39u}) {
            const auto want = sim.ping(i);
            const auto got = file->pingInfo(i);
            QCOMPARE(got.number, want.number);
            QVERIFY(std::abs(got.time - want.time) < 0.0011);
            QVERIFY(std::abs(got.x - want.x) < 2e-6 && std::abs(got.y - want.y) < 2e-6); // 1/10000 minute of arc
            QVERIFY(got.geographic);
            QVERIFY(std::abs(got.altitude - want.altitude) < 0.001);
            QVERIFY(std::abs(got.depth - want.depth) < 0.001);
            QVERIFY(std::abs(got.heading - want.heading) < 0.006);
            QVERIFY(std::abs(got.pitch - want.pitch) < 0.01 && std::abs(got.roll - want.roll) < 0.01);
            QVERIFY(std::abs(got.slantRange - want.slantRange) < 0.01);
            QCOMPARE(got.layback, double(float(want.layback)));
            const auto samples = sim.samples(i);
            for (int c = 0; c < 2; ++c) {
                const auto back = file->samples(i, c);
                QCOMPARE(back.size(), samples[std::size_t(c)].size());
                for (std::size_t k = 0; k < back.size(); k += 13)
                    QCOMPARE(back[k], std::round(samples[std::size_t(c)][k]));
            }
        }
        const auto summary = file->summary();
        QCOMPARE(summary.format, std::string("JSF"));
        QCOMPARE(summary.packets.at("type 2002"), std::size_t(40));
        QCOMPARE(summary.packets.at("sidescan HF"), std::size_t(80));
    }

    void lowAndHighFrequencyBecomeFourChannels()
    {
        QTemporaryDir dir;
        auto both = readAll(writeJsf(dir, "lf.jsf", 20, 10));
        const auto hf = readAll(writeJsf(dir, "hf.jsf", 21, 10));
        both.insert(both.end(), hf.begin(), hf.end());
        const auto path = std::filesystem::path(dir.path().toStdString()) / "dual.jsf";
        writeAll(path, both);
        const auto file = open(path);
        QCOMPARE(file->pingCount(), std::size_t(10)); // paired by ping number
        QCOMPARE(file->channels().size(), std::size_t(4));
        QCOMPARE(file->channels()[0].name, std::string("LF port"));
        QCOMPARE(file->channels()[3].name, std::string("HF starboard"));
        QCOMPARE(file->samples(4, 0), file->samples(4, 2)); // the simulator made both from one ping
    }

    void corruptFiles()
    {
        QTemporaryDir dir;
        const auto bytes = readAll(writeJsf(dir, "good.jsf", 21, 6));
        const std::size_t message = bytes.size() / 12;
        const auto bad = std::filesystem::path(dir.path().toStdString()) / "bad.jsf";

        auto sync = bytes;
        sync[0] = 0x02;
        writeAll(bad, sync);
        QVERIFY2(errorOf(bad).find("not a sidescan file") != std::string::npos, errorOf(bad).c_str());

        writeAll(bad, std::vector<char>(bytes.begin(), bytes.end() - 50));
        auto file = open(bad);
        QCOMPARE(file->pingCount(), std::size_t(6)); // the last ping keeps its port side
        QVERIFY(file->samples(5, 1).empty());
        QVERIFY2(file->problem().find("runs past the end") != std::string::npos, file->problem().c_str());
        QVERIFY(file->problem().find("byte " + std::to_string(11 * message)) != std::string::npos);

        auto midSync = bytes;
        midSync[4 * message] = 0x00;
        writeAll(bad, midSync);
        file = open(bad);
        QCOMPARE(file->pingCount(), std::size_t(2));
        QVERIFY2(file->problem().find("0x1601") != std::string::npos, file->problem().c_str());

        auto tooMany = bytes;
        tooMany[2 * message + 16 + 114 + 1] = char(0x7F); // sample count of ping 1's port side
        writeAll(bad, tooMany);
        file = open(bad);
        QCOMPARE(file->pingCount(), std::size_t(1));
        QVERIFY2(file->problem().find("more than it holds") != std::string::npos, file->problem().c_str());

        auto subBottom = bytes;
        for (std::size_t m = 0; m < 12; ++m)
            subBottom[m * message + 7] = 0; // every message now belongs to the sub-bottom profiler
        writeAll(bad, subBottom);
        QVERIFY2(errorOf(bad).find("no sidescan data (12 sonar data, subsystem 0)") != std::string::npos,
                 errorOf(bad).c_str());
    }

    void fuzzedFilesNeverCrash()
    {
        QTemporaryDir dir;
        const auto outcome = fathom::test::fuzz(readAll(writeJsf(dir, "f.jsf", 20, 8, true)),
                                                std::filesystem::path(dir.path().toStdString()) / "fuzz.jsf", 99);
        QVERIFY(outcome.opened > 0 && outcome.refused > 0);
    }
};

QTEST_GUILESS_MAIN(TestJsf)
#include "tst_jsf.moc"
