#pragma once

#include "common/modelsizes.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fathom::ml {

// The model family (DESIGN.md, "Models"). Every model maps a window of `lookback` steps ×
// `channels` inputs to `horizon` steps × `targets` outputs.
// ConvAe reconstructs its input window (batch × lookback × channels) rather than forecasting:
// an anomaly scorer (ts evaluate --protocol skab), not a member of the forecasting family.
enum class ModelKind { Lstm, Gru, CnnLstm, Spike, Rule, Ensemble, PatchTst, DLinear, ConvAe };

std::string kindName(ModelKind kind);         // "lstm", "gru", "cnn_lstm", "spike", "rule", "ensemble", …
ModelKind parseKind(const std::string& name); // throws Error listing the names
std::vector<ModelKind> allKinds();
// Recurrent layers (LSTM, GRU) on the CPU in fp32 run Fathom's own sequence kernels: a layer is
// one autograd node and its weight gradients one product over all steps: about 1.5× the training
// speed of LibTorch's layers at batch 32 for the stacked LSTM (docs/BENCHMARKS.md), with the same
// parameters and the same results to rounding.
// Off (for a comparison, or should a result look wrong): LibTorch's layers everywhere. Process-wide.
void setFusedRecurrent(bool on);
bool fusedRecurrent();
// The arithmetic of inference on the CPU for every model not given its own (Model::setPrecision):
// "fp32" (the default) or "bf16", whose matrix products run on Intel AMX where the CPU has it,
// four times as fast as fp32 there, forecasts off by about a thousandth of a standard deviation
// (docs/BENCHMARKS.md). Process-wide; fathom::start sets it from compute.inference_precision.
// Throws Error for another name.
void setCpuInferencePrecision(const std::string& precision);
std::string cpuInferencePrecision();
// Whether this build's LibTorch can run the series models on a device ("cpu", "cuda:0", …).
bool canRunOn(const std::string& device);

struct ModelConfig
{
    ModelKind kind = ModelKind::Lstm;
    int lookback = 100;
    int channels = 12;
    int horizon = 1;
    std::vector<int> targets = {0}; // input channels forecast (PatchTST and DLinear forecast each)
    // Dropout and PatchTST's sizes default to ModelSizes' (what the Training dock restores).
    float dropout = ModelSizes{}.dropout;
    // PatchTST
    int patchLength = ModelSizes{}.patchLength;
    int patchStride = ModelSizes{}.patchStride;
    int modelWidth = ModelSizes{}.width;
    int heads = ModelSizes{}.heads;
    int layers = ModelSizes{}.layers;
    int feedForward = ModelSizes{}.feedForward; // the encoder's feed-forward layer; 0: twice modelWidth
    // 2: the paper's encoder (BatchNorm, GELU, attention scores carried from layer to layer);
    // 1: LibTorch's TransformerEncoder (LayerNorm, ReLU), as models saved before it were built.
    int encoderVersion = 2;
    // RevIN's learned per-channel scale and shift around the instance normalisation; the paper's
    // ETTh1 script runs without them (its --affine 0). Folders without the key have them.
    bool revinAffine = ModelSizes{}.revinAffine;
    // DLinear
    int movingAverage = 25;
    // ConvAe: true reconstructs one series and compares it with every channel, as SKAB's Conv-AE
    // does (its last layer has one filter; Keras broadcasts it against the eight channels);
    // false reconstructs each channel.
    bool oneReconstruction = false;
};

// The analyst's sizes (dropout; PatchTST's shape) put into a config, and read back out of one.
inline ModelConfig withSizes(ModelConfig c, const ModelSizes& s)
{
    c.dropout = s.dropout;
    c.modelWidth = s.width;
    c.heads = s.heads;
    c.layers = s.layers;
    c.feedForward = s.feedForward;
    c.patchLength = s.patchLength;
    c.patchStride = s.patchStride;
    c.revinAffine = s.revinAffine;
    return c;
}
inline ModelSizes sizesOf(const ModelConfig& c)
{
    return {c.dropout, c.modelWidth, c.heads, c.layers, c.feedForward, c.patchLength, c.patchStride, c.revinAffine};
}

// What a model gives for a batch of windows; empty where the model has no such output.
struct Prediction
{
    std::vector<float> forecast;         // batch × horizon × targets
    std::vector<float> spikeProbability; // batch (spike detector and ensemble)
    std::vector<float> members;          // batch × members × horizon × targets (ensemble)
};

// A model ready to run: the network behind pimpl so callers need no LibTorch header.
class Model
{
public:
    explicit Model(const ModelConfig& config, std::uint64_t seed = 1);
    ~Model();
    Model(Model&&) noexcept;
    Model& operator=(Model&&) noexcept;

    const ModelConfig& config() const;
    std::int64_t parameterCount() const;
    // windows: batch × lookback × channels, row-major. Returns batch × horizon × targets.
    // With `spikeProbability` (spike detector and ensemble), the spike head's output for each
    // window comes from the same pass.
    std::vector<float> predict(const std::vector<float>& windows, int batch,
                               std::vector<float>* spikeProbability = nullptr) const;
    bool hasSpikeHead() const;
    bool reconstructs() const; // ConvAe: predict() gives batch × lookback × channels
    // Ensemble only: each member's forecast, batch × members × horizon × targets, members in
    // the order of memberKinds().
    std::vector<float> memberForecasts(const std::vector<float>& windows, int batch) const;
    // Everything from one pass: for the ensemble its forecast, its spike probability and its five
    // members' forecasts together cost what its forecast alone does.
    Prediction predictAll(const std::vector<float>& windows, int batch) const;
    // The arithmetic of inference: "fp32", "bf16" (autocast; on the CPU Fathom's recurrent
    // kernels take bf16 products and keep their state in fp32), "fp16" on CUDA; empty: the
    // process's (cpuInferencePrecision() on the CPU, fp32 elsewhere). Throws Error for one this
    // device cannot use.
    void setPrecision(const std::string& precision);
    std::string precision() const;
    std::vector<ModelKind> memberKinds() const; // empty for every other model
    // Ensemble only: its member of `trained`'s kind starts from `trained`'s weights (the plan's
    // strategy: members one after another, then the ensemble fine-tuned). Throws Error when the
    // sizes differ.
    void adoptMember(const Model& trained);
    // The spike detector's probability that each window ends in a spike (spike model only).
    std::vector<float> spikeProbability(const std::vector<float>& windows, int batch) const;

    // Where the network runs: "cpu", "cuda", "cuda:N" or "auto" (CUDA when LibTorch sees one).
    // Throws Error naming the device when this build or machine has no such device.
    void setDevice(const std::string& id);
    std::string deviceId() const;                       // "cpu", "cuda:0", …
    void save(const std::filesystem::path& file) const; // atomic: a temp file, then renamed
    static Model load(const std::filesystem::path& file, const ModelConfig& config);

    struct Impl;
    Impl& impl() const { return *m_impl; }

private:
    std::unique_ptr<Impl> m_impl;
};

// `fathom-cli ts models`: each model with its parameter count for the given sizes.
struct ModelDescription
{
    std::string name;
    std::int64_t parameters = 0;
    std::vector<std::int64_t> outputShape; // for a batch of one
};
ModelDescription describe(const ModelConfig& config);

} // namespace fathom::ml
