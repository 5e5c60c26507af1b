#include "common/error.h"
#include "report/exports.h"
#include "report/figures.h"
#include "report/mosaic.h"
#include "report/report.h"
#include "reportfixture.h"
#include "sonar/sonarfile.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <opencv2/imgcodecs.hpp>

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace fathom;

namespace {

QString readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString coordinate(double v)
{
    return QString::number(v, 'f', 6);
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    project::Project m_project;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = test::makeReportProject(m_dir.path().toStdString());
        QVERIFY2(m_project.contacts.size() >= 3, "the simulated line should hold several detected contacts");
    }

    void htmlIsSelfContainedAndHoldsEveryShownContact()
    {
        report::ReportOptions options;
        options.title = "Line 7";
        options.classification = "RESTRICTED";
        const auto content = report::buildReport(m_project, options);
        const auto path = m_dir.filePath(QStringLiteral("r.html"));
        report::writeHtml(content, path.toStdString());
        const auto html = readText(path);
        // Nothing outside the file: every picture is a data URI, no stylesheet or script from elsewhere.
        const auto images = html.count(QStringLiteral("<img "));
        QCOMPARE(images, int(report::figures(content).size()));
        QCOMPARE(html.count(QStringLiteral("<img src=\"data:image/")), images);
        QVERIFY(!html.contains(QRegularExpression(QStringLiteral("(src|href)=\"(https?:|//|file:)"))));
        QVERIFY(!html.contains(QStringLiteral("<link")));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        // A map, a crop for every contact shown (rejected ones left out) and the alert's plot.
        std::size_t shown = 0;
        for (const auto& c : m_project.contacts) {
            if (c.status == "rejected") {
                QVERIFY(!html.contains(coordinate(c.y) + QStringLiteral(", ") + coordinate(c.x)));
                continue;
            }
            ++shown;
            QVERIFY2(html.contains(coordinate(c.y) + QStringLiteral(", ") + coordinate(c.x)),
                     "every shown contact's position is in the report");
        }
        QCOMPARE(std::size_t(images), 1 + shown + 1 + 1); // and the alerts' timeline
        QVERIFY(html.contains(QStringLiteral("bright cylinder, clear shadow")));
        QCOMPARE(html.count(QStringLiteral("RESTRICTED")), 2); // top and bottom marking
        // The alert's model is not in the project: its plot says there is no forecast, and why.
        QVERIFY(html.contains(QStringLiteral("no forecast: the project has no model for it")));
    }

    void alertRulesTheAnalystSetAreStated()
    {
        auto project = m_project;
        report::ReportOptions options;
        options.sections = {report::SectionKind::Alerts};
        const auto html = [&](const std::string& file) {
            report::writeHtml(report::buildReport(project, options),
                              m_dir.filePath(QString::fromStdString(file)).toStdString());
            return readText(m_dir.filePath(QString::fromStdString(file)));
        };
        QVERIFY(!html("own.html").contains(QStringLiteral("alert rules"))); // the model's own: nothing to say
        project.alertRules = AlertRules{1.5f, 0.5f, 4, 10};
        const auto tuned = html("tuned.html");
        QVERIFY2(tuned.contains(QStringLiteral("analyst's alert rules: above a score of 1.50")) &&
                     tuned.contains(QStringLiteral("closing below 0.50")) &&
                     tuned.contains(QStringLiteral("at least 4 rows long, merged across gaps of up to 10 rows")),
                 qPrintable(tuned));
    }

