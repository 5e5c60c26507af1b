// fathom-cli report: a project as an annotated report, the same content the GUI's report dialog
// writes. PDF needs Qt (built with FATHOM_BUILD_GUI); HTML does not.
#include "cli_sonar.h"

#include "common/error.h"
#include "project/project.h"
#include "report/report.h"

#ifdef FATHOM_HAVE_PDF
#include "reportpdf.h"

#include <QGuiApplication>
#endif

#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace fathom::cli {

namespace {

struct ReportArgs
{
    std::string project, out, sections, lang = "en", title, author, date, classification, notes, notesFile;
    std::string page = "a4";
    bool includeRejected = false;
    std::size_t maxContacts = 100, maxAlerts = 50;
};

std::string extension(const std::string& path)
{
    const auto ext = std::filesystem::path(path).extension().string();
    std::string lower;
    for (char c : ext)
        lower += char(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

void runReport(const ReportArgs& a, const StartupOptions& startupOptions)
{
    const auto ext = extension(a.out);
    if (ext != ".pdf" && ext != ".html" && ext != ".htm")
        throw Error(a.out + ": a report is written as .pdf or .html");
#ifndef FATHOM_HAVE_PDF
    if (ext == ".pdf")
        throw Error(a.out +
                    ": this fathom-cli was built without Qt (FATHOM_BUILD_GUI=OFF) and writes only .html reports");
#endif
    // The folder is checked before the work: a report that cannot be written is not built.
    const auto folder = std::filesystem::absolute(a.out).parent_path();
    if (!std::filesystem::is_directory(folder) || ::access(folder.c_str(), W_OK) != 0)
        throw Error(a.out + ": cannot be written (the folder " + folder.string() + " is missing or read-only)");
    report::ReportOptions options;
    options.language = report::parseLanguage(a.lang);
    if (!a.sections.empty())
        options.sections = report::parseSections(a.sections);
    options.author = a.author;
    options.date = a.date;
    options.classification = a.classification;
    options.includeRejected = a.includeRejected;
    options.maxContacts = a.maxContacts;
    options.maxAlerts = a.maxAlerts;
    options.notes = a.notes;
    if (!a.notesFile.empty()) {
        std::ifstream in(a.notesFile);
        if (!in)
            throw Error(a.notesFile + ": cannot be read");
        std::ostringstream text;
        text << in.rdbuf();
        options.notes = text.str();
    }
    const auto project = project::load(a.project);
    options.title = a.title.empty() ? report::text("default_title", options.language) + " — " +
                                          std::filesystem::path(a.project).stem().string()
                                    : a.title;
    try {
        const auto startup = start(startupOptions);
        options.device = report::deviceFields(*startup->devices, options.language);
    } catch (const Error& e) {
        std::cerr << "fathom-cli: the device section is left empty: " << e.what() << "\n";
    }
    int last = -1;
    const auto content = report::buildReport(project, options, [&](double share) {
        const int percent = int(share * 100);
        if (percent / 10 != last / 10) {
            std::cerr << "\rbuilding the report: " << percent << " %" << std::flush;
            last = percent;
        }
    });
    std::cerr << "\n";
    for (const auto& missing : content.missing)
        std::cerr << "fathom-cli: noted in the report: " << missing << "\n";
    if (ext == ".pdf") {
#ifdef FATHOM_HAVE_PDF
        // Painting needs a QGuiApplication; no display: the offscreen platform.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        int argc = 1;
        char name[] = "fathom-cli";
        char* argv[] = {name, nullptr};
        QGuiApplication app(argc, argv);
        const int pages = writeReportPdf(content, a.out, parsePageSize(a.page));
        std::cerr << a.out << ": " << pages << " pages\n";
#endif
    } else {
        report::writeHtml(content, a.out);
        std::cerr << a.out << " written\n";
    }
}

} // namespace

void addReportCommand(CLI::App& app, const StartupOptions& startup)
{
    auto args = std::make_shared<ReportArgs>();
    auto* cmd =
        app.add_subcommand("report", "A project as an annotated report: PDF (A4/Letter) or self-contained HTML");
    cmd->add_option("project", args->project, "A .fathom project")->required();
    cmd->add_option("--out", args->out, "report.pdf or report.html")->required();
    cmd->add_option("--sections", args->sections,
                    "Sections in order, comma separated: summary,contacts,alerts,models,device,notes (default: all)");
    cmd->add_option("--lang", args->lang, "Language of the report: en or ko")->default_val("en");
    cmd->add_option("--title", args->title, "Title (default: Survey report — project name)");
    cmd->add_option("--author", args->author, "Author");
    cmd->add_option("--date", args->date, "Date (default: today, UTC)");
    cmd->add_option("--classification", args->classification, "Marking in every header and footer, e.g. RESTRICTED");
    cmd->add_option("--notes", args->notes, "The analyst's free text");
    cmd->add_option("--notes-file", args->notesFile, "The analyst's free text from a file");
    cmd->add_option("--page", args->page, "Page size of a PDF: a4 or letter")->default_val("a4");
    cmd->add_flag("--include-rejected", args->includeRejected, "Include rejected contacts and alerts");
    cmd->add_option("--max-contacts", args->maxContacts, "Contacts shown, highest scored first")->default_val(100);
    cmd->add_option("--max-alerts", args->maxAlerts, "Alerts shown, highest scored first")->default_val(50);
    cmd->callback([args, &startup] { runReport(*args, startup); });
}

} // namespace fathom::cli
