#include "sonar/georeference.h"
#include "sonar/simulator.h"
#include "sonar/xtfwriter.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace fathom::sonar;

namespace {

constexpr double kMetresPerDegree = 111320.0;

// A straight line east at 1 m per ping from 35°N 129°E; the recorder repeats each fix for
// `repeat` pings, as real ones do.
std::filesystem::path writeLine(const QTemporaryDir& dir, int repeat, double cableOut = 0, double depth = 0)
{
    const auto path = std::filesystem::path(dir.path().toStdString()) / "line.xtf";
    XtfWriter::Options options;
    options.channels = {{0, Side::Port, "P", SampleFormat::U16, 4e5},
                        {1, Side::Starboard, "S", SampleFormat::U16, 4e5}};
    XtfWriter writer(path, options);
    for (int i = 0; i < 40; ++i) {
        PingInfo p;
        p.number = std::uint32_t(i);
        p.time = 1e9 + i;
        p.slantRange = 50;
        const int fix = i / repeat * repeat;
        p.x = 129.0 + fix / (kMetresPerDegree * std::cos(35.0 * M_PI / 180.0));
        p.y = 35.0;
        p.heading = 90;
        p.altitude = 10;
        p.cableOut = cableOut;
        p.depth = depth;
        writer.write(p, {std::vector<float>(100, 1.f), std::vector<float>(100, 1.f)});
    }
    writer.close();
    return path;
}

double eastMetres(const Georeferencer::Point& p)
{
    return (p.x - 129.0) * kMetresPerDegree * std::cos(35.0 * M_PI / 180.0);
}

double northMetres(const Georeferencer::Point& p)
{
    return (p.y - 35.0) * kMetresPerDegree;
}

} // namespace

class TestGeoreference : public QObject
{
    Q_OBJECT

private slots:
    void starboardIsRightOfTheHeading()
    {
        QTemporaryDir dir;
        const auto file = open(writeLine(dir, 1));
        const Georeferencer geo(*file);
        QVERIFY(geo.geographic());
        const auto nadir = geo.locate(10, 1, 0);
        const auto starboard = geo.locate(10, 1, 20);
        const auto port = geo.locate(10, 0, 20);
        QVERIFY(std::abs(eastMetres(nadir) - 10) < 0.01);
        QVERIFY(std::abs(northMetres(starboard) + 20) < 0.01); // heading east: starboard is south
        QVERIFY(std::abs(northMetres(port) - 20) < 0.01);
        QVERIFY(std::abs(geo.distance(10, 0, 20, 10, 1, 20) - 40) < 0.01);
        QVERIFY(std::abs(geo.distance(5, 1, 3, 25, 1, 3) - 20) < 0.01);
    }

    void repeatedFixesAreInterpolated()
    {
        QTemporaryDir dir;
        const auto file = open(writeLine(dir, 5));
        const Georeferencer geo(*file);
        // Pings 10..14 all recorded the fix of ping 10; between fixes the track is a straight line.
        QVERIFY(std::abs(eastMetres(geo.locate(12, 1, 0)) - 12) < 0.01);
        QVERIFY(std::abs(eastMetres(geo.locate(12.5, 1, 0)) - 12.5) < 0.01);
    }

    void laybackFromCable()
    {
        QTemporaryDir dir;
        const auto file = open(writeLine(dir, 1, 50, 30));
        const Georeferencer geo(*file, {Georeferencer::Layback::FromCable, 0});
        QVERIFY(std::abs(eastMetres(geo.locate(20, 1, 0)) - (20 - 40)) < 0.01); // sqrt(50² - 30²) = 40 m behind
        const Georeferencer fixed(*file, {Georeferencer::Layback::Fixed, 15});
        QVERIFY(std::abs(eastMetres(fixed.locate(20, 1, 0)) - 5) < 0.01);
    }

    void groundRangeAndHeight()
    {
        QTemporaryDir dir;
        const auto file = open(writeLine(dir, 1));
        const Georeferencer geo(*file);
        QVERIFY(std::abs(geo.groundRange(3, 26.0) - 24.0) < 1e-9); // altitude 10: 10-24-26
        QCOMPARE(geo.groundRange(3, 5.0), 0.0);                    // in the water column
        QVERIFY(std::abs(Georeferencer::heightFromShadow(10, 20, 25) - 2.0) < 1e-12);
        QCOMPARE(Georeferencer::heightFromShadow(10, 20, 19), 0.0);
    }

    void simulatedObjectHeightFromItsShadow()
    {
        SurveySimulator::Options options;
        options.pings = 400;
        options.samples = 2048;
        const SurveySimulator sim(options);
        const auto& o = *std::find_if(sim.objects().begin(), sim.objects().end(), [](const SimulatedObject& x) {
            return x.cls == "sphere" && std::abs(x.across) < 30;
        });
        const auto samples = sim.samples(o.ping)[std::size_t(o.channel)];
        const double bin = options.range / options.samples, a = sim.ping(o.ping).altitude;
        // Walk out from the object's centre over a running mean (speckle makes single samples
        // useless): the object ends where the return falls into shadow, the shadow where the
        // seabed comes back.
        std::vector<float> sorted(samples.begin() + samples.size() / 2, samples.end());
        std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
        const double seabed = sorted[sorted.size() / 2];
        auto level = [&](int k) {
            double sum = 0;
            for (int j = k - 7; j <= k + 7; ++j)
                sum += samples[std::size_t(j)];
            return sum / 15.0;
        };
        int k = int(o.slantRange / bin);
        while (level(k) > 0.3 * seabed)
            ++k;
        const double objectEnd = std::sqrt(std::pow(k * bin, 2) - a * a);
        while (level(k) < 0.5 * seabed)
            ++k;
        const double shadowEnd = std::sqrt(std::pow(k * bin, 2) - a * a);
        const double height = Georeferencer::heightFromShadow(a, objectEnd, shadowEnd);
        QVERIFY2(std::abs(height - o.height) < 0.35 * o.height,
                 qPrintable(QString("%1 vs %2").arg(height).arg(o.height)));
    }
};

QTEST_GUILESS_MAIN(TestGeoreference)
#include "tst_georeference.moc"