    void koreanReportHasKoreanTitlesAndKeepsTheChosenOrder()
    {
        report::ReportOptions options;
        options.language = report::Language::Korean;
        options.sections = report::parseSections("contacts, summary");
        const auto content = report::buildReport(m_project, options);
        QCOMPARE(content.sections.size(), std::size_t(2));
        QCOMPARE(content.sections[0].title, std::string("접촉물"));
        QCOMPARE(content.sections[1].title, std::string("조사 요약"));
        const auto html = QString::fromStdString(report::htmlText(content));
        QVERIFY(html.contains(QStringLiteral("lang=\"ko\"")));
        QVERIFY(html.indexOf(QStringLiteral("1. 접촉물")) < html.indexOf(QStringLiteral("2. 조사 요약")));
        QVERIFY(html.contains(QStringLiteral("확인됨"))); // the confirmed contact's review, in Korean
        QVERIFY(html.contains(QStringLiteral("원통형")));
        // The side of every contact's ground range in Korean too (it read "(port)" in a Korean report).
        QVERIFY(html.contains(QStringLiteral(" m (좌현)")) || html.contains(QStringLiteral(" m (우현)")));
        QVERIFY(!html.contains(QStringLiteral("(port)")) && !html.contains(QStringLiteral("(starboard)")));
        QVERIFY_THROWS_EXCEPTION(Error, report::parseSections("summary,appendix"));
        QVERIFY_THROWS_EXCEPTION(Error, report::parseLanguage("fr"));
    }

    // Contacts and alerts open with a list of every one shown, numbered as the pages after it (and
    // the map), each number linking to its page in the HTML; rejected ones left out as there.
    void listsNumberEveryShownContactAndAlertAsTheirPages()
    {
        report::ReportOptions options;
        options.sections = {report::SectionKind::Contacts, report::SectionKind::Alerts};
        const auto content = report::buildReport(m_project, options);
        const auto html = QString::fromStdString(report::htmlText(content));
        for (const auto& section : content.sections) {
            const auto& blocks = section.blocks;
            const auto list = std::find_if(blocks.begin(), blocks.end(),
                                           [](const auto& b) { return b.kind == report::Block::Kind::Table; });
            QVERIFY(list != blocks.end());
            std::vector<const report::Block*> headings;
            for (auto b = list; b != blocks.end(); ++b)
                if (b->kind == report::Block::Kind::Subheading)
                    headings.push_back(&*b);
            QVERIFY(std::all_of(blocks.begin(), list,
                                [](const auto& b) { return b.kind != report::Block::Kind::Subheading; }));
            QCOMPARE(list->rows.size(), headings.size());
            QCOMPARE(list->rowLinks.size(), headings.size());
            for (std::size_t i = 0; i < headings.size(); ++i) {
                const auto& row = list->rows[i];
                QCOMPARE(row.size(), list->header.size());
                QCOMPARE(row[0], std::to_string(i + 1));
                QCOMPARE(headings[i]->anchor, list->rowLinks[i]);
                // "Contact 3 — cone": the list's class is the page's.
                if (section.kind == report::SectionKind::Contacts)
                    QVERIFY2(headings[i]->text.ends_with(" — " + row[1]), row[1].c_str());
                const auto anchor = QString::fromStdString(list->rowLinks[i]);
                QVERIFY(html.contains(QStringLiteral("<a href=\"#%1\">%2</a>").arg(anchor).arg(i + 1)));
                QVERIFY(html.contains(QStringLiteral("<h3 id=\"%1\">").arg(anchor)));
            }
        }
        std::size_t shown = 0;
        for (const auto& c : m_project.contacts)
            shown += c.status != "rejected";
        QCOMPARE(content.sections[0].blocks[1].rows.size(), shown);
        // The alert's row: its peak's clock (the day in the heading), how long it lasted, its score.
        const auto& alerts = content.sections[1].blocks[1];
        QCOMPARE(alerts.header[1], std::string("Peak (UTC, 2025-11-23)"));
        QCOMPARE(alerts.rows.size(), std::size_t(1));
        QCOMPARE(alerts.rows[0][1], std::string("06:40:10.5"));
        QCOMPARE(alerts.rows[0][2], std::string("1.0 s"));
        QCOMPARE(alerts.rows[0][3], std::string("4.20"));
        // Positions on one line (non-breaking spaces) in degrees and minutes; the decimal degrees
        // stay on the contact's own page.
        const auto& firstRow = content.sections[0].blocks[1].rows[0];
        QVERIFY(firstRow[2].find(' ') == std::string::npos && firstRow[2].find("\xc2\xa0") != std::string::npos);
        QVERIFY(firstRow[2].find('(') == std::string::npos);

        options.language = report::Language::Korean;
        const auto korean = report::buildReport(m_project, options);
        const auto& koList = korean.sections[0].blocks[1];
        QCOMPARE(koList.header[0], std::string("번호"));
        for (const auto& row : koList.rows)
            QVERIFY(row[4].ends_with("좌현") || row[4].ends_with("우현"));
    }

