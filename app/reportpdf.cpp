#include "reportpdf.h"

#include "common/error.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QFontDatabase>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

namespace fathom {

PageSize parsePageSize(const std::string& name)
{
    if (name == "a4" || name == "A4")
        return PageSize::A4;
    if (name == "letter" || name == "Letter")
        return PageSize::Letter;
    throw Error("unknown page size '" + name + "': expected a4 or letter");
}

namespace {

// Document units: 96 per inch, as QTextDocument lays out without a paint device.
constexpr double kDocumentDpi = 96.0;
constexpr double kMarginX = 64, kHeader = 72, kFooter = 64;

// Latin text in a Latin face and Korean in Noto Sans CJK (fonts-noto-cjk): set in the CJK face,
// digits come out as glyphs a PDF reader cannot map back to text.
QFont bodyFont()
{
    QStringList families;
    for (const char* family : {"DejaVu Sans", "Noto Sans", "Noto Sans CJK KR", "Noto Sans KR", "Noto Sans CJK SC"})
        if (QFontDatabase::hasFamily(QString::fromLatin1(family)))
            families << QString::fromLatin1(family);
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    if (!families.isEmpty())
        font.setFamilies(families);
    return font;
}

// Each contact, alert and model (a subheading and what follows it up to the next heading) starts
// a new page when it would run over a page's foot and fits on one page; a longer one at least
// never leaves its heading alone at the foot of a page.
void keepTogether(QTextDocument& doc)
{
    const double height = doc.pageSize().height();
    auto* layout = doc.documentLayout();
    const auto pageOf = [height](double y) { return int(std::floor(y / height)); };
    for (auto block = doc.begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() != 3)
            continue;
        const double top = layout->blockBoundingRect(block).top();
        double bottom = layout->blockBoundingRect(block).bottom(), firstBottom = -1;
        for (auto next = block.next(); next.isValid() && next.blockFormat().headingLevel() == 0; next = next.next()) {
            const auto r = layout->blockBoundingRect(next);
            if (r.height() <= 0)
                continue;
            bottom = std::max(bottom, r.bottom());
            if (firstBottom < 0)
                firstBottom = r.bottom();
        }
        const double eps = 0.5;
        const bool atPageTop = top - pageOf(top) * height < 2 * doc.documentMargin() + eps;
        const bool overFoot = pageOf(top) != pageOf(bottom - eps);
        const bool headingAlone = firstBottom >= 0 && pageOf(top) != pageOf(firstBottom - eps);
        if (atPageTop || !((overFoot && bottom - top <= height) || headingAlone))
            continue;
        auto format = block.blockFormat();
        format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(block).setBlockFormat(format);
        // Laid out again from here on: an incremental layout leaves the tables below where they were.
        doc.markContentsDirty(block.position(), doc.characterCount() - block.position());
    }
}

void layOut(QTextDocument& doc, const report::Report& report, const QSizeF& body, const std::vector<int>& pages)
{
    report::HtmlOptions options;
    options.imageUrl = [](std::size_t i) { return "fig:" + std::to_string(i); };
    options.maxImageWidth = int(body.width()) - 8;
    options.markings = false; // painted in the header and footer instead
    options.tocPages = pages;
    options.pageBreaks = true;
    doc.setHtml(QString::fromStdString(report::htmlText(report, options)));
    doc.setPageSize(body);
    keepTogether(doc);
}

// The page (1-based) each section's heading landed on.
std::vector<int> sectionPages(QTextDocument& doc, const report::Report& report)
{
    std::vector<int> pages(report.sections.size(), 0);
    const double height = doc.pageSize().height();
    for (auto block = doc.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const auto names = it.fragment().charFormat().anchorNames();
            for (std::size_t s = 0; s < report.sections.size(); ++s)
                if (names.contains(QString::fromStdString(report.sections[s].anchor)) && !pages[s])
                    pages[s] = int(doc.documentLayout()->blockBoundingRect(block).top() / height) + 1;
        }
    return pages;
}

} // namespace

