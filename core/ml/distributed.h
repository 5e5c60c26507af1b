#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace fathom::ml {

// Processes training one model data-parallel through LibTorch's c10d over Gloo (CPUs), set up as
// PyTorch's launchers do (a Kubernetes PyTorchJob, Slurm, torchrun): MASTER_ADDR, MASTER_PORT,
// RANK, WORLD_SIZE. Every step each process computes the gradient of its shard of the batch, the
// gradients are all-reduced, and every process takes the same step; rank 0 writes checkpoints
// and the model folder.
class ProcessGroup
{
public:
    // From the environment: nullptr when WORLD_SIZE is unset or 1 (FATHOM_DIST_TIMEOUT: seconds
    // to wait for the other ranks). Throws Error naming the variable
    // that is missing or wrong, or the address that could not be reached in `timeout`.
    static std::unique_ptr<ProcessGroup> fromEnvironment(std::chrono::seconds timeout = std::chrono::seconds(120));
    static std::unique_ptr<ProcessGroup> connect(const std::string& host, int port, int rank, int worldSize,
                                                 std::chrono::seconds timeout = std::chrono::seconds(120));
    ~ProcessGroup();

    int rank() const { return m_rank; }
    int worldSize() const { return m_worldSize; }
    // Every rank states `value` for `what` (all ranks in the same order); throws Error naming
    // the rank that differs, so a mismatched rank stops at once instead of hanging a step.
    void agree(const std::string& what, const std::string& value);
    // Seconds spent in all-reduce so far (for the benchmark's scaling figures).
    double allReduceSeconds() const;
    std::size_t allReduceCount() const;

    struct Impl;
    Impl& impl() const { return *m_impl; }

private:
    ProcessGroup() = default;
    int m_rank = 0, m_worldSize = 1;
    std::unique_ptr<Impl> m_impl;
};

// The device of this rank: under a launcher that sets LOCAL_RANK (torchrun, Slurm through
// packaging/slurm, a PyTorchJob) each process of a machine takes its own GPU, cuda:LOCAL_RANK;
// a CPU device, or no LOCAL_RANK, leaves `device` as it is. Throws Error for a LOCAL_RANK that is
// not a number or below 0.
std::string rankDevice(const std::string& device);

} // namespace fathom::ml
