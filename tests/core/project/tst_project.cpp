#include "common/error.h"
#include "project/contacts.h"
#include "project/project.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace fathom;

class TestProject : public QObject
{
    Q_OBJECT

private slots:
    void reviewsAndViewComeBack()
    {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        project::Project p;
        p.survey = root / "line1" / "survey.xtf";
        p.series = root / "line1" / "sensors.csv";
        p.modelsFolder = root / "models";
        p.activeModel = root / "models" / "spike";
        p.training.target = "altitude_m";
        p.training.models = {"rule", "spike"};
        p.training.epochs = 7;
        p.training.accumulate = 4;
        p.training.split = "2025-11-23 06:42, 2025-11-23 06:43";
        p.training.sizes.dropout = 0.3f; // PatchTST as its paper trains it on ETTh1
        p.training.sizes.width = 16;
        p.training.sizes.heads = 4;
        p.training.sizes.feedForward = 128;
        p.training.sizes.revinAffine = false;
        p.training.data = {root / "line1" / "sensors.csv", root / "line2" / "sensors.csv"}; // one data set
        project::AlertRecord a;
        a.start = 1763880024.0;
        a.end = 1763880024.5;
        a.peak = 1763880024.2;
        a.startRow = 240;
        a.endRow = 245;
        a.peakRow = 242;
        a.score = 12.5;
        a.channels = "altitude_m";
        a.model = "spike";
        a.status = "confirmed";
        a.note = "바닥 추적 오류 (bottom-track glitch)";
        p.alerts = {a};
        project::ContactRecord c;
        c.ping = 281;
        c.side = 1;
        c.sample = 138;
        c.x = -5.1234567;
        c.y = 56.7654321;
        c.cls = "wreck";
        c.proposedClass = "rock"; // the detectors said rock; the analyst knows better
        c.score = 0.91;
        c.status = "rejected";
        c.note = "known wreck";
        c.detectorScores = {{"classical", 0.41}, {"cnn", 0.93}};
        auto marked = c; // one the analyst marked, with what the CNN made of it
        marked.detector = "analyst";
        marked.detectorScores.clear();
        marked.cnnClass = "cone";
        marked.cnnClassProbability = 0.85;
        marked.cnnObjectness = 0.92;
        marked.waterColumn = true; // moored: 3.2 m out, 3.6 m above the seabed
        marked.groundRange = 3.2;
        marked.aboveSeabed = 3.6;
        p.contacts = {c, marked};
        p.visibleChannels = {"altitude_m", "roll_deg"};
        p.viewStart = 10;
        p.viewEnd = 20;
        p.ping = 281;
        project::save(p, root / "survey.fathom");

        const auto q = project::load(root / "survey.fathom");
        QCOMPARE(q.survey, p.survey);
        QCOMPARE(q.activeModel, p.activeModel);
        QCOMPARE(q.training.models, p.training.models);
        QCOMPARE(q.training.epochs, 7);
        QCOMPARE(q.training.accumulate, 4);
        QCOMPARE(q.training.split, p.training.split);
        QVERIFY(q.training.sizes == p.training.sizes);
        QVERIFY(!(q.training.sizes == ModelSizes{}));
        QCOMPARE(q.training.data, p.training.data);
        {
            // Stored beside the project as the series is, so the folder can move as a whole.
            std::ifstream stored(root / "survey.fathom");
            const std::string text{std::istreambuf_iterator<char>(stored), {}};
            QVERIFY(text.find("\"line2/sensors.csv\"") != std::string::npos);
            QVERIFY(text.find(root.string()) == std::string::npos);
        }
        QCOMPARE(q.alerts.size(), std::size_t(1));
        QCOMPARE(q.alerts[0].status, std::string("confirmed"));
        QCOMPARE(q.alerts[0].note, a.note);
        QCOMPARE(q.alerts[0].peakRow, 242LL);
        QCOMPARE(q.alerts[0].start, a.start);
        QCOMPARE(q.visibleChannels, p.visibleChannels);
        QCOMPARE(q.contacts.size(), std::size_t(2));
        QCOMPARE(q.contacts[0].cls, std::string("wreck"));
        QCOMPARE(q.contacts[0].status, std::string("rejected"));
        QCOMPARE(q.contacts[0].x, c.x);
        QCOMPARE(q.contacts[0].sample, 138);
        QCOMPARE(q.contacts[0].proposedClass, std::string("rock"));
        QCOMPARE(q.contacts[0].detectorScores, c.detectorScores); // each detector's score, for the report
        QVERIFY(q.contacts[0].cnnClass.empty());
        QCOMPARE(q.contacts[1].cnnClass, std::string("cone"));
        QCOMPARE(q.contacts[1].cnnClassProbability, 0.85);
        QCOMPARE(q.contacts[1].cnnObjectness, 0.92);
        QVERIFY(!q.contacts[0].inWaterColumn());
        QVERIFY(q.contacts[1].inWaterColumn());
        QCOMPARE(q.contacts[1].aboveSeabed, 3.6);
        QCOMPARE(q.contacts[1].groundRange, 3.2);
        QCOMPARE(q.ping, 281LL);
    }

