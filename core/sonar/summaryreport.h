#pragma once

#include "sonartypes.h"

#include <string>

namespace fathom::sonar {

// `fathom-cli sonar info`: the same facts as JSON or as text for a terminal.
std::string summaryJson(const FileSummary& summary, const std::string& path);
std::string summaryText(const FileSummary& summary, const std::string& path);

} // namespace fathom::sonar
