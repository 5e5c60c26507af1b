#include "common/atomicfile.h"
#include "common/error.h"
#include "report.h"
#include "reportparts.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace fathom::report {

namespace {

std::string base64(const std::vector<std::uint8_t>& bytes)
{
    static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::uint32_t n = std::uint32_t(bytes[i]) << 16 | (i + 1 < bytes.size() ? bytes[i + 1] << 8 : 0) |
                                (i + 2 < bytes.size() ? bytes[i + 2] : 0);
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? alphabet[(n >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? alphabet[n & 63] : '=';
    }
    return out;
}

const char* kStyle = R"(body{color:#222}
.marking{text-align:center;font-weight:bold;color:#a00;border:1px solid #a00;padding:2px;margin:8px 0}
h1{margin-bottom:4px}.meta{color:#555}h2{border-bottom:1px solid #999;margin-top:28px}
h3{margin:18px 0 6px}table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#eee}.fields td.label{color:#555}.figure{margin:8px 0 2px}
.caption{font-size:90%;color:#444;margin-top:0}.missing{color:#a00;font-style:italic}
.toc td{border:none;padding:1px 8px}table.list{font-size:8pt}.list td,.list th{padding:2px 3px}.pair{margin:0}td.side{border:none;padding:0 12px 0 0}
)";

void fieldsHtml(std::ostream& out, const Block& block, bool fullWidth = false)
{
    out << "<table class=\"fields\"" << (fullWidth ? " width=\"100%\"" : "") << ">\n";
    const std::size_t columns = std::size_t(std::max(1, block.fieldColumns));
    for (std::size_t i = 0; i < block.fields.size(); i += columns) {
        out << "<tr>";
        for (std::size_t j = i; j < i + columns; ++j)
            if (j < block.fields.size())
                out << "<td class=\"label\">" << markupEscape(block.fields[j].first, true) << "</td><td>"
                    << markupEscape(block.fields[j].second, true) << "</td>";
            else
                out << "<td></td><td></td>";
        out << "</tr>\n";
    }
    out << "</table>\n";
}

void figureHtml(std::ostream& out, const Figure& f, int maxWidth, std::size_t index, const HtmlOptions& options)
{
    const int width = std::min(f.width, maxWidth);
    const int height = f.width > 0 ? f.height * width / f.width : f.height;
    const std::string src = options.imageUrl ? options.imageUrl(index) : "data:" + f.mime + ";base64," + base64(f.data);
    // Plain paragraphs, not <figure>: Qt's rich text (the PDF) knows only these.
    out << "<p class=\"figure\"><img src=\"" << src << "\" width=\"" << width << "\" height=\"" << height
        << "\" alt=\"\"></p>\n<p class=\"caption\">" << markupEscape(f.caption, true) << "</p>\n";
}

// UTF-8 text's width in Latin characters: Hangul and other characters of three bytes and more
// (U+0800 on) count two, as wide as they are set.
std::size_t characters(const std::string& text)
{
    std::size_t width = 0;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        width += (byte & 0xC0) == 0x80 ? 0 : byte >= 0xE0 ? 2 : 1;
    }
    return width;
}

// A list's columns as shares of the page, by their longest cell (a heading's by its longest word):
// Qt's rich text would otherwise squeeze a long cell and break it inside a word.
std::vector<int> columnPercents(const Block& table)
{
    std::vector<std::size_t> longest(table.header.size(), 1);
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        std::size_t from = 0;
        for (auto at = table.header[c].find(' '); from <= table.header[c].size();
             at = table.header[c].find(' ', from)) {
            const auto end = at == std::string::npos ? table.header[c].size() : at;
            const auto word = characters(table.header[c].substr(from, end - from));
            longest[c] = std::max(longest[c], word + (word + 3) / 4); // headings are bold: wider
            from = end + 1;
        }
        for (const auto& row : table.rows)
            if (c < row.size())
                longest[c] = std::max(longest[c], characters(row[c]));
    }
    std::size_t total = 0;
    for (const auto n : longest)
        total += n + 2; // the cell's padding, about two characters
    std::vector<int> percents;
    for (const auto n : longest)
        percents.push_back(int(std::lround(100.0 * double(n + 2) / double(total))));
    return percents;
}

} // namespace

std::string markupEscape(const std::string& text, bool lineBreaks)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\n':
            if (lineBreaks) {
                out += "<br>";
                break;
            }
            [[fallthrough]];
        default: out += c;
        }
    }
    return out;
}

std::vector<const Figure*> figures(const Report& report)
{
    std::vector<const Figure*> list;
    for (const auto& section : report.sections)
        for (const auto& block : section.blocks)
            if (block.kind == Block::Kind::Figure)
                list.push_back(&block.figure);
    return list;
}

namespace {
std::string esc(const std::string& text)
{
    return markupEscape(text, true);
}
} // namespace

