#pragma once

#include <string>

namespace fathom {

class DeviceManager;

// `fathom-cli devices --json`: {"selected", "requested", "message", "build", "devices": [...]}.
std::string devicesJson(const DeviceManager& manager, int indent = 2);
// The same capabilities as aligned text for a terminal.
std::string devicesText(const DeviceManager& manager);
// 1536 -> "1.5 KiB"; 0 -> "0 B".
std::string formatBytes(unsigned long long bytes);

} // namespace fathom
