#include "logging.h"

#include "paths.h"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <mutex>

namespace fathom::logging {

namespace {

spdlog::level::level_enum toSpd(Level level)
{
    switch (level) {
    case Level::Trace: return spdlog::level::trace;
    case Level::Debug: return spdlog::level::debug;
    case Level::Info: return spdlog::level::info;
    case Level::Warn: return spdlog::level::warn;
    case Level::Error: return spdlog::level::err;
    }
    return spdlog::level::info;
}

Level fromSpd(spdlog::level::level_enum level)
{
    switch (level) {
    case spdlog::level::trace: return Level::Trace;
    case spdlog::level::debug: return Level::Debug;
    case spdlog::level::warn: return Level::Warn;
    case spdlog::level::err:
    case spdlog::level::critical: return Level::Error;
    default: return Level::Info;
    }
}

std::string clockText(spdlog::log_clock::time_point when)
{
    const auto t = spdlog::log_clock::to_time_t(when);
    std::tm local{};
    localtime_r(&t, &local);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()) % 1000;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%03d", local.tm_hour, local.tm_min, local.tm_sec,
                  static_cast<int>(ms.count()));
    return buf;
}

// The shown text of the record being logged on this thread: spdlog hands its sinks the one
// payload, synchronously, on the thread that logs.
thread_local const std::string* t_shown = nullptr;

class ListenerSink : public spdlog::sinks::base_sink<std::mutex>
{
public:
    int add(Listener listener, bool replay)
    {
        std::lock_guard lock(m_listenersMutex);
        if (replay)
            for (const auto& record : m_recent)
                listener(record);
        m_listeners.emplace(++m_nextId, std::move(listener));
        return m_nextId;
    }
    void remove(int id)
    {
        std::lock_guard lock(m_listenersMutex);
        m_listeners.erase(id);
    }

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override
    {
        const Record record{fromSpd(msg.level), clockText(msg.time),
                            std::string(msg.payload.begin(), msg.payload.end()), t_shown ? *t_shown : std::string()};
        std::lock_guard lock(m_listenersMutex);
        m_recent.push_back(record);
        if (m_recent.size() > 1000)
            m_recent.pop_front();
        for (const auto& [id, listener] : m_listeners)
            listener(record);
    }
    void flush_() override {}

private:
    std::mutex m_listenersMutex;
    std::map<int, Listener> m_listeners;
    std::deque<Record> m_recent;
    int m_nextId = 0;
};

struct State
{
    std::shared_ptr<ListenerSink> listeners = std::make_shared<ListenerSink>();
    std::shared_ptr<spdlog::logger> logger;
    std::mutex mutex;
};

State& state()
{
    static State s;
    return s;
}

spdlog::logger& logger()
{
    auto& s = state();
    std::lock_guard lock(s.mutex);
    if (!s.logger) {
        auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        console->set_level(spdlog::level::warn);
        console->set_pattern("fathom: %l: %v");
        s.logger = std::make_shared<spdlog::logger>("fathom", spdlog::sinks_init_list{console, s.listeners});
        s.logger->set_level(spdlog::level::info);
    }
    return *s.logger;
}

} // namespace

void init(const std::string& level, const std::filesystem::path& file)
{
    auto& s = state();
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(spdlog::level::warn);
    console->set_pattern("fathom: %l: %v");
    std::vector<spdlog::sink_ptr> sinks{console, s.listeners};
    std::string fileProblem;
    if (!file.empty()) {
        try {
            std::filesystem::create_directories(file.parent_path());
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file.string(), 5 << 20, 3));
        } catch (const std::exception& e) {
            fileProblem = "cannot write the log file " + file.string() + ": " + e.what();
        }
    }
    auto next = std::make_shared<spdlog::logger>("fathom", sinks.begin(), sinks.end());
    next->set_level(toSpd(parseLevel(level)));
    next->flush_on(spdlog::level::warn);
    {
        std::lock_guard lock(s.mutex);
        s.logger = next;
    }
    if (!fileProblem.empty())
        warn(fileProblem);
}

Level parseLevel(const std::string& name)
{
    if (name == "trace")
        return Level::Trace;
    if (name == "debug")
        return Level::Debug;
    if (name == "warn" || name == "warning")
        return Level::Warn;
    if (name == "error")
        return Level::Error;
    return Level::Info;
}

std::string levelName(Level level)
{
    switch (level) {
    case Level::Trace: return "trace";
    case Level::Debug: return "debug";
    case Level::Info: return "info";
    case Level::Warn: return "warn";
    case Level::Error: return "error";
    }
    return "info";
}

int addListener(Listener listener, bool replayRecent)
{
    return state().listeners->add(std::move(listener), replayRecent);
}

void removeListener(int id)
{
    state().listeners->remove(id);
}

void trace(const std::string& text)
{
    logger().trace(text);
}
void debug(const std::string& text)
{
    logger().debug(text);
}
void info(const std::string& text)
{
    logger().info(text);
}
void warn(const std::string& text)
{
    logger().warn(text);
}
void error(const std::string& text)
{
    logger().error(text);
}

namespace {
void logShown(Level level, const std::string& text, const std::string& shown)
{
    struct Reset
    {
        ~Reset() { t_shown = nullptr; }
    } reset;
    t_shown = &shown;
    logger().log(toSpd(level), text);
}
} // namespace

void info(const std::string& text, const std::string& shown)
{
    logShown(Level::Info, text, shown);
}
void warn(const std::string& text, const std::string& shown)
{
    logShown(Level::Warn, text, shown);
}

std::filesystem::path defaultLogFile()
{
    return paths::stateDir() / "fathom.log";
}

} // namespace fathom::logging
