#pragma once

// Internal to core/ml: the LibTorch networks behind ml::Model. Included only by core/ml .cpp
// files (DESIGN.md rule 1).

#include "common/error.h"
#include "ml/models.h"

#include <torch/torch.h>

namespace fathom::ml::detail {

// x: batch × lookback × channels → batch × horizon × targets.
struct Network : torch::nn::Module
{
    virtual torch::Tensor forward(torch::Tensor x) = 0;
    // Only the spike detector has one: batch → probability that the window ends in a spike.
    virtual torch::Tensor spikeLogit(torch::Tensor x);
    // The forecast and the spike logit from one pass (spike detector and ensemble only).
    virtual std::pair<torch::Tensor, torch::Tensor> forwardWithSpike(torch::Tensor x);
    virtual bool hasSpikeHead() const { return false; }
    // Ensemble only: the member network of that kind, to start it from a trained model.
    virtual std::shared_ptr<Network> member(ModelKind kind);
    // Ensemble only: every member's forecast, batch × members × outputs.
    virtual torch::Tensor memberForecasts(torch::Tensor x);
};

std::shared_ptr<Network> makeNetwork(const ModelConfig& config);
// "cpu", "cuda", "cuda:N" or "auto" as a LibTorch device; Error naming `who` when absent here.
torch::Device resolveDevice(const std::string& id, const std::string& who);
// After running out of memory: the caching allocator gives its free blocks back (CUDA only).
void releaseCachedMemory(const torch::Device& device);
std::int64_t countParameters(const torch::nn::Module& module);

} // namespace fathom::ml::detail

namespace fathom::ml {

struct Model::Impl
{
    ModelConfig config;
    std::shared_ptr<detail::Network> net;
    torch::Device device = torch::kCPU;

    torch::Tensor batchTensor(const std::vector<float>& windows, int batch) const
    {
        const auto expected = std::size_t(batch) * std::size_t(config.lookback) * std::size_t(config.channels);
        if (windows.size() != expected)
            throw Error("the model expects windows of " + std::to_string(config.lookback) + " steps × " +
                        std::to_string(config.channels) + " channels; it was given " + std::to_string(windows.size()) +
                        " values for " + std::to_string(batch) + " windows");
        return torch::from_blob(const_cast<float*>(windows.data()), {batch, config.lookback, config.channels})
            .to(device, /*non_blocking=*/false, /*copy=*/true);
    }
};

} // namespace fathom::ml
