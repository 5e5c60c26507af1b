#include "paths.h"

#include <cstdlib>

namespace fathom::paths {

namespace {

std::filesystem::path xdgDir(const char* variable, const char* homeRelative)
{
    if (const char* value = std::getenv(variable); value && *value)
        return std::filesystem::path(value) / "fathom";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : "/tmp") / homeRelative / "fathom";
}

} // namespace

std::filesystem::path executableDir()
{
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::current_path() : exe.parent_path();
}

std::filesystem::path shareDir()
{
    if (const char* value = std::getenv("FATHOM_SHARE_DIR"); value && *value)
        return value;
    return executableDir().parent_path() / "share" / "fathom";
}

std::filesystem::path configDir()
{
    return xdgDir("XDG_CONFIG_HOME", ".config");
}

std::filesystem::path stateDir()
{
    return xdgDir("XDG_STATE_HOME", ".local/state");
}

} // namespace fathom::paths
