#pragma once

// The sizes an analyst sets for the models trained (Training dock → Model Settings, a project's
// training record, a remote `ts train`): dropout for every model, PatchTST's shape for PatchTST.
// Plain values: ml::ModelConfig has the same fields and takes its defaults from here (ml::withSizes
// and ml::sizesOf map between them).
namespace fathom {

struct ModelSizes
{
    float dropout = 0.1f;
    int width = 128; // PatchTST's patch embedding
    int heads = 16;  // a divisor of width
    int layers = 3;
    int feedForward = 0; // 0: twice the width
    int patchLength = 16;
    int patchStride = 8;
    bool revinAffine = true;
    bool operator==(const ModelSizes&) const = default;
};

} // namespace fathom
