#pragma once

// Byte-level helpers the reader suites share: read a file whole, write damaged copies, and
// catch the error a file gives when opened.

#include "common/error.h"
#include "sonar/sonarfile.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fathom::test {

inline std::vector<char> readAll(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

inline void writeAll(const std::filesystem::path& path, const std::vector<char>& bytes)
{
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

// The message of the Error that opening gives; empty when the file opens.
inline std::string errorOf(const std::filesystem::path& path)
{
    try {
        sonar::open(path);
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

struct FuzzOutcome
{
    int opened = 0;  // damaged copies that opened and read to the end
    int refused = 0; // damaged copies refused with an Error
};

// Random damage to a good file (flipped bytes, truncation): every copy must read to the end or
// be refused with an Error; anything else (a crash, another exception) fails the suite.
inline FuzzOutcome fuzz(const std::vector<char>& good, const std::filesystem::path& scratch, quint32 seed)
{
    QRandomGenerator random(seed);
    QElapsedTimer clock;
    clock.start();
    FuzzOutcome outcome;
    for (int round = 0; round < 2000 && clock.elapsed() < 4000; ++round) {
        auto damaged = good;
        for (int k = 1 + random.bounded(8); k > 0; --k)
            damaged[random.bounded(int(damaged.size()))] = char(random.bounded(256));
        if (random.bounded(4) == 0)
            damaged.resize(random.bounded(int(damaged.size())));
        writeAll(scratch, damaged);
        try {
            const auto file = sonar::open(scratch);
            for (std::size_t p = 0; p < file->pingCount(); ++p) {
                file->pingInfo(p);
                for (int c = 0; c < int(file->channels().size()); ++c)
                    file->samples(p, c);
            }
            file->summary();
            ++outcome.opened;
        } catch (const Error&) {
            ++outcome.refused;
        }
    }
    return outcome;
}

} // namespace fathom::test