    // A contact with no shadow behind it has no height: the report says so, never "0.00 m".
    void aContactWithoutAShadowHasNoHeight()
    {
        auto project = m_project;
        project.contacts.resize(1);
        project.contacts[0].height = 0;
        report::ReportOptions options;
        options.sections = {report::SectionKind::Contacts};
        auto html = QString::fromStdString(report::htmlText(report::buildReport(project, options)));
        QVERIFY(html.contains(QStringLiteral("— (no shadow found behind it)")));
        project.contacts[0].height = 0.57;
        html = QString::fromStdString(report::htmlText(report::buildReport(project, options)));
        QVERIFY(!html.contains(QStringLiteral("no shadow found")) && html.contains(QStringLiteral("0.57 m")));
    }

    // A contact the analyst marked has no detector's score: its sheet and its list row say who
    // marked it instead of a score of 1.
    void aContactMarkedByTheAnalystSaysSo()
    {
        auto project = m_project;
        project.contacts.resize(1);
        report::ReportOptions options;
        options.sections = {report::SectionKind::Contacts};
        auto html = QString::fromStdString(report::htmlText(report::buildReport(project, options)));
        QVERIFY(!html.contains(QStringLiteral("marked by the analyst"))); // neither on its sheet nor in the count
        project.contacts[0].detector = "analyst";
        project.contacts[0].detectorScores.clear();
        project.contacts[0].score = 1.0;
        const auto built = report::buildReport(project, options);
        html = QString::fromStdString(report::htmlText(built));
        QVERIFY(html.contains(QStringLiteral("none: marked by the analyst")));
        QVERIFY(!html.contains(QStringLiteral("the CNN")));
        QVERIFY(html.contains(QStringLiteral("1 of them marked by the analyst")));
        project.contacts[0].cnnClass = "cone"; // what the CNN made of the box when it was marked
        project.contacts[0].cnnClassProbability = 0.85;
        project.contacts[0].cnnObjectness = 0.92;
        QVERIFY(
            QString::fromStdString(report::htmlText(report::buildReport(project, options)))
                .contains(QStringLiteral("marked by the analyst; the CNN took it for a cone (85 %; an object, 92 %)")));
        QCOMPARE(built.sections[0].blocks[1].rows[0][6], std::string("analyst"));
        options.language = report::Language::Korean;
        html = QString::fromStdString(report::htmlText(report::buildReport(project, options)));
        QVERIFY(html.contains(QStringLiteral("없음: 분석가가 표시; CNN 판단: 원뿔형 (85 %, 물체일 확률 92 %)")));
        // One floating in the water column (a moored object): its slant range, not a ground range,
        // and no height for want of a shadow behind it.
        options.language = report::Language::English;
        project.contacts[0].groundRange = 0;
        project.contacts[0].nearSlant = 5.0;
        project.contacts[0].farSlant = 6.0;
        project.contacts[0].height = 0;
        html = QString::fromStdString(report::htmlText(report::buildReport(project, options)));
        QVERIFY2(html.contains(QStringLiteral("none: in the water column, 5.50 m slant range")), qPrintable(html));
        // Its close-up is in slant range, and its caption says so.
        QVERIFY(
            html.contains(QStringLiteral("the waterfall around it in slant range (it floats in the water column)")));
        QVERIFY(!html.contains(QStringLiteral("ground-range corrected")));
        QVERIFY(html.contains(QStringLiteral("in the water column: no shadow behind it")));
        // Placed from where its shadow falls on the seabed: how far out and how high.
        project.contacts[0].waterColumn = true;
        project.contacts[0].groundRange = 3.2;
        project.contacts[0].aboveSeabed = 3.6;
        html = QString::fromStdString(report::htmlText(report::buildReport(project, options)));
        QVERIFY2(html.contains(QStringLiteral("3.60 m above the seabed: in the water column, 5.50 m slant range")),
                 qPrintable(html));
    }

