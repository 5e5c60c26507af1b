#pragma once

#include <filesystem>

namespace fathom {

class MainWindow;

// The demo survey: a simulated line with its sensors and a project, written into the state folder
// the first time (and again when this version writes a different one). Throws Error when it
// cannot be written.
std::filesystem::path demoFolder();

// Opens the demo's project; the first time, its rule and spike models train in the background (a
// minute on two cores) and its contacts are proposed once the line is indexed.
void openDemo(MainWindow& window, const std::filesystem::path& dir);

} // namespace fathom