    // The detectors' settings for the survey come back with it; a project from before them has the
    // defaults; nonsense in them is an error naming the file.
    void detectionSettingsComeBack()
    {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        project::Project p;
        QVERIFY(project::checkDetection(p.detection).empty());
        p.detection.classical.highlight = 2.6;
        p.detection.classical.minScore = 0.4;
        p.detection.classical.coarseScale = 0;
        p.detection.classical.waterColumn.enabled = false;
        p.detection.classical.waterColumn.highlight = 12;
        p.detection.minCnnScore = 0.5;
        project::save(p, root / "tuned.fathom");
        const auto q = project::load(root / "tuned.fathom");
        QCOMPARE(q.detection.classical.highlight, 2.6);
        QCOMPARE(q.detection.classical.minScore, 0.4);
        QCOMPARE(q.detection.classical.shadowLevel, 0.75);
        QCOMPARE(q.detection.classical.coarseScale, 0);
        QVERIFY(!q.detection.classical.waterColumn.enabled);
        QCOMPARE(q.detection.classical.waterColumn.highlight, 12.0);
        QCOMPARE(q.detection.minCnnScore, 0.5);
        std::ofstream(root / "old.fathom") << R"({"format": "fathom-project", "version": 1})";
        const auto old = project::load(root / "old.fathom");
        QCOMPARE(old.detection.classical.highlight, sonar::ClassicalOptions{}.highlight);
        QVERIFY(old.detection.classical.waterColumn.enabled);
        std::ofstream(root / "bad.fathom") << R"({"format": "fathom-project", "detection": {"highlight": 0.5}})";
        try {
            project::load(root / "bad.fathom");
            QFAIL("loaded a highlight below the local mean");
        } catch (const Error& e) {
            const std::string text = e.what();
            QVERIFY2(text.find("bad.fathom") != std::string::npos && text.find("highlight") != std::string::npos,
                     e.what());
        }
    }

    void alertSettingsComeBackOnlyWhereChanged()
    {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        project::Project p;
        project::save(p, root / "model.fathom");
        QVERIFY(!project::load(root / "model.fathom").alertRules); // the model's own rules
        p.alertRules = AlertRules{1.5f, 0.5f, 4, 10};
        project::save(p, root / "tuned.fathom");
        const auto q = project::load(root / "tuned.fathom");
        QVERIFY(q.alertRules && *q.alertRules == *p.alertRules);
        std::ofstream(root / "bad.fathom") << R"({"format": "fathom-project", "alert_rules": {"threshold": 0}})";
        try {
            project::load(root / "bad.fathom");
            QFAIL("loaded a threshold of 0");
        } catch (const Error& e) {
            const std::string text = e.what();
            QVERIFY2(text.find("bad.fathom") != std::string::npos && text.find("alert threshold") != std::string::npos,
                     e.what());
        }
    }

