#include "common/error.h"
#include "sonar/sonarfile.h"
#include "sonar/xtfreader.h"
#include "sonar/xtfwriter.h"
#include "testfiles.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace fathom;
using namespace fathom::sonar;
using fathom::test::errorOf;
using fathom::test::readAll;
using fathom::test::writeAll;

namespace {

std::vector<ChannelInfo> channelsOf(SampleFormat format, int count)
{
    std::vector<ChannelInfo> channels;
    for (int c = 0; c < count; ++c)
        channels.push_back({c,
                            c == 0   ? Side::Port
                            : c == 1 ? Side::Starboard
                                     : Side::Other,
                            c == 0   ? "PORT"
                            : c == 1 ? "STBD"
                                     : "AUX" + std::to_string(c),
                            format, 455000.0});
    return channels;
}

PingInfo pingAt(int i)
{
    PingInfo ping;
    ping.number = 100 + i;
    ping.time = 1700000000.25 + i * 0.1;
    ping.slantRange = 50;
    ping.x = 126.5 + i * 1e-5;
    ping.y = 34.25 + i * 2e-5;
    ping.heading = 45.5;
    ping.altitude = 8.25;
    ping.depth = 20.5;
    ping.pitch = -1.5;
    ping.roll = 2.25;
    ping.cableOut = 60;
    ping.layback = 55.5;
    ping.soundVelocity = 1500;
    ping.speed = 2.0;
    return ping;
}

// Channel c of ping i, nadir first: a ramp that differs per channel and ping.
std::vector<float> samplesFor(int i, int c, int n, SampleFormat format)
{
    std::vector<float> s(n);
    for (int k = 0; k < n; ++k)
        s[k] = format == SampleFormat::F32 ? 0.5f * k + c + i * 0.25f : float((k * 3 + c * 7 + i) % 250);
    return s;
}

std::filesystem::path writeSurvey(const QTemporaryDir& dir, SampleFormat format, int channels = 2, int pings = 5,
                                  int samples = 100, bool extras = false)
{
    const auto path = std::filesystem::path(dir.path().toStdString()) / "survey.xtf";
    XtfWriter::Options options;
    options.channels = channelsOf(format, channels);
    XtfWriter writer(path, options);
    for (int i = 0; i < pings; ++i) {
        if (extras)
            writer.writePacket(i % 2 ? 3 : 199, std::vector<std::uint8_t>(40, std::uint8_t(i)));
        std::vector<std::vector<float>> data;
        for (int c = 0; c < channels; ++c)
            data.push_back(samplesFor(i, c, samples, format));
        writer.write(pingAt(i), data);
    }
    if (extras)
        writer.writePacket(1, std::vector<std::uint8_t>(64, 'x'));
    writer.close();
    return path;
}

} // namespace

