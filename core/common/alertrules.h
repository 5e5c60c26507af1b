#pragma once

#include <cmath>
#include <cstddef>
#include <string>

// How anomaly scores become alert intervals: used by ml's alerts, kept in a model's alert
// calibration and, where the analyst changed them (Tools → Alert Settings, `ts alerts
// --threshold …`), in a project. Plain values, so the project file needs no LibTorch.
namespace fathom {

struct AlertRules
{
    float threshold = 3.0f;        // an alert opens above this …
    float release = 0.7f;          // … and closes below threshold × release (hysteresis)
    std::size_t minimumLength = 3; // rows; shorter flickers are dropped
    std::size_t mergeGap = 0;      // alerts closer than this many rows become one
    bool operator==(const AlertRules&) const = default;
};

// What makes `rules` unusable, in words, or empty: a threshold not above 0, a release outside
// (0, 1], a shortest alert of 0 rows.
inline std::string alertRulesProblem(const AlertRules& rules)
{
    if (!(rules.threshold > 0) || !std::isfinite(rules.threshold))
        return "alert threshold " + std::to_string(rules.threshold) + ": it must be a number above 0";
    if (!(rules.release > 0 && rules.release <= 1))
        return "alert release " + std::to_string(rules.release) +
               ": an alert closes below the threshold times this, a share above 0 and at most 1";
    if (rules.minimumLength < 1)
        return "shortest alert of 0 rows: it must be at least 1";
    return {};
}

} // namespace fathom
