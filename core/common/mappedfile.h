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
    std::size_t size() const { return m_size; }
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
    const std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace fathom