    // A box the classical detector proposed alone was shown to the CNN: its sheet says what the
    // CNN made of it beside the detector's score.
    void aClassicalContactSaysWhatTheCnnMadeOfIt()
    {
        auto project = m_project;
        project.contacts.resize(1);
        auto& c = project.contacts[0];
        c.detector = "classical";
        c.score = 0.31;
        c.detectorScores = {{"classical", 0.31}};
        report::ReportOptions options;
        options.sections = {report::SectionKind::Contacts};
        auto html = QString::fromStdString(report::htmlText(report::buildReport(project, options)));
        QVERIFY(html.contains(QStringLiteral("classical 0.31")) && !html.contains(QStringLiteral("the CNN")));
        // The settings that proposed the contacts are stated.
        project.detection.minCnnScore = 0.6;
        project.detection.classical.waterColumn.enabled = false;
        html = QString::fromStdString(report::htmlText(report::buildReport(project, options)));
        QVERIFY2(
            html.contains(QStringLiteral("Detection settings: the classical detector&#39;s highlight above 2.00 ×")) ||
                html.contains(QStringLiteral("Detection settings: the classical detector's highlight above 2.00 ×")),
            qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("the water column not searched; CNN boxes scored 0.60 or more")));
        c.cnnClass = "rock";
        c.cnnClassProbability = 0.4;
        c.cnnObjectness = 0.02;
        html = QString::fromStdString(report::htmlText(report::buildReport(project, options)));
        QVERIFY2(html.contains(QStringLiteral("classical 0.31; the CNN sees no object in its box (2 %)")),
                 qPrintable(html));
        options.language = report::Language::Korean;
        html = QString::fromStdString(report::htmlText(report::buildReport(project, options)));
        QVERIFY(html.contains(QStringLiteral("고전 0.31; CNN은 상자 안에서 물체를 보지 못함 (2 %)")));
    }

    void rejectedContactsAppearWhenAsked()
    {
        report::ReportOptions options;
        options.sections = {report::SectionKind::Contacts};
        options.includeRejected = true;
        const auto html = QString::fromStdString(report::htmlText(report::buildReport(m_project, options)));
        for (const auto& c : m_project.contacts)
            QVERIFY(html.contains(coordinate(c.y) + QStringLiteral(", ") + coordinate(c.x)));
    }

    void movedInputsLeaveAVisibleNoteInsteadOfFailing()
    {
        auto moved = m_project;
        moved.survey = m_dir.filePath(QStringLiteral("gone/survey.xtf")).toStdString();
        moved.series = m_dir.filePath(QStringLiteral("gone/sensors.csv")).toStdString();
        const auto content = report::buildReport(moved, {});
        const auto html = QString::fromStdString(report::htmlText(content));
        QVERIFY(html.contains(QStringLiteral("gone/survey.xtf")));
        QVERIFY(html.contains(QStringLiteral("gone/sensors.csv")));
        QVERIFY(html.contains(QStringLiteral("class=\"missing\"")));
        QVERIFY(!content.missing.empty());
        // The contacts are still listed with their positions, without pictures.
        const auto& c = *std::find_if(moved.contacts.begin(), moved.contacts.end(),
                                      [](const auto& k) { return k.status != "rejected"; });
        QVERIFY(html.contains(coordinate(c.y)));
    }

    void emptyProjectStillBuilds()
    {
        const auto content = report::buildReport(project::Project{}, {});
        QCOMPARE(content.sections.size(), report::allSections().size());
        const auto html = QString::fromStdString(report::htmlText(content));
        QVERIFY(html.contains(QStringLiteral("The project holds no contacts.")));
        QVERIFY(html.contains(QStringLiteral("The project holds no alerts.")));
        QVERIFY(html.contains(QStringLiteral("The project has no trained models.")));
    }

    void magnetometerAnomalyIsFoundBesideTheContact()
    {
        // A 40 nT dipole 2 s after the contact on a quiet 50,000 nT field.
        const auto field = [](double t) { return 50000.0 + 40.0 * std::exp(-std::pow(t - 1002.0, 2) / 0.5); };
        const auto anomaly = report::anomalyNear(field, 1000.0);
        QVERIFY(anomaly);
        QVERIFY(std::abs(anomaly->nanotesla - 40.0) < 1.0);
        QVERIFY(std::abs(anomaly->offsetSeconds - 2.0) < 0.11);
        QVERIFY(!report::anomalyNear([](double) { return std::nan(""); }, 0));
    }

    void mosaicOpensInGdalWithItsUtmGeoreferencing()
    {
        const auto path = m_dir.filePath(QStringLiteral("m.tif")).toStdString();
        const auto file = sonar::open(m_project.survey);
        const auto info = report::writeMosaic(*file, m_project.contacts, path);
        QCOMPARE(info.epsg, 32652); // 129.1° E, 35° N: UTM zone 52 north
        GDALAllRegister();
        std::unique_ptr<GDALDataset> dataset(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
        QVERIFY(dataset);
        QCOMPARE(dataset->GetRasterCount(), 3);
        QCOMPARE(dataset->GetRasterXSize(), info.width);
        double transform[6];
        QCOMPARE(dataset->GetGeoTransform(transform), CE_None);
        QCOMPARE(transform[1], info.resolution);
        QCOMPARE(transform[5], -info.resolution);
        const auto* srs = dataset->GetSpatialRef();
        QVERIFY(srs);
        QCOMPARE(QString::fromLatin1(srs->GetAuthorityCode(nullptr)), QStringLiteral("32652"));
        // Every simulated object on the line lies inside the mosaic, on data, and the bright highlight
        // is within a few metres of where the simulator put it.
        OGRSpatialReference wgs84;
        wgs84.SetWellKnownGeogCS("WGS84");
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRSpatialReference utm(*srs);
        utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRCoordinateTransformation> toUtm(OGRCreateCoordinateTransformation(&wgs84, &utm));
        QVERIFY(toUtm);
        auto* band = dataset->GetRasterBand(1);
        std::vector<std::uint8_t> grey(std::size_t(info.width) * std::size_t(info.height));
        QCOMPARE(band->RasterIO(GF_Read, 0, 0, info.width, info.height, grey.data(), info.width, info.height, GDT_Byte,
                                0, 0),
                 CE_None);
        std::vector<std::uint8_t> sorted(grey);
        std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(sorted.size() / 2), sorted.end());
        const int median = sorted[sorted.size() / 2];
        int checked = 0, bright = 0;
        const auto pingsSpan = double(file->pingCount()) * 0.2; // metres of line
        for (const auto& object : test::readTruth(m_dir.filePath(QStringLiteral("truth.csv")).toStdString())) {
            double x = object.longitude, y = object.latitude;
            QVERIFY(toUtm->Transform(1, &x, &y));
            const int col = int((x - transform[0]) / transform[1]), row = int((y - transform[3]) / transform[5]);
            if (col < 8 || row < 8 || col >= info.width - 8 || row >= info.height - 8)
                continue; // beyond this short line
            ++checked;
            int peak = 0;
            const int reach = int(std::ceil(3.0 / info.resolution));
            for (int dy = -reach; dy <= reach; ++dy)
                for (int dx = -reach; dx <= reach; ++dx) {
                    const int r = std::clamp(row + dy, 0, info.height - 1), c = std::clamp(col + dx, 0, info.width - 1);
                    peak = std::max<int>(peak, grey[std::size_t(r) * std::size_t(info.width) + std::size_t(c)]);
                }
            bright += peak > median + 60 ? 1 : 0;
        }
        QVERIFY2(pingsSpan > 0 && checked >= 3, qPrintable(QStringLiteral("%1 objects on the line").arg(checked)));
        QVERIFY2(bright * 10 >= checked * 8,
                 qPrintable(QStringLiteral("%1 of %2 objects bright").arg(bright).arg(checked)));
    }

    void writersNameTheFileTheyCannotWrite()
    {
        const auto content = report::buildReport(project::Project{}, {});
        const std::string bad = m_dir.filePath(QStringLiteral("no/such/folder/r.html")).toStdString();
        try {
            report::writeHtml(content, bad);
            QFAIL("writing into a folder that does not exist should fail");
        } catch (const Error& e) {
            QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("no/such/folder")));
        }
        const auto file = sonar::open(m_project.survey);
        const std::string badTif = m_dir.filePath(QStringLiteral("no/such/folder/m.tif")).toStdString();
        QVERIFY_THROWS_EXCEPTION(Error, report::writeMosaic(*file, {}, badTif));
        // A good report is not replaced by a failed one.
        const auto good = m_dir.filePath(QStringLiteral("good.html"));
        report::writeHtml(content, good.toStdString());
        const auto before = readText(good);
        QVERIFY(!before.isEmpty());
        QVERIFY_THROWS_EXCEPTION(Error, report::writeWaterfallPng(*file, {}, good.toStdString() + "/x.png"));
        QCOMPARE(readText(good), before);
    }

    void alertsArePlacedWhereTheTowfishWasAtTheirPeak()
    {
        const auto file = sonar::open(m_project.survey);
        auto alerts = m_project.alerts;
        project::AlertRecord outside = alerts.front();
        outside.peak = 100; // a series without time: rows, not moments of the survey
        alerts.push_back(outside);
        const auto places = report::alertPlaces(*file, alerts);
        QCOMPARE(places.size(), std::size_t(2));
        QVERIFY(places[0]);
        QVERIFY(!places[1]);
        const auto ping = file->pingInfo(sonar::pingNearest(*file, alerts[0].peak));
        QCOMPARE(places[0]->x, ping.x);
        QCOMPARE(places[0]->y, ping.y);
        const auto kml = m_dir.filePath(QStringLiteral("alerts.kml"));
        report::writeAlerts(alerts, kml.toStdString(), places);
        const auto text = readText(kml);
        QCOMPARE(text.count(QStringLiteral("<Placemark>")), 1);
        QVERIFY(text.contains(QString::number(ping.x, 'f', 8) + QLatin1Char(',') + QString::number(ping.y, 'f', 8)));
        QVERIFY(text.contains(QStringLiteral("<TimeSpan>")));
    }

    void waterfallPngHasTheContactsBoxed()
    {
        const auto file = sonar::open(m_project.survey);
        const auto plain = m_dir.filePath(QStringLiteral("plain.png")),
                   boxed = m_dir.filePath(QStringLiteral("boxed.png"));
        report::writeWaterfallPng(*file, {}, plain.toStdString());
        report::writeWaterfallPng(*file, m_project.contacts, boxed.toStdString());
        const cv::Mat a = cv::imread(plain.toStdString()), b = cv::imread(boxed.toStdString());
        QCOMPARE(a.size(), b.size());
        QCOMPARE(a.cols, 2 * std::min(1024, file->pingInfo(0).samples));
        // The confirmed contact's box is drawn in green where its box lies.
        const auto& c = *std::find_if(m_project.contacts.begin(), m_project.contacts.end(),
                                      [](const auto& k) { return k.status == "confirmed"; });
        const int row = int(c.firstPing) - 3;
        int green = 0;
        for (int x = 0; x < b.cols; ++x) {
            const auto p = b.at<cv::Vec3b>(std::max(0, row), x); // BGR
            green += p[1] > 150 && p[2] < 120 && p[0] < 120 ? 1 : 0;
        }
        QVERIFY2(green >= 5, qPrintable(QStringLiteral("%1 green pixels on the box's top edge").arg(green)));
    }

    void alertPlotWritesItsBoundsReadably()
    {
        // A sound-velocity lane of 1,510–1,520 m/s read "1.52e+03" over "1.51e+03".
        std::vector<double> seconds, altitude, velocity;
        for (int i = 0; i < 50; ++i) {
            seconds.push_back(i * 0.2);
            altitude.push_back(10 + 3 * std::sin(i * 0.1));
            velocity.push_back(1510 + 10.0 * i / 49);
        }
        std::vector<std::string> bounds;
        report::alertPlot(seconds, {"altitude_m", altitude}, {"spike", altitude}, {}, {},
                          {{"sound_velocity_mps", velocity}}, 4, 5, &bounds);
        QCOMPARE(bounds.size(), std::size_t(4)); // the target's panel and one lane, top and bottom
        for (const auto& b : bounds)
            QVERIFY2(b.find('e') == std::string::npos, b.c_str());
        QVERIFY2(std::abs(std::stod(bounds[2]) - 1520) <= 1 && std::abs(std::stod(bounds[3]) - 1510) <= 1,
                 (bounds[2] + " / " + bounds[3]).c_str());
        QVERIFY(bounds[0] != bounds[1] && bounds[2] != bounds[3]);
    }

    // The alerts' timeline: the whole record, each alert marked at its peak in its review's colour
    // (orange new, green confirmed) and shaded on the lanes of the channels it names.
    void alertTimelineMarksEachAlertWhereItPeaked()
    {
        std::vector<double> seconds, quiet, spiky;
        for (int i = 0; i < 100000; ++i) { // a long record: drawn per pixel column
            seconds.push_back(i * 0.01);
            quiet.push_back(std::sin(i * 0.001));
            spiky.push_back(i == 25000 || i == 75000 ? 10.0 : 0.0);
        }
        std::vector<report::TimelineMark> marks{{249.9, 250.1, 250.0, "1", 0, {1}}, {749.9, 750.1, 750.0, "2", 1, {1}}};
        std::vector<int> columns;
        const auto figure = report::alertTimeline(seconds, {{"quiet", quiet}, {"spiky", spiky}}, marks, &columns);
        const cv::Mat image = cv::imdecode(figure.data, cv::IMREAD_COLOR);
        QVERIFY(!image.empty());
        QCOMPARE(columns.size(), std::size_t(2));
        // A quarter and three quarters of the way along the time axis.
        const double span = columns[1] - columns[0];
        QVERIFY2(span > image.cols / 3, qPrintable(QString::number(span)));
        const int left = columns[0] - int(span / 2);
        QVERIFY2(std::abs(left - 90) <= 2, qPrintable(QString::number(left)));
        // Each peak's line in its review's colour through the lanes (BGR).
        const auto colourAt = [&](int x) {
            int orange = 0, green = 0;
            for (int y = 0; y < image.rows; ++y) {
                const auto p = image.at<cv::Vec3b>(y, x);
                orange += p[2] > 200 && p[1] > 100 && p[1] < 180 && p[0] < 80;
                green += p[1] > 130 && p[2] < 110 && p[0] < 110;
            }
            return std::pair{orange, green};
        };
        const auto [orange1, green1] = colourAt(columns[0]);
        const auto [orange2, green2] = colourAt(columns[1]);
        QVERIFY2(orange1 > 60 && green1 < orange1 / 4, qPrintable(QStringLiteral("%1 / %2").arg(orange1).arg(green1)));
        QVERIFY2(green2 > 60 && orange2 < green2 / 4, qPrintable(QStringLiteral("%1 / %2").arg(orange2).arg(green2)));
        // Away from the peaks, no such line.
        const auto [orange3, green3] = colourAt((columns[0] + columns[1]) / 2);
        QVERIFY(orange3 < 10 && green3 < 10);
    }

    // Fifteen alerts within ten seconds of a 200 s record: every number readable (none over
    // another), each near its peak.
    void crowdedTimelineNumbersDoNotOverlap()
    {
        std::vector<double> seconds, values;
        for (int i = 0; i < 2000; ++i) {
            seconds.push_back(i * 0.1);
            values.push_back(std::sin(i * 0.05));
        }
        std::vector<report::TimelineMark> marks;
        for (int i = 0; i < 15; ++i) {
            const double peak = 100 + i * 0.7;
            marks.push_back({peak - 0.2, peak + 0.2, peak, std::to_string(i + 1), i % 3, {0}});
        }
        std::vector<int> columns;
        std::vector<std::array<int, 4>> boxes;
        const auto figure = report::alertTimeline(seconds, {{"depth", values}}, marks, &columns, &boxes);
        const cv::Mat image = cv::imdecode(figure.data, cv::IMREAD_COLOR);
        QCOMPARE(boxes.size(), marks.size());
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const cv::Rect a(boxes[i][0], boxes[i][1], boxes[i][2], boxes[i][3]);
            QVERIFY(a.width > 0 && a.x >= 0 && a.x + a.width <= image.cols && a.y >= 0);
            QVERIFY2(std::abs(a.x + a.width / 2 - columns[i]) <= 120,
                     qPrintable(QStringLiteral("%1 at %2, its peak at %3").arg(i + 1).arg(a.x).arg(columns[i])));
            for (std::size_t j = 0; j < i; ++j) {
                const cv::Rect b(boxes[j][0], boxes[j][1], boxes[j][2], boxes[j][3]);
                QVERIFY2((a & b).area() == 0, qPrintable(QStringLiteral("%1 over %2").arg(i + 1).arg(j + 1)));
            }
        }
    }

    void lossChartSpreadsLossesThatFallByDecades()
    {
        // 1 → 0.1 → 0.01 is a straight line on the report's log scale (linear, 0.1 would sit at the
        // bottom beside 0.01), and round losses are marked along it.
        std::vector<double> ticks;
        const auto figure = report::lossCurve({1.0, 0.1, 0.01}, {}, 0, &ticks);
        const cv::Mat image = cv::imdecode(figure.data, cv::IMREAD_COLOR);
        QVERIFY(!image.empty());
        int xLo = image.cols, xHi = -1, yLo = image.rows, yHi = -1;
        std::vector<std::vector<int>> blueRows(std::size_t(image.cols));
        for (int y = 0; y < image.rows; ++y)
            for (int x = 0; x < image.cols; ++x) {
                const auto p = image.at<cv::Vec3b>(y, x); // BGR: the training curve's blue
                if (p[0] > 150 && p[2] < 90 && p[1] < 150) {
                    xLo = std::min(xLo, x), xHi = std::max(xHi, x), yLo = std::min(yLo, y), yHi = std::max(yHi, y);
                    blueRows[std::size_t(x)].push_back(y);
                }
            }
        QVERIFY(xHi > xLo + 100 && yHi > yLo + 100);
        const auto& middle = blueRows[std::size_t((xLo + xHi) / 2)];
        QVERIFY(!middle.empty());
        const double at = (middle.front() + middle.back()) / 2.0, expected = (yLo + yHi) / 2.0;
        QVERIFY2(std::abs(at - expected) < 0.06 * (yHi - yLo),
                 qPrintable(QStringLiteral("0.1 drawn at y %1, halfway is %2").arg(at).arg(expected)));
        QVERIFY2(ticks.size() >= 3, qPrintable(QStringLiteral("%1 values marked").arg(ticks.size())));
        for (const double t : ticks) {
            const double mantissa = t / std::pow(10.0, std::floor(std::log10(t) + 1e-9));
            QVERIFY2(std::abs(mantissa - std::round(mantissa)) < 1e-6 && t >= 0.008 && t <= 1.25,
                     qPrintable(QString::number(t)));
        }
        QVERIFY(std::any_of(ticks.begin(), ticks.end(), [](double t) { return std::abs(t - 0.1) < 1e-12; }));
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