class TestXtf : public QObject
{
    Q_OBJECT

private slots:
    void roundTripEveryFormat_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("u8") << int(SampleFormat::U8);
        QTest::newRow("u16") << int(SampleFormat::U16);
        QTest::newRow("u32") << int(SampleFormat::U32);
        QTest::newRow("i32") << int(SampleFormat::I32);
        QTest::newRow("f32") << int(SampleFormat::F32);
    }

    void roundTripEveryFormat()
    {
        QFETCH(int, format);
        const auto f = SampleFormat(format);
        QTemporaryDir dir;
        const auto file = sonar::open(writeSurvey(dir, f));
        QCOMPARE(file->pingCount(), std::size_t(5));
        QCOMPARE(file->channels().size(), std::size_t(2));
        QCOMPARE(file->channels()[0].side, Side::Port);
        QCOMPARE(file->channels()[1].side, Side::Starboard);
        QCOMPARE(file->channels()[1].name, std::string("STBD"));
        QCOMPARE(file->channels()[0].format, f);
        QCOMPARE(file->channels()[0].frequencyHz, 455000.0);
        QVERIFY(file->problem().empty());
        for (int i = 0; i < 5; ++i)
            for (int c = 0; c < 2; ++c)
                QCOMPARE(file->samples(i, c), samplesFor(i, c, 100, f)); // port comes back nadir first
        const auto info = file->pingInfo(3);
        const auto want = pingAt(3);
        QCOMPARE(info.number, want.number);
        QVERIFY(std::abs(info.time - want.time) < 0.011);
        QCOMPARE(info.x, want.x);
        QCOMPARE(info.y, want.y);
        QVERIFY(info.geographic);
        QCOMPARE(info.heading, want.heading);
        QCOMPARE(info.altitude, want.altitude);
        QCOMPARE(info.depth, want.depth);
        QCOMPARE(info.pitch, want.pitch);
        QCOMPARE(info.roll, want.roll);
        QCOMPARE(info.cableOut, want.cableOut);
        QCOMPARE(info.layback, want.layback);
        QCOMPARE(info.soundVelocity, want.soundVelocity);
        QVERIFY(std::abs(info.speed - want.speed) < 1e-4);
        QCOMPARE(info.slantRange, want.slantRange);
        QCOMPARE(info.samples, 100);
    }

    void portIsStoredFarToNadir()
    {
        QTemporaryDir dir;
        const auto path = writeSurvey(dir, SampleFormat::U8, 2, 1, 100);
        const auto bytes = readAll(path);
        // The port channel's first stored sample is its farthest: (99 * 3) % 250 = 47.
        const std::size_t firstSample = 1024 + 256 + 64;
        QCOMPARE(int(std::uint8_t(bytes[firstSample])), 47);
    }

    void moreThanSixChannels()
    {
        QTemporaryDir dir;
        const auto path = writeSurvey(dir, SampleFormat::U16, 9, 3, 64);
        QCOMPARE(std::uint8_t(readAll(path)[2048]), std::uint8_t(0xCE)); // the header grew to 2048 bytes
        const auto file = sonar::open(path);
        QCOMPARE(file->channels().size(), std::size_t(9));
        QCOMPARE(file->channels()[8].name, std::string("AUX8"));
        QCOMPARE(file->samples(2, 8), samplesFor(2, 8, 64, SampleFormat::U16));
    }

    void otherPacketsAreSkipped()
    {
        QTemporaryDir dir;
        const auto file = sonar::open(writeSurvey(dir, SampleFormat::U16, 2, 4, 50, true));
        QCOMPARE(file->pingCount(), std::size_t(4));
        QCOMPARE(file->samples(3, 1), samplesFor(3, 1, 50, SampleFormat::U16));
        const auto summary = file->summary();
        QCOMPARE(summary.packets.at("sonar"), std::size_t(4));
        QCOMPARE(summary.packets.at("attitude"), std::size_t(2));
        QCOMPARE(summary.packets.at("notes"), std::size_t(1));
        QCOMPARE(summary.packets.at("type 199"), std::size_t(2));
    }

    void nearestPingToATime()
    {
        QTemporaryDir dir;
        const auto file = sonar::open(writeSurvey(dir, SampleFormat::U8, 2, 40, 8));
        const double t0 = pingAt(0).time; // pings every 0.1 s
        QCOMPARE(pingNearest(*file, t0), std::size_t(0));
        QCOMPARE(pingNearest(*file, t0 + 1.04), std::size_t(10));
        QCOMPARE(pingNearest(*file, t0 + 1.07), std::size_t(11));
        QCOMPARE(pingNearest(*file, t0 - 100), std::size_t(0));
        QCOMPARE(pingNearest(*file, t0 + 100), std::size_t(39));
    }

    void summaryDescribesTheFile()
    {
        QTemporaryDir dir;
        const auto s = sonar::open(writeSurvey(dir, SampleFormat::U16))->summary();
        QCOMPARE(s.format, std::string("XTF"));
        QCOMPARE(s.recorder, std::string("Fathom 0.1"));
        QCOMPARE(s.pings, std::size_t(5));
        QCOMPARE(s.samplesPerChannel, 100);
        QVERIFY(std::abs(s.lastTime - s.firstTime - 0.4) < 0.011);
        QCOMPARE(s.minX, 126.5);
        QVERIFY(std::abs(s.maxY - (34.25 + 4 * 2e-5)) < 1e-9);
    }

    void largeFilesFinishIndexingInTheBackground()
    {
        QTemporaryDir dir;
        const auto path = writeSurvey(dir, SampleFormat::U8, 2, 30000, 16);
        for (int round = 0; round < 5; ++round)
            sonar::open(path); // closed while still indexing: the indexer stops cleanly
        const auto file = sonar::open(path);
        QVERIFY(file->pingCount() >= 4000);
        file->waitComplete();
        QVERIFY(file->complete());
        QCOMPARE(file->pingCount(), std::size_t(30000));
        QVERIFY(file->problem().empty());
        QCOMPARE(file->summary().pings, std::size_t(30000));
        QCOMPARE(file->samples(29999, 1), samplesFor(29999, 1, 16, SampleFormat::U8));
    }

    void realRecording()
    {
        const std::filesystem::path path = "../shared/data/sonar/scotsman-iver2.xtf";
        const auto real = std::filesystem::path(qEnvironmentVariable("FATHOM_SOURCE_DIR").toStdString()) / path;
        if (!std::filesystem::exists(real))
            QSKIP("../shared/data/sonar is not here (a user's checkout has none)");
        const auto file = sonar::open(real);
        QCOMPARE(file->pingCount(), std::size_t(461));
        QCOMPARE(file->channels().size(), std::size_t(2));
        QCOMPARE(file->channels()[0].side, Side::Port);
        QCOMPARE(file->channels()[1].side, Side::Starboard);
        QCOMPARE(file->channels()[0].format, SampleFormat::U16);
        QCOMPARE(file->channels()[0].frequencyHz, 600000.0);
        QVERIFY(file->problem().empty());
        const auto s = file->summary();
        QCOMPARE(s.recorder, std::string("SEASCAN 3100"));
        QCOMPARE(s.samplesPerChannel, 1024);
        QVERIFY(s.geographic);
        QVERIFY(s.minY > 48.44 && s.maxY < 48.45);   // latitude
        QVERIFY(s.minX > -68.83 && s.maxX < -68.82); // longitude
        const auto wreck = file->pingInfo(281);
        QCOMPARE(wreck.number, 281u);
        QVERIFY(std::abs(wreck.slantRange - 30.0) < 0.1);
        QCOMPARE(QDateTime::fromSecsSinceEpoch(qint64(wreck.time), Qt::UTC).date(), QDate(2013, 9, 10));
        QCOMPARE(file->samples(281, 1).size(), std::size_t(1024));
        QCOMPARE(file->pingInfo(0).altitude, 0.0); // the recorder had no altitude yet: bottom tracking will
    }

    void corruptFiles()
    {
        QTemporaryDir dir;
        const auto good = writeSurvey(dir, SampleFormat::U16, 2, 5, 100);
        const auto bytes = readAll(good);
        const std::size_t packet = (bytes.size() - 1024) / 5;
        const auto bad = std::filesystem::path(dir.path().toStdString()) / "bad.xtf";

        writeAll(bad, {});
        QVERIFY(errorOf(bad).find("cannot") != std::string::npos ||
                errorOf(bad).find("not a sidescan") != std::string::npos);

        writeAll(bad, std::vector<char>(bytes.begin(), bytes.begin() + 600));
        QVERIFY2(errorOf(bad).find("truncated") != std::string::npos, errorOf(bad).c_str());

        auto wrong = bytes;
        wrong[0] = 0x7A;
        writeAll(bad, wrong);
        QVERIFY2(errorOf(bad).find("not a sidescan file") != std::string::npos, errorOf(bad).c_str());

        auto zero = bytes;
        zero[166] = zero[167] = 0;
        writeAll(bad, zero);
        QVERIFY2(errorOf(bad).find("zero channels") != std::string::npos, errorOf(bad).c_str());

        auto bathyOnly = zero;
        bathyOnly[168] = 1;
        writeAll(bad, bathyOnly);
        QVERIFY2(errorOf(bad).find("no sidescan") != std::string::npos, errorOf(bad).c_str());

        writeAll(bad, std::vector<char>(bytes.begin(), bytes.end() - 100)); // the last packet is cut short
        auto file = sonar::open(bad);
        QCOMPARE(file->pingCount(), std::size_t(4));
        QVERIFY2(file->problem().find("runs past the end") != std::string::npos, file->problem().c_str());
        QVERIFY(file->problem().find("byte " + std::to_string(1024 + 4 * packet)) != std::string::npos);
        QVERIFY(file->problem().find(bad.string()) != std::string::npos);

        auto magic = bytes;
        magic[1024 + 2 * packet] = 0x00;
        writeAll(bad, magic);
        file = sonar::open(bad);
        QCOMPARE(file->pingCount(), std::size_t(2));
        QVERIFY2(file->problem().find("0xFACE") != std::string::npos, file->problem().c_str());

        auto tooMany = bytes;
        const std::size_t samplesField = 1024 + 3 * packet + 256 + 42;
        tooMany[samplesField + 1] = 0x7F; // channel 0 of ping 3 claims 32,000+ samples
        writeAll(bad, tooMany);
        file = sonar::open(bad);
        QCOMPARE(file->pingCount(), std::size_t(3));
        QVERIFY2(file->problem().find("more than its packet holds") != std::string::npos, file->problem().c_str());

        auto noPings = std::vector<char>(bytes.begin(), bytes.begin() + 1024);
        writeAll(bad, noPings);
        QVERIFY2(errorOf(bad).find("no sidescan pings") != std::string::npos, errorOf(bad).c_str());
    }

    // Random damage to a good file: every outcome is a readable part or a clear Error, never a crash.
    void fuzzedFilesNeverCrash()
    {
        QTemporaryDir dir;
        const auto outcome = fathom::test::fuzz(readAll(writeSurvey(dir, SampleFormat::U16, 3, 6, 40, true)),
                                                std::filesystem::path(dir.path().toStdString()) / "fuzz.xtf", 1234);
        QVERIFY(outcome.opened > 0 && outcome.refused > 0);
    }
};

QTEST_GUILESS_MAIN(TestXtf)
#include "tst_xtf.moc"
