#pragma once

// Byte-level helpers the reader suites share: read a file whole, write damaged copies, and
// catch the error a file gives when opened.

#include "common/error.h"
#include "sonar/sonarfile.h"

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

} // namespace fathom::test
