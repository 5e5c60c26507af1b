#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <memory>
#include <vector>

namespace fathom::sonar {

// An append-only list that one thread fills while others read what is already there: a file's
// packet index grows in the background while the first screen is drawn. Items never move, so a
// reader may keep a reference while the writer appends.
template <typename T> class GrowingIndex
{
public:
    explicit GrowingIndex(std::size_t capacity)
        : m_chunks(capacity / kChunk + 1)
    {
    }

    // Writer only. Returns false when the capacity given at construction is reached.
    bool push(const T& item)
    {
        const std::size_t n = m_size.load(std::memory_order_relaxed);
        if (n / kChunk >= m_chunks.size())
            return false;
        auto& chunk = m_chunks[n / kChunk];
        if (!chunk)
            chunk = std::make_unique<std::array<T, kChunk>>();
        (*chunk)[n % kChunk] = item;
        m_size.store(n + 1, std::memory_order_release);
        return true;
    }

    std::size_t size() const { return m_size.load(std::memory_order_acquire); }
    bool empty() const { return size() == 0; }
    // Only for i < size().
    const T& operator[](std::size_t i) const { return (*m_chunks[i / kChunk])[i % kChunk]; }

private:
    static constexpr std::size_t kChunk = 4096;
    std::vector<std::unique_ptr<std::array<T, kChunk>>> m_chunks; // sized once: never reallocated
    std::atomic<std::size_t> m_size{0};
};

} // namespace fathom::sonar
