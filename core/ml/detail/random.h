#pragma once

// Random draws that belong to one training run. LibTorch draws dropout masks and initial weights
// from one process-wide generator, so a run beside other work (the GUI loads a model for its alerts
// while the next member trains; the detector trains while a series model does) drew whatever the
// other thread had left in it and ended with other weights than the same run alone. Here a run's
// dropout masks come from a generator of its own, installed for the training thread, and building
// a network (its initial weights) holds the process-wide generator for as long as it draws.

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <cstdint>
#include <mutex>

namespace fathom::ml::detail {

// Held while the process-wide generator is seeded and drawn from (a network built, a seed set).
inline std::mutex& globalDraws()
{
    static std::mutex m;
    return m;
}

// Seeds the process-wide CPU generator, which networks draw their initial weights from (they are
// built on the CPU), and no GPU's: a run training on a GPU keeps its own masks. Hold globalDraws().
inline void seedCpuDraws(std::uint64_t seed)
{
    auto g = at::detail::getDefaultCPUGenerator();
    std::scoped_lock lock(g.mutex());
    g.set_current_seed(seed);
}

// The generator of the run on this thread; undefined outside a run (then the process-wide one).
inline at::Generator& threadGenerator()
{
    thread_local at::Generator g;
    return g;
}

// Installs a generator for this thread's run; the previous one comes back at the end of scope.
class RunRandom
{
public:
    explicit RunRandom(std::uint64_t seed)
        : m_previous(threadGenerator())
    {
        threadGenerator() = at::make_generator<at::CPUGeneratorImpl>(seed);
    }
    ~RunRandom() { threadGenerator() = m_previous; }
    RunRandom(const RunRandom&) = delete;
    RunRandom& operator=(const RunRandom&) = delete;

    // Seeds the run's draws (each epoch from its own seed, so a resumed epoch draws the same). On a
    // GPU the masks come from its own generator, which is seeded as LibTorch seeds it.
    void reseed(std::uint64_t seed, const torch::Device& device)
    {
        threadGenerator() = at::make_generator<at::CPUGeneratorImpl>(seed);
        if (!device.is_cpu()) {
            std::scoped_lock lock(globalDraws());
            torch::manual_seed(seed);
        }
    }

private:
    at::Generator m_previous;
};

// Dropout whose masks on the CPU come from the run's generator: the same masks as LibTorch's own
// dropout seeded with the run's seed (a mask of bernoulli(1 - p) draws, scaled by 1 / (1 - p)).
// No parameters or buffers, so saved weights are the same as with torch::nn::Dropout.
class DropoutImpl : public torch::nn::Module
{
public:
    explicit DropoutImpl(double p = 0.5)
        : m_p(p)
    {
        TORCH_CHECK(p >= 0 && p <= 1, "dropout probability out of range: ", p);
    }
    torch::Tensor forward(const torch::Tensor& x)
    {
        if (!is_training() || m_p == 0 || x.numel() == 0)
            return x;
        auto& g = threadGenerator();
        if (!g.defined() || !x.device().is_cpu())
            return torch::dropout(x, m_p, true);
        if (m_p == 1)
            return x * torch::zeros({}, x.options());
        auto noise = torch::empty_like(x, at::MemoryFormat::Contiguous);
        noise.bernoulli_(1 - m_p, g);
        noise.div_(1 - m_p);
        return x * noise;
    }

private:
    double m_p;
};
TORCH_MODULE(Dropout);

} // namespace fathom::ml::detail
