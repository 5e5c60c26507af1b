// The model family in LibTorch. Shapes follow DESIGN.md's table; where the table's parameter
// estimate and its layer list disagree, the layer list was kept and filled out as noted.
#include "detail/networks.h"

#include "common/error.h"

namespace fathom::ml::detail {

namespace {

using torch::Tensor;
namespace nn = torch::nn;

int outputs(const ModelConfig& c)
{
    return c.horizon * int(c.targets.size());
}

Tensor lastStep(const Tensor& sequence)
{
    return sequence.select(1, sequence.size(1) - 1);
}

// The recurrent members forecast the change from the window's last value of each target, not
// the level: one-step forecasts then follow a series that drifts beyond the training range.
Tensor fromLastValue(const Tensor& change, const Tensor& x, const ModelConfig& c)
{
    const Tensor targets = torch::tensor(std::vector<int64_t>(c.targets.begin(), c.targets.end()));
    const Tensor last = lastStep(x).index_select(1, targets).unsqueeze(1); // batch × 1 × targets
    return change.view({-1, c.horizon, long(c.targets.size())}) + last;
}

// A linear layer over batch × steps × inputs as one product with its bias: LibTorch 1.13 runs a
// 3-D input as a product and then a separate addition of the bias, which under bf16 autocast took
// eight times as long as the product (the spike detector's attention projection).
Tensor linear(const Tensor& x, const Tensor& weight, const Tensor& bias)
{
    if (x.dim() != 3)
        return torch::nn::functional::linear(x, weight, bias);
    auto sizes = x.sizes().vec();
    sizes.back() = weight.size(0);
    return torch::addmm(bias, x.reshape({-1, x.size(2)}), weight.t()).view(sizes);
}
Tensor linear(const Tensor& x, nn::Linear& layer)
{
    return linear(x, layer->weight, layer->bias);
}

// Multi-head self-attention over batch × tokens × width in batched matrix products, with the
// weights of a MultiheadAttention (in_proj_weight and _bias, out_proj). LibTorch 1.13's own
// MultiheadAttention took 2.5 times as long for the same tokens. `carried`: scores from the layer
// below added before the softmax (residual attention), or undefined. `flat`: the projections as
// `linear` above runs them (the spike detector); PatchTST keeps LibTorch's, whose rounding its
// ETTh1 figures were measured with. Returns the output and this layer's scores,
// (batch·heads) × tokens × tokens.
std::pair<Tensor, Tensor> selfAttention(const Tensor& x, const Tensor& inWeight, const Tensor& inBias, nn::Linear& out,
                                        int heads, const Tensor& carried = {}, bool flat = false)
{
    const int64_t batch = x.size(0), tokens = x.size(1), width = x.size(2), size = width / heads;
    const auto split = [&](const Tensor& t) {
        return t.reshape({batch, tokens, heads, size}).transpose(1, 2).reshape({batch * heads, tokens, size});
    };
    const auto qkv = (flat ? linear(x, inWeight, inBias) : nn::functional::linear(x, inWeight, inBias)).chunk(3, 2);
    const double scale = 1.0 / std::sqrt(double(size));
    const Tensor keys = split(qkv[1]).transpose(1, 2);
    const Tensor scores = carried.defined() ? torch::baddbmm(carried, split(qkv[0]), keys, 1.0, scale)
                                            : torch::bmm(split(qkv[0]), keys) * scale;
    const Tensor mixed = torch::bmm(torch::softmax(scores, 2), split(qkv[2]))
                             .reshape({batch, heads, tokens, size})
                             .transpose(1, 2)
                             .reshape({batch, tokens, width});
    return {flat ? linear(mixed, out) : out(mixed), scores};
}

// Dense 128 → 64 → outputs, the head the recurrent members share.
struct Head : nn::Module
{
    nn::Linear a{nullptr}, b{nullptr}, c{nullptr};
    detail::Dropout drop{nullptr};
    Head(int in, int first, int second, int out, float dropout)
    {
        a = register_module("a", nn::Linear(in, first));
        b = register_module("b", nn::Linear(first, second));
        c = register_module("c", nn::Linear(second, out));
        drop = register_module("drop", detail::Dropout(dropout));
    }
    Tensor forward(Tensor x) { return c(drop(torch::relu(b(drop(torch::relu(a(x))))))); }
};

// Stacked LSTM 128 → 128 → 64, Dense 128 → 64 → out.
struct StackedLstm : Network
{
    ModelConfig config;
    nn::LSTM l1{nullptr}, l2{nullptr}, l3{nullptr};
    std::shared_ptr<Head> head;
    explicit StackedLstm(const ModelConfig& c)
        : config(c)
    {
        l1 = register_module("l1", nn::LSTM(nn::LSTMOptions(c.channels, 128).batch_first(true)));
        l2 = register_module("l2", nn::LSTM(nn::LSTMOptions(128, 128).batch_first(true)));
        l3 = register_module("l3", nn::LSTM(nn::LSTMOptions(128, 64).batch_first(true)));
        head = register_module("head", std::make_shared<Head>(64, 128, 64, outputs(c), c.dropout));
    }
    Tensor forward(Tensor input) override
    {
        Tensor x = runLstm(l1, input);
        x = runLstm(l2, x);
        x = runLstm(l3, x);
        return fromLastValue(head->forward(lastStep(x)), input, config);
    }
};

// Residual GRU 128 → 128 → 64: each layer adds its input (projected where widths differ).
struct ResidualGru : Network
{
    ModelConfig config;
    nn::Linear in{nullptr}, down{nullptr};
    nn::GRU g1{nullptr}, g2{nullptr}, g3{nullptr};
    std::shared_ptr<Head> head;
    explicit ResidualGru(const ModelConfig& c)
        : config(c)
    {
        in = register_module("input", nn::Linear(c.channels, 128));
        g1 = register_module("g1", nn::GRU(nn::GRUOptions(128, 128).batch_first(true)));
        g2 = register_module("g2", nn::GRU(nn::GRUOptions(128, 128).batch_first(true)));
        g3 = register_module("g3", nn::GRU(nn::GRUOptions(128, 64).batch_first(true)));
        down = register_module("down", nn::Linear(128, 64));
        head = register_module("head", std::make_shared<Head>(64, 256, 64, outputs(c), c.dropout));
    }
    Tensor forward(Tensor input) override
    {
        Tensor x = linear(input, in);
        x = x + runGru(g1, x);
        x = x + runGru(g2, x);
        x = linear(x, down) + runGru(g3, x);
        return fromLastValue(head->forward(lastStep(x)), input, config);
    }
};

// Multi-scale Conv1D (64 filters at kernel sizes 3, 7 and 15, two layers each) → LSTM 128 → 64.
struct CnnLstm : Network
{
    ModelConfig config;
    std::vector<nn::Sequential> scales;
    nn::LSTM l1{nullptr}, l2{nullptr};
    std::shared_ptr<Head> head;
    explicit CnnLstm(const ModelConfig& c)
        : config(c)
    {
        for (int k : {3, 7, 15}) {
            nn::Sequential scale(nn::Conv1d(nn::Conv1dOptions(c.channels, 64, k).padding(k / 2)), nn::ReLU(),
                                 nn::Conv1d(nn::Conv1dOptions(64, 64, k).padding(k / 2)), nn::ReLU());
            scales.push_back(register_module("scale" + std::to_string(k), scale));
        }
        l1 = register_module("l1", nn::LSTM(nn::LSTMOptions(192, 128).batch_first(true)));
        l2 = register_module("l2", nn::LSTM(nn::LSTMOptions(128, 64).batch_first(true)));
        head = register_module("head", std::make_shared<Head>(64, 128, 64, outputs(c), c.dropout));
    }
    Tensor forward(Tensor input) override
    {
        const Tensor channelsFirst = input.transpose(1, 2);
        std::vector<Tensor> parts;
        for (auto& scale : scales)
            parts.push_back(scale->forward(channelsFirst));
        Tensor x = torch::cat(parts, 1).transpose(1, 2);
        x = runLstm(l1, x);
        x = runLstm(l2, x);
        return fromLastValue(head->forward(lastStep(x)), input, config);
    }
};

// Spike detector: Conv1D → 4-head self-attention → BiLSTM 128, with a forecast head (as an
// ensemble member) and a spike head (the probability that the window ends in a spike).
struct SpikeDetector : Network
{
    ModelConfig config;
    nn::Conv1d c1{nullptr}, c2{nullptr};
    nn::MultiheadAttention attention{nullptr};
    nn::LayerNorm norm{nullptr};
    nn::LSTM bilstm{nullptr};
    std::shared_ptr<Head> forecast, spike;
    explicit SpikeDetector(const ModelConfig& c)
        : config(c)
    {
        c1 = register_module("c1", nn::Conv1d(nn::Conv1dOptions(c.channels, 128, 5).padding(2)));
        c2 = register_module("c2", nn::Conv1d(nn::Conv1dOptions(128, 128, 5).padding(2)));
        attention = register_module("attention", nn::MultiheadAttention(nn::MultiheadAttentionOptions(128, 4)));
        norm = register_module("norm", nn::LayerNorm(nn::LayerNormOptions({128})));
        bilstm = register_module("bilstm", nn::LSTM(nn::LSTMOptions(128, 128).batch_first(true).bidirectional(true)));
        forecast = register_module("forecast", std::make_shared<Head>(256, 128, 64, outputs(c), c.dropout));
        spike =
            register_module("spike", std::make_shared<Head>(256 + kJumpSteps * (c.channels + 1), 64, 32, 1, c.dropout));
    }
    // Each channel's last step-to-step changes, less the window's mean change (its trend), in units
    // of the channel's mean absolute change over the window, compressed by asinh: a jump out of the
    // channel's own rhythm, whatever its scale. The spike head sees these beside the learned features.
    static constexpr int kJumpSteps = 3;
    Tensor jumps(const Tensor& x) const
    {
        const auto steps = x.size(1);
        if (steps <= kJumpSteps + 2)
            return torch::zeros({x.size(0), kJumpSteps * (x.size(2) + 1)}, x.options());
        const Tensor changes = x.diff(1, 1);
        const Tensor body = changes.narrow(1, 0, changes.size(1) - kJumpSteps);
        const Tensor trend = body.mean(1, true), typical = (body - trend).abs().mean(1, true) + 1e-3;
        const Tensor recent =
            torch::asinh((changes.narrow(1, changes.size(1) - kJumpSteps, kJumpSteps) - trend) / typical);
        // The largest jump of any channel too: a spike on any one of many channels looks alike.
        return torch::cat({recent.flatten(1), std::get<0>(recent.abs().max(2))}, 1);
    }
    Tensor features(Tensor x)
    {
        // batch × steps × 128, contiguous: the attention's projection is then one product with its bias
        x = torch::relu(c2(torch::relu(c1(x.transpose(1, 2))))).transpose(1, 2).contiguous();
        const Tensor attended =
            selfAttention(x, attention->in_proj_weight, attention->in_proj_bias, attention->out_proj, 4, {}, true)
                .first;
        x = norm((x + attended).to(norm->weight.scalar_type())); // fp32 under autocast too (as normTokens)
        return lastStep(runLstm(bilstm, x));
    }
    Tensor forward(Tensor x) override { return fromLastValue(forecast->forward(features(x)), x, config); }
    Tensor spikeLogit(Tensor x) override { return spike->forward(torch::cat({features(x), jumps(x)}, 1)).squeeze(1); }
    std::pair<Tensor, Tensor> forwardWithSpike(Tensor x) override
    {
        const Tensor f = features(x);
        return {fromLastValue(forecast->forward(f), x, config),
                spike->forward(torch::cat({f, jumps(x)}, 1)).squeeze(1)};
    }
    bool hasSpikeHead() const override { return true; }
};

// Rule-based: a shallow LSTM 32 beside explicit rule features over the last 32 steps (each
// channel's value, rate of change and excess over its window's mean ± 3 σ), Dense 64 → 32 → out.
struct RuleBased : Network
{
    ModelConfig config;
    int ruleSteps;
    nn::LSTM lstm{nullptr};
    std::shared_ptr<Head> head;
    explicit RuleBased(const ModelConfig& c)
        : config(c)
        , ruleSteps(std::min(32, c.lookback))
    {
        lstm = register_module("lstm", nn::LSTM(nn::LSTMOptions(c.channels, 32).batch_first(true)));
        head = register_module("head",
                               std::make_shared<Head>(32 + 3 * c.channels * ruleSteps, 64, 32, outputs(c), c.dropout));
    }
    Tensor rules(const Tensor& x)
    {
        const Tensor recent = x.narrow(1, x.size(1) - ruleSteps, ruleSteps);
        const Tensor rate = torch::cat({torch::zeros_like(recent.narrow(1, 0, 1)), recent.diff(1, 1)}, 1);
        const Tensor mean = x.mean(1, true), spread = x.std(1, true, true) + 1e-6;
        const Tensor excess = torch::relu((recent - mean).abs() - 3 * spread) / spread;
        return torch::cat({recent, rate, excess}, 2).flatten(1);
    }
    Tensor forward(Tensor x) override
    {
        const Tensor learned = lastStep(runLstm(lstm, x));
        return fromLastValue(head->forward(torch::cat({learned, rules(x)}, 1)), x, config);
    }
};

// Dynamic weighted ensemble: the five members, and a gate that weighs their forecasts per window
// from the window's last step and the forecasts themselves.
struct Ensemble : Network
{
    ModelConfig config;
    std::vector<std::shared_ptr<Network>> members;
    std::vector<ModelKind> memberKinds;
    nn::Sequential gate{nullptr};
    explicit Ensemble(const ModelConfig& c)
        : config(c)
    {
        const ModelKind kinds[] = {ModelKind::Lstm, ModelKind::Gru, ModelKind::CnnLstm, ModelKind::Spike,
                                   ModelKind::Rule};
        for (ModelKind kind : kinds) {
            ModelConfig member = c;
            member.kind = kind;
            members.push_back(register_module(kindName(kind), makeNetwork(member)));
            memberKinds.push_back(kind);
        }
        const int in = c.channels + 5 * outputs(c);
        gate = register_module("gate", nn::Sequential(nn::Linear(in, 64), nn::ReLU(), nn::Linear(64, 5)));
    }
    static constexpr std::size_t kSpikeMember = 3;
    Tensor combine(const Tensor& x, const std::vector<Tensor>& forecasts)
    {
        const Tensor stacked = torch::stack(forecasts, 1); // batch × 5 × outputs
        const Tensor weights = torch::softmax(gate->forward(torch::cat({lastStep(x), stacked.flatten(1)}, 1)), 1);
        return (stacked * weights.unsqueeze(2)).sum(1).view({-1, config.horizon, long(config.targets.size())});
    }
    Tensor forward(Tensor x) override { return forwardWithSpike(x).first; }
    std::pair<Tensor, Tensor> forwardWithSpike(Tensor x) override
    {
        auto [forecast, logit, each] = forwardAll(x);
        return {forecast, logit};
    }
    // One pass gives everything: the members' forecasts, the spike member's logit from the same
    // features as its forecast, and the gated combination.
    std::tuple<Tensor, Tensor, Tensor> forwardAll(Tensor x) override
    {
        std::vector<Tensor> forecasts;
        Tensor logit;
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (i == kSpikeMember) {
                auto [forecast, spikeLogit] = members[i]->forwardWithSpike(x);
                forecasts.push_back(forecast.flatten(1));
                logit = spikeLogit;
            } else {
                forecasts.push_back(members[i]->forward(x).flatten(1));
            }
        }
        return {combine(x, forecasts), logit, torch::stack(forecasts, 1)};
    }
    Tensor spikeLogit(Tensor x) override { return members[kSpikeMember]->spikeLogit(x); }
    bool hasSpikeHead() const override { return true; }
    std::shared_ptr<Network> member(ModelKind kind) override
    {
        for (std::size_t i = 0; i < members.size(); ++i)
            if (memberKinds[i] == kind)
                return members[i];
        return Network::member(kind);
    }
};

// Per-channel instance normalisation with a learned affine, undone on the way out (RevIN).
struct RevIn : nn::Module
{
    Tensor weight, bias;
    explicit RevIn(int channels)
    {
        weight = register_parameter("weight", torch::ones({channels}));
        bias = register_parameter("bias", torch::zeros({channels}));
    }
};

// BatchNorm over the model width of every token, as the paper's Transpose–BatchNorm1d–Transpose.
// (In fp32: LibTorch 1.13's CPU norms refuse bf16 input beside fp32 weights under autocast.)
Tensor normTokens(nn::BatchNorm1d& norm, const Tensor& x)
{
    return norm(x.transpose(1, 2).to(norm->weight.scalar_type())).transpose(1, 2);
}

// One encoder layer of the PatchTST paper: multi-head attention whose pre-softmax scores carry
// over from the layer below (residual attention), BatchNorm after each residual, GELU in the
// feed-forward part.
struct PatchEncoderLayer : nn::Module
{
    int width, heads;
    Tensor inWeight, inBias;
    nn::Linear out{nullptr}, linear1{nullptr}, linear2{nullptr};
    nn::BatchNorm1d norm1{nullptr}, norm2{nullptr};
    detail::Dropout drop{nullptr};
    PatchEncoderLayer(int width, int heads, int feedForward, float dropout)
        : width(width)
        , heads(heads)
    {
        if (heads < 1 || width % heads != 0)
            throw Error("PatchTST's width (" + std::to_string(width) + ") must be a multiple of its heads (" +
                        std::to_string(heads) + ")");
        // Query, key and value start as the paper's code has them, three nn.Linear layers with
        // PyTorch's default draw: weights and biases from U(-1/√width, 1/√width).
        const double bound = 1.0 / std::sqrt(double(width));
        inWeight = register_parameter("in_proj_weight", torch::rand({3 * width, width}) * (2 * bound) - bound);
        inBias = register_parameter("in_proj_bias", torch::rand({3 * width}) * (2 * bound) - bound);
        out = register_module("out_proj", nn::Linear(width, width));
        linear1 = register_module("linear1", nn::Linear(width, feedForward));
        linear2 = register_module("linear2", nn::Linear(feedForward, width));
        norm1 = register_module("norm1", nn::BatchNorm1d(width));
        norm2 = register_module("norm2", nn::BatchNorm1d(width));
        drop = register_module("drop", detail::Dropout(dropout));
    }
    // x: sequences × tokens × width; scores: (sequences·heads) × tokens × tokens from the layer
    // below, or undefined for the first layer. Returns the new tokens and this layer's scores.
    std::pair<Tensor, Tensor> forward(Tensor x, const Tensor& carried)
    {
        auto [mixed, scores] = selfAttention(x, inWeight, inBias, out, heads, carried);
        // Two dropouts on the attention's way back, as the paper's code has them: one inside the
        // attention after its output projection, one on the residual branch.
        x = normTokens(norm1, x + drop(drop(mixed)));
        x = normTokens(norm2, x + drop(linear2(drop(torch::gelu(linear1(x))))));
        return {x, scores};
    }
};

// PatchTST: each channel on its own, cut into patches that a Transformer encoder reads as tokens.
struct PatchTst : Network
{
    ModelConfig config;
    int patches;
    std::shared_ptr<RevIn> revin;
    nn::Linear embed{nullptr}, head{nullptr};
    Tensor position;
    nn::TransformerEncoder encoder{nullptr};                // encoder version 1
    std::vector<std::shared_ptr<PatchEncoderLayer>> layers; // version 2
    detail::Dropout drop{nullptr};
    explicit PatchTst(const ModelConfig& c)
        : config(c)
        , patches((c.lookback - c.patchLength) / c.patchStride + 2)
    {
        if (c.lookback < c.patchLength)
            throw Error("PatchTST needs a lookback of at least one patch (" + std::to_string(c.patchLength) +
                        " steps)");
        if (c.revinAffine)
            revin = register_module("revin", std::make_shared<RevIn>(c.channels));
        embed = register_module("embed", nn::Linear(c.patchLength, c.modelWidth));
        position =
            register_parameter("position", c.encoderVersion == 1 ? torch::randn({patches, c.modelWidth}) * 0.02
                                                                 : torch::rand({patches, c.modelWidth}) * 0.04 - 0.02);
        const int feedForward = c.feedForward > 0 ? c.feedForward : 2 * c.modelWidth;
        if (c.encoderVersion == 1) {
            nn::TransformerEncoderLayerOptions layer(c.modelWidth, c.heads);
            layer.dim_feedforward(feedForward).dropout(c.dropout);
            encoder =
                register_module("encoder", nn::TransformerEncoder(nn::TransformerEncoderOptions(layer, c.layers)));
        } else if (c.encoderVersion == 2) {
            for (int i = 0; i < c.layers; ++i)
                layers.push_back(register_module(
                    "layer" + std::to_string(i),
                    std::make_shared<PatchEncoderLayer>(c.modelWidth, c.heads, feedForward, c.dropout)));
        } else {
            throw Error("PatchTST encoder version " + std::to_string(c.encoderVersion) +
                        " is not one this Fathom knows (1 or 2)");
        }
        head = register_module("head", nn::Linear(patches * c.modelWidth, c.horizon));
        drop = register_module("drop", detail::Dropout(c.dropout));
    }
    Tensor forward(Tensor x) override
    {
        const auto batch = x.size(0), channels = x.size(2);
        const Tensor mean = x.mean(1, true).detach();
        const Tensor spread = (x.var(1, false, true) + 1e-5).sqrt().detach();
        x = (x - mean) / spread;
        if (revin)
            x = x * revin->weight + revin->bias;
        // batch × channels × lookback, padded by repeating the last step so the patches fit.
        Tensor series = torch::cat(
            {x.transpose(1, 2), x.transpose(1, 2).narrow(2, x.size(1) - 1, 1).expand({-1, -1, config.patchStride})}, 2);
        Tensor tokens = series.unfold(2, config.patchLength, config.patchStride); // batch × channels × patches × length
        tokens = embed(tokens.reshape({batch * channels, patches, config.patchLength})) + position;
        tokens = drop(tokens); // (batch·channels) × patches × width
        if (encoder) {
            tokens = encoder(tokens.transpose(0, 1)).transpose(0, 1);
        } else {
            Tensor scores;
            for (auto& layer : layers)
                std::tie(tokens, scores) = layer->forward(tokens, scores);
        }
        Tensor y = head(tokens.flatten(1))
                       .view({batch, channels, config.horizon})
                       .transpose(1, 2); // batch × horizon × channels
        if (revin)
            y = (y - revin->bias) / (revin->weight + 1e-10);
        y = y * spread + mean;
        return y.index_select(2, torch::tensor(std::vector<int64_t>(config.targets.begin(), config.targets.end())));
    }
};

// DLinear: a moving-average trend and the seasonal rest, each mapped lookback → horizon by one
// linear layer shared across channels.
struct DLinear : Network
{
    ModelConfig config;
    nn::Linear seasonal{nullptr}, trend{nullptr};
    explicit DLinear(const ModelConfig& c)
        : config(c)
    {
        seasonal = register_module("seasonal", nn::Linear(c.lookback, c.horizon));
        trend = register_module("trend", nn::Linear(c.lookback, c.horizon));
    }
    Tensor forward(Tensor x) override
    {
        const int k = std::max(1, std::min(config.movingAverage, config.lookback)) | 1; // odd
        const Tensor channelsFirst = x.transpose(1, 2);                                 // batch × channels × lookback
        const Tensor padded = torch::cat({channelsFirst.narrow(2, 0, 1).expand({-1, -1, k / 2}), channelsFirst,
                                          channelsFirst.narrow(2, x.size(1) - 1, 1).expand({-1, -1, k / 2})},
                                         2);
        const Tensor movingMean = padded.unfold(2, k, 1).mean(3);
        const Tensor y = seasonal(channelsFirst - movingMean) + trend(movingMean); // batch × channels × horizon
        return y.transpose(1, 2).index_select(
            2, torch::tensor(std::vector<int64_t>(config.targets.begin(), config.targets.end())));
    }
};

// Convolutional autoencoder, as SKAB's Conv-AE baseline: two strided Conv1D layers (32 and 16
// filters, kernel 7) squeeze the window to a quarter of its length, three transposed ones bring
// it back. Trained on normal rows only, it reconstructs normal windows well and faulty ones
// badly, for as long as a fault lasts (a forecaster instead follows a sustained fault).
struct ConvAe : Network
{
    ModelConfig config;
    nn::Conv1d e1{nullptr}, e2{nullptr};
    nn::ConvTranspose1d d1{nullptr}, d2{nullptr}, d3{nullptr};
    detail::Dropout drop{nullptr};
    explicit ConvAe(const ModelConfig& c)
        : config(c)
    {
        e1 = register_module("e1", nn::Conv1d(nn::Conv1dOptions(c.channels, 32, 7).stride(2).padding(3)));
        e2 = register_module("e2", nn::Conv1d(nn::Conv1dOptions(32, 16, 7).stride(2).padding(3)));
        d1 = register_module(
            "d1", nn::ConvTranspose1d(nn::ConvTranspose1dOptions(16, 16, 7).stride(2).padding(3).output_padding(1)));
        d2 = register_module(
            "d2", nn::ConvTranspose1d(nn::ConvTranspose1dOptions(16, 32, 7).stride(2).padding(3).output_padding(1)));
        d3 = register_module(
            "d3",
            nn::ConvTranspose1d(nn::ConvTranspose1dOptions(32, c.oneReconstruction ? 1 : c.channels, 7).padding(3)));
        drop = register_module("drop", detail::Dropout(c.dropout));
    }
    Tensor forward(Tensor x) override
    {
        const auto steps = x.size(1);
        Tensor h = drop(torch::relu(e1(x.transpose(1, 2))));
        h = torch::relu(e2(h));
        h = drop(torch::relu(d1(h)));
        h = d3(torch::relu(d2(h))); // batch × channels (or 1) × (a multiple of 4 ≥ steps)
        h = h.narrow(2, 0, steps).transpose(1, 2);
        return config.oneReconstruction ? h.expand({h.size(0), steps, x.size(2)}) : h;
    }
    bool reconstructs() const override { return true; }
};

} // namespace

