#pragma once

#include "detector.h"

// How detectionFromBox and detectionFromDrawnBox measure an object on the samples (internal to
// the sonar library).

namespace fathom::sonar {

// An object measured on the file's own samples: its shadow, for its height. Along the pings through
// the middle of its box (the object's top casts the longest shadow), each range bin is compared
// with the pings on either side of the box at the same range: a seabed's texture (ripples, mud)
// darkens those alike, a shadow only the pings behind the object. Each of those pings' highlight
// ends where its longest run of bins above 1.5 × the level beside them does (an object turned
// across the track ends further out in some pings than in others; a detector's box may already
// hold some of the shadow); the shadow is the run of bins behind each ping's own highlight where
// more than a third of the pings are below half that level, gaps of speckle up to 0.2 m bridged.
// The object ends, for its width and height, at the middle of those pings' ends.
//
// Its length along the track from the same pings: those whose highlight (the bins from the box's
// near edge to where the highlight ends) holds more bright bins than the pings beside it do, by a
// quarter of the most any ping in the box holds — the run through that ping, a lone dim ping
// bridged, free to run past the box's ends (a detector sets its box on a coarser picture). Its
// width across the track: from where those pings' highlights start to where they end.
struct MeasuredObject
{
    int objectEnd = -1;                    // first sample past the highlight; -1: not measured
    int shadowEnd = -1;                    // first sample past the shadow
    long long firstLit = -1, lastLit = -1; // the object's first and last pings; -1: not measured
    int nearEdge = -1, farEdge = -1;       // its first sample and the first past it over those pings
};

// The object in a box on one side's pings (objectEnd -1 when the side has no channel or the box is
// too near the file's edge to compare).
MeasuredObject measureOnSide(const SonarFile& file, int side, std::size_t firstPing, std::size_t lastPing,
                             int firstSample, int lastSample, double binMetres, double lookBefore);

// A box as a detection, with the object measured in it: where the measure failed, the box's own
// sizes and a shadow ending at `shadowEnd`.
Detection detectionFromMeasure(const SonarFile& file, const Georeferencer& geo, int side, std::size_t firstPing,
                               std::size_t lastPing, int firstSample, int lastSample, int shadowEnd, double centrePing,
                               double centreSample, double binMetres, MeasuredObject measured);

} // namespace fathom::sonar
