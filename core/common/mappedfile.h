#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>

namespace fathom {

// A whole file mapped read-only. Pages come in as they are touched, so a multi-gigabyte survey
// opens at once and only the parts looked at are read.
class MappedFile
{
public:
    explicit MappedFile(const std::filesystem::path& path); // throws Error naming the file
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::span<const std::uint8_t> bytes() const { return {m_data, m_size}; }
    // Lets the kernel take back the pages read so far (they stay in the page cache and come
    // back on the next touch): a pass over a large file leaves the process small.
    void release() const;
    // Copies bytes from `offset` with one read call: a sequential pass in large reads runs at
    // the disk's speed, where page faults on the mapping fetch 4 KiB at a time.
    std::size_t read(std::size_t offset, std::uint8_t* out, std::size_t length) const;
    std::size_t size() const { return m_size; }
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
    const std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
    int m_fd = -1;
};

} // namespace fathom
