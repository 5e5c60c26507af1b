#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <future>

namespace fathom::ml::detail {

// Jobs 0, 1, … count-1 made ahead on up to `workers` threads and taken in order: the training
// loop takes step i's batch while the batches after it are being gathered. With no workers each
// job is made when taken, on the caller's thread. A job's exception reaches the caller on take().
// Destroying it waits for the jobs in flight (they may read what the caller owns).
template <class T> class Ahead
{
public:
    Ahead(int workers, std::size_t count, std::function<T(std::size_t)> make)
        : m_workers(workers > 0 ? std::size_t(workers) : 0)
        , m_count(count)
        , m_make(std::move(make))
    {
        topUp();
    }
    Ahead(const Ahead&) = delete;
    Ahead& operator=(const Ahead&) = delete;
    ~Ahead()
    {
        for (auto& job : m_queue)
            if (job.valid())
                job.wait();
    }

    bool done() const { return m_taken >= m_count; }

    T take()
    {
        if (m_workers == 0)
            return m_make(m_taken++);
        auto job = std::move(m_queue.front());
        m_queue.pop_front();
        ++m_taken;
        topUp();
        return job.get();
    }

private:
    void topUp()
    {
        while (m_workers > 0 && m_queue.size() < m_workers && m_next < m_count)
            m_queue.push_back(std::async(std::launch::async, m_make, m_next++));
    }

    std::size_t m_workers, m_count, m_next = 0, m_taken = 0;
    std::function<T(std::size_t)> m_make;
    std::deque<std::future<T>> m_queue;
};

} // namespace fathom::ml::detail