Tensor Network::spikeLogit(Tensor)
{
    throw Error("only the spike detector and the ensemble give spike probabilities");
}

std::pair<Tensor, Tensor> Network::forwardWithSpike(Tensor x)
{
    return {forward(x), spikeLogit(x)};
}

std::tuple<Tensor, Tensor, Tensor> Network::forwardAll(Tensor x)
{
    if (!hasSpikeHead())
        return {forward(x), Tensor(), Tensor()};
    auto [forecast, logit] = forwardWithSpike(x);
    return {forecast, logit, Tensor()};
}

std::shared_ptr<Network> Network::member(ModelKind kind)
{
    throw Error("only the ensemble has members (asked for " + kindName(kind) + ")");
}

std::shared_ptr<Network> makeNetwork(const ModelConfig& c)
{
    if (c.lookback < 2 || c.channels < 1 || c.horizon < 1 || c.targets.empty())
        throw Error("a model needs a lookback of at least 2, at least one channel, a horizon and a target");
    for (int t : c.targets)
        if (t < 0 || t >= c.channels)
            throw Error("target channel " + std::to_string(t) + " is not among the " + std::to_string(c.channels) +
                        " inputs");
    switch (c.kind) {
    case ModelKind::Lstm: return std::make_shared<StackedLstm>(c);
    case ModelKind::Gru: return std::make_shared<ResidualGru>(c);
    case ModelKind::CnnLstm: return std::make_shared<CnnLstm>(c);
    case ModelKind::Spike: return std::make_shared<SpikeDetector>(c);
    case ModelKind::Rule: return std::make_shared<RuleBased>(c);
    case ModelKind::Ensemble: return std::make_shared<Ensemble>(c);
    case ModelKind::PatchTst: return std::make_shared<PatchTst>(c);
    case ModelKind::DLinear: return std::make_shared<DLinear>(c);
    case ModelKind::ConvAe: return std::make_shared<ConvAe>(c);
    }
    throw Error("unknown model kind");
}

std::int64_t countParameters(const torch::nn::Module& module)
{
    std::int64_t n = 0;
    for (const auto& p : module.parameters())
        n += p.numel();
    return n;
}

} // namespace fathom::ml::detail
