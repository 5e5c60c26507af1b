#pragma once

#include <string>
#include <utility>
#include <vector>

namespace fathom {

std::string fathomVersion();
// Versions of the libraries core was built with, as {name, version}: OpenCV, spdlog, …
std::vector<std::pair<std::string, std::string>> libraryVersions();

} // namespace fathom
