#include "mappedfile.h"

#include "error.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace fathom {

MappedFile::MappedFile(const std::filesystem::path& path)
    : m_path(path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw Error(path.string() + ": cannot open: " + std::strerror(errno));
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw Error(path.string() + ": not a regular file");
    }
    m_size = static_cast<std::size_t>(st.st_size);
    if (m_size > 0) {
        void* data = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (data == MAP_FAILED) {
            const int err = errno;
            ::close(fd);
            throw Error(path.string() + ": cannot map: " + std::strerror(err));
        }
        m_data = static_cast<const std::uint8_t*>(data);
    }
    m_fd = fd; // kept for read()
}

void MappedFile::release() const
{
    if (m_data)
        ::madvise(const_cast<std::uint8_t*>(m_data), m_size, MADV_DONTNEED);
}

std::size_t MappedFile::read(std::size_t offset, std::uint8_t* out, std::size_t length) const
{
    std::size_t done = 0;
    while (done < length && offset + done < m_size) {
        const ssize_t got = ::pread(m_fd, out + done, length - done, off_t(offset + done));
        if (got <= 0)
            break;
        done += std::size_t(got);
    }
    return done;
}

MappedFile::~MappedFile()
{
    if (m_data)
        ::munmap(const_cast<std::uint8_t*>(m_data), m_size);
    if (m_fd >= 0)
        ::close(m_fd);
}

} // namespace fathom
