#pragma once

#include "detector.h"

#include <atomic>
#include <vector>

namespace fathom::sonar {

// Objects floating in the water column (moored): between the towfish and the seabed's first return,
// echoes far brighter than the water column at that range and as bright as the seabed's, in a blob
// no longer or wider than an object. Each is measured as a box the analyst draws round it
// (detectionFromDrawnBox): its width in slant range, placed from where its shadow falls on the
// seabed. Proposed by "classical"; one with no shadow found scores half.
std::vector<Detection> detectInWaterColumn(const SonarFile& file, const WaterColumnOptions& options = {},
                                           const std::atomic<bool>* stop = nullptr);

// A moored object's shadow on the seabed (where the rays from the towfish past it meet the seabed)
// is proposed by the seabed's detectors too, as an object of its own: such detections join the
// water-column detection placed from that shadow — one contact, each detector's score kept (noisy-or).
void absorbMooredShadows(const SonarFile& file, std::vector<Detection>& found);

} // namespace fathom::sonar
