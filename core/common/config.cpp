#include "config.h"

#include "error.h"

#include <fstream>
#include <sstream>

namespace fathom {

namespace {

std::vector<std::string> splitKey(const std::string& key)
{
    std::vector<std::string> parts;
    std::stringstream stream(key);
    for (std::string part; std::getline(stream, part, '.');)
        parts.push_back(part);
    return parts;
}

std::string describe(const Config::Layer& layer, const std::string& key, const YAML::Node& node)
{
    std::string where = layer.name;
    if (!node.Mark().is_null())
        where += ":" + std::to_string(node.Mark().line + 1);
    return where + ": " + key;
}

} // namespace

Config::Config()
{
    addYaml("defaults", builtinDefaults());
}

std::string Config::builtinDefaults()
{
    return R"(environment: local
device: auto
log:
  level: info
profiles:
  cpu:
    batch_size: 32
    workers: 1
    memory_fraction: 0.5
    mixed_precision: none
  cuda:
    batch_size: 128
    workers: 2
    memory_fraction: 0.9
    mixed_precision: auto
  mps:
    batch_size: 64
    workers: 1
    memory_fraction: 0.7
    mixed_precision: none
monitor:
  interval_ms: 500
  history_seconds: 300
compute:
  threads: 0          # LibTorch intra-op threads; 0: one per physical core
  inference_precision: fp32   # on the CPU: fp32, bf16, or auto (bf16 where the CPU has Intel AMX)
sonar:
  layback: recorded   # recorded (positions are the towfish's), cable, or metres behind the fix
)";
}

void Config::addFile(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in)
        throw Error("cannot read config file " + file.string());
    std::stringstream text;
    text << in.rdbuf();
    addYaml(file.string(), text.str());
}

void Config::addYaml(const std::string& name, const std::string& text)
{
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw Error("config file " + name + ", line " + std::to_string(e.mark.line + 1) + ", column " +
                    std::to_string(e.mark.column + 1) + ": " + e.msg);
    }
    if (root.IsNull())
        root = YAML::Node(YAML::NodeType::Map);
    if (!root.IsMap())
        throw Error("config file " + name + ": expected a mapping of keys at the top level");
    m_layers.push_back({name, root});
}

void Config::addOverride(const std::string& assignment)
{
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0)
        throw Error("command line setting '" + assignment + "': expected key.path=value");
    const auto parts = splitKey(assignment.substr(0, eq));
    YAML::Node value;
    try {
        value = YAML::Load(assignment.substr(eq + 1));
    } catch (const YAML::Exception& e) {
        throw Error("command line setting '" + assignment + "': " + e.msg);
    }
    if (m_layers.empty() || m_layers.back().name != "command line")
        m_layers.push_back({"command line", YAML::Node(YAML::NodeType::Map)});
    // yaml-cpp nodes are handles: walking with operator[] creates the path in place.
    YAML::Node node = m_layers.back().root;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        YAML::Node child = node[parts[i]];
        if (!child.IsMap())
            child = YAML::Node(YAML::NodeType::Map);
        node.reset(child);
    }
    node[parts.back()] = value;
}

std::optional<std::pair<YAML::Node, const Config::Layer*>> Config::find(const std::string& key) const
{
    const auto parts = splitKey(key);
    for (auto layer = m_layers.rbegin(); layer != m_layers.rend(); ++layer) {
        // Const nodes: a lookup must not add the keys it asks about.
        const YAML::Node* node = &layer->root;
        std::vector<YAML::Node> path;
        path.reserve(parts.size());
        for (const auto& part : parts) {
            if (!node->IsMap())
                break;
            const YAML::Node child = (*node)[part];
            if (!child.IsDefined())
                break;
            path.push_back(child);
            node = &path.back();
        }
        if (path.size() == parts.size() && !node->IsNull())
            return std::make_pair(*node, &*layer);
    }
    return std::nullopt;
}

bool Config::has(const std::string& key) const
{
    return find(key).has_value();
}

std::string Config::source(const std::string& key) const
{
    const auto hit = find(key);
    return hit ? hit->second->name : std::string();
}

template <typename T> T Config::get(const std::string& key, const T& fallback, const char* expected) const
{
    const auto hit = find(key);
    if (!hit)
        return fallback;
    try {
        return hit->first.template as<T>();
    } catch (const YAML::Exception&) {
        throw Error("config " + describe(*hit->second, key, hit->first) + ": expected " + expected);
    }
}

std::string Config::getString(const std::string& key, const std::string& fallback) const
{
    return get<std::string>(key, fallback, "a text value");
}

std::int64_t Config::getInt(const std::string& key, std::int64_t fallback) const
{
    return get<std::int64_t>(key, fallback, "an integer");
}

double Config::getDouble(const std::string& key, double fallback) const
{
    return get<double>(key, fallback, "a number");
}

bool Config::getBool(const std::string& key, bool fallback) const
{
    return get<bool>(key, fallback, "true or false");
}

} // namespace fathom
