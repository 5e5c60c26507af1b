#include "common/logging.h"
#include "common/timeformat.h"

#include <QTemporaryDir>

#include <QTest>
#include <algorithm>

#include <fstream>
#include <sstream>
#include <vector>

namespace logging = fathom::logging;

class TestLogging : public QObject
{
    Q_OBJECT

private slots:
    void listenersAndFileReceiveRecords()
    {
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "sub" / "fathom.log";
        logging::init("debug", file);
        std::vector<logging::Record> seen;
        const int id = logging::addListener([&](const logging::Record& r) { seen.push_back(r); });
        logging::debug("probing devices");
        logging::warn("cuda:1 stopped answering");
        logging::removeListener(id);
        logging::info("after removal");
        QCOMPARE(seen.size(), std::size_t(2));
        QCOMPARE(seen[1].level, logging::Level::Warn);
        QCOMPARE(seen[1].text, std::string("cuda:1 stopped answering"));
        QCOMPARE(seen[0].time.size(), std::size_t(12)); // HH:MM:SS.mmm
        logging::init("info");                          // closes the file
        std::stringstream text;
        text << std::ifstream(file).rdbuf();
        QVERIFY(text.str().find("cuda:1 stopped answering") != std::string::npos);
    }

    void viewsShowTheUsersLanguageAndTheFileKeepsEnglish()
    {
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "fathom.log";
        logging::init("info", file);
        std::vector<logging::Record> seen;
        const int id = logging::addListener([&](const logging::Record& r) { seen.push_back(r); });
        logging::info("Opened line7.xtf", "line7.xtf 열림");
        logging::warn("Indexed line7.xtf: 2000 pings", "line7.xtf 색인 완료: 핑 2000개");
        logging::info("plain");
        logging::removeListener(id);
        QCOMPARE(seen.size(), std::size_t(3));
        QCOMPARE(seen[0].text, std::string("Opened line7.xtf"));
        QCOMPARE(seen[0].shown, std::string("line7.xtf 열림"));
        QCOMPARE(seen[1].level, logging::Level::Warn);
        QCOMPARE(seen[1].shown, std::string("line7.xtf 색인 완료: 핑 2000개"));
        QVERIFY(seen[2].shown.empty()); // nothing carried over from the record before
        logging::init("info");
        std::stringstream text;
        text << std::ifstream(file).rdbuf();
        QVERIFY(text.str().find("Opened line7.xtf") != std::string::npos);
        QVERIFY(text.str().find("열림") == std::string::npos);
    }

    void lateListenerSeesEarlierRecords()
    {
        logging::init("info");
        logging::info("selected cpu at start");
        std::vector<std::string> seen;
        const int id = logging::addListener([&](const logging::Record& r) { seen.push_back(r.text); }, true);
        logging::info("later");
        logging::removeListener(id);
        QVERIFY(std::find(seen.begin(), seen.end(), "selected cpu at start") != seen.end());
        QCOMPARE(seen.back(), std::string("later"));
    }

    void timesFormatInUtc()
    {
        QCOMPARE(fathom::formatUtc(1583748873.0, fathom::TimeStyle::Iso), std::string("2020-03-09T10:14:33Z"));
        QCOMPARE(fathom::formatUtc(1583748873.25, fathom::TimeStyle::IsoMillis),
                 std::string("2020-03-09T10:14:33.250Z"));
        // Rounding to the millisecond carries into the seconds rather than printing .1000.
        QCOMPARE(fathom::formatUtc(1583748873.9996, fathom::TimeStyle::Readable),
                 std::string("2020-03-09 10:14:34.000"));
    }

    void levelFiltersRecords()
    {
        logging::init("warn");
        int count = 0;
        const int id = logging::addListener([&](const logging::Record&) { ++count; });
        logging::info("hidden");
        logging::error("shown");
        logging::removeListener(id);
        QCOMPARE(count, 1);
    }

    void unwritableFileDoesNotStopLogging()
    {
        logging::init("info", "/proc/fathom-cannot-write/fathom.log");
        std::vector<std::string> seen;
        const int id = logging::addListener([&](const logging::Record& r) { seen.push_back(r.text); });
        logging::info("still here");
        logging::removeListener(id);
        QCOMPARE(seen.back(), std::string("still here"));
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
