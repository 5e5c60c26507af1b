#include "trainer.h"

#include "detail/checkpoint.h"
#include "detail/distributed.h"

#include "common/error.h"
#include "detail/networks.h"
#include "detail/prefetch.h"
#include "device/batchsize.h"
#include "torchbackend.h"

#include <ATen/autocast_mode.h>

#include <chrono>
#include <cmath>
#include <memory>
#include <numeric>
#include <random>
#include <thread>

namespace fathom::ml {

namespace {

using Clock = std::chrono::steady_clock;

// Host tensors bound for a GPU are gathered into page-locked memory so the copy can overlap.
torch::TensorOptions hostOptions(const torch::Device& device)
{
    return torch::TensorOptions().dtype(torch::kFloat).pinned_memory(device.is_cuda());
}

// Batch × horizon × targets on the host (page-locked when bound for a GPU).
torch::Tensor gatherTargets(const series::Windows& windows, const std::vector<std::size_t>& order, std::size_t from,
                            std::size_t to, const torch::Device& device = torch::kCPU)
{
    const auto horizon = std::int64_t(windows.spec().horizon), targets = std::int64_t(windows.targets().size());
    torch::Tensor out = torch::empty({std::int64_t(to - from), horizon, targets}, hostOptions(device));
    float* p = out.data_ptr<float>();
    for (std::size_t b = from; b < to; ++b)
        for (std::int64_t h = 0; h < horizon; ++h)
            for (std::int64_t k = 0; k < targets; ++k)
                *p++ = windows.target(order[b], std::size_t(k))[std::size_t(h)];
    return out;
}

// Batch × lookback × features on the host (the caller moves it: spikes are planted first).
torch::Tensor gatherInputTensor(const series::Windows& windows, const std::vector<std::size_t>& order, std::size_t from,
                                std::size_t to, const torch::Device& device = torch::kCPU)
{
    const auto lookback = std::int64_t(windows.spec().lookback), features = std::int64_t(windows.features().size());
    torch::Tensor out = torch::empty({std::int64_t(to - from), lookback, features}, hostOptions(device));
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
    const bool reconstructs = model.reconstructs(); // then only the window itself matters
    if (std::size_t(c.lookback) != windows.spec().lookback || std::size_t(c.channels) != windows.features().size() ||
        (!reconstructs &&
         (std::size_t(c.horizon) != windows.spec().horizon || c.targets.size() != windows.targets().size())))
        throw Error("the " + kindName(c.kind) + " model takes " + std::to_string(c.lookback) + " steps × " +
                    std::to_string(c.channels) + " channels to " + std::to_string(c.horizon) + " × " +
                    std::to_string(c.targets.size()) + "; the data give " + std::to_string(windows.spec().lookback) +
                    " × " + std::to_string(windows.features().size()) + " to " +
                    std::to_string(windows.spec().horizon) + " × " + std::to_string(windows.targets().size()));
}

// A spike planted into the last one to three steps of one channel: 4 to 10 times that channel's
// typical step-to-step change in the window, up or down, so a jump stands out of the channel's own
// rhythm whatever its scale. Returns the windows' labels.
torch::Tensor plantSpikes(torch::Tensor& input, const series::Windows& windows, const std::vector<std::size_t>& order,
                          std::size_t from, const TrainOptions& options, std::mt19937_64& random)
{
    const auto batch = input.size(0), steps = input.size(1), channels = input.size(2);
    torch::Tensor labels = torch::zeros({batch});
    auto* label = labels.data_ptr<float>();
    if (options.spikeLabels) {
        const auto& rows = *options.spikeLabels;
        for (std::int64_t b = 0; b < batch; ++b) {
            const std::size_t last = windows.start(order[from + std::size_t(b)]) + windows.spec().lookback - 1;
            label[b] = last < rows.size() && rows[last] > 0.5f ? 1.0f : 0.0f;
        }
    }
    const torch::Tensor stepSize = input.diff(1, 1).std(1).clamp_min(0.02); // batch × channels
    const float* typical = stepSize.data_ptr<float>();
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    float* x = input.data_ptr<float>();
    for (std::int64_t b = 0; b < batch; ++b) {
        if (unit(random) >= options.plantedSpikes)
            continue;
        const auto channel = std::int64_t(unit(random) * double(channels)) % channels;
        const auto length = std::min<std::int64_t>(steps, 1 + std::int64_t(unit(random) * 3.0) % 3);
        const float size =
            typical[b * channels + channel] * float((4.0 + 6.0 * unit(random)) * (unit(random) < 0.5 ? -1.0 : 1.0));
        for (std::int64_t t = steps - length; t < steps; ++t)
            x[(b * steps + t) * channels + channel] += size;
        label[b] = 1.0f;
    }
    return labels;
}

// One step's windows on the host, ready for the device: inputs (spikes planted for a spike head),
// targets where the model forecasts, and the spike labels. Touches no weights, so the data
// workers gather the next steps' while the current one trains.
struct HostBatch
{
    torch::Tensor input, target, labels;
    std::size_t windows = 0;
};

HostBatch gatherBatch(const detail::Network& net, const torch::Device& device, const series::Windows& windows,
                      const std::vector<std::size_t>& order, std::size_t from, std::size_t to,
                      const TrainOptions& options, std::uint64_t plantSeed)
{
    HostBatch batch;
    batch.windows = to > from ? to - from : 0;
    if (batch.windows == 0)
        return batch;
    batch.input = gatherInputTensor(windows, order, from, to, device);
    if (net.hasSpikeHead() || !net.reconstructs()) // an autoencoder's target is its input
        batch.target = gatherTargets(windows, order, from, to, device);
    if (net.hasSpikeHead()) {
        std::mt19937_64 random(plantSeed);
        batch.labels = plantSpikes(batch.input, windows, order, from, options, random);
    }
    return batch;
}

// The loss of one batch: MSE of the forecast and, for a spike head, the cross-entropy of its
// spike logit over labelled and planted spikes.
torch::Tensor batchLoss(detail::Network& net, const torch::Device& device, const HostBatch& batch,
                        const TrainOptions& options)
{
    if (options.simulatedMemoryLimitWindows > 0 && batch.windows > options.simulatedMemoryLimitWindows)
        throw c10::OutOfMemoryError({__func__, __FILE__, uint32_t(__LINE__)},
                                    "out of memory (simulated): " + std::to_string(batch.windows) + " windows");
    const detail::Autocast autocast(options.precision, device);
    const auto x = batch.input.to(device, true);
    if (!net.hasSpikeHead())
        return torch::mse_loss(net.forward(x).to(torch::kFloat),
                               net.reconstructs() ? x : batch.target.to(device, true));
    auto [forecast, logit] = net.forwardWithSpike(x);
    return torch::mse_loss(forecast.to(torch::kFloat), batch.target.to(device, true)) +
           torch::binary_cross_entropy_with_logits(logit.to(torch::kFloat), batch.labels.to(device));
}

torch::Tensor batchLoss(detail::Network& net, const torch::Device& device, const series::Windows& windows,
                        const std::vector<std::size_t>& order, std::size_t from, std::size_t to,
                        const TrainOptions& options, std::uint64_t plantSeed)
{
    return batchLoss(net, device, gatherBatch(net, device, windows, order, from, to, options, plantSeed), options);
}

// The memory of one training step, measured at two small batches on a CUDA GPU, extrapolated to
// the largest power-of-two batch the free memory holds. 32 anywhere else.
std::size_t automaticBatch(detail::Network& net, const torch::Device& device, const series::Windows& windows,
                           const TrainOptions& options)
{
    constexpr std::size_t kFallback = 32, kSmall = 2, kLarge = 8;
    const auto id = device.str();
    const auto free = deviceFreeBytes(id);
    if (!device.is_cuda() || !free || windows.size() < kLarge)
        return kFallback;
    std::vector<std::size_t> order(kLarge);
    std::iota(order.begin(), order.end(), 0);
    const auto peakAt = [&](std::size_t n) {
        takeDevicePeakBytes(id); // resets the peak
        net.train();
        batchLoss(net, device, windows, order, 0, n, options, options.seed).backward();
        net.zero_grad();
        return *takeDevicePeakBytes(id);
    };
    const auto small = peakAt(kSmall), large = peakAt(kLarge);
    const std::uint64_t perWindow = std::max<std::uint64_t>(1, (large - std::min(large, small)) / (kLarge - kSmall));
    // AdamW's two moments come at the first step: as much memory again as the weights, twice.
    std::uint64_t states = 0;
    for (const auto& p : net.parameters())
        states += 2 * std::uint64_t(p.numel()) * p.element_size();
    const auto fixedBytes = small - std::min(small, kSmall * perWindow) + states;
    const auto budget = *free > fixedBytes ? *free - fixedBytes : 0;
    const int batch =
        autoBatchSize(perWindow, budget, options.memoryLimitBytes, int(std::min<std::size_t>(4096, windows.size())));
    return std::size_t(std::max(1, batch));
}

// What early stopping judges: the forecast's MSE, and for a spike head its cross-entropy too,
// over the validation windows with spikes planted from a fixed seed (the same every epoch).
double validationLoss(const Model& model, const series::Windows& windows, const TrainOptions& options)
{
    auto& net = *model.impl().net;
    if (!net.hasSpikeHead())
        return evaluateMse(model, windows);
    torch::NoGradGuard noGrad;
    net.eval();
    std::vector<std::size_t> order(windows.size());
    std::iota(order.begin(), order.end(), 0);
    double sum = 0;
    for (std::size_t from = 0; from < order.size(); from += 256) {
        const std::size_t to = std::min(order.size(), from + 256);
        sum += batchLoss(net, model.impl().device, windows, order, from, to, options, options.seed * 31 + from)
                   .item<double>() *
               double(to - from);
    }
    return sum / double(std::max<std::size_t>(1, order.size()));
}

void setRate(torch::optim::AdamW& optimizer, double rate)
{
    for (auto& group : optimizer.param_groups())
        static_cast<torch::optim::AdamWOptions&>(group.options()).lr(rate);
}

} // namespace

std::vector<float> gatherInputs(const series::Windows& windows, std::size_t i0, std::size_t i1)
{
    std::vector<std::size_t> order(i1 - i0); // just the windows asked for, not every window's index
    std::iota(order.begin(), order.end(), i0);
    const auto t = gatherInputTensor(windows, order, 0, order.size());
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
    const auto device = model.impl().device;
    for (std::size_t from = 0; from < order.size(); from += std::size_t(batchSize)) {
        const std::size_t to = std::min(order.size(), from + std::size_t(batchSize));
        const auto input = gatherInputTensor(windows, order, from, to, device).to(device, true);
        const auto error =
            net.forward(input) -
            (net.reconstructs() ? input : gatherTargets(windows, order, from, to, device).to(device, true));
        squares += error.pow(2).sum().item<double>();
        absolute += error.abs().sum().item<double>();
    }
    const double n = net.reconstructs() ? double(windows.size() * windows.spec().lookback * windows.features().size())
                                        : double(windows.size() * windows.spec().horizon * windows.targets().size());
    return {squares / n, absolute / n};
}

double evaluateMse(const Model& model, const series::Windows& windows, int batchSize)
{
    return evaluateErrors(model, windows, batchSize).mse;
}

TrainResult train(Model& model, const series::Windows& trainWindows, const series::Windows* validation,
                  const TrainOptions& options, const std::function<void(const TrainProgress&)>& progress,
                  const std::atomic<bool>* stop, const std::atomic<bool>* pause)
{
    checkShapes(model, trainWindows);
    if (validation)
        checkShapes(model, *validation);
    if (trainWindows.size() == 0)
        throw Error("no training windows");
    auto& net = *model.impl().net;
    const auto device = model.impl().device;
    {
        // An unusable precision fails before any work. Scoped: autocast's cast weights are cached
        // until the outermost guard ends, so no guard may outlive a step.
        const detail::Autocast check(options.precision, device);
    }
    torch::optim::AdamW optimizer(net.parameters(),
                                  torch::optim::AdamWOptions(options.learningRate).weight_decay(options.weightDecay));
    std::vector<std::size_t> order(trainWindows.size());
    std::size_t batch =
        options.batchSize > 0 ? std::size_t(options.batchSize) : automaticBatch(net, device, trainWindows, options);
    const int rank = options.group ? options.group->rank() : 0;
    const std::size_t world = options.group ? std::size_t(options.group->worldSize()) : 1;
    const auto stepsLeft = [&](std::size_t position) {
        return (order.size() - position + batch * world - 1) / (batch * world);
    };
    // fp16 on a GPU: the loss scaled up so small gradients survive, the scale halved whenever a
    // step overflows (that step skipped) and doubled after 2,000 clean steps.
    const bool scaled = options.precision == "fp16";
    double scale = scaled ? 65536.0 : 1.0;
    int cleanSteps = 0;

    TrainResult result;
    detail::TrainState state;
    if (options.resume && !options.checkpoint.empty() && std::filesystem::exists(options.checkpoint))
        detail::loadCheckpoint(options.checkpoint, net, optimizer, state, result, device);
    if (options.group) { // every process starts from rank 0's weights, on the same data
        options.group->agree("training set",
                             kindName(model.config().kind) + " of " + std::to_string(model.parameterCount()) +
                                 " parameters, " + std::to_string(trainWindows.size()) + " training windows, batch " +
                                 std::to_string(batch) + " × " + std::to_string(std::max(1, options.accumulation)) +
                                 " accumulated, from epoch " + std::to_string(state.epoch + 1) +
                                 (state.epoch > 0 ? " (resumed: the checkpoint must reach every rank)" : ""));
        auto params = detail::weightsAndBuffers(net);
        detail::broadcastFromRankZero(*options.group, params);
    }
    const std::size_t accumulate = std::size_t(std::max(1, options.accumulation));
    // The weights move: the mean gradient of a group's windows (across ranks, each rank's share
    // weighted by its windows), unscaled and checked under fp16, clipped, one optimizer step.
    const auto moveWeights = [&](std::size_t localWindows, std::size_t globalWindows) {
        if (options.group) {
            std::vector<at::Tensor> grads;
            for (auto& p : net.parameters()) {
                if (!p.grad().defined())
                    p.mutable_grad() = torch::zeros_like(p);
                grads.push_back(p.grad().mul_(double(localWindows)));
            }
            detail::allReduceSum(*options.group, grads);
            for (auto& g : grads)
                g.div_(double(globalWindows));
        }
        bool take = true;
        if (scaled) {
            for (auto& p : net.parameters())
                if (p.grad().defined()) {
                    p.mutable_grad().div_(scale);
                    take = take && torch::isfinite(p.grad()).all().item<bool>();
                }
            if (!take) {
                scale /= 2;
                cleanSteps = 0;
                ++result.skippedSteps;
            } else if (++cleanSteps == 2000) {
                scale *= 2;
                cleanSteps = 0;
            }
        }
        if (take) {
            if (options.clipNorm > 0)
                torch::nn::utils::clip_grad_norm_(net.parameters(), options.clipNorm);
            optimizer.step();
        }
    };
    const auto start = Clock::now();
    std::size_t samples = 0;
    detail::RunRandom draws(options.seed); // dropout masks of this run's own, whatever else runs
    bool stopEarly = state.sinceBest >= options.patience;
    for (int epoch = state.epoch + 1; epoch <= options.epochs && !stopEarly; ++epoch) {
        // Every epoch draws from its own seeds, so an epoch run again after a resume is the same.
        draws.reseed(options.seed + std::uint64_t(epoch), device);
        order.resize(trainWindows.size());
        std::iota(order.begin(), order.end(), 0);
        std::mt19937_64 shuffle(options.seed * 1000003 + std::uint64_t(epoch));
        std::shuffle(order.begin(), order.end(), shuffle);
        if (options.dropLastBatch && order.size() > batch * world)
            order.resize(order.size() - order.size() % (batch * world));
        if (epoch == 1 && options.firstEpochRateScale != 1.0)
            setRate(optimizer, options.learningRate * options.firstEpochRateScale);
        net.train();
        double lossSum = 0;
        std::size_t seen = 0, position = 0, s = 0;
        // The steps ahead, gathered on the profile's data workers: made again from where the
        // epoch stands whenever the batch halves.
        std::unique_ptr<detail::Ahead<HostBatch>> ahead;
        const auto gatherAhead = [&, epoch](std::size_t startPosition, std::size_t startStep) {
            const std::size_t b = batch;
            ahead = std::make_unique<detail::Ahead<HostBatch>>(
                options.loaderWorkers, stepsLeft(startPosition),
                [&, epoch, b, startPosition, startStep](std::size_t i) {
                    const std::size_t globalFrom = startPosition + i * b * world,
                                      globalTo = std::min(order.size(), globalFrom + b * world);
                    const std::size_t from = std::min(globalTo, globalFrom + std::size_t(rank) * b),
                                      to = std::min(globalTo, from + b);
                    return gatherBatch(net, device, trainWindows, order, from, to, options,
                                       options.seed * 7919 + std::uint64_t(epoch) * 1000003 + startStep + i);
                });
        };
        // A group of `accumulate` steps moves the weights once, with the mean gradient of all
        // its windows; on running out of memory the whole group is taken again in smaller steps.
        struct Group
        {
            std::size_t start = 0, steps = 0, s = 0, seen = 0, samples = 0;
            double lossSum = 0;
        } group;
        const auto localWindows = [&](std::size_t begin, std::size_t end) { // this rank's share of a group
            std::size_t n = 0;
            for (std::size_t g = begin; g < end; g += batch * world) {
                const std::size_t gt = std::min(end, g + batch * world),
                                  f = std::min(gt, g + std::size_t(rank) * batch);
                n += std::min(gt, f + batch) - f;
            }
            return n;
        };
        while (position < order.size()) {
            while (pause && pause->load() && !(stop && stop->load()))
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            if (stop && stop->load()) {
                result.cancelled = true;
                break;
            }
            // This process's shard of the step's batch (all of it when training alone).
            const std::size_t globalBatch = batch * world;
            const std::size_t globalFrom = position, globalTo = std::min(order.size(), globalFrom + globalBatch);
            const std::size_t from = std::min(globalTo, globalFrom + std::size_t(rank) * batch),
                              to = std::min(globalTo, from + batch);
            if (group.steps == 0) {
                group = {position, 0, s, seen, samples, lossSum};
                optimizer.zero_grad();
            }
            const std::size_t groupEnd = std::min(order.size(), group.start + globalBatch * accumulate);
            if (!ahead)
                gatherAhead(position, s);
            const auto gathered = ahead->take();
            double value = 0;
            if (to > from) {
                try {
                    const auto loss = batchLoss(net, device, gathered, options);
                    value = loss.item<double>();
                    if (!std::isfinite(value))
                        throw Error("training " + kindName(model.config().kind) + " stopped: the loss became " +
                                    std::to_string(value) + " at epoch " + std::to_string(epoch) +
                                    " (try a lower learning rate); the last good weights are kept");
                    // Each step's share of the group's mean (all of it without accumulation).
                    const auto share = accumulate > 1
                                           ? loss * (double(to - from) / double(localWindows(group.start, groupEnd)))
                                           : loss;
                    (scaled ? share * scale : share).backward();
                } catch (const c10::OutOfMemoryError& e) {
                    optimizer.zero_grad();
                    ++result.outOfMemory;
                    if (!options.halveOnOutOfMemory || options.group || batch == 1)
                        throw Error("training " + kindName(model.config().kind) + " ran out of memory on " +
                                    device.str() + " at " + std::to_string(batch) + " windows per step" +
                                    (options.group ? " (ranks of a group cannot halve their batch alone)" : "") +
                                    "; the last checkpoint is kept");
                    detail::releaseCachedMemory(device);
                    batch = std::max<std::size_t>(1, batch / 2);
                    ahead.reset(); // gathered at the old batch
                    // The group's windows again, in smaller steps.
                    position = group.start;
                    s = group.s;
                    seen = group.seen;
                    samples = group.samples;
                    lossSum = group.lossSum;
                    group.steps = 0;
                    continue;
                }
            }
            position = globalTo;
            ++s;
            ++group.steps;
            lossSum += value * double(to - from);
            seen += to - from;
            samples += to - from;
            if (position >= groupEnd) { // the group's last step
                moveWeights(localWindows(group.start, groupEnd), groupEnd - group.start);
                group.steps = 0;
            }
            if (progress) {
                const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
                const double rate = samples / std::max(1e-9, seconds);
                const std::size_t steps = s + stepsLeft(position);
                const double left =
                    double(std::size_t(options.epochs - epoch) * order.size() + (order.size() - position)) / world;
                TrainProgress p{epoch, options.epochs,
                                s,     steps,
                                value, result.validationLoss.empty() ? std::nan("") : result.validationLoss.back(),
                                rate,  left / rate};
                p.batch = int(batch);
                progress(p);
            }
        }
        if (result.cancelled)
            break;
        if (epoch == 1 && options.firstEpochRateScale != 1.0)
            setRate(optimizer, options.learningRate);
        if (options.learningRateDecay != 1.0 && epoch > options.learningRateHold) // one rate for every group
            setRate(optimizer, static_cast<torch::optim::AdamWOptions&>(optimizer.param_groups()[0].options()).lr() *
                                   options.learningRateDecay);
        result.trainLoss.push_back(lossSum / double(std::max<std::size_t>(1, seen)));
        if (options.group) {
            // BatchNorm's running statistics came from each rank's own shards: rank 0's hold for
            // all (as PyTorch's DistributedDataParallel does), so every rank validates the same
            // model and takes the same decision to stop.
            auto buffers = net.buffers();
            detail::broadcastFromRankZero(*options.group, buffers);
        }
        const double judged = validation ? validationLoss(model, *validation, options) : result.trainLoss.back();
        if (validation)
            result.validationLoss.push_back(judged);
        if (progress) {
            const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
            const double rate = samples / std::max(1e-9, seconds);
            TrainProgress p{epoch,
                            options.epochs,
                            s,
                            s,
                            result.trainLoss.back(),
                            validation ? judged : std::nan(""),
                            rate,
                            double(std::size_t(options.epochs - epoch) * order.size()) / double(world) / rate,
                            true};
            p.batch = int(batch);
            progress(p);
        }
        if (judged < state.best) {
            state.best = judged;
            result.bestEpoch = epoch;
            state.sinceBest = 0;
            state.bestWeights.clear();
            for (const auto& p : detail::weightsAndBuffers(net))
                state.bestWeights.push_back(p.detach().clone());
        } else if (++state.sinceBest >= options.patience) {
            stopEarly = true;
        }
        state.epoch = epoch;
        if (!options.checkpoint.empty() && rank == 0)
            detail::saveCheckpoint(options.checkpoint, net, optimizer, state, result);
    }
    const auto& bestWeights = state.bestWeights;
    if (options.keepBestWeights && !bestWeights.empty()) {
        torch::NoGradGuard noGrad;
        auto params = detail::weightsAndBuffers(net);
        for (std::size_t i = 0; i < params.size(); ++i)
            params[i].copy_(bestWeights[i]);
    }
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    result.batchSize = int(batch);
    return result;
}

} // namespace fathom::ml
