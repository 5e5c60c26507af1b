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
// Inference under bf16 has kernels of its own further down: bf16 products, fp32 state.
#include "detail/networks.h"

#include <ATen/Parallel.h>

#include <atomic>
#include <type_traits>

namespace fathom::ml {

namespace {
std::atomic<bool> g_fused{true};
std::atomic<bool> g_cpuBf16{false};
} // namespace

void setFusedRecurrent(bool on)
{
    g_fused = on;
}

bool fusedRecurrent()
{
    return g_fused;
}

void setCpuInferencePrecision(const std::string& precision)
{
    if (precision != "fp32" && precision != "bf16")
        throw Error("inference precision on the CPU: expected fp32 or bf16, got '" + precision + "'");
    g_cpuBf16 = precision == "bf16";
}

std::string cpuInferencePrecision()
{
    return g_cpuBf16 ? "bf16" : "fp32";
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

// Inference in bf16 on the CPU (autocast's bf16, no gradients): the layer's matrix product takes
// bf16 operands — oneDNN runs it on Intel AMX or AVX-512 BF16 where the CPU has them, several
// times as fast as fp32 — while the gates, the cell and the hidden state stay in fp32, so the
// rounding does not build up along the sequence. One product per step, [xₜ, hₜ₋₁]·Wᵀ: operands
// and result stay in the cache (a product of all steps' inputs at once wrote 200 MB at batch
// 1,000). tanh(u) is taken as 2σ(2u) − 1, the factor 2 folded into the weights (exact in bf16):
// LibTorch's tanh took four times as long as its sigmoid here.
using Bf16 = c10::BFloat16;

template <class Body> void overRows(int64_t rows, const Body& body)
{
    at::parallel_for(0, rows, 32, body);
}

struct Bf16Products
{
    Tensor weights;  // (inputs + hidden) × outputs
    Tensor bias;     // outputs, fp32
    Tensor operands; // batch × (inputs + hidden), bf16: xₜ beside hₜ₋₁ (zeros before the first step)
    Tensor product;  // batch × outputs, bf16
    Tensor out;      // batch × outputs, fp32: the pre-activations
    int64_t inputs;
    Bf16* rowStart;
    int64_t rowLength;
    // `weights`: outputs × (inputs + hidden), fp32.
    Bf16Products(const Tensor& w, const Tensor& b, int64_t inputs, int64_t batch)
        : weights(w.t().contiguous().to(torch::kBFloat16))
        , bias(b.to(torch::kFloat).contiguous())
        , operands(torch::zeros({batch, w.size(1)}, w.options().dtype(torch::kBFloat16)))
        , product(torch::empty({batch, w.size(0)}, operands.options()))
        , out(torch::empty({batch, w.size(0)}, bias.options()))
        , inputs(inputs)
        , rowStart(operands.data_ptr<Bf16>())
        , rowLength(operands.size(1))
    {
    }
    // Where hₜ₋₁'s row `b` goes (in the loops of every step: no tensor call there).
    Bf16* hidden(int64_t b) const { return rowStart + b * rowLength + inputs; }
    void multiply(const Tensor& x)
    {
        operands.narrow(1, 0, inputs).copy_(x);
        torch::mm_out(product, operands, weights);
        const int64_t n = out.size(1);
        const Bf16* p = product.data_ptr<Bf16>();
        const float* bp = bias.data_ptr<float>();
        float* o = out.data_ptr<float>();
        overRows(out.size(0), [&](int64_t begin, int64_t end) {
            for (int64_t r = begin; r < end; ++r)
                for (int64_t k = 0; k < n; ++k)
                    o[r * n + k] = float(p[r * n + k]) + bp[k];
        });
    }
};

// Rows [from, from + count) of an outputs × inputs weight matrix, times `scale`.
Tensor rows(const Tensor& w, int64_t from, int64_t count, double scale = 1.0)
{
    return w.narrow(0, from, count) * scale;
}

Tensor lstmBf16(const Tensor& xBf, const Tensor& wIh, const Tensor& wHh, const Tensor& bIh, const Tensor& bHh,
                const Direction& d)
{
    const int64_t B = xBf.size(1), H = wHh.size(1), I = wIh.size(1);
    const Tensor w = torch::cat({wIh, wHh}, 1), b = bIh + bHh; // gates i, f, g, o; g doubled
    Bf16Products products(torch::cat({rows(w, 0, 2 * H), rows(w, 2 * H, H, 2), rows(w, 3 * H, H)}),
                          torch::cat({b.narrow(0, 0, 2 * H), b.narrow(0, 2 * H, H) * 2, b.narrow(0, 3 * H, H)}), I, B);
    Tensor hs = torch::empty({d.steps, B, H}, products.bias.options());
    Tensor c = torch::zeros({B, H}, hs.options()), twiceC = torch::empty_like(c);
    float* cp = c.data_ptr<float>();
    float* tcp = twiceC.data_ptr<float>();
    for (int64_t s = 0; s < d.steps; ++s) {
        const int64_t t = d.at(s);
        products.multiply(xBf[t]);
        products.out.sigmoid_();
        const float* a = products.out.data_ptr<float>();
        overRows(B, [&](int64_t begin, int64_t end) { // c = f·c₋₁ + i·g
            for (int64_t bb = begin; bb < end; ++bb) {
                const float* row = a + bb * 4 * H;
                for (int64_t j = 0; j < H; ++j) {
                    const float g = 2.0f * row[2 * H + j] - 1.0f;
                    const float cj = row[H + j] * cp[bb * H + j] + row[j] * g;
                    cp[bb * H + j] = cj;
                    tcp[bb * H + j] = 2.0f * cj;
                }
            }
        });
        twiceC.sigmoid_();
        float* h = hs[t].data_ptr<float>();
        overRows(B, [&](int64_t begin, int64_t end) { // h = o·tanh(c)
            for (int64_t bb = begin; bb < end; ++bb) {
                const float* o = a + bb * 4 * H + 3 * H;
                Bf16* next = products.hidden(bb);
                for (int64_t j = 0; j < H; ++j) {
                    const float hj = o[j] * (2.0f * tcp[bb * H + j] - 1.0f);
                    h[bb * H + j] = hj;
                    next[j] = Bf16(hj);
                }
            }
        });
    }
    return hs;
}

Tensor gruBf16(const Tensor& xBf, const Tensor& wIh, const Tensor& wHh, const Tensor& bIh, const Tensor& bHh,
               const Direction& d)
{
    // One product gives r and z (input and recurrent parts summed) and the new gate's two parts
    // apart, 2·W_in·x and 2·W_hn·h, for n = tanh(W_in·x + b_in + r·(W_hn·h + b_hn)).
    const int64_t B = xBf.size(1), H = wHh.size(1), I = wIh.size(1);
    const Tensor noInput = torch::zeros({H, I}, wIh.options()), noHidden = torch::zeros({H, H}, wHh.options());
    const Tensor w = torch::cat({torch::cat({rows(wIh, 0, 2 * H), rows(wHh, 0, 2 * H)}, 1),
                                 torch::cat({rows(wIh, 2 * H, H, 2), noHidden}, 1),
                                 torch::cat({noInput, rows(wHh, 2 * H, H, 2)}, 1)});
    Bf16Products products(w,
                          torch::cat({bIh.narrow(0, 0, 2 * H) + bHh.narrow(0, 0, 2 * H), bIh.narrow(0, 2 * H, H) * 2,
                                      bHh.narrow(0, 2 * H, H) * 2}),
                          I, B);
    Tensor hs = torch::empty({d.steps, B, H}, products.bias.options());
    Tensor n = torch::empty({B, H}, hs.options());
    float* np = n.data_ptr<float>();
    Tensor gates = products.out.narrow(1, 0, 2 * H);
    for (int64_t s = 0; s < d.steps; ++s) {
        const int64_t t = d.at(s);
        products.multiply(xBf[t]);
        gates.sigmoid_();
        const float* a = products.out.data_ptr<float>();
        overRows(B, [&](int64_t begin, int64_t end) {
            for (int64_t bb = begin; bb < end; ++bb) {
                const float* row = a + bb * 4 * H;
                for (int64_t j = 0; j < H; ++j)
                    np[bb * H + j] = row[2 * H + j] + row[j] * row[3 * H + j];
            }
        });
        n.sigmoid_();
        const float* hp = s > 0 ? hs[d.before(t)].data_ptr<float>() : nullptr;
        float* h = hs[t].data_ptr<float>();
        overRows(B, [&](int64_t begin, int64_t end) { // h = n + z·(h₋₁ − n)
            for (int64_t bb = begin; bb < end; ++bb) {
                const float* z = a + bb * 4 * H + H;
                Bf16* next = products.hidden(bb);
                for (int64_t j = 0; j < H; ++j) {
                    const float nj = 2.0f * np[bb * H + j] - 1.0f;
                    const float hj = nj + z[j] * ((hp ? hp[bb * H + j] : 0.0f) - nj);
                    h[bb * H + j] = hj;
                    next[j] = Bf16(hj);
                }
            }
        });
    }
    return hs;
}

bool floatParameters(const std::vector<Tensor>& parameters)
{
    for (const auto& p : parameters)
        if (!p.defined() || p.scalar_type() != torch::kFloat)
            return false;
    return true;
}

// Which kernel runs a layer: none of Fathom's (LibTorch's layer), the fp32 sequence (training and
// fp32 inference), or the bf16 products (inference under the CPU's bf16 autocast).
enum class Kernel { LibTorch, Fp32, Bf16 };
Kernel kernelFor(const Tensor& x, const std::vector<Tensor>& parameters)
{
    if (!fusedRecurrent() || !x.device().is_cpu() || !floatParameters(parameters))
        return Kernel::LibTorch;
    if (autocastOn(c10::kCPU)) {
        if (autocastType(c10::kCPU) != at::kBFloat16 || torch::GradMode::is_enabled())
            return Kernel::LibTorch;
        // A bf16 product costs about 20 µs however small (oneDNN's set-up), an fp32 one of a
        // single window 4 µs: below 8 windows fp32 is the faster (and the more exact).
        return x.size(0) >= 8 ? Kernel::Bf16 : Kernel::Fp32;
    }
    return x.scalar_type() == torch::kFloat ? Kernel::Fp32 : Kernel::LibTorch;
}

class CpuAutocastOff
{
public:
    CpuAutocastOff() { setAutocastOn(c10::kCPU, false); }
    ~CpuAutocastOff() { setAutocastOn(c10::kCPU, m_was); }
    CpuAutocastOff(const CpuAutocastOff&) = delete;
    CpuAutocastOff& operator=(const CpuAutocastOff&) = delete;

private:
    bool m_was = autocastOn(c10::kCPU);
};

template <class Sequence>
Tensor runDirections(const Tensor& input, const nn::Module& module, bool bidirectional, Kernel kernel)
{
    // steps × batch × inputs, in the kernel's type: one pass (none where the layer below wrote it so)
    const auto type = kernel == Kernel::Bf16 ? torch::kBFloat16 : torch::kFloat;
    const Tensor byStep = input.transpose(0, 1);
    const Tensor x = byStep.scalar_type() == type && byStep.is_contiguous()
                         ? byStep
                         : torch::empty(byStep.sizes(), byStep.options().dtype(type)).copy_(byStep);
    const auto parameters = module.named_parameters(false);
    const auto direction = [&](const std::string& suffix, bool reverse) {
        const Tensor &wIh = parameters["weight_ih_l0" + suffix], &wHh = parameters["weight_hh_l0" + suffix],
                     &bIh = parameters["bias_ih_l0" + suffix], &bHh = parameters["bias_hh_l0" + suffix];
        if (kernel == Kernel::Bf16) {
            const Direction d{x.size(0), reverse};
            return std::is_same_v<Sequence, LstmSequence> ? lstmBf16(x, wIh, wHh, bIh, bHh, d)
                                                          : gruBf16(x, wIh, wHh, bIh, bHh, d);
        }
        const CpuAutocastOff fp32; // a few windows under bf16: the fp32 kernel's products stay fp32
        return Sequence::apply(x, wIh, wHh, bIh, bHh, reverse)[0];
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
    const Kernel kernel = kernelFor(input, lstm->parameters());
    if (!oneLayerWithBias(o) || o.proj_size() != 0 || kernel == Kernel::LibTorch)
        return std::get<0>(lstm->forward(input));
    return runDirections<LstmSequence>(input, *lstm, o.bidirectional(), kernel);
}

Tensor runGru(nn::GRU& gru, const Tensor& input)
{
    const auto& o = gru->options;
    const Kernel kernel = kernelFor(input, gru->parameters());
    if (!oneLayerWithBias(o) || kernel == Kernel::LibTorch)
        return std::get<0>(gru->forward(input));
    return runDirections<GruSequence>(input, *gru, o.bidirectional(), kernel);
}

} // namespace fathom::ml::detail
