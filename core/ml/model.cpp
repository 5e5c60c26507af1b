#include "ml/models.h"

#include "common/error.h"
#include "detail/networks.h"

#ifdef FATHOM_WITH_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#endif

#include <unistd.h>

#include <algorithm>

namespace fathom::ml {

namespace {

const std::pair<ModelKind, const char*> kNames[] = {
    {ModelKind::Lstm, "lstm"},         {ModelKind::Gru, "gru"},         {ModelKind::CnnLstm, "cnn_lstm"},
    {ModelKind::Spike, "spike"},       {ModelKind::Rule, "rule"},       {ModelKind::Ensemble, "ensemble"},
    {ModelKind::PatchTst, "patchtst"}, {ModelKind::DLinear, "dlinear"}, {ModelKind::ConvAe, "conv_ae"}};

// LibTorch's messages carry a C++ backtrace after the first line.
std::string firstLine(const std::string& text)
{
    return text.substr(0, text.find('\n'));
}

std::vector<float> toVector(const torch::Tensor& t)
{
    const torch::Tensor c = t.to(torch::kCPU).to(torch::kFloat).contiguous();
    return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

} // namespace

std::string kindName(ModelKind kind)
{
    for (const auto& [k, name] : kNames)
        if (k == kind)
            return name;
    return "lstm";
}

ModelKind parseKind(const std::string& name)
{
    std::string known;
    for (const auto& [k, n] : kNames) {
        if (name == n)
            return k;
        known += (known.empty() ? "" : ", ") + std::string(n);
    }
    throw Error("unknown model '" + name + "' (the models are: " + known + ")");
}

namespace detail {

torch::Device resolveDevice(const std::string& id, const std::string& who)
{
    torch::Device device = torch::kCPU;
    if (id == "auto" || id.empty())
        return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    try {
        device = torch::Device(id);
    } catch (const std::exception&) {
        throw Error("unknown device '" + id + "': expected cpu, cuda, cuda:N or auto");
    }
    if (device.is_cuda() &&
        (!torch::cuda::is_available() || (device.has_index() && device.index() >= int(torch::cuda::device_count()))))
        throw Error(who + " cannot run on " + id + ": this LibTorch sees no such CUDA device");
    if (device.is_cuda() && !device.has_index())
        device = torch::Device(torch::kCUDA, 0);
    if (!device.is_cpu() && !device.is_cuda())
        throw Error(who + " runs on cpu or cuda; " + id + " is not supported yet");
    return device;
}

void releaseCachedMemory(const torch::Device& device)
{
#ifdef FATHOM_WITH_CUDA
    if (device.is_cuda())
        c10::cuda::CUDACachingAllocator::emptyCache();
#else
    (void)device;
#endif
}

} // namespace detail

bool canRunOn(const std::string& device)
{
    try {
        detail::resolveDevice(device, "the models");
        return true;
    } catch (const Error&) {
        return false;
    }
}

std::vector<ModelKind> allKinds()
{
    std::vector<ModelKind> kinds;
    for (const auto& [k, name] : kNames)
        kinds.push_back(k);
    return kinds;
}

Model::Model(const ModelConfig& config, std::uint64_t seed)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->config = config;
    std::scoped_lock lock(detail::globalDraws()); // the initial weights, drawn undisturbed
    detail::seedCpuDraws(seed);
    m_impl->net = detail::makeNetwork(config);
}

Model::~Model() = default;
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;

void Model::setDevice(const std::string& id)
{
    const auto device = detail::resolveDevice(id, "the " + kindName(m_impl->config.kind) + " model");
    m_impl->net->to(device);
    m_impl->device = device;
}

std::string Model::deviceId() const
{
    return m_impl->device.str();
}

const ModelConfig& Model::config() const
{
    return m_impl->config;
}

std::int64_t Model::parameterCount() const
{
    return detail::countParameters(*m_impl->net);
}

std::vector<float> Model::predict(const std::vector<float>& windows, int batch,
                                  std::vector<float>* spikeProbability) const
{
    torch::NoGradGuard noGrad;
    m_impl->net->eval();
    const detail::Autocast autocast(m_impl->inferencePrecision(), m_impl->device);
    if (!spikeProbability)
        return toVector(m_impl->net->forward(m_impl->batchTensor(windows, batch)));
    auto [forecast, logit] = m_impl->net->forwardWithSpike(m_impl->batchTensor(windows, batch));
    *spikeProbability = toVector(torch::sigmoid(logit.to(torch::kFloat)));
    return toVector(forecast);
}

Prediction Model::predictAll(const std::vector<float>& windows, int batch) const
{
    torch::NoGradGuard noGrad;
    m_impl->net->eval();
    const detail::Autocast autocast(m_impl->inferencePrecision(), m_impl->device);
    auto [forecast, logit, members] = m_impl->net->forwardAll(m_impl->batchTensor(windows, batch));
    Prediction p;
    p.forecast = toVector(forecast);
    if (logit.defined())
        p.spikeProbability = toVector(torch::sigmoid(logit.to(torch::kFloat)));
    if (members.defined())
        p.members = toVector(members);
    return p;
}

std::vector<float> Model::memberForecasts(const std::vector<float>& windows, int batch) const
{
    if (m_impl->config.kind != ModelKind::Ensemble)
        throw Error("only the ensemble has member forecasts");
    return predictAll(windows, batch).members;
}

void Model::setPrecision(const std::string& precision)
{
    const detail::Autocast check(precision, m_impl->device); // an unusable one fails here, naming it
    m_impl->precision = precision;
}

std::string Model::precision() const
{
    return m_impl->inferencePrecision();
}

std::vector<ModelKind> Model::memberKinds() const
{
    if (m_impl->config.kind != ModelKind::Ensemble)
        return {};
    return {ModelKind::Lstm, ModelKind::Gru, ModelKind::CnnLstm, ModelKind::Spike, ModelKind::Rule};
}

bool Model::hasSpikeHead() const
{
    return m_impl->net->hasSpikeHead();
}

bool Model::reconstructs() const
{
    return m_impl->net->reconstructs();
}

void Model::adoptMember(const Model& trained)
{
    const auto member = m_impl->net->member(trained.config().kind);
    torch::NoGradGuard noGrad;
    const auto copy = [&](const torch::OrderedDict<std::string, torch::Tensor>& from,
                          torch::OrderedDict<std::string, torch::Tensor> to) {
        for (const auto& item : from) {
            auto* target = to.find(item.key());
            if (!target || target->sizes() != item.value().sizes())
                throw Error("the trained " + kindName(trained.config().kind) +
                            " model has other sizes than the ensemble's member (" + item.key() + ")");
            target->copy_(item.value());
        }
    };
    copy(trained.m_impl->net->named_parameters(), member->named_parameters());
    copy(trained.m_impl->net->named_buffers(), member->named_buffers());
}

std::vector<float> Model::spikeProbability(const std::vector<float>& windows, int batch) const
{
    torch::NoGradGuard noGrad;
    m_impl->net->eval();
    return toVector(torch::sigmoid(m_impl->net->spikeLogit(m_impl->batchTensor(windows, batch))));
}

void Model::save(const std::filesystem::path& file) const
{
    const auto temp = file.string() + ".part-" + std::to_string(::getpid());
    try {
        torch::serialize::OutputArchive archive;
        m_impl->net->save(archive);
        archive.save_to(temp);
    } catch (const std::exception& e) {
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
        throw Error(file.string() + ": the model could not be written: " + firstLine(e.what()));
    }
    std::error_code ec;
    std::filesystem::rename(temp, file, ec);
    if (ec)
        throw Error(file.string() + ": cannot replace: " + ec.message());
}

Model Model::load(const std::filesystem::path& file, const ModelConfig& config)
{
    Model model(config);
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(file.string(), torch::Device(torch::kCPU)); // saved on any device
        model.m_impl->net->load(archive);
    } catch (const std::exception& e) {
        if (!std::filesystem::exists(file))
            throw Error(file.string() + ": no such model weights file");
        throw Error(file.string() + ": not weights of a " + kindName(config.kind) + " model of these sizes (" +
                    firstLine(e.what()) + ")");
    }
    return model;
}

ModelDescription describe(const ModelConfig& config)
{
    const Model model(config);
    const std::vector<float> zeros(std::size_t(config.lookback) * std::size_t(config.channels), 0.0f);
    const auto out = model.predict(zeros, 1);
    return {kindName(config.kind), model.parameterCount(), {1, config.horizon, std::int64_t(config.targets.size())}};
}

} // namespace fathom::ml
