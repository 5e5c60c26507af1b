#pragma once

#include "sonarfile.h"

#include <vector>

namespace fathom::sonar {

// Where every pixel of a waterfall lies on the Earth. Built once per file: positions are
// interpolated between fixes (recorders repeat a fix for several pings), and the towfish is put
// behind the recorded position by its layback when the file records the ship's position.
class Georeferencer
{
public:
    enum class Layback {
        Recorded,  // the file's positions are the towfish's own
        FromCable, // layback = sqrt(cable out² - depth²), behind the recorded position
        Fixed,     // a configured distance behind the recorded position
    };

    struct Options
    {
        Layback layback = Layback::Recorded;
        double fixedLaybackMetres = 0;
    };

    struct Point
    {
        double x = 0, y = 0; // longitude and latitude, or easting and northing, as the file is
    };

    // Waits for the file's index to be complete: build it off the GUI thread.
    Georeferencer(const SonarFile& file, Options options);
    Georeferencer(const SonarFile& file)
        : Georeferencer(file, Options{})
    {
    }

    bool geographic() const { return m_geographic; }
    // The seabed point `groundRange` metres to port (side 0) or starboard (side 1) of a ping.
    Point locate(double ping, int side, double groundRange) const;
    // Metres across the seabed between two such points.
    double distance(double pingA, int sideA, double rangeA, double pingB, int sideB, double rangeB) const;
    // Slant range to ground range for a ping, with its altitude (recorded or bottom tracked).
    double groundRange(std::size_t ping, double slantRange) const;
    double altitude(std::size_t ping) const { return m_altitude.at(ping); }

    // Height of an object from its shadow: its far edge at ground range `objectEnd`, the shadow
    // ending at `shadowEnd`, the towfish `altitude` above the seabed (similar triangles).
    static double heightFromShadow(double altitude, double objectEnd, double shadowEnd);

private:
    struct Pose
    {
        double east = 0, north = 0; // metres from m_origin
        double heading = 0;         // radians
    };

    Point toPoint(double east, double north) const;
    Pose pose(double ping) const;

    bool m_geographic = true;
    Point m_origin;
    double m_metresPerDegreeX = 1, m_metresPerDegreeY = 1;
    std::vector<Pose> m_poses;
    std::vector<double> m_altitude;
};

} // namespace fathom::sonar
