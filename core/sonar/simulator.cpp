#include "simulator.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace fathom::sonar {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kMetresPerDegree = 111320.0;

// Counter-based randomness: any ping or seabed point draws the same numbers whatever is made
// before it, so the survey is the same for a seed however it is generated.
std::uint64_t mix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

double uniform(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0)
{
    const auto bits = mix(seed ^ mix(a ^ mix(b + 0x632BE59BD9B4E019ull)));
    return (double(bits >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

double smooth(double t)
{
    return t * t * (3 - 2 * t);
}

// Value noise in [0, 1) on a unit lattice.
double valueNoise(std::uint64_t seed, double x, double y)
{
    const double fx = std::floor(x), fy = std::floor(y);
    const auto ix = std::uint64_t(std::int64_t(fx)), iy = std::uint64_t(std::int64_t(fy));
    const double tx = smooth(x - fx), ty = smooth(y - fy);
    const double a = uniform(seed, ix, iy), b = uniform(seed, ix + 1, iy);
    const double c = uniform(seed, ix, iy + 1), d = uniform(seed, ix + 1, iy + 1);
    return (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
}

// Two-look speckle: the mean of two exponential draws.
double speckle(std::uint64_t seed, std::uint64_t ping, std::uint64_t sample)
{
    return 0.5 * (-std::log(uniform(seed, ping, sample)) - std::log(uniform(seed + 7, ping, sample)));
}

double between(std::uint64_t seed, std::uint64_t n, double lo, double hi)
{
    return lo + (hi - lo) * uniform(seed, n);
}

} // namespace

SurveySimulator::SurveySimulator(Options options)
    : m_options(options)
{
    placeObjects();
}

void SurveySimulator::placeObjects()
{
    const double length = alongTrack(std::size_t(std::max(1, m_options.pings - 1)));
    const double maxGround = std::sqrt(std::max(1.0, m_options.range * m_options.range - 14.0 * 14.0)) - 4.0;
    static const char* mines[] = {"cylinder", "cone", "sphere"};
    static const char* clutter[] = {"rock", "debris"};
    const int total = m_options.mineLikeObjects + m_options.clutterObjects;
    std::uint64_t draw = 0;
    for (int id = 0; id < total; ++id) {
        SimulatedObject o;
        o.id = id + 1;
        o.mineLike = id < m_options.mineLikeObjects;
        o.cls = o.mineLike ? mines[id % 3] : clutter[id % 2];
        const auto s = m_options.seed * 1000003 + 11;
        for (int attempt = 0; attempt < 200; ++attempt, ++draw) {
            o.along = between(s, draw * 4, 15.0, std::max(16.0, length - 15.0));
            const double ground = between(s, draw * 4 + 1, 8.0, std::max(9.0, maxGround));
            o.across = uniform(s, draw * 4 + 2) < 0.5 ? -ground : ground;
            const bool apart = std::none_of(m_objects.begin(), m_objects.end(), [&](const SimulatedObject& other) {
                return std::hypot(other.along - o.along, other.across - o.across) < 10.0;
            });
            if (apart)
                break;
        }
        auto r = [&](double lo, double hi) { return between(s + 5, std::uint64_t(id) * 8 + draw++, lo, hi); };
        o.orientation = r(0, kPi);
        if (o.cls == "cylinder") {
            o.width = r(0.5, 0.6);
            o.length = r(1.8, 2.6);
            o.height = o.width;
        } else if (o.cls == "cone") {
            o.length = o.width = r(1.0, 1.3);
            o.height = r(0.5, 0.7);
        } else if (o.cls == "sphere") {
            o.length = o.width = o.height = r(0.9, 1.2);
        } else if (o.cls == "rock") {
            o.length = r(1.0, 3.0);
            o.width = r(0.8, std::min(2.5, o.length));
            o.height = r(0.3, 1.2);
        } else {
            o.length = r(0.6, 1.8);
            o.width = r(0.3, 0.8);
            o.height = r(0.15, 0.4);
        }
        o.ferrous = o.mineLike || (o.cls == "debris" && r(0, 1) < 0.5);
        locate(o);
        m_objects.push_back(o);
    }
    // Moored spheres, 3–4 m above the seabed and 2.5–4.5 m off the track: inside the water column's
    // slant range even where the towfish flies lowest (about 6.7 m up).
    const auto s = m_options.seed * 1000003 + 17;
    for (int m = 0; m < m_options.mooredObjects; ++m) {
        SimulatedObject o;
        o.id = total + m + 1;
        o.cls = "sphere";
        o.mineLike = o.ferrous = true;
        const auto at = std::uint64_t(m) * 8;
        o.along = 15.0 + (m + 0.5) * std::max(1.0, length - 30.0) / m_options.mooredObjects;
        const double across = between(s, at, 2.5, 4.5);
        o.across = uniform(s, at + 1) < 0.5 ? -across : across;
        o.length = o.width = o.height = between(s, at + 2, 0.9, 1.2);
        o.moored = between(s, at + 3, 3.0, 4.0);
        locate(o);
        m_objects.push_back(o);
    }
}

namespace {

// The extent, along the axis at `angle` from the object's length, of a rectangle (cylinder,
// debris) or an ellipse (rock) of the object's length and width.
double extent(const SimulatedObject& o, double angle)
{
    if (o.cls == "sphere" || o.cls == "cone")
        return o.length;
    const double c = std::abs(std::cos(angle)), s = std::abs(std::sin(angle));
    if (o.cls == "rock")
        return std::hypot(o.length * c, o.width * s);
    return o.length * c + o.width * s;
}

} // namespace

double SimulatedObject::alongTrackExtent() const
{
    return extent(*this, orientation);
}

double SimulatedObject::acrossTrackExtent() const
{
    return extent(*this, orientation + kPi / 2);
}

void SurveySimulator::locate(SimulatedObject& o) const
{
    const double step = m_options.speed * m_options.pingInterval;
    // The ping whose beam (square to the towfish's heading, see samples()) crosses the centre.
    const auto guess = long(std::clamp(std::round(o.along / step), 0.0, double(m_options.pings - 1)));
    double best = 1e9;
    for (long i = std::max(0L, guess - 40); i <= std::min(long(m_options.pings) - 1, guess + 40); ++i) {
        const double deviation = (ping(std::size_t(i)).heading - m_options.heading) * kPi / 180.0;
        const double miss = std::abs(alongTrack(std::size_t(i)) - o.across * std::sin(deviation) - o.along);
        if (miss < best) {
            best = miss;
            o.ping = std::size_t(i);
        }
    }
    o.channel = o.across < 0 ? 0 : 1;
    const double a = altitude(o.ping);
    o.slantRange = std::hypot(std::abs(o.across), a - o.moored);
    o.sample = int(std::floor(o.slantRange / m_options.range * m_options.samples));
    toLatLon(o.along, o.across, o.x, o.y);
}

void SurveySimulator::toLatLon(double along, double across, double& lon, double& lat) const
{
    const double h = m_options.heading * kPi / 180.0;
    const double east = along * std::sin(h) + across * std::cos(h);
    const double north = along * std::cos(h) - across * std::sin(h);
    lat = m_options.startLatitude + north / kMetresPerDegree;
    lon = m_options.startLongitude + east / (kMetresPerDegree * std::cos(m_options.startLatitude * kPi / 180.0));
}

double SurveySimulator::altitude(std::size_t index) const
{
    const double t = double(index) * m_options.pingInterval;
    const double a = 9.0 + 1.6 * std::sin(2 * kPi * t / 47.0) + 0.7 * std::sin(2 * kPi * t / 13.3 + 1.0) +
                     0.25 * (valueNoise(m_options.seed + 3, t / 2.0, 0.5) - 0.5);
    return std::clamp(a, 4.0, 0.35 * m_options.range);
}

PingInfo SurveySimulator::ping(std::size_t index) const
{
    const double t = double(index) * m_options.pingInterval;
    PingInfo p;
    p.number = std::uint32_t(index);
    p.time = m_options.startTime + t;
    p.slantRange = m_options.range;
    p.altitude = altitude(index);
    const double along = alongTrack(index);
    const double waterDepth = 38.0 + 3.0 * std::sin(along / 70.0);
    p.depth = waterDepth - p.altitude;
    p.heading = std::fmod(m_options.heading + 2.5 * std::sin(2 * kPi * t / 90.0) + 360.0, 360.0);
    p.pitch = 1.2 * std::sin(2 * kPi * t / 8.0);
    p.roll = 2.0 * std::sin(2 * kPi * t / 6.3 + 0.5);
    p.speed = m_options.speed + 0.1 * std::sin(2 * kPi * t / 30.0);
    p.cableOut = std::round(2.2 * p.depth + 10.0);
    p.layback = std::sqrt(std::max(0.0, p.cableOut * p.cableOut - p.depth * p.depth));
    p.soundVelocity = 1510.0 + 2.0 * std::sin(t / 100.0);
    p.samples = m_options.samples;
    p.geographic = true;
    toLatLon(along, 0.0, p.x, p.y);
    return p;
}

double SurveySimulator::reflectivity(double along, double across) const
{
    const auto seed = m_options.seed;
    const double region = valueNoise(seed + 1, along / 60.0, across / 60.0);
    const double mud = 0.35 + 0.08 * valueNoise(seed + 4, along / 3.0, across / 3.0);
    const double ripple = std::sin(2 * kPi * (along * std::cos(0.3) + across * std::sin(0.3)) / 1.1);
    const double sand = 0.7 * (1.0 + 0.35 * ripple);
    const double rock = 1.1 * (0.5 + 0.9 * valueNoise(seed + 2, along / 1.5, across / 1.5));
    const double toSand = smooth(std::clamp((region - 0.30) / 0.1, 0.0, 1.0));
    const double toRock = smooth(std::clamp((region - 0.66) / 0.08, 0.0, 1.0));
    return (mud * (1 - toSand) + sand * toSand) * (1 - toRock) + rock * toRock;
}

bool SurveySimulator::crossSection(const SimulatedObject& o, double along, Section& out) const
{
    const double d = along - o.along;
    if (o.moored > 0) // not on the seabed: samples() draws it in the water column
        return false;
    if (std::abs(d) > 0.5 * std::max(o.length, o.width) + 0.01)
        return false;
    double lo = 1e9, hi = -1e9, height = o.height;
    if (o.cls == "sphere" || o.cls == "cone") {
        const double radius = 0.5 * o.length;
        if (std::abs(d) >= radius)
            return false;
        const double half = std::sqrt(radius * radius - d * d);
        lo = -half;
        hi = half;
        height = o.cls == "sphere"
                     ? radius + half
                     : (std::abs(d) < 0.5 * radius ? o.height : o.height * (radius - std::abs(d)) / (0.5 * radius));
    } else {
        // A rectangle (cylinder, debris) or an ellipse (rock) turned by `orientation`: the
        // across-track extent where this ping's line crosses it.
        const bool ellipse = o.cls == "rock";
        const double c = std::cos(o.orientation), s = std::sin(o.orientation);
        for (int i = 0; i <= 60; ++i)
            for (int j = 0; j <= 20; ++j) {
                const double u = (i / 60.0 - 0.5) * o.length, v = (j / 20.0 - 0.5) * o.width;
                if (ellipse && (u * u) / (0.25 * o.length * o.length) + (v * v) / (0.25 * o.width * o.width) > 1.0)
                    continue;
                if (std::abs(u * c - v * s - d) > 0.06)
                    continue;
                lo = std::min(lo, u * s + v * c);
                hi = std::max(hi, u * s + v * c);
            }
        if (lo > hi)
            return false;
        if (ellipse)
            height *= std::sqrt(std::max(0.1, 1.0 - (d * d) / (0.25 * o.length * o.length)));
    }
    const double a = o.across + lo, b = o.across + hi;
    out = o.across > 0 ? Section{a, b, height} : Section{-b, -a, height};
    return true;
}

std::vector<std::vector<float>> SurveySimulator::samples(std::size_t index) const
{
    const int n = m_options.samples;
    const double a = altitude(index);
    const double along = alongTrack(index);
    const double binMetres = m_options.range / n;
    std::vector<std::vector<float>> out(2, std::vector<float>(n));
    // The sonar looks square to the towfish's heading, which wanders off the line's: at `across`
    // metres (starboard positive) the beam meets the seabed across × sin(deviation) behind.
    const double deviation = (ping(index).heading - m_options.heading) * kPi / 180.0;
    for (int side = 0; side < 2; ++side) {
        std::vector<Section> sections;
        struct Floating
        {
            double nearSlant, farSlant, shadowNear, shadowFar; // shadowNear..Far: ground range
        };
        std::vector<Floating> floating;
        for (const auto& object : m_objects) {
            Section section;
            if ((object.across > 0) != (side == 1))
                continue;
            const double d = along - object.across * std::sin(deviation) - object.along;
            const double radius = 0.5 * object.length, above = a - object.moored;
            if (object.moored > 0 && std::abs(d) < radius && above > radius) {
                // The sphere's slice at this ping, seen in slant range; its shadow is cast onto the
                // seabed further out, apart from it (rays from the towfish past its edges).
                const double half = std::sqrt(radius * radius - d * d), x = std::abs(object.across);
                const double centre = std::hypot(x, above);
                floating.push_back({centre - half, centre + half, std::max(0.0, x - half) * a / (above + half),
                                    (x + half) * a / (above - half)});
            } else if (crossSection(object, along - object.across * std::sin(deviation), section)) {
                sections.push_back(section);
            }
        }
        const std::uint64_t noiseSeed = m_options.seed * 31 + std::uint64_t(side);
        for (int k = 0; k < n; ++k) {
            const double r = (k + 0.5) * binMetres;
            const double grain = speckle(noiseSeed, index, std::uint64_t(k));
            double value = 0;
            if (r < a) {
                value = 0.02; // the water column
                for (const auto& f : floating)
                    if (r >= f.nearSlant && r <= f.farSlant) // the face toward the sonar returns most
                        value = 0.6 + 1.8 * (1.0 - (r - f.nearSlant) / std::max(0.05, f.farSlant - f.nearSlant));
            } else {
                const double ground = std::sqrt(r * r - a * a);
                const double grazing = a / r;
                value = reflectivity(along, side == 1 ? ground : -ground) * (0.25 + grazing);
                if (r - a < 0.3)
                    value += 1.5; // the first bottom return, straight below the towfish
                for (const auto& s : sections) {
                    if (ground >= s.near && ground <= s.far) {
                        // The face toward the sonar returns most.
                        value *= 2.5 + 5.0 * (1.0 - (ground - s.near) / std::max(0.05, s.far - s.near));
                    } else if (ground > s.far && s.height < a) {
                        const double shadowEnd = s.far * a / (a - s.height);
                        if (ground <= shadowEnd)
                            value = 0.015;
                    }
                }
                for (const auto& f : floating)
                    if (ground >= f.shadowNear && ground <= f.shadowFar)
                        value = 0.015;
            }
            out[side][k] = float(std::min(65000.0, 9000.0 * value * grain + 120.0 * uniform(noiseSeed + 3, index, k)));
        }
    }
    return out;
}

double SurveySimulator::magnetometer(std::size_t index) const
{
    const double t = double(index) * m_options.pingInterval;
    double field = 50150.0 + 15.0 * std::sin(t / 200.0) + 0.3 * (uniform(m_options.seed + 9, index) - 0.5);
    const double along = alongTrack(index);
    const double a = altitude(index);
    for (const auto& o : m_objects) {
        if (!o.ferrous)
            continue;
        const double distance = std::sqrt(std::pow(along - o.along, 2) + o.across * o.across + std::pow(a + 0.5, 2));
        const double moment = o.mineLike ? 4000.0 : 1200.0; // nT·m³
        field += moment / (distance * distance * distance);
    }
    return field;
}

} // namespace fathom::sonar
