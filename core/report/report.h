#pragma once

#include "project/project.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fathom {
class DeviceManager;
}

namespace fathom::report {

// The report's content as data: core/report builds it from a project, writeHtml() writes it as a
// self-contained page and the app paints the same content into a PDF.
enum class Language { English, Korean };
enum class SectionKind { Summary, Contacts, Alerts, Models, Device, Notes };

// Parses "summary", "contacts", "alerts", "models", "device", "notes" (comma separated, in the
// order given); throws Error naming an unknown one.
std::vector<SectionKind> parseSections(const std::string& list);
std::string sectionKey(SectionKind kind);
const std::vector<SectionKind>& allSections();

// The report's fixed wording in the language asked for (English when a key has no translation).
std::string text(const std::string& key, Language language);
Language parseLanguage(const std::string& name); // "en", "ko"; throws Error otherwise

struct Figure
{
    std::vector<std::uint8_t> data; // encoded picture
    std::string mime = "image/png"; // or image/jpeg (waterfall crops: much smaller)
    int width = 0, height = 0;
    std::string caption;
    // Drawn beside the fields that follow it, at most 40 % of the width (a contact's crop and
    // its particulars): a contact sheet of three to a page instead of one.
    bool besideFields = false;
};

struct Block
{
    enum class Kind { Subheading, Paragraph, Fields, Figure, Table, Missing };
    Kind kind = Kind::Paragraph;
    std::string text;                                        // Subheading, Paragraph, Missing
    std::vector<std::pair<std::string, std::string>> fields; // Fields: label, value
    int fieldColumns = 1;                                    // Fields: label–value pairs side by side in a row
    Figure figure;
    std::vector<std::string> header; // Table
    std::vector<std::vector<std::string>> rows;
    std::string anchor;                // Subheading: an id that links can point at ("contact-3")
    std::vector<std::string> rowLinks; // Table: the anchor each row's first cell links to, if any
};

struct Section
{
    SectionKind kind = SectionKind::Summary;
    std::string anchor; // an id for links: "summary", "contacts", …
    std::string title;
    std::vector<Block> blocks;
};

struct ReportOptions
{
    std::string title, author, date, classification; // date empty: today
    Language language = Language::English;
    std::vector<SectionKind> sections = allSections();
    std::string notes;                                       // the analyst's free text
    std::vector<std::pair<std::string, std::string>> device; // label, value: filled by the caller
    bool includeRejected = false;                            // rejected contacts and alerts
    std::size_t maxContacts = 100;                           // highest scored first
    std::size_t maxAlerts = 50;
};

struct Report
{
    std::string title, author, date, classification;
    Language language = Language::English;
    std::vector<Section> sections;
    std::vector<std::string> missing; // what could not be shown and why, also noted in place
};

// The device section's fields: the active device, every device with its memory, the LibTorch build.
std::vector<std::pair<std::string, std::string>> deviceFields(const DeviceManager& devices, Language language);

// Builds the content. Inputs that moved or cannot be read leave a visible note in the section
// instead of failing. `progress` gets the share done (0..1); `stop` ends early (the report so far).
Report buildReport(const project::Project& project, const ReportOptions& options,
                   const std::function<void(double)>& progress = {}, const std::atomic<bool>* stop = nullptr);

// The largest departure of a magnetometer channel from the median of the minute around `time`,
// within ±5 s: nT and seconds from `time`. `valueAt` gives the channel at a time (NaN outside).
struct MagneticAnomaly
{
    double nanotesla = 0, offsetSeconds = 0;
};
std::optional<MagneticAnomaly> anomalyNear(const std::function<double(double)>& valueAt, double time);

// A self-contained HTML page (images embedded as data URIs, no outside links). Atomic; throws
// Error naming the file when it cannot write. htmlText() returns the page; with `imageUrl` given,
// images refer to imageUrl(index) instead of being embedded (the PDF renderer supplies them and
// draws the markings and page numbers itself).
void writeHtml(const Report& report, const std::filesystem::path& file);
struct HtmlOptions
{
    std::function<std::string(std::size_t)> imageUrl; // empty: embedded as data URIs
    int maxImageWidth = 860;                          // pixels a picture is drawn at, at most
    bool markings = true;                             // the classification as banners top and bottom
    std::vector<int> tocPages;                        // page numbers per section in the contents, if known
};
std::string htmlText(const Report& report, const HtmlOptions& options = {});
// The page's body in pieces for a renderer that lays out pages (the PDF): the title and contents;
// each section's heading with what precedes its first subheading, on a new page; each subheading
// (a contact, an alert, a model) with what follows it up to the next, to be kept on one page where
// it fits. Concatenated, the pieces are htmlText()'s body.
struct HtmlPiece
{
    std::string body;
    bool newPage = false;      // starts a page
    bool keepTogether = false; // moves to the next page rather than run over a page's foot
};
std::vector<HtmlPiece> htmlPieces(const Report& report, const HtmlOptions& options = {});
// A whole page (head, style, markings) around a body or a piece of one.
std::string htmlPage(const Report& report, const std::string& body, const HtmlOptions& options = {});
// Every figure in the order htmlText() numbers them.
std::vector<const Figure*> figures(const Report& report);

} // namespace fathom::report