    // Detecting again replaces the proposals nobody touched — a class the detectors gave is no
    // review — and keeps what the analyst reviewed, classed otherwise or noted.
    void detectingAgainKeepsOnlyWhatTheAnalystTouched()
    {
        const auto detection = [](std::size_t ping, const char* cls) {
            sonar::Detection d;
            d.ping = ping;
            d.sample = 300;
            d.cls = cls;
            d.detector = "cnn";
            return project::contactFromDetection(d);
        };
        std::vector<project::ContactRecord> before{detection(100, "cone"), detection(200, "rock"), detection(300, ""),
                                                   detection(400, "sphere")};
        before[1].cls = "wreck";        // classed by the analyst
        before[2].note = "looks odd";   // noted
        before[3].status = "confirmed"; // reviewed
        const auto after = project::mergeContacts(before, {detection(500, "cone")});
        std::vector<long long> pings;
        for (const auto& c : after)
            pings.push_back(c.ping);
        QCOMPARE(pings, (std::vector<long long>{200, 300, 400, 500}));
        QCOMPARE(after[0].cls, std::string("wreck"));
        // A project from before the proposed class was kept: its classes count as the analyst's.
        auto old = detection(100, "cone");
        old.proposedClass.clear();
        QCOMPARE(project::mergeContacts({old}, {}).size(), std::size_t(1));
    }

    void aProjectFolderMovesAsAWhole()
    {
        QTemporaryDir first, second;
        const std::filesystem::path a = first.path().toStdString(), b = second.path().toStdString();
        project::Project p;
        p.series = a / "sensors.csv";
        p.survey = "/elsewhere/survey.xtf"; // outside the folder: kept absolute
        project::save(p, a / "p.fathom");
        std::filesystem::copy_file(a / "p.fathom", b / "p.fathom");
        const auto q = project::load(b / "p.fathom");
        QCOMPARE(q.series, b / "sensors.csv");
        QCOMPARE(q.survey, std::filesystem::path("/elsewhere/survey.xtf"));
    }

    void badFilesAreNamed()
    {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        const auto expectError = [](const std::filesystem::path& file, const std::string& words) {
            try {
                project::load(file);
                QFAIL("loaded");
            } catch (const Error& e) {
                const std::string text = e.what();
                QVERIFY2(text.find(file.string()) != std::string::npos, e.what());
                QVERIFY2(text.find(words) != std::string::npos, e.what());
            }
        };
        expectError(root / "missing.fathom", "cannot open");
        std::ofstream(root / "cut.fathom") << "{\"format\": \"fathom-project\", \"alerts\": [";
        expectError(root / "cut.fathom", "invalid JSON");
        std::ofstream(root / "other.fathom") << "{\"name\": 1}";
        expectError(root / "other.fathom", "not a Fathom project");
        std::ofstream(root / "status.fathom")
            << R"({"format": "fathom-project", "alerts": [{"start": 0, "end": 1, "peak": 0, "status": "maybe"}]})";
        expectError(root / "status.fathom", "maybe");
        std::ofstream(root / "sizes.fathom")
            << R"({"format": "fathom-project", "training": {"patchtst": {"width": "wide"}}})";
        expectError(root / "sizes.fathom", "malformed");
        std::ofstream(root / "newer.fathom") << R"({"format": "fathom-project", "version": 99})";
        expectError(root / "newer.fathom", "newer Fathom");
    }

    void aFailedSaveKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        project::Project p;
        p.training.target = "depth_m";
        project::save(p, root / "p.fathom");
        std::filesystem::create_directory(root / "blocked.fathom"); // a folder where the file should go
        try {
            project::save(p, root / "blocked.fathom");
            QFAIL("saved over a folder");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("blocked.fathom") != std::string::npos);
        }
        QCOMPARE(project::load(root / "p.fathom").training.target, std::string("depth_m"));
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
