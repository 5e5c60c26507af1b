#pragma once

#include <filesystem>
#include <fstream>

namespace fathom {

// Writes go to a temporary file beside the target; commit() renames it over the target, so a
// crash or an error never leaves a half-written file where a good one was.
class AtomicFile
{
public:
    explicit AtomicFile(const std::filesystem::path& target); // throws Error naming the file
    ~AtomicFile();                                            // without commit(), the temporary file is removed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::ofstream& stream() { return m_out; }
    void commit(); // throws Error when the data could not be written

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temp;
    std::ofstream m_out;
    bool m_committed = false;
};

} // namespace fathom
