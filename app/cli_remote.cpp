// The two helpers the desktop's remote training runs on the host over SSH, so that it needs
// nothing there but fathom-cli and a POSIX shell (no GNU `setsid` or `tail --pid`: macOS and the
// BSDs have neither).
#include "cli_sonar.h"

#include "common/error.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <memory>
#include <signal.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fathom::cli {

namespace {

bool alive(long pid)
{
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

// Runs `command` in a session of its own (so one signal to the process group reaches all of it,
// and it outlives the connection that started it), with its output in files; when it ends by
// itself its exit status is written to `exitFile` (128 + the signal when a signal ended it alone,
// as a shell's `$?` says). Returns the session leader's process number at once.
long detach(const std::vector<std::string>& command, const std::string& out, const std::string& err,
            const std::string& exitFile)
{
    // Everything the children need is made before fork: after it they call only what is safe
    // in a copy of a process that has threads.
    std::vector<char*> argv;
    for (const auto& word : command)
        argv.push_back(const_cast<char*>(word.c_str()));
    argv.push_back(nullptr);
    const auto partial = exitFile + ".part";
    const pid_t leader = ::fork();
    if (leader < 0)
        throw Error(std::string("could not start a process: ") + std::strerror(errno));
    if (leader > 0)
        return leader; // it goes on alone when this process ends
    // The session leader stays, waits for the work and writes its exit status.
    ::setsid();
    const int null = ::open("/dev/null", O_RDWR);
    if (null >= 0) {
        ::dup2(null, 0);
        ::dup2(null, 1);
        ::dup2(null, 2);
    }
    const pid_t work = ::fork();
    if (work == 0) {
        const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (o < 0 || e < 0)
            ::_exit(126);
        ::dup2(o, 1);
        ::dup2(e, 2);
        ::execvp(argv[0], argv.data());
        static const char message[] = "fathom-cli detach: could not run the command\n";
        (void)!::write(2, message, sizeof message - 1);
        ::_exit(127);
    }
    int status = 0;
    while (work > 0 && ::waitpid(work, &status, 0) < 0 && errno == EINTR) {
    }
    const int code = work < 0 ? 126 : WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    char text[8];
    int length = 0;
    for (int digits = code >= 100 ? 100 : code >= 10 ? 10 : 1; digits > 0; digits /= 10)
        text[length++] = char('0' + code / digits % 10);
    text[length++] = '\n';
    const int f = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (f >= 0 && ::write(f, text, size_t(length)) == length && ::close(f) == 0)
        ::rename(partial.c_str(), exitFile.c_str());
    ::_exit(0);
}

// Prints the complete lines of `file` from line `from` (1 = the first) as they are written,
// until process `pid` has ended and every line it wrote is out.
void follow(const std::string& file, long from, long pid)
{
    std::FILE* f = nullptr;
    std::string pending; // a line not yet complete
    long seen = 0;       // complete lines read so far
    char buffer[65536];
    for (;;) {
        const bool running = alive(pid); // asked before reading: nothing written before its end is missed
        if (!f)
            f = std::fopen(file.c_str(), "rb");
        if (!f && !running)
            throw Error(file + ": no such progress file (" + std::strerror(errno) + ")");
        if (f) {
            std::size_t n;
            while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
                pending.append(buffer, n);
            std::clearerr(f); // at its end for now: read on from here next time
            std::size_t start = 0, end;
            while ((end = pending.find('\n', start)) != std::string::npos) {
                if (++seen >= from)
                    std::fwrite(pending.data() + start, 1, end - start + 1, stdout);
                start = end + 1;
            }
            pending.erase(0, start);
            if (std::fflush(stdout) != 0)
                return; // nobody reads any more (the connection went)
        }
        if (!running)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    std::fclose(f);
}

} // namespace

void addRemoteCommands(CLI::App& app)
{
    const auto group = "Remote training (run on the host by the desktop over SSH)";
    auto command = std::make_shared<std::vector<std::string>>();
    auto out = std::make_shared<std::string>(), err = std::make_shared<std::string>(),
         exitFile = std::make_shared<std::string>();
    auto* detachCmd = app.add_subcommand(
        "detach", "Start a command in a session of its own, output into files; print its process number");
    detachCmd->group(group);
    detachCmd->add_option("--out", *out, "Its standard output goes here")->required();
    detachCmd->add_option("--err", *err, "Its standard error goes here")->required();
    detachCmd->add_option("--exit-file", *exitFile, "Its exit status is written here when it ends")->required();
    detachCmd->add_option("command", *command, "The command and its arguments, after --")->required();
    detachCmd->callback([=] { std::cout << detach(*command, *out, *err, *exitFile) << std::endl; });

    auto file = std::make_shared<std::string>();
    auto from = std::make_shared<long>(1), pid = std::make_shared<long>(0);
    auto* followCmd =
        app.add_subcommand("follow", "Print a file's lines as they are written, until a process has ended");
    followCmd->group(group);
    followCmd->add_option("file", *file, "The file")->required();
    followCmd->add_option("--from", *from, "The first line to print (1 = the first)")->check(CLI::PositiveNumber);
    followCmd->add_option("--pid", *pid, "The process whose end ends the following")->required();
    followCmd->callback([=] { follow(*file, *from, *pid); });
}

} // namespace fathom::cli
