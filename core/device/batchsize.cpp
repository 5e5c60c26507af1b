#include "batchsize.h"

#include <algorithm>

namespace fathom {

int autoBatchSize(std::uint64_t bytesPerSample, std::uint64_t freeBytes, std::uint64_t limitBytes, int maxBatch)
{
    if (bytesPerSample == 0 || maxBatch < 1)
        return 0;
    const std::uint64_t budget = limitBytes > 0 ? std::min(freeBytes, limitBytes) : freeBytes;
    // The caching allocator fragments and kernels need workspace: plan on 85 % of the budget.
    const std::uint64_t usable = budget / 100 * 85;
    const std::uint64_t fits = usable / bytesPerSample;
    if (fits == 0)
        return 0;
    int batch = 1;
    while (static_cast<std::uint64_t>(batch) * 2 <= fits && batch * 2 <= maxBatch)
        batch *= 2;
    return batch;
}

} // namespace fathom
