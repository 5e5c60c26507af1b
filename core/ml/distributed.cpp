#include "distributed.h"

#include "common/error.h"
#include "common/versions.h"
#include "detail/distributed.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/version.h>

#include <chrono>
#include <cstdlib>

namespace fathom::ml {

struct ProcessGroup::Impl
{
    c10::intrusive_ptr<c10d::TCPStore> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
    double allReduceSeconds = 0;
    std::size_t allReduceCount = 0;
    int agreements = 0;
};

namespace {

int integerFrom(const char* name, int fallback, bool required)
{
    const char* value = std::getenv(name);
    if (!value || !*value) {
        if (required)
            throw Error(std::string("distributed training: ") + name + " is not set");
        return fallback;
    }
    try {
        std::size_t used = 0;
        const int n = std::stoi(value, &used);
        if (used != std::string(value).size())
            throw std::invalid_argument(value);
        return n;
    } catch (const std::exception&) {
        throw Error(std::string("distributed training: ") + name + "='" + value + "' is not a number");
    }
}

} // namespace

std::string rankDevice(const std::string& device)
{
    const int local = integerFrom("LOCAL_RANK", -1, false);
    if (local == -1 || device.rfind("cuda", 0) != 0)
        return device;
    if (local < 0)
        throw Error("distributed training: LOCAL_RANK=" + std::to_string(local) + " is below 0");
    return "cuda:" + std::to_string(local);
}

std::unique_ptr<ProcessGroup> ProcessGroup::fromEnvironment(std::chrono::seconds timeout)
{
    const int world = integerFrom("WORLD_SIZE", 1, false);
    if (world <= 1)
        return nullptr;
    const int rank = integerFrom("RANK", 0, true);
    const char* host = std::getenv("MASTER_ADDR");
    // How long to wait for the other ranks (FATHOM_DIST_TIMEOUT seconds), default as given.
    timeout = std::chrono::seconds(integerFrom("FATHOM_DIST_TIMEOUT", int(timeout.count()), false));
    return connect(host && *host ? host : "127.0.0.1", integerFrom("MASTER_PORT", 29500, false), rank, world, timeout);
}

std::unique_ptr<ProcessGroup> ProcessGroup::connect(const std::string& host, int port, int rank, int worldSize,
                                                    std::chrono::seconds timeout)
{
    if (worldSize < 1 || rank < 0 || rank >= worldSize)
        throw Error("distributed training: RANK " + std::to_string(rank) + " is outside WORLD_SIZE " +
                    std::to_string(worldSize));
    if (port <= 0 || port > 65535)
        throw Error("distributed training: MASTER_PORT " + std::to_string(port) + " is not a port");
    std::unique_ptr<ProcessGroup> g(new ProcessGroup);
    g->m_rank = rank;
    g->m_worldSize = worldSize;
    g->m_impl = std::make_unique<Impl>();
    const std::string where = host + ":" + std::to_string(port);
    try {
        c10d::TCPStoreOptions options;
        options.port = std::uint16_t(port);
        options.isServer = rank == 0;
        options.numWorkers = std::size_t(worldSize);
        options.waitWorkers = true;
        options.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(timeout);
        g->m_impl->store = c10::make_intrusive<c10d::TCPStore>(host, options);
        auto glooOptions = c10d::ProcessGroupGloo::Options::create();
        glooOptions->timeout = std::chrono::duration_cast<std::chrono::milliseconds>(timeout);
        glooOptions->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname(host));
        g->m_impl->group = c10::make_intrusive<c10d::ProcessGroupGloo>(g->m_impl->store, rank, worldSize, glooOptions);
    } catch (const std::exception& e) {
        std::string what = e.what();
        what = what.substr(0, what.find('\n'));
        throw Error("distributed training: rank " + std::to_string(rank) + " of " + std::to_string(worldSize) +
                    " could not join the group at " + where + " (" + what +
                    "); is rank 0 running there and the port free?");
    }
    // Ranks of other versions would disagree on models and checkpoints in ways that hang or corrupt.
    g->agree("version", "fathom-cli " + fathomVersion() + ", LibTorch " + TORCH_VERSION);
    return g;
}

void ProcessGroup::agree(const std::string& what, const std::string& value)
{
    auto& store = *m_impl->store;
    const auto topic = "fathom/" + std::to_string(++m_impl->agreements) + "/";
    store.set(topic + std::to_string(m_rank), std::vector<std::uint8_t>(value.begin(), value.end()));
    for (int r = 0; r < m_worldSize; ++r) {
        std::vector<std::uint8_t> bytes;
        try {
            bytes = store.get(topic + std::to_string(r));
        } catch (const std::exception& e) {
            std::string why = e.what();
            throw Error("distributed training: rank " + std::to_string(r) + " did not state its " + what + " (" +
                        why.substr(0, why.find('\n')) + "); did it stop?");
        }
        const std::string theirs(bytes.begin(), bytes.end());
        if (theirs != value)
            throw Error("distributed training: rank " + std::to_string(r) + " has " + what + " '" + theirs +
                        "', rank " + std::to_string(m_rank) + " has '" + value + "'; every rank must match");
    }
}

ProcessGroup::~ProcessGroup() = default;

double ProcessGroup::allReduceSeconds() const
{
    return m_impl->allReduceSeconds;
}

std::size_t ProcessGroup::allReduceCount() const
{
    return m_impl->allReduceCount;
}

namespace detail {

void allReduceSum(ProcessGroup& group, std::vector<at::Tensor>& tensors)
{
    const auto start = std::chrono::steady_clock::now();
    // One flat buffer: one collective per step however many parameters there are.
    std::vector<at::Tensor> flat{torch::cat([&] {
        std::vector<at::Tensor> parts;
        for (const auto& t : tensors)
            parts.push_back(t.reshape({-1}));
        return parts;
    }())};
    try {
        group.impl().group->allreduce(flat)->wait();
    } catch (const std::exception& e) {
        std::string what = e.what();
        throw Error("distributed training: the all-reduce failed (" + what.substr(0, what.find('\n')) +
                    "); did another rank stop?");
    }
    std::int64_t offset = 0;
    for (auto& t : tensors) {
        const auto n = t.numel();
        t.copy_(flat[0].slice(0, offset, offset + n).view_as(t));
        offset += n;
    }
    ++group.impl().allReduceCount;
    group.impl().allReduceSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void broadcastFromRankZero(ProcessGroup& group, std::vector<at::Tensor>& tensors)
{
    for (auto& t : tensors) {
        std::vector<at::Tensor> one{t};
        group.impl().group->broadcast(one)->wait();
    }
}

} // namespace detail

} // namespace fathom::ml
