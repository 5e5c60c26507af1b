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
#include <QTextDocument>
#include <QUrl>
#include <QVariant>

#include <algorithm>
#include <memory>
#include <vector>

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

// The report laid out in pieces (report::htmlPieces), each its own rich-text document the width
// of the page's body, placed down the pages: a section starts a page; a contact, alert or model
// that would run over a page's foot starts the next one; a piece taller than a page starts a page
// and runs over as many as it needs, its lines and rows never cut. Linear in the pieces.
class PageLayout
{
public:
    struct Item
    {
        std::size_t piece = 0;
        int page = 0;
        double y = 0;   // from the top of the page's body
        int slice = -1; // a tall piece: which of its own pages; -1: the whole piece
    };

    PageLayout(const report::Report& report, const QSizeF& body, const QFont& font,
               const QTextDocument::ResourceProvider& images)
        : m_report(report)
        , m_body(body)
        , m_font(font)
        , m_images(images)
    {
        m_options.imageUrl = [](std::size_t i) { return "fig:" + std::to_string(i); };
        m_options.maxImageWidth = int(body.width()) - 8;
        m_options.markings = false; // painted in the header and footer instead
        m_pieces = report::htmlPieces(report, m_options);
        for (const auto& piece : m_pieces)
            m_docs.push_back(document(piece.body));
        place();
        // The contents learn which page each section starts on; twice, in case their own
        // numbers moved something (they never should).
        for (int pass = 0; pass < 2; ++pass) {
            m_options.tocPages = m_sectionPages;
            m_docs.front() = document(report::htmlPieces(report, m_options).front().body);
            const auto before = m_sectionPages;
            place();
            if (m_sectionPages == before)
                break;
        }
    }

    int pageCount() const { return m_pages; }

    void drawPage(QPainter& painter, int page) const
    {
        for (const auto& item : m_items) {
            if (item.page != page)
                continue;
            auto& doc = *m_docs[item.piece];
            const double from = item.slice < 0 ? 0 : item.slice * m_body.height();
            const double height = item.slice < 0 ? doc.size().height() : m_body.height();
            painter.save();
            painter.translate(0, item.y - from);
            // A slice's lines lie inside its page's margins (4 units); clipped halfway into them, as
            // Qt draws every line that reaches into the clip and the PDF's text would hold the lines
            // on either side of a page's edge twice.
            const double inset = item.slice < 0 ? 0 : doc.documentMargin() / 2;
            doc.drawContents(&painter, QRectF(0, from + inset, m_body.width(), height - 2 * inset));
            painter.restore();
        }
    }

private:
    std::unique_ptr<QTextDocument> document(const std::string& body) const
    {
        auto doc = std::make_unique<QTextDocument>();
        doc->setDefaultFont(m_font);
        doc->setResourceProvider(m_images);
        doc->setHtml(QString::fromStdString(report::htmlPage(m_report, body, m_options)));
        doc->setTextWidth(m_body.width());
        if (doc->size().height() > m_body.height())
            doc->setPageSize(m_body); // laid out in pages of its own
        return doc;
    }

    void place()
    {
        m_items.clear();
        m_sectionPages.clear();
        int page = 0;
        double y = 0;
        const double height = m_body.height();
        for (std::size_t i = 0; i < m_pieces.size(); ++i) {
            const auto& doc = *m_docs[i];
            const bool tall = !doc.pageSize().isNull() && doc.pageSize().height() > 0;
            const double h = tall ? height : doc.size().height();
            const bool overFoot = y + h > height + 0.5;
            if (y > 0 && (m_pieces[i].newPage || tall || (m_pieces[i].keepTogether && overFoot))) {
                ++page;
                y = 0;
            }
            if (m_pieces[i].newPage)
                m_sectionPages.push_back(page + 1);
            if (tall) {
                for (int k = 0; k < doc.pageCount(); ++k)
                    m_items.push_back({i, page + k, 0, k});
                page += doc.pageCount() - 1;
                // What follows goes on under its last line, on its last page (a long list's last
                // rows do not hold a page of their own).
                const auto end = doc.documentLayout()->blockBoundingRect(doc.lastBlock()).bottom();
                y = std::clamp(end + doc.documentMargin() - (doc.pageCount() - 1) * height, 0.0, height);
            } else {
                m_items.push_back({i, page, y, -1});
                y += h;
            }
        }
        m_pages = page + 1;
    }

    const report::Report& m_report;
    QSizeF m_body;
    QFont m_font;
    QTextDocument::ResourceProvider m_images;
    report::HtmlOptions m_options;
    std::vector<report::HtmlPiece> m_pieces;
    std::vector<std::unique_ptr<QTextDocument>> m_docs;
    std::vector<Item> m_items;
    std::vector<int> m_sectionPages;
    int m_pages = 1;
};

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

        QFont font = bodyFont();
        font.setPointSizeF(9.5);
        std::vector<QImage> images;
        for (const auto* figure : report::figures(report)) {
            auto image = QImage::fromData(figure->data.data(), int(figure->data.size()));
            // JPEG headers carry their own density, which would shrink the picture on the page.
            image.setDotsPerMeterX(3780);
            image.setDotsPerMeterY(3780);
            images.push_back(std::move(image));
        }
        const PageLayout layout(report, body, font, [&images](const QUrl& url) -> QVariant {
            const auto name = url.toString();
            const auto i = name.startsWith(QStringLiteral("fig:")) ? name.mid(4).toLongLong() : -1;
            return i >= 0 && std::size_t(i) < images.size() ? QVariant(images[std::size_t(i)]) : QVariant();
        });
        pageCount = layout.pageCount();

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
            painter.translate(kMarginX, kHeader);
            layout.drawPage(painter, p);
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
