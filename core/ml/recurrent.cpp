// Fathom's own sequence kernels for one-layer LSTM and GRU on the CPU.
//
// LibTorch runs a recurrent layer step by step through autograd: every step records a dozen
// small operations (two products, the gate activations, the cell update), and the backward pass
// walks them all again, one small weight-gradient product per step. At the batch sizes analysts
// train with (32 windows of 100 steps) that bookkeeping is a good part of the time: the stacked
// LSTM trains about 1.5 times as fast with the kernels here (docs/BENCHMARKS.md).
// Here a whole layer is one autograd node: the forward pass keeps the gate activations, the
// backward pass runs the recurrence in plain loops over them, and the weight gradients of all
// steps come from one product each. The parameters are the LibTorch module's own, so saved
// models load either way and results agree to rounding (tests/core/ml/tst_models.cpp).
#include "detail/networks.h"

#include <atomic>

namespace fathom::ml {

namespace {
std::atomic<bool> g_fused{true};
}

void setFusedRecurrent(bool on)
{
    g_fused = on;
}

bool fusedRecurrent()
{
    return g_fused;
}

} // namespace fathom::ml

namespace fathom::ml::detail {

namespace {

using torch::Tensor;
using torch::autograd::AutogradContext;
using torch::autograd::variable_list;
namespace nn = torch::nn;

// The step before `t` in the direction of travel, and the first step.
struct Direction
{
    int64_t steps;
    bool reverse;
    int64_t at(int64_t s) const { return reverse ? steps - 1 - s : s; }
    int64_t before(int64_t t) const { return reverse ? t + 1 : t - 1; }
};

// Gradients of the layer's weights and input from the gradients of its gate pre-activations:
// d(input weights) = Σ dGatesᵀ·x, d(recurrent weights) = Σ dRecurrentᵀ·h₋₁ over steps after the
// first (h₋₁ = 0 there), dx = dGates·W_ih. Each a product over all steps at once.
struct WeightGradients
{
    Tensor input, recurrent, x;
};
WeightGradients weightGradients(const Tensor& dGates, const Tensor& dRecurrent, const Tensor& x, const Tensor& wIh,
                                const Tensor& hs, const Direction& d)
{
    const int64_t T = d.steps, gates = dGates.size(2), width = hs.size(2), inputs = x.size(2);
    const Tensor flat = dGates.view({-1, gates});
    WeightGradients g;
    g.x = torch::mm(flat, wIh).view(x.sizes());
    g.input = torch::mm(flat.t(), x.reshape({-1, inputs}));
    if (T < 2) {
        g.recurrent = torch::zeros({gates, width}, x.options());
    } else {
        // Forward: steps 1..T−1 follow 0..T−2; reverse: steps 0..T−2 follow 1..T−1.
        const Tensor later = d.reverse ? dRecurrent.narrow(0, 0, T - 1) : dRecurrent.narrow(0, 1, T - 1);
        const Tensor earlier = d.reverse ? hs.narrow(0, 1, T - 1) : hs.narrow(0, 0, T - 1);
        g.recurrent = torch::mm(later.reshape({-1, gates}).t(), earlier.reshape({-1, width}));
    }
    return g;
}

// x: steps × batch × inputs (contiguous). Output: steps × batch × hidden.
struct LstmSequence : torch::autograd::Function<LstmSequence>
{
    static variable_list forward(AutogradContext* ctx, Tensor x, Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh,
                                 bool reverse)
    {
        const Direction d{x.size(0), reverse};
        const int64_t B = x.size(1), H = wHh.size(1);
        Tensor gates = torch::addmm(bIh + bHh, x.view({-1, x.size(2)}), wIh.t()).view({d.steps, B, 4 * H});
        Tensor hs = torch::empty({d.steps, B, H}, x.options()), cs = torch::empty_like(hs), tcs = torch::empty_like(hs);
        const Tensor wHhT = wHh.t().contiguous(); // contiguous: OpenBLAS multiplies it faster than the view
        for (int64_t s = 0; s < d.steps; ++s) {
            const int64_t t = d.at(s);
            Tensor a = gates[t];
            if (s > 0)
                a.addmm_(hs[d.before(t)], wHhT);
            a.narrow(1, 0, 2 * H).sigmoid_();
            a.narrow(1, 2 * H, H).tanh_();
            a.narrow(1, 3 * H, H).sigmoid_();
            // c = f·c₋₁ + i·g
            const float* g = a.data_ptr<float>();
            const float* cPrev = s > 0 ? cs[d.before(t)].data_ptr<float>() : nullptr;
            Tensor c = cs[t], tc = tcs[t], h = hs[t];
            float* cp = c.data_ptr<float>();
            for (int64_t b = 0; b < B; ++b) {
                const float* row = g + b * 4 * H;
                for (int64_t j = 0; j < H; ++j)
                    cp[b * H + j] = (cPrev ? row[H + j] * cPrev[b * H + j] : 0.0f) + row[j] * row[2 * H + j];
            }
            torch::tanh_out(tc, c);
            torch::mul_out(h, a.narrow(1, 3 * H, H), tc);
        }
        ctx->save_for_backward({x, wIh, wHh, gates, cs, tcs, hs});
        ctx->saved_data["reverse"] = reverse;
        return {hs};
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const Tensor &x = saved[0], wIh = saved[1], wHh = saved[2], &gates = saved[3], &cs = saved[4], &tcs = saved[5],
                     &hs = saved[6];
        const Direction d{x.size(0), ctx->saved_data["reverse"].toBool()};
        const int64_t B = x.size(1), H = wHh.size(1);
        const Tensor dHs = grads[0].defined() ? grads[0].contiguous() : torch::zeros_like(hs);
        Tensor dGates = torch::empty_like(gates);
        Tensor dh = torch::zeros({B, H}, hs.options()), dc = torch::zeros({B, H}, hs.options());
        float* dH = dh.data_ptr<float>();
        float* dC = dc.data_ptr<float>();
        for (int64_t s = d.steps - 1; s >= 0; --s) {
            const int64_t t = d.at(s);
            const float* a = gates[t].data_ptr<float>();
            const float* tc = tcs[t].data_ptr<float>();
            const float* cPrev = s > 0 ? cs[d.before(t)].data_ptr<float>() : nullptr;
            const float* dOut = dHs[t].data_ptr<float>();
            const Tensor dA = dGates[t];
            float* dAp = dA.data_ptr<float>();
            for (int64_t b = 0; b < B; ++b) {
                const float* row = a + b * 4 * H;
                float* dRow = dAp + b * 4 * H;
                for (int64_t j = 0; j < H; ++j) {
                    const int64_t k = b * H + j;
                    const float i = row[j], f = row[H + j], g = row[2 * H + j], o = row[3 * H + j];
                    const float dhk = dH[k] + dOut[k];
                    const float dck = dC[k] + dhk * o * (1.0f - tc[k] * tc[k]);
                    dRow[j] = dck * g * i * (1.0f - i);
                    dRow[H + j] = cPrev ? dck * cPrev[k] * f * (1.0f - f) : 0.0f;
                    dRow[2 * H + j] = dck * i * (1.0f - g * g);
                    dRow[3 * H + j] = dhk * tc[k] * o * (1.0f - o);
                    dC[k] = dck * f;
                }
            }
            if (s > 0)
                torch::mm_out(dh, dA, wHh);
        }
        const auto w = weightGradients(dGates, dGates, x, wIh, hs, d);
        const Tensor dBias = dGates.view({-1, 4 * H}).sum(0);
        return {w.x, w.input, w.recurrent, dBias, dBias.clone(), Tensor()};
    }
};

// PyTorch's GRU: r, z = σ(·), n = tanh(W_in x + b_in + r·(W_hn h + b_hn)), h' = n + z·(h − n).
struct GruSequence : torch::autograd::Function<GruSequence>
{
    static variable_list forward(AutogradContext* ctx, Tensor x, Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh,
                                 bool reverse)
    {
        const Direction d{x.size(0), reverse};
        const int64_t B = x.size(1), H = wHh.size(1);
        Tensor gates = torch::addmm(bIh, x.view({-1, x.size(2)}), wIh.t()).view({d.steps, B, 3 * H});
        Tensor recurrent = torch::empty_like(gates); // W_h· h₋₁ + b_h, kept for the backward pass
        Tensor hs = torch::empty({d.steps, B, H}, x.options());
        const Tensor wHhT = wHh.t().contiguous(), zero = torch::zeros({B, H}, x.options());
        for (int64_t s = 0; s < d.steps; ++s) {
            const int64_t t = d.at(s);
            const Tensor hPrev = (s > 0 ? hs[d.before(t)] : zero);
            Tensor a = gates[t], r = recurrent[t];
            torch::addmm_out(r, bHh, hPrev, wHhT);
            a.narrow(1, 0, 2 * H).add_(r.narrow(1, 0, 2 * H)).sigmoid_();
            float* ap = a.data_ptr<float>();
            const float* rp = r.data_ptr<float>();
            for (int64_t b = 0; b < B; ++b)
                for (int64_t j = 0; j < H; ++j)
                    ap[b * 3 * H + 2 * H + j] += ap[b * 3 * H + j] * rp[b * 3 * H + 2 * H + j];
            a.narrow(1, 2 * H, H).tanh_();
            const float* hp = hPrev.data_ptr<float>();
            float* out = hs[t].data_ptr<float>();
            for (int64_t b = 0; b < B; ++b)
                for (int64_t j = 0; j < H; ++j) {
                    const float z = ap[b * 3 * H + H + j], n = ap[b * 3 * H + 2 * H + j];
                    out[b * H + j] = n + z * (hp[b * H + j] - n);
                }
        }
        ctx->save_for_backward({x, wIh, wHh, gates, recurrent, hs});
        ctx->saved_data["reverse"] = reverse;
        return {hs};
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const Tensor &x = saved[0], wIh = saved[1], wHh = saved[2], &gates = saved[3], &recurrent = saved[4],
                     &hs = saved[5];
        const Direction d{x.size(0), ctx->saved_data["reverse"].toBool()};
        const int64_t B = x.size(1), H = wHh.size(1);
        const Tensor dHs = grads[0].defined() ? grads[0].contiguous() : torch::zeros_like(hs);
        Tensor dGates = torch::empty_like(gates), dRecurrent = torch::empty_like(gates);
        Tensor dh = torch::zeros({B, H}, hs.options()), direct = torch::empty({B, H}, hs.options());
        const float* dH = dh.data_ptr<float>();
        float* dDirect = direct.data_ptr<float>();
        for (int64_t s = d.steps - 1; s >= 0; --s) {
            const int64_t t = d.at(s);
            const float* a = gates[t].data_ptr<float>();
            const float* r = recurrent[t].data_ptr<float>();
            const float* hp = s > 0 ? hs[d.before(t)].data_ptr<float>() : nullptr;
            const float* dOut = dHs[t].data_ptr<float>();
            float* dA = dGates[t].data_ptr<float>();
            const Tensor dRPart = dRecurrent[t];
            float* dR = dRPart.data_ptr<float>();
            for (int64_t b = 0; b < B; ++b)
                for (int64_t j = 0; j < H; ++j) {
                    const int64_t k = b * H + j, row = b * 3 * H;
                    const float rg = a[row + j], z = a[row + H + j], n = a[row + 2 * H + j];
                    const float h = hp ? hp[k] : 0.0f, hn = r[row + 2 * H + j];
                    const float dhk = dH[k] + dOut[k];
                    const float dn = dhk * (1.0f - z) * (1.0f - n * n);
                    const float dr = dn * hn * rg * (1.0f - rg);
                    const float dz = dhk * (h - n) * z * (1.0f - z);
                    dA[row + j] = dr;
                    dA[row + H + j] = dz;
                    dA[row + 2 * H + j] = dn;
                    dR[row + j] = dr;
                    dR[row + H + j] = dz;
                    dR[row + 2 * H + j] = dn * rg;
                    dDirect[k] = dhk * z;
                }
            if (s > 0)
                torch::addmm_out(dh, direct, dRPart, wHh);
        }
        const auto w = weightGradients(dGates, dRecurrent, x, wIh, hs, d);
        return {w.x,     w.input, w.recurrent, dGates.view({-1, 3 * H}).sum(0), dRecurrent.view({-1, 3 * H}).sum(0),
                Tensor()};
    }
};

bool fusedApplies(const Tensor& x, const std::vector<Tensor>& parameters)
{
    if (!fusedRecurrent() || !x.device().is_cpu() || x.scalar_type() != torch::kFloat || at::autocast::is_cpu_enabled())
        return false;
    for (const auto& p : parameters)
        if (!p.defined() || p.scalar_type() != torch::kFloat)
            return false;
    return true;
}

template <class Sequence> Tensor runDirections(const Tensor& input, const nn::Module& module, bool bidirectional)
{
    const Tensor x = input.transpose(0, 1).contiguous(); // steps × batch × inputs
    const auto parameters = module.named_parameters(false);
    const auto direction = [&](const std::string& suffix, bool reverse) {
        return Sequence::apply(x, parameters["weight_ih_l0" + suffix], parameters["weight_hh_l0" + suffix],
                               parameters["bias_ih_l0" + suffix], parameters["bias_hh_l0" + suffix], reverse)[0];
    };
    const Tensor out =
        bidirectional ? torch::cat({direction("", false), direction("_reverse", true)}, 2) : direction("", false);
    return out.transpose(0, 1); // batch × steps × hidden
}

template <class Options> bool oneLayerWithBias(const Options& o)
{
    return o.num_layers() == 1 && o.bias() && o.batch_first();
}

} // namespace

Tensor runLstm(nn::LSTM& lstm, const Tensor& input)
{
    const auto& o = lstm->options;
    if (!oneLayerWithBias(o) || o.proj_size() != 0 || !fusedApplies(input, lstm->parameters()))
        return std::get<0>(lstm->forward(input));
    return runDirections<LstmSequence>(input, *lstm, o.bidirectional());
}

Tensor runGru(nn::GRU& gru, const Tensor& input)
{
    const auto& o = gru->options;
    if (!oneLayerWithBias(o) || !fusedApplies(input, gru->parameters()))
        return std::get<0>(gru->forward(input));
    return runDirections<GruSequence>(input, *gru, o.bidirectional());
}

} // namespace fathom::ml::detail
