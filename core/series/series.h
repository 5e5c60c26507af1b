#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace fathom::series {

// Sensor series as one column-major array: channel c is data[c * rows .. (c + 1) * rows), so a
// training window over one channel is a pointer and a length into it, never a copy.
struct Series
{
    std::vector<std::string> channels;
    std::vector<double> time; // seconds since 1970 UTC per row; empty when the file had no time
    std::vector<float> data;
    std::size_t rows = 0;
    std::string source; // the file it was read from ("a.csv + b.csv" for several), for messages

    std::span<const float> column(std::size_t channel) const { return {data.data() + channel * rows, rows}; }
    std::span<float> column(std::size_t channel) { return {data.data() + channel * rows, rows}; }
    // Index of a channel by name; throws Error naming the source and the channels there are.
    std::size_t channel(const std::string& name) const;
};

} // namespace fathom::series
