#include "versions.h"

#include "blaskernels.h"

#include <nlohmann/json.hpp>
#include <opencv2/core/utility.hpp>
#include <opencv2/core/version.hpp>
#include <spdlog/version.h>

namespace fathom {

std::string fathomVersion()
{
    return FATHOM_VERSION;
}

std::vector<std::pair<std::string, std::string>> libraryVersions()
{
    auto dotted = [](int a, int b, int c) {
        return std::to_string(a) + "." + std::to_string(b) + "." + std::to_string(c);
    };
    std::vector<std::pair<std::string, std::string>> versions{
        {"OpenCV", cv::getVersionString()},
        {"spdlog", dotted(SPDLOG_VER_MAJOR, SPDLOG_VER_MINOR, SPDLOG_VER_PATCH)},
        {"nlohmann-json",
         dotted(NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH)},
    };
    if (auto blas = blasDescription(); !blas.empty())
        versions.emplace_back("BLAS", blas);
    return versions;
}

} // namespace fathom
