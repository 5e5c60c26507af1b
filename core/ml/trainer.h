#pragma once

#include "models.h"
#include "series/dataset.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <vector>

namespace fathom::ml {

class ProcessGroup;

struct TrainOptions
{
    int epochs = 20;
    // 0: automatic. On a CUDA GPU the largest power of two whose memory fits in the free memory
    // (and memoryLimitBytes): the memory of a step measured on two small probe batches. On any
    // other device 32. The batch taken is TrainResult::batchSize.
    int batchSize = 32;
    std::uint64_t memoryLimitBytes = 0; // for the automatic batch: the profile's limit (0: none)
    double learningRate = 1e-3;
    double learningRateDecay = 1.0; // the rate is multiplied by this after every epoch
    int learningRateHold = 0;       // … after every epoch past this many (PatchTST's "type3": 3)
    // The first epoch runs at learningRate × this, every later one from learningRate: PatchTST's
    // code builds a OneCycleLR schedule that its "type3" never steps, whose construction alone sets
    // the first epoch's rate to a 25th (0.04).
    double firstEpochRateScale = 1.0;
    double weightDecay = 1e-4;
    double clipNorm = 1.0; // gradient norm clipped to this; 0 leaves gradients alone
    // Gradient accumulation: the gradients of this many steps are summed before the weights move
    // once, as one step over batchSize × accumulation windows would move them, in the memory of one
    // batch. Steps and progress count batches; the learning rate is the larger batch's.
    int accumulation = 1;
    int patience = 5; // epochs without a better validation loss before stopping
    // Each epoch leaves out the windows of its last, partial batch (the shuffle decides which), as
    // a PyTorch DataLoader with drop_last does: published recipes train so.
    bool dropLastBatch = false;
    // The best epoch's weights at the end (false: the last epoch's, as Keras's EarlyStopping
    // leaves a model unless told to restore the best).
    bool keepBestWeights = true;
    std::uint64_t seed = 1;
    // After every epoch the whole state (weights, optimizer, history, best weights) is written
    // here atomically; with `resume`, a run starts from it and ends where an uninterrupted run
    // with the same options would.
    std::filesystem::path checkpoint;
    bool resume = false;
    // Models with a spike head (spike detector, ensemble) also learn, by binary cross-entropy,
    // whether a window ends in a spike: from these per-row labels of the series the windows view
    // (1 = anomalous; a window's label is its last row's), and from spikes planted into this share
    // of the training windows, so the head learns even where nothing is labelled.
    const std::vector<float>* spikeLabels = nullptr;
    double plantedSpikes = 0.25;
    // Data-parallel training (distributed.h): each process takes its shard of every batch of
    // batchSize × world size windows, gradients are all-reduced, and only rank 0 writes the
    // checkpoint. The same as one process with the combined batch (BatchNorm aside: each rank
    // normalises by its shard's statistics, and after every epoch takes rank 0's running ones).
    ProcessGroup* group = nullptr;
    // Arithmetic of the forward pass: "fp32"; "bf16" autocast (CUDA GPUs that have it, CPUs
    // with AVX-512 BF16); "fp16" autocast with dynamic loss scaling (CUDA only).
    std::string precision = "fp32";
    // On running out of device memory the batch halves and the step is taken again, down to one
    // window (alone only: ranks of a group would have to agree, so there it stops with a message).
    bool halveOnOutOfMemory = true;
    // The device profile's data workers: threads that gather (and, bound for a GPU, page-lock) the
    // next steps' batches while the current one trains. 0: each batch is gathered when its step
    // comes. The result is the same either way.
    int loaderWorkers = 0;
    // For tests and drills: batches larger than this run out of memory as a full GPU would.
    std::size_t simulatedMemoryLimitWindows = 0;
};

struct TrainProgress
{
    int epoch = 0; // 1-based
    int epochs = 0;
    std::size_t step = 0;
    std::size_t steps = 0; // per epoch
    double trainLoss = 0;
    double validationLoss = 0; // NaN until the first epoch ends
    double samplesPerSecond = 0;
    double etaSeconds = 0;
    // Once per epoch, after validation: trainLoss is the epoch's mean, validationLoss the epoch's.
    bool epochDone = false;
    int batch = 0; // windows per step now (smaller than asked after running out of memory)
};

struct TrainResult
{
    std::vector<double> trainLoss;      // per epoch, mean over its batches
    std::vector<double> validationLoss; // per epoch (MSE; plus the spike cross-entropy for a spike head)
    int bestEpoch = 0;
    bool cancelled = false;
    double seconds = 0;
    int batchSize = 0;    // the batch it ended with: halved once per out-of-memory
    int outOfMemory = 0;  // how many times the device ran out of memory
    int skippedSteps = 0; // fp16: steps skipped for overflowing gradients
};

// Trains `model` on forecasting windows (MSE, AdamW, gradient clipping, early stopping on the
// validation windows, the best weights kept). Progress arrives after every step; `stop` is read
// between steps and ends training with the best weights so far.
// While `pause` is raised, training waits between steps (holding its place) until it is lowered
// or `stop` is raised.
TrainResult train(Model& model, const series::Windows& train, const series::Windows* validation,
                  const TrainOptions& options, const std::function<void(const TrainProgress&)>& progress = {},
                  const std::atomic<bool>* stop = nullptr, const std::atomic<bool>* pause = nullptr);

// Mean squared error of the model's forecasts over windows (in the units the windows are in).
double evaluateMse(const Model& model, const series::Windows& windows, int batchSize = 256);

struct Errors
{
    double mse = 0;
    double mae = 0;
};
// Both errors over every forecast value of every window.
Errors evaluateErrors(const Model& model, const series::Windows& windows, int batchSize = 256);

// Windows i0..i1 gathered as model input: (i1 - i0) × lookback × features, row-major.
std::vector<float> gatherInputs(const series::Windows& windows, std::size_t i0, std::size_t i1);

} // namespace fathom::ml
