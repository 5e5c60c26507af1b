#include "sonar/simulator.h"
#include "sonar/sonarfile.h"
#include "sonar/waterfall.h"
#include "sonar/xtfwriter.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace fathom::sonar;

namespace {

SurveySimulator::Options small(std::uint64_t seed)
{
    SurveySimulator::Options options;
    options.seed = seed;
    options.pings = 600;
    options.samples = 512;
    options.mineLikeObjects = 6;
    options.clutterObjects = 4;
    return options;
}

double mean(const std::vector<float>& s, int from, int to)
{
    double sum = 0;
    for (int k = from; k < to; ++k)
        sum += s[std::size_t(k)];
    return sum / std::max(1, to - from);
}

std::string fileText(const std::filesystem::path& path)
{
    std::stringstream text;
    text << std::ifstream(path, std::ios::binary).rdbuf();
    return text.str();
}

} // namespace

class TestSimulator : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSameSurvey()
    {
        QTemporaryDir a, b, c;
        const auto first = writeDemoSurvey(a.path().toStdString(), small(7));
        const auto second = writeDemoSurvey(b.path().toStdString(), small(7));
        const auto other = writeDemoSurvey(c.path().toStdString(), small(8));
        for (std::size_t i = 0; i < first.size(); ++i)
            QVERIFY2(fileText(first[i]) == fileText(second[i]), first[i].filename().c_str());
        QVERIFY(fileText(first[0]) != fileText(other[0]));
        QVERIFY(fileText(first[1]) != fileText(other[1]));
    }

    void objectsShowHighlightThenShadow()
    {
        const SurveySimulator sim(small(3));
        const double bin = sim.options().range / sim.options().samples;
        int checked = 0;
        for (const auto& o : sim.objects()) {
            if (o.height < 0.4 || o.ping < 5 || o.ping + 5 >= std::size_t(sim.options().pings))
                continue;
            const auto ping = sim.ping(o.ping);
            const auto samples = sim.samples(o.ping)[std::size_t(o.channel)];
            const double a = ping.altitude;
            const double farGround = std::abs(o.across) + 0.2 * o.width;
            const double shadowEnd = std::abs(o.across) * a / (a - o.height);
            const int object = int(std::hypot(std::abs(o.across), a) / bin);
            const int shadowFrom = int(std::hypot(std::abs(o.across) + 0.5 * std::max(o.width, o.length), a) / bin) + 1;
            const int shadowTo = int(std::hypot(shadowEnd, a) / bin);
            const int backFrom = int(std::hypot(shadowEnd + 3.0, a) / bin);
            if (shadowTo - shadowFrom < 2 || backFrom + 20 >= int(samples.size()))
                continue;
            (void)farGround;
            const double highlight = mean(samples, object - 2, object + 3);
            const double shadow = mean(samples, shadowFrom, shadowTo);
            const double seabed = mean(samples, backFrom, backFrom + 20);
            QVERIFY2(highlight > 2.0 * seabed,
                     qPrintable(QString("object %1: highlight %2, seabed %3").arg(o.id).arg(highlight).arg(seabed)));
            QVERIFY2(shadow < 0.35 * seabed,
                     qPrintable(QString("object %1: shadow %2, seabed %3").arg(o.id).arg(shadow).arg(seabed)));
            ++checked;
        }
        QVERIFY2(checked >= 3, "too few objects to check");
    }

    void emptySeabedHasNoShadows()
    {
        SurveySimulator::Options options = small(5);
        options.mineLikeObjects = options.clutterObjects = 0;
        const SurveySimulator sim(options);
        QVERIFY(sim.objects().empty());
        const auto samples = sim.samples(300)[1];
        const double bin = options.range / options.samples;
        const int start = int(std::hypot(5.0, sim.ping(300).altitude) / bin);
        // Averaged over a metre, the seabed never drops to a shadow's level.
        for (int k = start; k + 20 < int(samples.size()); k += 10)
            QVERIFY(mean(samples, k, k + 20) > 0.25 * mean(samples, start, int(samples.size())));
    }

    void magnetometerPeaksOverFerrousObjects()
    {
        const SurveySimulator sim(small(3));
        const auto& o = *std::find_if(sim.objects().begin(), sim.objects().end(), [](const SimulatedObject& x) {
            return x.ferrous && std::abs(x.across) < 20 && x.ping > 60;
        });
        QVERIFY(sim.magnetometer(o.ping) > sim.magnetometer(o.ping - 50) + 0.5);
    }

    void truthFileListsEveryObject()
    {
        QTemporaryDir dir;
        const auto files = writeDemoSurvey(dir.path().toStdString(), small(2));
        std::ifstream truth(files[1]);
        std::string header, line;
        std::getline(truth, header);
        QVERIFY(header.starts_with("id,class,mine_like"));
        int rows = 0;
        while (std::getline(truth, line))
            ++rows;
        QCOMPARE(rows, 10);
        QVERIFY(header.ends_with(",length_m,width_m,height_m,along_track_m,across_track_m,moored_m"));
        std::ifstream sensors(files[2]);
        std::getline(sensors, header);
        QCOMPARE(std::count(header.begin(), header.end(), ','), 14L); // time, ping, 12 channels, fault
        const auto file = open(files[0]);
        QCOMPARE(file->pingCount(), std::size_t(600));
    }

    // A moored sphere lights the water column at its slant range, its shadow falls on the seabed
    // further out; the line's other objects stay where they were without it.
    void mooredSpheresFloatInTheWaterColumn()
    {
        SurveySimulator::Options options;
        options.pings = 800;
        options.mooredObjects = 2;
        const SurveySimulator moored(options);
        options.mooredObjects = 0;
        const SurveySimulator plain(options);
        QCOMPARE(moored.objects().size(), plain.objects().size() + 2);
        for (std::size_t i = 0; i < plain.objects().size(); ++i)
            QCOMPARE(moored.objects()[i].ping, plain.objects()[i].ping);
        for (std::size_t i = plain.objects().size(); i < moored.objects().size(); ++i) {
            const auto& o = moored.objects()[i];
            QVERIFY(o.moored >= 3 && o.cls == "sphere" && o.mineLike);
            const double altitude = moored.ping(o.ping).altitude;
            QVERIFY(o.slantRange < altitude);
            const auto with = moored.samples(o.ping)[std::size_t(o.channel)];
            const auto without = plain.samples(o.ping)[std::size_t(o.channel)];
            // Brighter than the water column there, by far.
            QVERIFY2(with[std::size_t(o.sample)] > 10 * without[std::size_t(o.sample)],
                     qPrintable(QStringLiteral("%1 against %2")
                                    .arg(with[std::size_t(o.sample)])
                                    .arg(without[std::size_t(o.sample)])));
            // A shadow on the seabed past the first return: bins darker than without it.
            int darker = 0;
            for (std::size_t k = std::size_t(altitude / options.range * options.samples) + 8; k < with.size(); ++k)
                darker += with[k] < 0.2 * without[k];
            QVERIFY2(darker >= 5, qPrintable(QString::number(darker)));
        }
    }

    // What a sonar can measure of an object is its extent along and across the track as it lies.
    void extentsFollowTheObjectsTurn()
    {
        SimulatedObject o;
        o.cls = "cylinder";
        o.length = 2.0;
        o.width = 0.5;
        QCOMPARE(o.alongTrackExtent(), 2.0); // lying along the track
        QCOMPARE(o.acrossTrackExtent(), 0.5);
        o.orientation = std::acos(-1.0) / 2; // square to it
        QVERIFY(std::abs(o.alongTrackExtent() - 0.5) < 1e-9 && std::abs(o.acrossTrackExtent() - 2.0) < 1e-9);
        o.orientation = std::acos(-1.0) / 4; // a rectangle at 45°: (2 + 0.5) / √2 both ways
        QVERIFY(std::abs(o.alongTrackExtent() - 2.5 / std::sqrt(2.0)) < 1e-9);
        o.cls = "rock"; // an ellipse at 45°: √((2² + 0.5²) / 2)
        QVERIFY(std::abs(o.alongTrackExtent() - std::sqrt(4.25 / 2)) < 1e-9);
        o.cls = "sphere";
        o.length = o.width = 1.1;
        QCOMPARE(o.alongTrackExtent(), 1.1);
        QCOMPARE(o.acrossTrackExtent(), 1.1);
    }

    void bottomTrackingFindsTheSeabedWhenAltitudeIsMissing()
    {
        QTemporaryDir dir;
        const SurveySimulator sim(small(4));
        const auto path = std::filesystem::path(dir.path().toStdString()) / "noalt.xtf";
        XtfWriter::Options options;
        options.channels = {{0, Side::Port, "P", SampleFormat::U16, 4e5},
                            {1, Side::Starboard, "S", SampleFormat::U16, 4e5}};
        XtfWriter writer(path, options);
        for (std::size_t i = 0; i < 100; ++i) {
            auto ping = sim.ping(i);
            ping.altitude = 0; // as real recorders write when they have none
            writer.write(ping, sim.samples(i));
        }
        writer.close();
        const auto file = open(path);
        const auto tracked = trackBottom(*file, 0, 100);
        for (std::size_t i = 10; i < 90; i += 7)
            QVERIFY2(std::abs(tracked[i] - sim.ping(i).altitude) < 0.35,
                     qPrintable(QString("ping %1: %2 vs %3").arg(i).arg(tracked[i]).arg(sim.ping(i).altitude)));
    }

    void zoomedOutViewsAverageEveryPing()
    {
        QTemporaryDir dir;
        SurveySimulator::Options options = small(9);
        options.pings = 1000;
        const auto files = writeDemoSurvey(dir.path().toStdString(), options);
        const auto file = open(files[0]);
        const auto pyramid = WaterfallPyramid::build(*file, 128);
        QVERIFY(pyramid);
        QCOMPARE(pyramid->levels().size(), std::size_t(2)); // 125 rows of 8 pings, then 16 rows of 64
        const auto& eight = pyramid->levels()[0];
        QCOMPARE(eight.rows, std::size_t(125));
        QCOMPARE(pyramid->levelFor(4), nullptr);
        QCOMPARE(pyramid->levelFor(100)->factor, std::size_t(64));
        // A level-8 bin is the mean of its eight pings resampled onto the same bins.
        RenderOptions one;
        one.columnsPerSide = 128;
        one.gain = Gain::None;
        double sum = 0;
        for (std::size_t p = 16; p < 24; ++p) {
            const auto samples = file->samples(p, 1);
            const int k = int((60 + 0.5) * samples.size() / 128.0 - 0.5);
            sum += samples[std::size_t(k)] + (samples[std::size_t(k + 1)] - samples[std::size_t(k)]) *
                                                 float((60 + 0.5) * samples.size() / 128.0 - 0.5 - k);
        }
        QVERIFY(std::abs(eight.data[(2 * 2 + 1) * 128 + 60] - sum / 8) < 1e-2 * std::max(1.0, sum / 8));
        QVERIFY(std::abs(eight.altitude[2] - file->pingInfo(20).altitude) < 0.3);
        // Rendered through the levels, a view of the whole line has its full height.
        RenderOptions whole;
        whole.columnsPerSide = 100;
        whole.pingStep = 10;
        whole.pyramid = pyramid.get();
        whole.groundRange = true;
        const auto image = renderWaterfall(*file, whole);
        QCOMPARE(image.height, 100);
        QCOMPARE(image.width, 200);
    }

    void groundRangeRemovesTheWaterColumn()
    {
        QTemporaryDir dir;
        const auto files = writeDemoSurvey(dir.path().toStdString(), small(6));
        const auto file = open(files[0]);
        RenderOptions options;
        options.palette = Palette::Grey;
        options.gain = Gain::None;
        options.lastPing = 50;
        options.columnsPerSide = 256;
        const auto slant = renderWaterfall(*file, options);
        options.groundRange = true;
        const auto ground = renderWaterfall(*file, options);
        QCOMPARE(slant.width, 512);
        QCOMPARE(slant.height, 50);
        // Just starboard of nadir: dark water in slant range, seabed in ground range.
        auto brightness = [](const Image& image, int x0, int x1) {
            double sum = 0;
            for (int y = 0; y < image.height; ++y)
                for (int x = x0; x < x1; ++x)
                    sum += image.rgb[std::size_t((y * image.width + x) * 3)];
            return sum / (image.height * (x1 - x0));
        };
        QVERIFY(brightness(slant, 260, 280) < 20);
        // Harder contrast clips more of the brightest echoes: the seabed comes up brighter.
        options.contrast = 0.0;
        const auto soft = renderWaterfall(*file, options);
        options.contrast = 1.0;
        const auto hard = renderWaterfall(*file, options);
        QVERIFY(brightness(hard, 300, 500) > brightness(soft, 300, 500) + 10);
        options.contrast = 0.5;
        QVERIFY(brightness(ground, 262, 282) > 2 * brightness(slant, 260, 280) + 20);
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
