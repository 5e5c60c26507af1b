#include "axisticks.h"

#include <cmath>

namespace fathom {

std::vector<double> logRoundTicks(double lo, double hi, double spacing)
{
    if (!(lo > 0) || !(hi > lo) || !(spacing > 0))
        return {};
    const int first = int(std::floor(std::log10(lo))), last = int(std::ceil(std::log10(hi)));
    const auto inside = [&](double v) { return v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9); };
    // From the densest set of round values to the sparsest: the first whose labels all fit wins.
    const std::vector<std::vector<double>> sets{{1, 2, 5}, {1, 3}, {1}};
    for (const auto& mantissas : sets) {
        std::vector<double> ticks;
        for (int power = first; power <= last; ++power)
            for (const double m : mantissas)
                if (inside(m * std::pow(10.0, power)))
                    ticks.push_back(m * std::pow(10.0, power));
        bool fits = true;
        for (std::size_t i = 1; i < ticks.size(); ++i)
            fits = fits && std::log10(ticks[i] / ticks[i - 1]) >= spacing;
        if (fits)
            return ticks.size() >= 2 ? ticks : std::vector<double>{};
    }
    // Many decades on a short axis: every n-th power of ten.
    std::vector<double> ticks;
    const int step = int(std::ceil(spacing));
    for (int power = int(std::ceil(std::log10(lo) - 1e-9)); power <= last; power += step)
        if (inside(std::pow(10.0, power)))
            ticks.push_back(std::pow(10.0, power));
    return ticks;
}

} // namespace fathom
