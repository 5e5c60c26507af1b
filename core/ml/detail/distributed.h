#pragma once

// The trainer's view of a process group (LibTorch types: core/ml's .cpp files only).
#include "ml/distributed.h"

#include <torch/torch.h>

#include <vector>

namespace fathom::ml::detail {

// Sums each tensor over every process, in place.
void allReduceSum(ProcessGroup& group, std::vector<at::Tensor>& tensors);
// Every process takes rank 0's values.
void broadcastFromRankZero(ProcessGroup& group, std::vector<at::Tensor>& tensors);

} // namespace fathom::ml::detail
