#pragma once

#include "common/config.h"
#include "device/devicemanager.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fathom {

// What both front ends take from their command lines.
struct StartupOptions
{
    std::string device;                 // empty: from config ("device", default auto)
    std::string environment;            // empty: $FATHOM_ENV, then "local"
    std::filesystem::path configFile;   // empty: $XDG_CONFIG_HOME/fathom/config.yaml if present
    std::vector<std::string> overrides; // key.path=value
    std::string logLevel;
};

// The engine as both front ends start it: layered config, logging, devices.
struct Startup
{
    Config config;
    std::unique_ptr<DeviceManager> devices;
    std::vector<std::string> warnings; // problems that did not stop the start, for the user
};

// Throws Error only when something the user named explicitly (--config, --set) is unusable;
// a broken user config file or environment file becomes a warning and is skipped.
std::unique_ptr<Startup> start(const StartupOptions& options);

} // namespace fathom
