#pragma once

// Internal to core/ml: the LibTorch networks behind ml::Model. Included only by core/ml .cpp
// files (DESIGN.md rule 1).

#include "common/error.h"
#include "ml/models.h"
#include "random.h"

#include <ATen/autocast_mode.h>
#include <torch/torch.h>
#include <torch/version.h>

#include <tuple>

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
    // ConvAe: the output is the input window reconstructed, and training's target is the input.
    virtual bool reconstructs() const { return false; }
    // Ensemble only: the member network of that kind, to start it from a trained model.
    virtual std::shared_ptr<Network> member(ModelKind kind);
    // Forecast, spike logit (undefined without a spike head) and member forecasts (ensemble
    // only, else undefined) from one pass.
    virtual std::tuple<torch::Tensor, torch::Tensor, torch::Tensor> forwardAll(torch::Tensor x);
};

// Autocast's switches, per device type. LibTorch 2.4 gave them a device-type argument; the older
// calls per device remain there, deprecated and warning as they run.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
inline bool autocastOn(c10::DeviceType type)
{
    return at::autocast::is_autocast_enabled(type);
}
inline void setAutocastOn(c10::DeviceType type, bool on)
{
    at::autocast::set_autocast_enabled(type, on);
}
inline at::ScalarType autocastType(c10::DeviceType type)
{
    return at::autocast::get_autocast_dtype(type);
}
inline void setAutocastType(c10::DeviceType type, at::ScalarType scalar)
{
    at::autocast::set_autocast_dtype(type, scalar);
}
#else
inline bool autocastOn(c10::DeviceType type)
{
    return type == c10::kCUDA ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
}
inline void setAutocastOn(c10::DeviceType type, bool on)
{
    if (type == c10::kCUDA)
        at::autocast::set_enabled(on);
    else
        at::autocast::set_cpu_enabled(on);
}
inline at::ScalarType autocastType(c10::DeviceType type)
{
    return type == c10::kCUDA ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
}
inline void setAutocastType(c10::DeviceType type, at::ScalarType scalar)
{
    if (type == c10::kCUDA)
        at::autocast::set_autocast_gpu_dtype(scalar);
    else
        at::autocast::set_autocast_cpu_dtype(scalar);
}
#endif

// Autocast for the forward pass while it lives: bf16 or fp16 where asked for (training and inference).
class Autocast
{
public:
    Autocast(const std::string& precision, const torch::Device& device)
    {
        if (precision == "fp32" || precision.empty())
            return;
        if (precision != "bf16" && precision != "fp16")
            throw Error("unknown precision '" + precision + "': expected fp32, bf16 or fp16");
        const auto type = precision == "bf16" ? at::kBFloat16 : at::kHalf;
        m_type = device.is_cuda() ? c10::kCUDA : c10::kCPU;
        if (m_type == c10::kCPU && type == at::kHalf)
            throw Error("fp16 needs a CUDA GPU; on the CPU use fp32 or bf16");
        setAutocastType(m_type, type);
        setAutocastOn(m_type, true);
        at::autocast::increment_nesting();
        m_on = true;
    }
    ~Autocast()
    {
        if (!m_on)
            return;
        if (at::autocast::decrement_nesting() == 0)
            at::autocast::clear_cache();
        setAutocastOn(m_type, false);
    }
    Autocast(const Autocast&) = delete;
    Autocast& operator=(const Autocast&) = delete;

private:
    bool m_on = false;
    c10::DeviceType m_type = c10::kCPU;
};

// One-layer, batch-first LSTM / GRU over batch × steps × inputs → batch × steps × hidden (both
// directions side by side when bidirectional): Fathom's sequence kernels on the CPU in fp32
// (recurrent.cpp), the module's own forward elsewhere or when fusedRecurrent() is off.
torch::Tensor runLstm(torch::nn::LSTM& lstm, const torch::Tensor& input);
torch::Tensor runGru(torch::nn::GRU& gru, const torch::Tensor& input);

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
    std::string precision; // of inference; empty: the process's (Model::setPrecision)
    std::string inferencePrecision() const
    {
        if (!precision.empty())
            return precision;
        // The process's bf16 leaves out PatchTST and DLinear: measured, bf16 made them no faster
        // (PatchTST slower), and only moved their forecasts (docs/BENCHMARKS.md).
        const bool gains = config.kind != ModelKind::PatchTst && config.kind != ModelKind::DLinear;
        return device.is_cpu() && gains ? cpuInferencePrecision() : "fp32";
    }

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
