#pragma once

// The tiny data and models the ml suites train: small enough for a test, hard enough to learn.
#include "ml/modelfolder.h"
#include "ml/models.h"
#include "series/dataset.h"

#include <cmath>

using namespace fathom;
using namespace fathom::ml;

namespace tiny {

// Three channels where the third is a product of the first two: learnable, not trivial.
inline series::Series tinySeries(std::size_t rows = 300)
{
    series::Series s;
    s.channels = {"a", "b", "c"};
    s.rows = rows;
    s.data.resize(rows * 3);
    for (std::size_t r = 0; r < rows; ++r) {
        const double t = double(r);
        s.data[r] = float(std::sin(t / 5.0));
        s.data[rows + r] = float(std::cos(t / 7.0));
        s.data[2 * rows + r] = float(std::sin(t / 5.0) * std::cos(t / 7.0));
    }
    return s;
}

inline ModelConfig tinyConfig(ModelKind kind)
{
    ModelConfig c;
    c.kind = kind;
    c.lookback = 24;
    c.channels = 3;
    c.horizon = 1;
    c.targets = {2};
    c.dropout = 0.0f;
    c.patchLength = 8;
    c.patchStride = 4;
    c.modelWidth = 32;
    c.heads = 4;
    c.layers = 1;
    c.movingAverage = 5;
    return c;
}

// The card of a model over tinySeries' three channels, unscaled.
inline ModelCard tinyCard(const ModelConfig& config)
{
    ModelCard card;
    card.config = config;
    card.features = {"a", "b", "c"};
    card.target = "c";
    card.offsets = {0, 0, 0};
    card.scales = {1, 1, 1};
    return card;
}

} // namespace tiny

using tiny::tinyCard;
using tiny::tinyConfig;
using tiny::tinySeries;
