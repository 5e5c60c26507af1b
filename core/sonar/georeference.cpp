#include "georeference.h"

#include "waterfall.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace fathom::sonar {

namespace {

constexpr double kRad = std::numbers::pi / 180.0;
constexpr double kMetresPerDegree = 111320.0;

// Fills the pings between changes of a repeated fix by linear interpolation.
void interpolateRepeats(std::vector<double>& east, std::vector<double>& north)
{
    std::size_t start = 0;
    for (std::size_t i = 1; i <= east.size(); ++i) {
        if (i < east.size() && east[i] == east[start] && north[i] == north[start])
            continue;
        if (i < east.size() && i - start > 1)
            for (std::size_t k = start + 1; k < i; ++k) {
                const double f = double(k - start) / double(i - start);
                east[k] = east[start] + (east[i] - east[start]) * f;
                north[k] = north[start] + (north[i] - north[start]) * f;
            }
        start = i;
    }
}

} // namespace

Georeferencer::Georeferencer(const SonarFile& file, Options options)
{
    file.waitComplete();
    const std::size_t n = file.pingCount();
    std::vector<PingInfo> pings;
    pings.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        pings.push_back(file.pingInfo(i));
    m_geographic = n > 0 && pings.front().geographic;
    for (const auto& p : pings)
        if (p.x != 0 || p.y != 0) {
            m_origin = {p.x, p.y};
            break;
        }
    if (m_geographic) {
        m_metresPerDegreeY = kMetresPerDegree;
        m_metresPerDegreeX = kMetresPerDegree * std::cos(m_origin.y * kRad);
    }
    std::vector<double> east(n), north(n);
    for (std::size_t i = 0; i < n; ++i) {
        // Before the first fix a recorder writes zeros: hold the first real position.
        const bool unknown = pings[i].x == 0 && pings[i].y == 0;
        east[i] = unknown ? 0 : (pings[i].x - m_origin.x) * m_metresPerDegreeX;
        north[i] = unknown ? 0 : (pings[i].y - m_origin.y) * m_metresPerDegreeY;
    }
    interpolateRepeats(east, north);
    m_poses.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double heading = pings[i].heading * kRad;
        double back = 0;
        if (options.layback == Layback::FromCable)
            back = std::sqrt(std::max(0.0, pings[i].cableOut * pings[i].cableOut - pings[i].depth * pings[i].depth));
        else if (options.layback == Layback::Fixed)
            back = options.fixedLaybackMetres;
        m_poses[i] = {east[i] - back * std::sin(heading), north[i] - back * std::cos(heading), heading};
    }
    m_altitude = n > 0 ? trackBottom(file, 0, n) : std::vector<double>{};
}

Georeferencer::Pose Georeferencer::pose(double ping) const
{
    if (m_poses.empty())
        return {};
    const double at = std::clamp(ping, 0.0, double(m_poses.size() - 1));
    const auto i = std::size_t(at);
    const auto j = std::min(i + 1, m_poses.size() - 1);
    const double f = at - double(i);
    Pose p = m_poses[i];
    p.east += (m_poses[j].east - p.east) * f;
    p.north += (m_poses[j].north - p.north) * f;
    return p;
}

Georeferencer::Point Georeferencer::toPoint(double east, double north) const
{
    return {m_origin.x + east / m_metresPerDegreeX, m_origin.y + north / m_metresPerDegreeY};
}

Georeferencer::Point Georeferencer::locate(double ping, int side, double groundRange) const
{
    const Pose p = pose(ping);
    // Starboard lies 90° clockwise of the heading, port 90° anticlockwise.
    const double across = side == 0 ? -groundRange : groundRange;
    return toPoint(p.east + across * std::cos(p.heading), p.north - across * std::sin(p.heading));
}

double Georeferencer::distance(double pingA, int sideA, double rangeA, double pingB, int sideB, double rangeB) const
{
    const Point a = locate(pingA, sideA, rangeA), b = locate(pingB, sideB, rangeB);
    return std::hypot((a.x - b.x) * m_metresPerDegreeX, (a.y - b.y) * m_metresPerDegreeY);
}

double Georeferencer::groundRange(std::size_t ping, double slantRange) const
{
    const double a = ping < m_altitude.size() ? m_altitude[ping] : 0.0;
    return slantRange > a ? std::sqrt(slantRange * slantRange - a * a) : 0.0;
}

double Georeferencer::heightFromShadow(double altitude, double objectEnd, double shadowEnd)
{
    if (shadowEnd <= objectEnd || shadowEnd <= 0)
        return 0;
    return altitude * (shadowEnd - objectEnd) / shadowEnd;
}

} // namespace fathom::sonar
