#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace fathom {

// Layered configuration. Layers are added from lowest to highest precedence:
// built-in defaults <- resources/environments/<env>.yaml <- the user's file <- command line.
// A key is a dotted path ("profiles.cuda.batch_size"); the highest layer that sets it wins.
class Config
{
public:
    struct Layer
    {
        std::string name; // "defaults", a file path, or "command line"
        YAML::Node root;
    };

    Config(); // holds the built-in defaults layer

    // Throws Error naming the file and line when the file cannot be read or parsed.
    void addFile(const std::filesystem::path& file);
    void addYaml(const std::string& name, const std::string& text);
    // "key.path=value", the value read as YAML ("64", "bf16", "[1, 2]").
    void addOverride(const std::string& assignment);

    bool has(const std::string& key) const;
    // The layer that decides a key: "defaults", a file path or "command line"; empty when unset.
    std::string source(const std::string& key) const;

    std::string getString(const std::string& key, const std::string& fallback = {}) const;
    std::int64_t getInt(const std::string& key, std::int64_t fallback = 0) const;
    double getDouble(const std::string& key, double fallback = 0.0) const;
    bool getBool(const std::string& key, bool fallback = false) const;

    const std::vector<Layer>& layers() const { return m_layers; }
    static std::string builtinDefaults();

private:
    std::optional<std::pair<YAML::Node, const Layer*>> find(const std::string& key) const;
    template <typename T> T get(const std::string& key, const T& fallback, const char* expected) const;

    std::vector<Layer> m_layers;
};

} // namespace fathom
