#pragma once

// Byte layout of EdgeTech's JSF, little-endian, as the published data file description gives
// it: 16-byte message headers, and the 240-byte header of sonar data messages (type 80).

#include <cstddef>
#include <cstdint>

namespace fathom::sonar::jsf {

constexpr std::uint16_t kSync = 0x1601;
constexpr std::size_t kMessageHeaderSize = 16;
constexpr std::size_t kSonarHeaderSize = 240;
constexpr std::uint16_t kTypeSonarData = 80;

// Message header.
constexpr std::size_t kVersion = 2;      // u8
constexpr std::size_t kMessageType = 4;  // u16
constexpr std::size_t kSubsystem = 7;    // u8: 0 sub-bottom, 20 low, 21 high, 22 very high frequency sidescan
constexpr std::size_t kChannel = 8;      // u8: 0 port, 1 starboard
constexpr std::size_t kMessageSize = 12; // i32, bytes after this header

// Sonar data message header (type 80), relative to its start.
constexpr std::size_t kTime = 0;                // i32, seconds since 1970
constexpr std::size_t kPingNumber = 8;          // u32
constexpr std::size_t kMsb = 16;                // u16: bits 8-11 extend the sample count
constexpr std::size_t kValidity = 30;           // u16
constexpr std::size_t kDataFormat = 34;         // i16: 0 envelope (u16), 1 analytic (i16 real, i16 imaginary)
constexpr std::size_t kLongitude = 80;          // i32
constexpr std::size_t kLatitude = 84;           // i32
constexpr std::size_t kCoordinateUnits = 88;    // i16: 1 mm, 2 minutes of arc x 10000, 3 dm, 4 cm
constexpr std::size_t kSamples = 114;           // u16
constexpr std::size_t kSampleInterval = 116;    // u32, nanoseconds
constexpr std::size_t kDepth = 136;             // i32, millimetres
constexpr std::size_t kAltitude = 144;          // i32, millimetres
constexpr std::size_t kSoundSpeed = 148;        // float, m/s
constexpr std::size_t kYear = 156;              // i16, then day of year, hour, minute, second (i16)
constexpr std::size_t kTimeBasis = 166;         // i16, always 3
constexpr std::size_t kWeighting = 168;         // i16: samples are scaled by 2^-N
constexpr std::size_t kHeading = 172;           // u16, 1/100 degree
constexpr std::size_t kPitch = 174;             // i16, degrees / 180 * 32768
constexpr std::size_t kRoll = 176;              // i16
constexpr std::size_t kSpeed = 194;             // i16, tenths of a knot
constexpr std::size_t kMillisecondsToday = 200; // u32
constexpr std::size_t kLayback = 228;           // float, metres
constexpr std::size_t kCableOut = 236;          // u16, metres

// Validity bits.
constexpr std::uint16_t kValidPosition = 1 << 0;
constexpr std::uint16_t kValidAltitude = 1 << 6;
constexpr std::uint16_t kValidDepth = 1 << 9;

} // namespace fathom::sonar::jsf
