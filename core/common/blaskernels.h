#pragma once

#include <string>

namespace fathom {

// Debian's OpenBLAS (0.3.21) picks its kernels from the CPU's model number. A CPU newer than it
// knows, or a virtual machine that hides the model, gets the kernels for a 2004 Prescott: half
// the speed of the AVX2 or AVX-512 ones for every LSTM, GRU and attention layer on the same
// machine. The kernels can only be chosen before the library loads, through OPENBLAS_CORETYPE.
//
// Called first in main(): when OpenBLAS fell back to kernels without AVX2 on a CPU that has
// AVX2 or AVX-512, runs this program again from its start with OPENBLAS_CORETYPE naming the
// kernels the CPU can run. Returns when there is nothing to do (another BLAS, a core OpenBLAS
// recognised, OPENBLAS_CORETYPE already set by the user) or when the restart failed.
void chooseBlasKernels(char** argv);

// Called first in main() too: large blocks (glibc maps every one over 32 MB afresh from the
// kernel and gives it back when freed) stay in the heap for reuse. A batch of 1,000 windows
// makes tensors of 50–200 MB layer after layer; mapping them again page by page took a third
// of the ensemble's time (docs/BENCHMARKS.md). Freed memory over 256 MB at the heap's top still
// goes back.
void reuseLargeBlocks();

// "OpenBLAS 0.3.21, SkylakeX kernels" (with how they were chosen), or empty without OpenBLAS.
std::string blasDescription();

} // namespace fathom
