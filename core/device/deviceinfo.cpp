#include "deviceinfo.h"

namespace fathom {

std::string kindName(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::Cpu: return "cpu";
    case DeviceKind::Cuda: return "cuda";
    case DeviceKind::Mps: return "mps";
    }
    return "cpu";
}

std::string precisionName(MixedPrecision precision)
{
    switch (precision) {
    case MixedPrecision::None: return "none";
    case MixedPrecision::Bf16: return "bf16";
    case MixedPrecision::Fp16: return "fp16";
    }
    return "none";
}

} // namespace fathom
