#include "common/error.h"
#include "core/report/reportfixture.h"
#include "reportpdf.h"

#include <QDir>
#include <QFile>
#include <QPointF>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace fathom;

namespace {

int pdfPages(const QString& pdf)
{
    for (const auto& line : test::runTool(QStringLiteral("pdfinfo"), {pdf}).split(QLatin1Char('\n')))
        if (line.startsWith(QStringLiteral("Pages:")))
            return line.mid(6).trimmed().toInt();
    return -1;
}

} // namespace

class TestReportPdf : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    project::Project m_project;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = test::makeReportProject(m_dir.path().toStdString(), 400);
        QVERIFY(!m_project.contacts.empty());
    }

    void pdfRendersEveryPageWithPositionsMarkingsAndPageNumbers()
    {
        report::ReportOptions options;
        options.title = "Line 7";
        options.classification = "RESTRICTED";
        options.maxContacts = 4;
        const auto content = report::buildReport(m_project, options);
        const auto pdf = m_dir.filePath(QStringLiteral("r.pdf"));
        const int pages = writeReportPdf(content, pdf.toStdString(), PageSize::A4);
        // Title and contents, then each of the six sections on a page of its own at least.
        QVERIFY2(pages >= 7, qPrintable(QString::number(pages)));
        QCOMPARE(pdfPages(pdf), pages);
        // Every page renders.
        test::runTool(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("20"), QStringLiteral("-png"),
                                                   pdf, m_dir.filePath(QStringLiteral("page"))});
        const auto rendered = QDir(m_dir.path()).entryList({QStringLiteral("page-*.png")});
        QCOMPARE(rendered.size(), pages);
        const auto text =
            test::runTool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QCOMPARE(text.count(QStringLiteral("RESTRICTED")), 2 * pages); // header and footer of every page
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
        const auto& best = *std::max_element(m_project.contacts.begin(), m_project.contacts.end(),
                                             [](const auto& a, const auto& b) { return a.score < b.score; });
        QVERIFY2(text.contains(QString::number(best.y, 'f', 6)), "the best contact's latitude is in the PDF");
        QVERIFY(text.contains(QString::number(best.x, 'f', 6)));
        // (the note may wrap in its column)
        QVERIFY(test::runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")})
                    .simplified()
                    .contains(QStringLiteral("bright cylinder, clear shadow")));
        // A4 in points.
        QVERIFY(test::runTool(QStringLiteral("pdfinfo"), {pdf}).contains(QStringLiteral("(A4)")));
    }

    // A contact is never cut across two pages: its heading, crop, caption and particulars share a
    // page, and the particulars sit beside the crop (a contact sheet), not under it.
    void eachContactIsWholeOnOnePageWithItsParticularsBesideTheCrop()
    {
        report::ReportOptions options;
        options.sections = {report::SectionKind::Contacts, report::SectionKind::Alerts};
        options.maxContacts = 12;
        const auto content = report::buildReport(m_project, options);
        const auto pdf = m_dir.filePath(QStringLiteral("sheet.pdf"));
        const int pages = writeReportPdf(content, pdf.toStdString(), PageSize::A4);
        const auto text = test::runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        const auto pageTexts = text.split(QLatin1Char('\f'));
        QVERIFY(pageTexts.size() >= pages);
        const QRegularExpression heading(QStringLiteral("Contact (\\d+) — "));
        int contacts = 0, firstPage = 0;
        for (int p = 0; p < pages; ++p) {
            const auto& page = pageTexts[p];
            for (auto m = heading.globalMatch(page); m.hasNext();) {
                const auto number = m.next().captured(1);
                if (++contacts == 1)
                    firstPage = p + 1;
                QVERIFY2(
                    page.contains(QStringLiteral("Contact %1: the waterfall").arg(number)),
                    qPrintable(QStringLiteral("contact %1's caption is not on its page %2").arg(number).arg(p + 1)));
            }
            // As many particulars (their last row) as headings on every page.
            QCOMPARE(page.count(QStringLiteral("Detector scores")), page.count(heading));
        }
        QCOMPARE(contacts, int(std::min<std::size_t>(12, m_project.contacts.size())));
        QVERIFY(contacts >= 4);
        // Two or more to a page: no page holds a lone contact except, perhaps, the last.
        QVERIFY2(pages <= 1 + (contacts + 1) / 2 + 2, qPrintable(QString::number(pages)));

        // Beside: the first particulars' row starts above the caption under the crop, to its right.
        const auto boxes = test::runTool(QStringLiteral("pdftotext"),
                                         {QStringLiteral("-bbox"), QStringLiteral("-f"), QString::number(firstPage),
                                          QStringLiteral("-l"), QString::number(firstPage), pdf, QStringLiteral("-")});
        const auto word = [&](const QString& w) {
            const QRegularExpression box(QStringLiteral("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\"[^>]*>%1</word>")
                                             .arg(QRegularExpression::escape(w)));
            const auto m = box.match(boxes);
            return m.hasMatch() ? QPointF(m.captured(1).toDouble(), m.captured(2).toDouble()) : QPointF(-1, -1);
        };
        const auto position = word(QStringLiteral("Position")), captionLine = word(QStringLiteral("waterfall"));
        QVERIFY2(position.x() > 0 && captionLine.x() > 0, qPrintable(boxes.left(2000)));
        QVERIFY2(position.y() < captionLine.y() && position.x() > captionLine.x(),
                 qPrintable(QStringLiteral("Position at %1,%2; caption at %3,%4")
                                .arg(position.x())
                                .arg(position.y())
                                .arg(captionLine.x())
                                .arg(captionLine.y())));
    }

    // A section longer than a page runs over as many as it needs, every paragraph once, none cut;
    // the contents give the page the next section starts on.
    void aSectionLongerThanAPageRunsOverPagesWhole()
    {
        report::ReportOptions options;
        options.sections = {report::SectionKind::Notes, report::SectionKind::Device};
        for (int i = 0; i < 150; ++i) // paragraphs, as an analyst separates them
            options.notes += "Note line " + std::to_string(i) + " of the analyst.\n\n";
        const auto content = report::buildReport(m_project, options);
        const auto pdf = m_dir.filePath(QStringLiteral("long.pdf"));
        const int pages = writeReportPdf(content, pdf.toStdString(), PageSize::A4);
        QVERIFY2(pages >= 4, qPrintable(QString::number(pages))); // contents, three of notes at least, device
        const auto text = test::runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        for (int i = 0; i < 150; ++i)
            QCOMPARE(text.count(QStringLiteral("Note line %1 of the analyst.").arg(i)), 1);
        const auto pageTexts = text.split(QLatin1Char('\f'));
        const auto contents =
            test::runTool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-l"),
                                                        QStringLiteral("1"), pdf, QStringLiteral("-")});
        const QRegularExpression deviceEntry(QStringLiteral("2\\. Device\\s+(\\d+)"));
        const auto m = deviceEntry.match(contents);
        QVERIFY2(m.hasMatch(), qPrintable(contents));
        const int devicePage = m.captured(1).toInt();
        QCOMPARE(devicePage, pages);
        QVERIFY(pageTexts[devicePage - 1].contains(QStringLiteral("2. Device")));
        QVERIFY(!pageTexts[devicePage - 1].contains(QStringLiteral("Note line")));
    }

    // A list of 90 contacts runs over pages, its heading row on each, every contact once; the
    // contacts' own pages follow it.
    void aLongContactListRunsOverPagesWithItsHeadings()
    {
        auto project = m_project;
        project.contacts.clear();
        while (project.contacts.size() < 90)
            for (const auto& c : m_project.contacts)
                if (project.contacts.size() < 90) {
                    project.contacts.push_back(c);
                    project.contacts.back().status = "new";
                    project.contacts.back().score = 1.0 - 0.01 * double(project.contacts.size());
                }
        report::ReportOptions options;
        options.sections = {report::SectionKind::Contacts};
        const auto content = report::buildReport(project, options);
        const auto pdf = m_dir.filePath(QStringLiteral("list.pdf"));
        const int pages = writeReportPdf(content, pdf.toStdString(), PageSize::A4);
        const auto pageTexts =
            test::runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).split(QLatin1Char('\f'));
        QVERIFY(pageTexts.size() >= pages);
        int listPages = 0, rows = 0;
        for (int p = 1; p < pages; ++p) { // after the title and contents
            const auto& page = pageTexts[p];
            if (page.contains(QStringLiteral("Contact 1 — ")))
                break;
            ++listPages;
            QVERIFY2(page.contains(QStringLiteral("L × W × H (m)")), qPrintable(QString::number(p + 1)));
            rows += int(page.count(QStringLiteral("' N")));
        }
        QVERIFY2(listPages >= 2, qPrintable(QString::number(listPages)));
        // Every row once (a page that also holds contact 1 has its position too: counted apart).
        const auto firstContactPage = pageTexts[1 + listPages];
        rows += int(firstContactPage.count(QStringLiteral("' N"))) -
                int(firstContactPage.count(QRegularExpression(QStringLiteral("Contact \\d+ — "))));
        QCOMPARE(rows, 90);

        // What follows the list goes on under its last rows, not on a page of its own: with three
        // rows more than the list's first page holds, contact 1 shares the list's second page.
        const int firstPageRows = int(pageTexts[1].count(QStringLiteral("' N")));
        project.contacts.resize(std::size_t(firstPageRows + 3));
        const auto shorter = m_dir.filePath(QStringLiteral("list3.pdf"));
        writeReportPdf(report::buildReport(project, options), shorter.toStdString(), PageSize::A4);
        const auto shorterPages =
            test::runTool(QStringLiteral("pdftotext"), {shorter, QStringLiteral("-")}).split(QLatin1Char('\f'));
        QVERIFY(shorterPages.size() > 2);
        QVERIFY(shorterPages[2].contains(QStringLiteral("L × W × H (m)")));
        QVERIFY2(shorterPages[2].contains(QStringLiteral("Contact 1 — ")), qPrintable(shorterPages[2].left(600)));
    }

    void koreanPdfHasKoreanTitlesInACjkFont()
    {
        report::ReportOptions options;
        options.language = report::Language::Korean;
        options.sections = {report::SectionKind::Summary, report::SectionKind::Contacts};
        options.maxContacts = 2;
        const auto content = report::buildReport(m_project, options);
        const auto pdf = m_dir.filePath(QStringLiteral("ko.pdf"));
        const int pages = writeReportPdf(content, pdf.toStdString(), PageSize::Letter);
        const auto text = test::runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(text.contains(QStringLiteral("조사 요약")));
        QVERIFY(text.contains(QStringLiteral("접촉물")));
        QVERIFY(text.contains(QStringLiteral("목차")));
        QVERIFY(text.contains(QStringLiteral("%1쪽 중 1쪽").arg(pages)));
        // Set in Noto Sans CJK, embedded: no empty boxes on a machine without the font.
        const auto fonts = test::runTool(QStringLiteral("pdffonts"), {pdf});
        QVERIFY2(fonts.contains(QStringLiteral("NotoSansCJK")), qPrintable(fonts));
        QVERIFY(test::runTool(QStringLiteral("pdfinfo"), {pdf}).contains(QStringLiteral("(letter)")));
    }

    void aFailedWriteKeepsTheGoodPdf()
    {
        const auto content = report::buildReport(project::Project{}, {});
        const auto pdf = m_dir.filePath(QStringLiteral("keep.pdf"));
        writeReportPdf(content, pdf.toStdString());
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto before = f.readAll();
        f.close();
        QVERIFY_THROWS_EXCEPTION(Error, writeReportPdf(content, (pdf + QStringLiteral("/nested.pdf")).toStdString()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QVERIFY_THROWS_EXCEPTION(Error, parsePageSize("a5"));
    }
};

QTEST_MAIN(TestReportPdf)
#include "tst_reportpdf.moc"
