#include "detail/checkpoint.h"

#include "common/error.h"

#include <string>

namespace fathom::ml::detail {

namespace {

std::vector<double> toDoubles(const torch::Tensor& t)
{
    const auto c = t.to(torch::kCPU).to(torch::kDouble).contiguous();
    return {c.data_ptr<double>(), c.data_ptr<double>() + c.numel()};
}

} // namespace

// Everything the forecasts depend on: the parameters, then the buffers.
std::vector<torch::Tensor> weightsAndBuffers(torch::nn::Module& net)
{
    auto all = net.parameters();
    for (auto& b : net.buffers())
        all.push_back(b);
    return all;
}

void saveCheckpoint(const std::filesystem::path& path, torch::nn::Module& net, torch::optim::Optimizer& optimizer,
                    const TrainState& state, const TrainResult& result)
{
    torch::serialize::OutputArchive archive, weights, optimizerState;
    net.save(weights);
    optimizer.save(optimizerState);
    archive.write("model", weights);
    archive.write("optimizer", optimizerState);
    archive.write("epoch", torch::tensor(std::int64_t(state.epoch)));
    // LibTorch's optimizer archive keeps its state but not the rate a schedule has reached.
    archive.write(
        "learning_rate",
        torch::tensor(static_cast<torch::optim::AdamWOptions&>(optimizer.param_groups().front().options()).lr(),
                      torch::kDouble));
    archive.write("best", torch::tensor(state.best, torch::kDouble));
    archive.write("best_epoch", torch::tensor(std::int64_t(result.bestEpoch)));
    archive.write("since_best", torch::tensor(std::int64_t(state.sinceBest)));
    archive.write("train_loss", torch::tensor(result.trainLoss, torch::kDouble));
    archive.write("validation_loss", torch::tensor(result.validationLoss, torch::kDouble));
    archive.write("best_count", torch::tensor(std::int64_t(state.bestWeights.size())));
    for (std::size_t i = 0; i < state.bestWeights.size(); ++i)
        archive.write("best_" + std::to_string(i), state.bestWeights[i]);
    const auto temp = path.string() + ".part";
    try {
        archive.save_to(temp);
    } catch (const std::exception& e) {
        throw Error(path.string() + ": the checkpoint could not be written: " + std::string(e.what()).substr(0, 200));
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec); // the previous checkpoint stays until this succeeds
    if (ec)
        throw Error(path.string() + ": cannot replace the checkpoint: " + ec.message());
}

void loadCheckpoint(const std::filesystem::path& path, torch::nn::Module& net, torch::optim::Optimizer& optimizer,
                    TrainState& state, TrainResult& result, const torch::Device& device)
{
    try {
        torch::serialize::InputArchive archive, weights, optimizerState;
        archive.load_from(path.string(), device);
        archive.read("model", weights);
        net.load(weights);
        archive.read("optimizer", optimizerState);
        optimizer.load(optimizerState);
        // A fresh tensor for every read: reading into a defined tensor reuses its storage.
        const auto value = [&](const char* key) {
            torch::Tensor t;
            archive.read(key, t);
            return t;
        };
        state.epoch = int(value("epoch").item<std::int64_t>());
        const double rate = value("learning_rate").item<double>();
        for (auto& group : optimizer.param_groups())
            static_cast<torch::optim::AdamWOptions&>(group.options()).lr(rate);
        state.best = value("best").item<double>();
        result.bestEpoch = int(value("best_epoch").item<std::int64_t>());
        state.sinceBest = int(value("since_best").item<std::int64_t>());
        result.trainLoss = toDoubles(value("train_loss"));
        result.validationLoss = toDoubles(value("validation_loss"));
        const auto bestCount = value("best_count").item<std::int64_t>();
        state.bestWeights.resize(std::size_t(bestCount));
        for (std::size_t i = 0; i < state.bestWeights.size(); ++i)
            archive.read("best_" + std::to_string(i), state.bestWeights[i]);
        // Checkpoints written before the buffers were kept: the current ones stand in for them.
        const auto now = weightsAndBuffers(net);
        if (!state.bestWeights.empty() && state.bestWeights.size() == net.parameters().size())
            for (std::size_t i = state.bestWeights.size(); i < now.size(); ++i)
                state.bestWeights.push_back(now[i].detach().clone());
        if (!state.bestWeights.empty() && state.bestWeights.size() != now.size())
            throw Error("it keeps " + std::to_string(bestCount) + " best tensors, the model has " +
                        std::to_string(now.size()));
    } catch (const std::exception& e) {
        throw Error(path.string() + ": not a checkpoint of this model and these options (" +
                    std::string(e.what()).substr(0, std::string(e.what()).find('\n')) + ")");
    }
}

} // namespace fathom::ml::detail