int writeReportPdf(const report::Report& report, const std::filesystem::path& file, PageSize page)
{
    const QString target = QString::fromStdString(file.string());
    const QString temp = target + QStringLiteral(".part");
    int pageCount = 0;
    {
        QPdfWriter writer(temp);
        writer.setPageSize(QPageSize(page == PageSize::A4 ? QPageSize::A4 : QPageSize::Letter));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(300);
        writer.setTitle(QString::fromStdString(report.title));
        writer.setCreator(QStringLiteral("Fathom"));
        QPainter painter;
        if (!painter.begin(&writer))
            throw Error(file.string() + ": cannot be written (is the folder writable?)");
        const double scale = writer.resolution() / kDocumentDpi;
        const QSizeF pageSize(writer.width() / scale, writer.height() / scale); // document units
        const QSizeF body(pageSize.width() - 2 * kMarginX, pageSize.height() - kHeader - kFooter);

        QTextDocument doc;
        QFont font = bodyFont();
        font.setPointSizeF(9.5);
        doc.setDefaultFont(font);
        const auto figures = report::figures(report);
        for (std::size_t i = 0; i < figures.size(); ++i) {
            auto image = QImage::fromData(figures[i]->data.data(), int(figures[i]->data.size()));
            // JPEG headers carry their own density, which would shrink the picture on the page.
            image.setDotsPerMeterX(3780);
            image.setDotsPerMeterY(3780);
            doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("fig:%1").arg(i)), image);
        }
        // Twice: the contents learn which page each section starts on from the first layout.
        layOut(doc, report, body, std::vector<int>(report.sections.size(), 0));
        layOut(doc, report, body, sectionPages(doc, report));
        pageCount = doc.pageCount();

        const QString marking = QString::fromStdString(report.classification);
        const QString title = QString::fromStdString(report.title);
        const QString pageText = QString::fromStdString(report::text("page", report.language));
        // Header and footer are painted in document units (96 per inch): sizes in pixels.
        QFont small(font);
        small.setPixelSize(11);
        QFont bold(font);
        bold.setPixelSize(12);
        bold.setBold(true);
        for (int p = 0; p < pageCount; ++p) {
            if (p > 0)
                writer.newPage();
            painter.save();
            painter.scale(scale, scale);
            const QRectF header(kMarginX, 24, body.width(), kHeader - 32);
            const QRectF footer(kMarginX, pageSize.height() - kFooter + 12, body.width(), kFooter - 28);
            painter.setPen(QColor(0xa0, 0, 0));
            painter.setFont(bold);
            painter.drawText(header, Qt::AlignHCenter | Qt::AlignTop, marking);
            painter.drawText(footer, Qt::AlignHCenter | Qt::AlignBottom, marking);
            painter.setPen(QColor(0x55, 0x55, 0x55));
            painter.setFont(small);
            if (p > 0)
                painter.drawText(header, Qt::AlignRight | Qt::AlignBottom, title);
            painter.drawText(footer, Qt::AlignRight | Qt::AlignBottom, pageText.arg(p + 1).arg(pageCount));
            painter.drawLine(QPointF(kMarginX, kHeader - 6), QPointF(kMarginX + body.width(), kHeader - 6));
            // This page's slice of the document.
            painter.translate(kMarginX, kHeader - p * body.height());
            doc.drawContents(&painter, QRectF(0, p * body.height(), body.width(), body.height()));
            painter.restore();
        }
        if (!painter.end())
            throw Error(file.string() + ": writing the PDF failed");
    }
    std::error_code ec;
    std::filesystem::rename(temp.toStdString(), file, ec); // over the old one in one step
    if (ec) {
        QFile::remove(temp);
        throw Error(file.string() + ": cannot be written (" + ec.message() + ")");
    }
    return pageCount;
}

} // namespace fathom
