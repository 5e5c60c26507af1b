#include "timeformat.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace fathom {

std::string formatUtc(double seconds, TimeStyle style)
{
    const auto millis = static_cast<long long>(std::llround(seconds * 1000.0));
    const auto whole = static_cast<std::time_t>(millis >= 0 ? millis / 1000 : (millis - 999) / 1000);
    const int ms = int(millis - static_cast<long long>(whole) * 1000);
    std::tm t{};
    gmtime_r(&whole, &t);
    char text[40];
    const char separator = style == TimeStyle::Readable ? ' ' : 'T';
    if (style == TimeStyle::Iso)
        std::snprintf(text, sizeof text, "%04d-%02d-%02d%c%02d:%02d:%02dZ", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday,
                      separator, t.tm_hour, t.tm_min, t.tm_sec);
    else
        std::snprintf(text, sizeof text, "%04d-%02d-%02d%c%02d:%02d:%02d.%03d%s", t.tm_year + 1900, t.tm_mon + 1,
                      t.tm_mday, separator, t.tm_hour, t.tm_min, t.tm_sec, ms,
                      style == TimeStyle::IsoMillis ? "Z" : "");
    return text;
}

} // namespace fathom
