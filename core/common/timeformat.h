#pragma once

#include <string>

namespace fathom {

enum class TimeStyle {
    Iso,       // 2025-11-23T06:40:00Z
    IsoMillis, // 2025-11-23T06:40:00.100Z
    Readable,  // 2025-11-23 06:40:00.100
};

// Seconds since 1970 UTC as text; milliseconds are rounded, carrying into the seconds.
std::string formatUtc(double seconds, TimeStyle style);

} // namespace fathom
