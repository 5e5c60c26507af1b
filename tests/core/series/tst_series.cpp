#include "common/error.h"
#include "series/csvloader.h"
#include "series/dataset.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <map>

using namespace fathom;
using namespace fathom::series;

namespace {

std::filesystem::path write(const QTemporaryDir& dir, const char* name, const std::string& text)
{
    const auto path = std::filesystem::path(dir.path().toStdString()) / name;
    std::ofstream(path) << text;
    return path;
}

std::string errorOf(const std::filesystem::path& path, LoadOptions options = {})
{
    LoadReport report;
    try {
        loadCsv(path, options, report);
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

std::filesystem::path shared(const char* relative)
{
    return std::filesystem::path(qEnvironmentVariable("FATHOM_SOURCE_DIR").toStdString()) / "../shared/data/series" /
           relative;
}

} // namespace

class TestSeries : public QObject
{
    Q_OBJECT

private slots:
    void timestampsInCommonFormats()
    {
        const double t = 1583748873; // 2020-03-09 10:14:33 UTC
        QCOMPARE(parseTimestamp("2020-03-09 10:14:33"), t);
        QCOMPARE(parseTimestamp("2020-03-09T10:14:33Z"), t);
        QCOMPARE(parseTimestamp("2020-03-09T10:14:33.5"), t + 0.5);
        QCOMPARE(parseTimestamp("2020/03/09 10:14:33"), t);
        QCOMPARE(parseTimestamp("09.03.2020 10:14:33"), t);
        QCOMPARE(parseTimestamp("2020-03-09 10:14"), t - 33);
        QCOMPARE(parseTimestamp("2020-03-09"), t - 36873);
        QVERIFY(std::isnan(parseTimestamp("12.5")));
        QVERIFY(std::isnan(parseTimestamp("2020-13-09 10:14:33")));
        QVERIFY(std::isnan(parseTimestamp("yesterday")));
    }

    void sniffsDelimitersAndFindsTime()
    {
        QTemporaryDir dir;
        for (const char* delimiter : {",", ";", "\t"}) {
            const std::string d = delimiter;
            const auto path = write(dir, "a.csv",
                                    "when" + d + "depth" + d + "temp\n2024-01-01 00:00:00" + d + "10.5" + d +
                                        "14\n2024-01-01 00:00:01" + d + "10.7" + d + "14.1\n");
            LoadReport report;
            const auto s = loadCsv(path, {}, report);
            QCOMPARE(report.delimiter, delimiter[0]);
            QCOMPARE(report.timeColumn, std::string("when"));
            QCOMPARE(s.channels, (std::vector<std::string>{"depth", "temp"}));
            QCOMPARE(s.rows, std::size_t(2));
            QCOMPARE(s.column(1)[1], 14.1f);
            QCOMPARE(s.time[1] - s.time[0], 1.0);
        }
    }

    void decimalCommasBesideASemicolonOrTab()
    {
        // A spreadsheet's export in a locale that writes 12,5: read as 12.5, and said so.
        QTemporaryDir dir;
        for (const std::string d : {";", "\t"}) {
            const auto path = write(dir, "eu.csv",
                                    "Zeit" + d + "Tiefe" + d + "Temp\n09.03.2020 10:14:33" + d + "12,5" + d +
                                        "7\n09.03.2020 10:14:34" + d + "-0,25" + d + "NA\n");
            LoadReport report;
            const auto s = loadCsv(path, {}, report);
            QVERIFY(report.decimalComma);
            QCOMPARE(s.column(0)[0], 12.5f);
            QCOMPARE(s.column(0)[1], -0.25f);
            QCOMPARE(s.column(1)[1], 7.0f); // filled
        }
        // A comma beside a comma delimiter splits cells, never decimals; and a thousands
        // separator is not a decimal comma: a clear error, not a silently wrong value.
        const auto plain = write(dir, "plain.csv", "a;b\n1.5;2\n");
        LoadReport report;
        loadCsv(plain, {}, report);
        QVERIFY(!report.decimalComma);
        const auto thousands = write(dir, "t.csv", "a;b\n1,5;2\n1.234,5;3\n");
        try {
            loadCsv(thousands, {}, report);
            QFAIL("a thousands separator was read");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("row 3, column 'a': '1.234,5' is not a number") != std::string::npos,
                     e.what());
        }
    }

    void missingValuesAreFilledOrDroppedAndCounted()
    {
        QTemporaryDir dir;
        const auto path = write(dir, "m.csv", "a,b\n,1\n2,NA\n3,\n4,5\n");
        LoadReport filled;
        const auto s = loadCsv(path, {}, filled);
        QCOMPARE(filled.filledCells, std::size_t(3));
        QCOMPARE(filled.missingByChannel, (std::map<std::string, std::size_t>{{"a", 1}, {"b", 2}})); // per channel
        QCOMPARE(std::vector<float>(s.column(0).begin(), s.column(0).end()), (std::vector<float>{2, 2, 3, 4}));
        QCOMPARE(std::vector<float>(s.column(1).begin(), s.column(1).end()), (std::vector<float>{1, 1, 1, 5}));
        QVERIFY(s.time.empty());
        LoadReport dropped;
        LoadOptions drop;
        drop.missing = Missing::Drop;
        const auto d = loadCsv(path, drop, dropped);
        QCOMPARE(dropped.droppedRows, std::size_t(3));
        QCOMPARE(dropped.missingByChannel.at("b"), std::size_t(2));
        QCOMPARE(d.rows, std::size_t(1));
        QCOMPARE(d.column(1)[0], 5.0f);
    }

    void badCellsNameFileRowAndColumn()
    {
        QTemporaryDir dir;
        const auto text = write(dir, "t.csv", "time,depth,temp\n2024-01-01 00:00:00,1,2\n2024-01-01 00:00:01,deep,3\n");
        QVERIFY2(errorOf(text).find(text.string() + ": row 3, column 'depth': 'deep' is not a number") !=
                     std::string::npos,
                 errorOf(text).c_str());
        const auto inf = write(dir, "i.csv", "a,b\n1,2\n3,inf\n");
        QVERIFY2(errorOf(inf).find("row 3, column 'b': an infinite value") != std::string::npos, errorOf(inf).c_str());
        const auto ragged = write(dir, "r.csv", "a,b\n1,2\n3\n");
        QVERIFY2(errorOf(ragged).find("row 3: 1 cells, the header has 2 columns") != std::string::npos,
                 errorOf(ragged).c_str());
        const auto empty = write(dir, "e.csv", "a,b\n,\n,\n");
        QVERIFY2(errorOf(empty).find("column 'a': no values at all") != std::string::npos, errorOf(empty).c_str());
        const auto badTime = write(dir, "bt.csv", "time,a\n2024-01-01 00:00:00,1\nnot a time,2\n");
        QVERIFY2(errorOf(badTime).find("row 3, column 'time'") != std::string::npos, errorOf(badTime).c_str());
    }

    void severalFilesAsOne()
    {
        QTemporaryDir dir;
        const auto a = write(dir, "a.csv", "t;x;y\n2024-01-01 00:00:00;1;10\n2024-01-01 00:00:01;2;20\n");
        const auto b = write(dir, "b.csv", "t;x;y\n2024-01-01 00:00:02;3;30\n");
        LoadReport report;
        const auto s = loadCsvFiles({a, b}, {}, report);
        QCOMPARE(s.rows, std::size_t(3));
        QCOMPARE(std::vector<float>(s.column(1).begin(), s.column(1).end()), (std::vector<float>{10, 20, 30}));
        QCOMPARE(s.time.size(), std::size_t(3));
        const auto other = write(dir, "c.csv", "t;x;z\n2024-01-01 00:00:03;4;40\n");
        QVERIFY_THROWS_EXCEPTION(Error, loadCsvFiles({a, other}, {}, report));
        QCOMPARE(s.channel("y"), std::size_t(1));
        try {
            s.channel("salinity");
            QFAIL("an unknown channel was found");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("x, y") != std::string::npos);
            // The message names the files the channel was looked for in.
            QVERIFY(std::string(e.what()).find(a.string() + " + " + b.string() + ": no channel 'salinity'") !=
                    std::string::npos);
        }
    }

