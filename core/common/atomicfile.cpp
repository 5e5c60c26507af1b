#include "atomicfile.h"

#include "error.h"

#include <unistd.h>

namespace fathom {

AtomicFile::AtomicFile(const std::filesystem::path& target)
    : m_target(target)
    , m_temp(target.string() + ".part-" + std::to_string(::getpid()))
{
    m_out.open(m_temp, std::ios::binary | std::ios::trunc);
    if (!m_out)
        throw Error(target.string() + ": cannot write (is the folder there and writable?)");
}

AtomicFile::~AtomicFile()
{
    if (!m_committed) {
        m_out.close();
        std::error_code ignored;
        std::filesystem::remove(m_temp, ignored);
    }
}

void AtomicFile::commit()
{
    m_out.flush();
    const bool good = m_out.good();
    m_out.close();
    if (!good)
        throw Error(m_target.string() + ": writing failed (disk full?)");
    std::error_code ec;
    std::filesystem::rename(m_temp, m_target, ec);
    if (ec)
        throw Error(m_target.string() + ": cannot replace: " + ec.message());
    m_committed = true;
}

} // namespace fathom
