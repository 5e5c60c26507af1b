#pragma once

#include <vector>

namespace fathom {

// Round values for a logarithmic axis from lo to hi (0 < lo < hi): the densest of 1, 2, 5 × 10^k;
// 1, 3 × 10^k; 10^k whose neighbours lie at least `spacing` decades apart (the room a label needs);
// over many decades every n-th power of ten. Empty where fewer than two round values fall inside:
// so narrow a range is nearly linear, and evenly spaced values suit it better.
std::vector<double> logRoundTicks(double lo, double hi, double spacing);

} // namespace fathom