    void realFilesAreSniffed()
    {
        if (!std::filesystem::exists(shared("ETTh1.csv")))
            QSKIP("../shared/data/series is not here (a user's checkout has none)");
        LoadReport ett;
        const auto e = loadCsv(shared("ETTh1.csv"), {}, ett);
        QCOMPARE(ett.delimiter, ',');
        QCOMPARE(ett.timeColumn, std::string("date"));
        QCOMPARE(e.rows, std::size_t(17420));
        QCOMPARE(e.channels.size(), std::size_t(7));
        QCOMPARE(e.channels.back(), std::string("OT"));
        QCOMPARE(e.time[1] - e.time[0], 3600.0);
        LoadReport skab;
        LoadOptions options;
        options.skip = {"anomaly", "changepoint"};
        const auto s = loadCsv(shared("SKAB/valve1/0.csv"), options, skab);
        QCOMPARE(skab.delimiter, ';');
        QCOMPARE(skab.timeColumn, std::string("datetime"));
        QCOMPARE(s.channels.size(), std::size_t(8));
        QCOMPARE(s.channels.back(), std::string("Volume Flow RateRMS"));
        QCOMPARE(skab.skippedColumns, (std::vector<std::string>{"anomaly", "changepoint"}));
        QCOMPARE(s.rows, std::size_t(1147));
    }

