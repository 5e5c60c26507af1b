#include "common/error.h"
#include "sonar/simulator.h"
#include "sonar/sonarfile.h"
#include "sonar/waterfall.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace fathom;
using namespace fathom::sonar;

class TestImageFile : public QObject
{
    Q_OBJECT

private slots:
    void aWaterfallPictureOpensAsPings()
    {
        QTemporaryDir dir;
        SurveySimulator::Options options;
        options.pings = 80;
        options.samples = 200;
        const auto files = writeDemoSurvey(dir.path().toStdString(), options);
        RenderOptions render;
        render.palette = Palette::Grey;
        const auto image = renderWaterfall(*open(files[0]), render);
        const auto png = (std::filesystem::path(dir.path().toStdString()) / "waterfall.png").string();
        writePng(image, png);

        const auto file = open(png);
        QCOMPARE(file->summary().format, std::string("image"));
        QCOMPARE(file->pingCount(), std::size_t(80));
        QCOMPARE(file->channels().size(), std::size_t(2));
        QCOMPARE(file->pingInfo(0).samples, 200);
        QVERIFY(!file->pingInfo(0).geographic);
        const auto port = file->samples(10, 0), starboard = file->samples(10, 1);
        QCOMPARE(port.size(), std::size_t(200));
        // Nadir first on both sides: port sample 0 is the column just left of the middle.
        QCOMPARE(port[0], float(image.rgb[std::size_t((10 * image.width + 199) * 3)]));
        QCOMPARE(port[199], float(image.rgb[std::size_t((10 * image.width + 0) * 3)]));
        QCOMPARE(starboard[5], float(image.rgb[std::size_t((10 * image.width + 205) * 3)]));
    }

    void aDamagedPictureIsAClearError()
    {
        QTemporaryDir dir;
        const auto path = (std::filesystem::path(dir.path().toStdString()) / "broken.png").string();
        std::ofstream(path, std::ios::binary) << "\x89PNG\r\n\x1a\n not really";
        try {
            open(path);
            QFAIL("a damaged picture opened");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
            QVERIFY2(std::string(e.what()).find("cannot be decoded") != std::string::npos, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestImageFile)
#include "tst_imagefile.moc"
