#pragma once

#include <filesystem>

namespace fathom::paths {

// The running executable's folder (from /proc/self/exe).
std::filesystem::path executableDir();
// Fathom's read-only data: <prefix>/share/fathom next to bin/, as installed and as in build/.
std::filesystem::path shareDir();
// $XDG_CONFIG_HOME/fathom (~/.config/fathom).
std::filesystem::path configDir();
// $XDG_STATE_HOME/fathom (~/.local/state/fathom): logs, autosaves.
std::filesystem::path stateDir();

} // namespace fathom::paths
