#pragma once

#include "sonartypes.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace fathom::sonar {

// An object placed on the simulated seabed, and the ground truth written for it.
struct SimulatedObject
{
    int id = 0;
    std::string cls; // cylinder, cone, sphere (mine-like); rock, debris
    bool mineLike = false;
    bool ferrous = false; // raises a magnetometer anomaly
    double along = 0;     // metres along the line from its start
    double across = 0;    // metres from the track; negative is port
    double length = 0;    // metres
    double width = 0;
    double height = 0;
    double orientation = 0; // radians from the along-track axis
    double moored = 0;      // metres its centre floats above the seabed on a mooring; 0: on the seabed
    // Filled in from the towfish's path:
    std::size_t ping = 0; // the ping passing closest to the centre
    int channel = 0;      // 0 port, 1 starboard
    int sample = 0;       // of the centre, nadir first
    double slantRange = 0;
    double x = 0, y = 0; // longitude, latitude

    // What the sonar can measure of it: its extent along and across the track as it lies (a
    // cylinder turned 45° is shorter along the track than its length). Spheres and cones are round.
    double alongTrackExtent() const;
    double acrossTrackExtent() const;
};

// A towfish line over varied seabed with mine-like objects and clutter, deterministic for a seed.
// Any ping can be made on its own, so very long files are generated without holding them.
class SurveySimulator
{
public:
    struct Options
    {
        std::uint64_t seed = 1;
        int pings = 2000;
        int samples = 1024;        // per side
        double range = 50;         // metres of slant range
        double speed = 2.0;        // m/s along the line
        double pingInterval = 0.1; // seconds
        double startLatitude = 35.05;
        double startLongitude = 129.10;
        double heading = 90;           // degrees
        double startTime = 1763880000; // 2025-11-23 06:40 UTC
        int mineLikeObjects = 12;
        int clutterObjects = 14;
        // Spheres moored in the water column (mine-like), near the track where the sonar sees them
        // before the seabed's first return; none by default, so a seed's line stays as it was.
        int mooredObjects = 0;
    };

    explicit SurveySimulator(Options options);

    const Options& options() const { return m_options; }
    const std::vector<SimulatedObject>& objects() const { return m_objects; }
    PingInfo ping(std::size_t index) const;
    // {port, starboard}, nadir first, in counts fit for u16.
    std::vector<std::vector<float>> samples(std::size_t index) const;
    // Magnetometer total field (nT) at the towfish for a ping: a background plus one dipole
    // anomaly per ferrous object, falling off with the cube of distance.
    double magnetometer(std::size_t index) const;
    double alongTrack(std::size_t index) const { return double(index) * m_options.speed * m_options.pingInterval; }

private:
    struct Section
    {
        double near = 0, far = 0, height = 0;
    };

    void placeObjects();
    void locate(SimulatedObject& object) const;
    bool crossSection(const SimulatedObject& object, double along, Section& out) const;
    double reflectivity(double along, double across) const;
    double altitude(std::size_t index) const;
    void toLatLon(double along, double across, double& lon, double& lat) const;

    Options m_options;
    std::vector<SimulatedObject> m_objects;
};

// `fathom-cli demo`: survey.xtf, truth.csv (every object), sensors.csv (12 channels, one row
// per ping) and survey.jsf (the same pings as EdgeTech JSF) in `dir`. Returns the files written,
// in that order.
std::vector<std::filesystem::path> writeDemoSurvey(const std::filesystem::path& dir,
                                                   const SurveySimulator::Options& options);

} // namespace fathom::sonar
