#pragma once

#include <cstdint>

namespace fathom {

// The largest power-of-two batch whose samples fit in the usable memory: the smaller of the
// device's free memory and its profile's limit, less a safety margin for the allocator and
// workspace. Returns 0 when not even one sample fits.
int autoBatchSize(std::uint64_t bytesPerSample, std::uint64_t freeBytes, std::uint64_t limitBytes, int maxBatch = 4096);

} // namespace fathom
