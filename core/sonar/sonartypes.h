#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace fathom::sonar {

enum class Side { Port, Starboard, Other };
enum class SampleFormat { U8, U16, U32, F32, I32, IbmF32 };

std::string sideName(Side side);
std::string sampleFormatName(SampleFormat format);
int bytesPerSample(SampleFormat format);

struct ChannelInfo
{
    int index = 0; // as the file numbers it
    Side side = Side::Other;
    std::string name;
    SampleFormat format = SampleFormat::U16;
    double frequencyHz = 0;
};

// Everything about one ping except its samples. Positions are geographic (x = longitude,
// y = latitude, degrees) or projected (x = easting, y = northing, metres) as `geographic` says.
struct PingInfo
{
    std::uint32_t number = 0;
    double time = 0;       // seconds since 1970-01-01 UTC
    double slantRange = 0; // metres, the far end of the samples
    double x = 0;
    double y = 0;
    bool geographic = true;
    double heading = 0;  // degrees from north
    double altitude = 0; // metres above the seabed; 0 when the recorder did not know
    double depth = 0;    // metres below the surface
    double pitch = 0;
    double roll = 0;
    double cableOut = 0;
    double layback = 0;
    double soundVelocity = 0; // m/s, two-way corrected as the file states it
    double speed = 0;         // m/s
    int samples = 0;          // per channel (the largest, when channels differ)
};

// What `fathom-cli sonar info` reports.
struct FileSummary
{
    std::string format;   // "XTF", "JSF", "image"
    std::string recorder; // recording program and version
    std::string sonar;    // sonar name
    std::vector<ChannelInfo> channels;
    std::size_t pings = 0;
    int samplesPerChannel = 0;
    double firstTime = 0;
    double lastTime = 0;
    double minX = 0, maxX = 0, minY = 0, maxY = 0;
    bool geographic = true;
    std::map<std::string, std::size_t> packets; // packet type name -> count
    std::string problem;                        // where reading stopped early, if it did
};

} // namespace fathom::sonar
