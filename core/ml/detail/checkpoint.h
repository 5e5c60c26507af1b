#pragma once

// The trainer's checkpoint: the whole state of a run, written atomically after every epoch
// (LibTorch types: core/ml's .cpp files only).
#include "ml/trainer.h"

#include <torch/torch.h>

#include <filesystem>
#include <limits>
#include <vector>

namespace fathom::ml::detail {

struct TrainState
{
    int epoch = 0; // epochs completed
    double best = std::numeric_limits<double>::infinity();
    int sinceBest = 0;
    // The best epoch's parameters, then its buffers (BatchNorm's running statistics: the
    // validation loss that made the epoch best was measured with them).
    std::vector<torch::Tensor> bestWeights;
};

// Everything the forecasts depend on: the parameters, then the buffers.
std::vector<torch::Tensor> weightsAndBuffers(torch::nn::Module& net);

// Writes beside `path` and renames over it: the previous checkpoint stays until the new one is whole.
void saveCheckpoint(const std::filesystem::path& path, torch::nn::Module& net, torch::optim::Optimizer& optimizer,
                    const TrainState& state, const TrainResult& result);
// Throws Error naming the file when it is not a checkpoint of this model and these options.
void loadCheckpoint(const std::filesystem::path& path, torch::nn::Module& net, torch::optim::Optimizer& optimizer,
                    TrainState& state, TrainResult& result, const torch::Device& device);

} // namespace fathom::ml::detail
