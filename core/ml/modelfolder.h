#pragma once

#include "alerts.h"
#include "models.h"
#include "series/dataset.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fathom::ml {

// Everything a trained model needs beside its weights, kept in its folder as JSON.
struct ModelCard
{
    ModelConfig config;
    std::vector<std::string> features; // channel names, in input order
    std::string target;
    series::ScalerKind scaler = series::ScalerKind::Standard;
    std::vector<float> offsets, scales; // per feature
    std::map<std::string, double> metrics;
    std::string trainedOn; // data files
    std::string device;
    double seconds = 0;
    std::optional<AlertCalibration> alerts; // absent in folders written before alerts existed
    // Where the validation and test parts of the training data began: rows (0-based) and, when
    // the data had a time column, times (UTC seconds). Absent in folders written before.
    struct Parts
    {
        std::string split; // as SplitSpec::text() gives it
        std::size_t validationRow = 0, testRow = 0;
        std::optional<double> validationTime, testTime;
    };
    std::optional<Parts> parts;
    std::string log; // the training log, kept as train.log
};

// A model is a folder: config.json (model, data and alert calibration), weights.pt,
// metrics.json and train.log. Written
// file by file atomically; a folder that lacks a file or holds a bad one gives a clear Error.
void saveModelFolder(const std::filesystem::path& dir, const Model& model, const ModelCard& card);
std::pair<Model, ModelCard> loadModelFolder(const std::filesystem::path& dir);
// The card alone, without loading the weights (for listing models).
ModelCard readModelCard(const std::filesystem::path& dir);

} // namespace fathom::ml
