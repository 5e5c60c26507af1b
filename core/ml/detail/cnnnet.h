#pragma once

// The CNN detector's network and the picture it reads, shared by its inference and training
// translation units (LibTorch inside core/ml only).
#include "ml/cnndetector.h"
#include "sonar/detector.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace fathom::ml {

namespace detail {

struct NetImpl : torch::nn::Module
{
    NetImpl(int width, int classes)
    {
        namespace nn = torch::nn;
        const int half = std::max(8, width / 2);
        c1 = register_module("c1", nn::Conv2d(nn::Conv2dOptions(1, half, 3).stride(2).padding(1)));
        b1 = register_module("b1", nn::BatchNorm2d(half));
        c2 = register_module("c2", nn::Conv2d(nn::Conv2dOptions(half, width, 3).padding(1)));
        b2 = register_module("b2", nn::BatchNorm2d(width));
        c3 = register_module("c3", nn::Conv2d(nn::Conv2dOptions(width, width, 3).stride(2).padding(1)));
        b3 = register_module("b3", nn::BatchNorm2d(width));
        c4 = register_module("c4", nn::Conv2d(nn::Conv2dOptions(width, width, 3).padding(2).dilation(2)));
        b4 = register_module("b4", nn::BatchNorm2d(width));
        c5 = register_module("c5", nn::Conv2d(nn::Conv2dOptions(width, width, 3).padding(4).dilation(4)));
        b5 = register_module("b5", nn::BatchNorm2d(width));
        objectness = register_module("objectness", nn::Conv2d(nn::Conv2dOptions(width, 1, 1)));
        extent = register_module("extent", nn::Conv2d(nn::Conv2dOptions(width, 2, 1)));
        cls = register_module("cls", nn::Conv2d(nn::Conv2dOptions(width, classes, 1)));
        // Objects are rare: start from a low prior so the first steps are not spent unlearning.
        torch::NoGradGuard noGrad;
        objectness->bias.fill_(-2.2);
    }

    // x: batch × 1 × rows × columns (multiples of 4). Objectness logits, log extents, class logits
    // at a quarter of the resolution.
    std::tuple<torch::Tensor, torch::Tensor, torch::Tensor> forward(torch::Tensor x)
    {
        x = torch::relu(b1(c1(x)));
        x = torch::relu(b2(c2(x)));
        x = torch::relu(b3(c3(x)));
        x = x + torch::relu(b4(c4(x)));
        x = x + torch::relu(b5(c5(x)));
        return {objectness(x), extent(x), cls(x)};
    }

    torch::nn::Conv2d c1{nullptr}, c2{nullptr}, c3{nullptr}, c4{nullptr}, c5{nullptr};
    torch::nn::BatchNorm2d b1{nullptr}, b2{nullptr}, b3{nullptr}, b4{nullptr}, b5{nullptr};
    torch::nn::Conv2d objectness{nullptr}, extent{nullptr}, cls{nullptr};
};
TORCH_MODULE(Net);

// One side of a file as the network sees it: log of the gain-normalised pings, columns averaged.
struct SideImage
{
    int side = 0;
    std::size_t rows = 0;
    int columns = 0;
    double binMetres = 0;
    std::vector<float> values; // rows × columns
    std::vector<float> gain;   // the same, not logged: for the shadow behind a detection
};

// Pings first..last (all of them by default), each bin held against its mean over those pings.
inline SideImage sideImage(const sonar::SonarFile& file, int side, int across, std::size_t first = 0,
                           std::size_t last = std::size_t(-1))
{
    const auto pings = sonar::normalisedPings(file, side, first, std::min(last, file.pingCount()));
    SideImage image;
    image.side = side;
    image.rows = pings.rows;
    image.columns = pings.samples / across;
    image.binMetres = pings.binMetres;
    image.values.resize(image.rows * std::size_t(image.columns));
    image.gain.resize(image.values.size());
    for (std::size_t r = 0; r < image.rows; ++r)
        for (int c = 0; c < image.columns; ++c) {
            double sum = 0;
            for (int k = 0; k < across; ++k)
                sum += pings.values[r * std::size_t(pings.samples) + std::size_t(c * across + k)];
            const float mean = float(sum / across);
            image.gain[r * std::size_t(image.columns) + std::size_t(c)] = mean;
            image.values[r * std::size_t(image.columns) + std::size_t(c)] =
                std::clamp(std::log(std::max(mean, 0.02f)), -4.f, 3.f);
        }
    return image;
}

// Rows [first, first + rows) of an image as a 1 × 1 × rows × columns' tensor (columns padded to 4).
inline torch::Tensor crop(const SideImage& image, std::size_t first, std::size_t rows)
{
    const int padded = (image.columns + 3) / 4 * 4;
    auto t = torch::zeros({1, 1, long(rows), padded});
    auto a = t.accessor<float, 4>();
    for (std::size_t r = 0; r < rows; ++r) {
        const std::size_t src = std::min(image.rows - 1, first + r);
        for (int c = 0; c < image.columns; ++c)
            a[0][0][long(r)][c] = image.values[src * std::size_t(image.columns) + std::size_t(c)];
    }
    return t;
}

} // namespace detail

struct CnnDetector::Impl
{
    CnnDetectorConfig config;
    detail::Net net{nullptr};
    torch::Device device = torch::kCPU;
};

} // namespace fathom::ml
