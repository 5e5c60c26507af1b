#pragma once

#include "report/report.h"

#include <filesystem>

namespace fathom {

enum class PageSize { A4, Letter };
PageSize parsePageSize(const std::string& name); // "a4", "letter"; throws Error otherwise

// Paints a report into a PDF through Qt: the classification marking in every header and footer,
// page numbers, and the contents with the page each section starts on. Korean text is set in Noto
// Sans CJK. Needs a QGuiApplication. Atomic: a half-written PDF never replaces a good one.
// Returns the page count; throws Error naming the file when it cannot be written.
int writeReportPdf(const report::Report& report, const std::filesystem::path& file, PageSize page = PageSize::A4);

} // namespace fathom
