#pragma once

// Byte layout of the eXtended Triton Format (XTF), little-endian, as the published format
// description gives it. Shared by the reader and the writer.

#include <cstdint>
#include <cstring>

namespace fathom::sonar::xtf {

constexpr std::uint8_t kFileFormat = 0x7B;
constexpr std::uint16_t kMagic = 0xFACE;
constexpr std::size_t kFileHeaderBlock = 1024;
constexpr std::size_t kChanInfoStart = 256;
constexpr std::size_t kChanInfoSize = 128;
constexpr std::size_t kPingHeaderSize = 256;
constexpr std::size_t kPingChanHeaderSize = 64;

// File header.
constexpr std::size_t kRecordingProgram = 2;  // char[8]
constexpr std::size_t kRecordingVersion = 10; // char[8]
constexpr std::size_t kSonarName = 18;        // char[16]
constexpr std::size_t kNavUnits = 164;        // u16: 0 metres, 3 latitude/longitude
constexpr std::size_t kSonarChannels = 166;   // u16
constexpr std::size_t kBathyChannels = 168;   // u16

// Channel info, relative to its block.
constexpr std::size_t kTypeOfChannel = 0; // u8: 0 sub-bottom, 1 port, 2 starboard, 3 bathymetry
constexpr std::size_t kSubChannel = 1;
constexpr std::size_t kCorrectionFlags = 2; // u16: 1 slant range, 2 ground range
constexpr std::size_t kUniPolar = 4;        // u16
constexpr std::size_t kBytesPerSample = 6;  // u16
constexpr std::size_t kChannelName = 12;    // char[16]
constexpr std::size_t kFrequency = 32;      // float, kHz
constexpr std::size_t kSampleFormat = 74;   // u8

// Sample format codes.
constexpr std::uint8_t kFormatLegacy = 0; // decide from BytesPerSample
constexpr std::uint8_t kFormatIbmFloat = 1;
constexpr std::uint8_t kFormatInt32 = 2;
constexpr std::uint8_t kFormatWord = 3;
constexpr std::uint8_t kFormatFloat = 5;
constexpr std::uint8_t kFormatByte = 8;

// Packet (ping) header.
constexpr std::size_t kHeaderType = 2;       // u8
constexpr std::size_t kNumChansToFollow = 4; // u16
constexpr std::size_t kNumBytes = 10;        // u32, the whole packet
constexpr std::size_t kYear = 14;            // u16, then month, day, hour, minute, second, hundredths (u8)
constexpr std::size_t kPingNumber = 28;      // u32
constexpr std::size_t kSoundVelocity = 32;   // float
constexpr std::size_t kSensorSpeed = 152;    // float, knots
constexpr std::size_t kSensorY = 160;        // double
constexpr std::size_t kSensorX = 168;        // double
constexpr std::size_t kCableOut = 182;       // u16, metres
constexpr std::size_t kLayback = 184;        // float
constexpr std::size_t kSensorDepth = 192;    // float
constexpr std::size_t kAltitude = 196;       // float
constexpr std::size_t kPitch = 204;          // float
constexpr std::size_t kRoll = 208;           // float
constexpr std::size_t kHeading = 212;        // float

// Packet types.
constexpr std::uint8_t kTypeSonar = 0;
constexpr std::uint8_t kTypeNotes = 1;
constexpr std::uint8_t kTypeBathy = 2;
constexpr std::uint8_t kTypeAttitude = 3;
constexpr std::uint8_t kTypePosition = 42;
constexpr std::uint8_t kTypeRawNavigation = 107;

// Channel header inside a sonar packet.
constexpr std::size_t kChannelNumber = 0;  // u16
constexpr std::size_t kSlantRange = 4;     // float
constexpr std::size_t kGroundRange = 8;    // float
constexpr std::size_t kChanFrequency = 26; // u16
constexpr std::size_t kNumSamples = 42;    // u32

template <typename T> T get(const std::uint8_t* p)
{
    T value;
    std::memcpy(&value, p, sizeof value);
    return value;
}

template <typename T> void put(std::uint8_t* p, T value)
{
    std::memcpy(p, &value, sizeof value);
}

} // namespace fathom::sonar::xtf
