#include "trainer.h"

#include "common/error.h"
#include "detail/networks.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace fathom::ml {

namespace {

using Clock = std::chrono::steady_clock;

torch::Tensor gatherTargets(const series::Windows& windows, const std::vector<std::size_t>& order, std::size_t from,
                            std::size_t to)
{
    const auto horizon = std::int64_t(windows.spec().horizon), targets = std::int64_t(windows.targets().size());
    torch::Tensor out = torch::empty({std::int64_t(to - from), horizon, targets});
    float* p = out.data_ptr<float>();
    for (std::size_t b = from; b < to; ++b)
        for (std::int64_t h = 0; h < horizon; ++h)
            for (std::int64_t k = 0; k < targets; ++k)
                *p++ = windows.target(order[b], std::size_t(k))[std::size_t(h)];
    return out;
}

torch::Tensor gatherInputTensor(const series::Windows& windows, const std::vector<std::size_t>& order, std::size_t from,
                                std::size_t to)
{
    const auto lookback = std::int64_t(windows.spec().lookback), features = std::int64_t(windows.features().size());
    torch::Tensor out = torch::empty({std::int64_t(to - from), lookback, features});
    float* p = out.data_ptr<float>();
    for (std::size_t b = from; b < to; ++b)
        for (std::int64_t t = 0; t < lookback; ++t)
            for (std::int64_t k = 0; k < features; ++k)
                *p++ = windows.input(order[b], std::size_t(k))[std::size_t(t)];
    return out;
}

void checkShapes(const Model& model, const series::Windows& windows)
{
    const auto& c = model.config();
    if (std::size_t(c.lookback) != windows.spec().lookback || std::size_t(c.horizon) != windows.spec().horizon ||
        std::size_t(c.channels) != windows.features().size() || c.targets.size() != windows.targets().size())
        throw Error("the " + kindName(c.kind) + " model takes " + std::to_string(c.lookback) + " steps × " +
                    std::to_string(c.channels) + " channels to " + std::to_string(c.horizon) + " × " +
                    std::to_string(c.targets.size()) + "; the data give " + std::to_string(windows.spec().lookback) +
                    " × " + std::to_string(windows.features().size()) + " to " +
                    std::to_string(windows.spec().horizon) + " × " + std::to_string(windows.targets().size()));
}

} // namespace

std::vector<float> gatherInputs(const series::Windows& windows, std::size_t i0, std::size_t i1)
{
    std::vector<std::size_t> order(windows.size());
    std::iota(order.begin(), order.end(), 0);
    const auto t = gatherInputTensor(windows, order, i0, i1);
    return {t.data_ptr<float>(), t.data_ptr<float>() + t.numel()};
}

Errors evaluateErrors(const Model& model, const series::Windows& windows, int batchSize)
{
    checkShapes(model, windows);
    torch::NoGradGuard noGrad;
    auto& net = *model.impl().net;
    net.eval();
    std::vector<std::size_t> order(windows.size());
    std::iota(order.begin(), order.end(), 0);
    double squares = 0, absolute = 0;
    for (std::size_t from = 0; from < order.size(); from += std::size_t(batchSize)) {
        const std::size_t to = std::min(order.size(), from + std::size_t(batchSize));
        const auto error =
            net.forward(gatherInputTensor(windows, order, from, to)) - gatherTargets(windows, order, from, to);
        squares += error.pow(2).sum().item<double>();
        absolute += error.abs().sum().item<double>();
    }
    const double n = double(windows.size() * windows.spec().horizon * windows.targets().size());
    return {squares / n, absolute / n};
}

double evaluateMse(const Model& model, const series::Windows& windows, int batchSize)
{
    return evaluateErrors(model, windows, batchSize).mse;
}

TrainResult train(Model& model, const series::Windows& trainWindows, const series::Windows* validation,
                  const TrainOptions& options, const std::function<void(const TrainProgress&)>& progress,
                  const std::atomic<bool>* stop)
{
    checkShapes(model, trainWindows);
    if (validation)
        checkShapes(model, *validation);
    if (trainWindows.size() == 0)
        throw Error("no training windows");
    auto& net = *model.impl().net;
    torch::manual_seed(options.seed);
    torch::optim::AdamW optimizer(net.parameters(),
                                  torch::optim::AdamWOptions(options.learningRate).weight_decay(options.weightDecay));
    std::mt19937_64 shuffle(options.seed);
    std::vector<std::size_t> order(trainWindows.size());
    std::iota(order.begin(), order.end(), 0);
    const std::size_t batch = std::size_t(std::max(1, options.batchSize));
    const std::size_t steps = (order.size() + batch - 1) / batch;

    TrainResult result;
    double best = std::numeric_limits<double>::infinity();
    std::vector<torch::Tensor> bestWeights;
    int sinceBest = 0;
    const auto start = Clock::now();
    std::size_t samples = 0;
    for (int epoch = 1; epoch <= options.epochs && !result.cancelled; ++epoch) {
        net.train();
        std::shuffle(order.begin(), order.end(), shuffle);
        double lossSum = 0;
        for (std::size_t s = 0; s < steps; ++s) {
            if (stop && stop->load()) {
                result.cancelled = true;
                break;
            }
            const std::size_t from = s * batch, to = std::min(order.size(), from + batch);
            optimizer.zero_grad();
            const auto loss = torch::mse_loss(net.forward(gatherInputTensor(trainWindows, order, from, to)),
                                              gatherTargets(trainWindows, order, from, to));
            const double value = loss.item<double>();
            if (!std::isfinite(value))
                throw Error("training " + kindName(model.config().kind) + " stopped: the loss became " +
                            std::to_string(value) + " at epoch " + std::to_string(epoch) +
                            " (try a lower learning rate); the last good weights are kept");
            loss.backward();
            if (options.clipNorm > 0)
                torch::nn::utils::clip_grad_norm_(net.parameters(), options.clipNorm);
            optimizer.step();
            lossSum += value * double(to - from);
            samples += to - from;
            if (progress) {
                const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
                const double rate = samples / std::max(1e-9, seconds);
                const double left = double((options.epochs - epoch) * steps + (steps - s - 1)) * double(batch);
                progress({epoch, options.epochs, s + 1, steps, value,
                          result.validationLoss.empty() ? std::nan("") : result.validationLoss.back(), rate,
                          left / rate});
            }
        }
        if (result.cancelled)
            break;
        if (options.learningRateDecay != 1.0)
            for (auto& group : optimizer.param_groups())
                static_cast<torch::optim::AdamWOptions&>(group.options())
                    .lr(static_cast<torch::optim::AdamWOptions&>(group.options()).lr() * options.learningRateDecay);
        result.trainLoss.push_back(lossSum / double(order.size()));
        const double judged = validation ? evaluateMse(model, *validation) : result.trainLoss.back();
        if (validation)
            result.validationLoss.push_back(judged);
        if (judged < best) {
            best = judged;
            result.bestEpoch = epoch;
            sinceBest = 0;
            bestWeights.clear();
            for (const auto& p : net.parameters())
                bestWeights.push_back(p.detach().clone());
        } else if (++sinceBest >= options.patience) {
            break;
        }
    }
    if (!bestWeights.empty()) {
        torch::NoGradGuard noGrad;
        auto params = net.parameters();
        for (std::size_t i = 0; i < params.size(); ++i)
            params[i].copy_(bestWeights[i]);
    }
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return result;
}

} // namespace fathom::ml