    void splitsKeepRowOrder()
    {
        const auto r = splitByRatio(1000, 0.7, 0.1);
        QCOMPARE(r.train.end, std::size_t(700));
        QCOMPARE(r.validation.size(), std::size_t(100));
        QCOMPARE(r.test.size(), std::size_t(200));
        const auto c = splitByCounts(17420, 8640, 2880, 2880);
        QCOMPARE(c.test.end, std::size_t(14400));
        QVERIFY_THROWS_EXCEPTION(Error, splitByCounts(100, 80, 20, 20));
        Series s;
        s.rows = 10;
        for (int i = 0; i < 10; ++i)
            s.time.push_back(1000.0 + i);
        const auto t = splitByTime(s, 1006, 1008);
        QCOMPARE(t.train.end, std::size_t(6));
        QCOMPARE(t.test.begin, std::size_t(8));
    }

    // What an analyst types (ts train --split, the Training dock's split box).
    void splitsAsAnalystsWriteThem()
    {
        QCOMPARE(SplitSpec::parse("").text(), std::string("70/15/15"));
        const auto shares = SplitSpec::parse(" 60 / 25 / 15 ");
        QVERIFY(!shares.byTime);
        QCOMPARE(shares.text(), std::string("60/25/15"));
        Series s;
        s.rows = 10;
        for (int i = 0; i < 10; ++i)
            s.time.push_back(parseTimestamp("2025-11-23 06:40") + 60.0 * i); // one row a minute
        const auto byShare = SplitSpec::parse("60/20").apply(s);
        QCOMPARE(byShare.train.end, std::size_t(6));
        QCOMPARE(byShare.validation.end, std::size_t(8));
        QCOMPARE(byShare.test.size(), std::size_t(2));

        const auto byTime = SplitSpec::parse("2025-11-23 06:45, 2025-11-23T06:48:00Z");
        QVERIFY(byTime.byTime);
        const auto parts = byTime.apply(s);
        QCOMPARE(parts.train.end, std::size_t(5)); // 06:40 … 06:44
        QCOMPARE(parts.validation.end, std::size_t(8));
        QCOMPARE(parts.test.size(), std::size_t(2));
        QCOMPARE(SplitSpec::parse(byTime.text()).apply(s).validation.end, std::size_t(8)); // text reads back

        const auto message = [](const std::string& text) {
            try {
                SplitSpec::parse(text);
            } catch (const Error& e) {
                return std::string(e.what());
            }
            return std::string("accepted");
        };
        QVERIFY(message("60/20/30").find("add up to 110, not 100") != std::string::npos);
        QVERIFY(message("70/30").find("no rows for the test") != std::string::npos);
        QVERIFY(message("70/x/15").find("'x' is not a number") != std::string::npos);
        QVERIFY(message("0/50/50").find("above 0") != std::string::npos);
        QVERIFY(message("100").find("1 share(s)") != std::string::npos);
        QVERIFY(message("2025-11-23 06:48, yesterday").find("'yesterday' is not a date") != std::string::npos);
        QVERIFY(message("2025-11-23 06:48, 2025-11-23 06:45").find("must begin after") != std::string::npos);

        Series untimed;
        untimed.rows = 10;
        QVERIFY_THROWS_EXCEPTION(Error, byTime.apply(untimed));
        std::swap(s.time[3], s.time[4]); // two files given in the wrong order, say
        try {
            byTime.apply(s);
            QFAIL("rows out of time order were split by time");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("data row 5") != std::string::npos, e.what());
        }
    }

    void scalersSeeOnlyTheTrainingRows()
    {
        Series s;
        s.channels = {"a", "flat"};
        s.rows = 8;
        s.data = {1, 2, 3, 4, 100, 200, 300, 400, 5, 5, 5, 5, 5, 5, 5, 5};
        const auto scaler = Scaler::fit(s, {0}, {0, 4}, ScalerKind::Standard);
        QCOMPARE(scaler.offset(0), 2.5f); // the test part (100..400) did not move it
        QVERIFY(std::abs(scaler.scale(0) - std::sqrt(1.25f)) < 1e-6);
        auto scaled = s;
        scaler.apply(scaled);
        QVERIFY(std::abs(scaled.column(0)[0] + 1.3416f) < 1e-3);
        QCOMPARE(scaler.inverse(0, scaled.column(0)[5]), 200.0f);
        QCOMPARE(scaled.column(1)[0], 5.0f); // not fitted, not touched
        const auto minmax = Scaler::fit(s, {0}, {0, 4}, ScalerKind::MinMax);
        QCOMPARE(minmax.transform(0, 4), 1.0f);
        try {
            Scaler::fit(s, {1}, {0, 4}, ScalerKind::Standard);
            QFAIL("a constant channel was scaled");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("'flat' is constant") != std::string::npos);
        }
    }

    void windowsAreViewsIntoTheColumns()
    {
        Series s;
        s.channels = {"x", "y"};
        s.rows = 20;
        for (int c = 0; c < 2; ++c)
            for (int r = 0; r < 20; ++r)
                s.data.push_back(float(c * 100 + r));
        const Windows w(s, {0, 1}, {1}, {5, 2, 3}, {0, 20});
        QCOMPARE(w.size(), std::size_t(5));                     // starts 0, 3, 6, 9, 12 (12 + 7 = 19 <= 20)
        QCOMPARE(w.input(2, 0).data(), s.column(0).data() + 6); // no copy: a pointer into the column
        QCOMPARE(w.input(2, 1)[0], 106.0f);
        QCOMPARE(w.target(2, 0).size(), std::size_t(2));
        QCOMPARE(w.target(2, 0)[0], 111.0f);
        // Test windows whose targets lie in rows 15..20 may read their lookback from before.
        const Windows test(s, {0}, {0}, {5, 1, 1}, {15, 20}, true);
        QCOMPARE(test.size(), std::size_t(5));
        QCOMPARE(test.target(0, 0)[0], 15.0f);
        QVERIFY_THROWS_EXCEPTION(Error, Windows(s, {0}, {0}, {30, 1, 1}, {0, 20}));
    }
};

QTEST_GUILESS_MAIN(TestSeries)
#include "tst_series.moc"
