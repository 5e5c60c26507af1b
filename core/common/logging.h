#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace fathom::logging {

enum class Level { Trace, Debug, Info, Warn, Error };

struct Record
{
    Level level;
    std::string time; // local time, "HH:MM:SS.mmm"
    std::string text;
    std::string shown; // the same in the UI's language where the caller gave it, else empty
};

using Listener = std::function<void(const Record&)>;

// Sets up the process-wide logger: stderr, and a rotating file when `file` is not empty.
// Safe to call again (for example after the config has been read) to change level or file.
void init(const std::string& level, const std::filesystem::path& file = {});
Level parseLevel(const std::string& name); // unknown names read as Info
std::string levelName(Level level);

// Listeners receive every record on the thread that logged it; the GUI forwards them itself.
// With replayRecent, the listener first receives the last records logged (up to 1000), so a view
// opened late still shows how the start went, with nothing lost or doubled in between.
int addListener(Listener listener, bool replayRecent = false);
void removeListener(int id);

void trace(const std::string& text);
void debug(const std::string& text);
void info(const std::string& text);
void warn(const std::string& text);
void error(const std::string& text);
// `text` for the log file and stderr (English, for support and grep), `shown` for the views
// listening (the Log dock), in the user's language.
void info(const std::string& text, const std::string& shown);
void warn(const std::string& text, const std::string& shown);

// Where the log file goes by default: $XDG_STATE_HOME/fathom/fathom.log.
std::filesystem::path defaultLogFile();

} // namespace fathom::logging