std::vector<HtmlPiece> htmlPieces(const Report& report, const HtmlOptions& options)
{
    const auto L = report.language;
    std::vector<HtmlPiece> pieces(1);
    std::ostringstream out;
    const auto cut = [&](bool newPage, bool whole) { // what is written so far closes a piece
        pieces.back().body = out.str();
        pieces.push_back({{}, newPage, whole});
        out.str({});
    };
    out << "<h1>" << esc(report.title) << "</h1>\n<p class=\"meta\">";
    if (!report.author.empty())
        out << esc(text("author", L)) << ": " << esc(report.author) << " &nbsp;·&nbsp; ";
    out << esc(text("date", L)) << ": " << esc(report.date) << "</p>\n";
    // Contents: linked section titles, with page numbers when the renderer knows them.
    out << "<h2>" << esc(text("contents", L)) << "</h2>\n<table class=\"toc\">\n";
    for (std::size_t s = 0; s < report.sections.size(); ++s) {
        const auto& section = report.sections[s];
        out << "<tr><td><a href=\"#" << section.anchor << "\">" << s + 1 << ". " << esc(section.title) << "</a></td>";
        if (s < options.tocPages.size())
            out << "<td align=\"right\">" << options.tocPages[s] << "</td>";
        out << "</tr>\n";
    }
    out << "</table>\n";
    std::size_t figureIndex = 0;
    for (std::size_t s = 0; s < report.sections.size(); ++s) {
        const auto& section = report.sections[s];
        cut(true, true);
        out << "<h2 id=\"" << section.anchor << "\"><a name=\"" << section.anchor << "\"></a>" << s + 1 << ". "
            << esc(section.title) << "</h2>\n";
        bool headingOnly = true; // a section that opens with a subheading keeps its heading with it
        for (std::size_t b = 0; b < section.blocks.size(); ++b) {
            const auto& block = section.blocks[b];
            if (block.kind == Block::Kind::Subheading && !headingOnly)
                cut(false, true);
            headingOnly = false;
            if (block.kind == Block::Kind::Figure && block.figure.besideFields && b + 1 < section.blocks.size() &&
                section.blocks[b + 1].kind == Block::Kind::Fields) {
                // The picture's column as wide as the picture, its caption wrapped under it.
                const int width = std::min(block.figure.width, options.maxImageWidth * 40 / 100);
                out << "<table class=\"pair\" width=\"100%\"><tr><td class=\"side\" width=\"" << width + 12 << "\">";
                figureHtml(out, block.figure, width, figureIndex++, options);
                out << "</td><td class=\"side\">";
                fieldsHtml(out, section.blocks[++b], true);
                out << "</td></tr></table>\n";
                continue;
            }
            switch (block.kind) {
            case Block::Kind::Subheading:
                if (block.anchor.empty())
                    out << "<h3>" << esc(block.text) << "</h3>\n";
                else
                    out << "<h3 id=\"" << block.anchor << "\"><a name=\"" << block.anchor << "\"></a>"
                        << esc(block.text) << "</h3>\n";
                break;
            case Block::Kind::Paragraph: out << "<p>" << esc(block.text) << "</p>\n"; break;
            case Block::Kind::Missing: out << "<p class=\"missing\"><i>" << esc(block.text) << "</i></p>\n"; break;
            case Block::Kind::Fields: fieldsHtml(out, block); break;
            case Block::Kind::Table:
                // The header row repeats on every page a long table runs over (thead: browsers and Qt).
                // A list (its rows link to their pages): small type, columns as wide as their
                // contents (cells that must not wrap hold non-breaking spaces).
                out << (block.rowLinks.empty() ? "<table>" : "<table class=\"list\" width=\"100%\">")
                    << "\n<thead><tr>";
                {
                    const auto widths = block.rowLinks.empty() ? std::vector<int>() : columnPercents(block);
                    for (std::size_t c = 0; c < block.header.size(); ++c)
                        out << "<th" << (c < widths.size() ? " width=\"" + std::to_string(widths[c]) + "%\"" : "")
                            << ">" << esc(block.header[c]) << "</th>";
                }
                out << "</tr></thead>\n";
                for (std::size_t r = 0; r < block.rows.size(); ++r) {
                    out << "<tr>";
                    for (std::size_t c = 0; c < block.rows[r].size(); ++c) {
                        const bool link = c == 0 && r < block.rowLinks.size() && !block.rowLinks[r].empty();
                        out << "<td>" << (link ? "<a href=\"#" + block.rowLinks[r] + "\">" : "")
                            << esc(block.rows[r][c]) << (link ? "</a>" : "") << "</td>";
                    }
                    out << "</tr>\n";
                }
                out << "</table>\n";
                break;
            case Block::Kind::Figure:
                figureHtml(out, block.figure, options.maxImageWidth, figureIndex++, options);
                break;
            }
        }
    }
    pieces.back().body = out.str();
    return pieces;
}

std::string htmlPage(const Report& report, const std::string& body, const HtmlOptions& options)
{
    const auto L = report.language;
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"" << (L == Language::Korean ? "ko" : "en") << "\">\n<head>\n"
        << "<meta charset=\"utf-8\">\n<title>" << esc(report.title) << "</title>\n<style>"
        << kStyle
        // Browsers shrink pictures to narrow windows; Qt's rich text (the PDF) takes the sizes as given.
        << (options.imageUrl ? ""
                             : "body{max-width:900px;margin:0 auto;padding:0 16px;line-height:1.4;font-family:"
                               "\"Segoe UI\",\"DejaVu Sans\",\"Noto Sans\",\"Noto Sans CJK KR\",\"Malgun Gothic\","
                               "\"Apple SD Gothic Neo\",sans-serif}img{max-width:100%;height:auto}"
                               // Printed from a browser: a heading stays with what it heads.
                               "h2,h3{break-after:avoid}.pair,.fields,.figure{break-inside:avoid}")
        << "</style>\n</head>\n<body>\n";
    const bool marking = options.markings && !report.classification.empty();
    if (marking)
        out << "<div class=\"marking\">" << esc(report.classification) << "</div>\n";
    out << body;
    if (marking)
        out << "<div class=\"marking\">" << esc(report.classification) << "</div>\n";
    out << "</body>\n</html>\n";
    return out.str();
}

std::string htmlText(const Report& report, const HtmlOptions& options)
{
    std::string body;
    for (const auto& piece : htmlPieces(report, options))
        body += piece.body;
    return htmlPage(report, body, options);
}

void writeHtml(const Report& report, const std::filesystem::path& file)
{
    const auto page = htmlText(report);
    AtomicFile out(file);
    out.stream() << page;
    out.commit();
}

} // namespace fathom::report
