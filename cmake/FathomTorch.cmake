# Finds LibTorch: Debian's libtorch-dev (CPU) by default, or a CUDA LibTorch 2.x given through
# CMAKE_PREFIX_PATH. Whether CUDA is usable is read from the LibTorch found, not chosen by hand.
find_package(Torch REQUIRED)

set(FATHOM_WITH_CUDA OFF)
if(TARGET torch_cuda OR TORCH_CUDA_LIBRARIES OR CAFFE2_USE_CUDA)
  set(FATHOM_WITH_CUDA ON)
endif()
if(FATHOM_WITH_CUDA)
  find_package(CUDAToolkit QUIET)
endif()
message(STATUS "Fathom: LibTorch ${Torch_VERSION} at ${TORCH_INSTALL_PREFIX}, CUDA: ${FATHOM_WITH_CUDA}")
