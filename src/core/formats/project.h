#pragma once
// Projects (.rnnwb): a session saved to come back to (README, "Files"). A JSON object:
//
//   {"format": "rnn-workbench-project", "version": 1, "app_version": "1.0",
//    "dataset": {"path": "/abs/data.csv", "relative_path": "data.csv", "sha256": "…"},
//    "config": {…configToJson: column, preprocessing, scaling, hyperparameters, seed…},
//    "runs": [{"label", "config", "stop_reason", "train_seconds", "wall_seconds",
//              "train_loss": […], "val_loss": […], "metrics": {"train", "validation", "test"},
//              "model": {"column", "scaler": {"kind", "offset", "scale"},
//                        "parameters": "<base64 of the F32 little-endian flat parameters>"}}]}
//
// "relative_path" is relative to the project file's folder, so a project moved together with its
// data still finds it. Each run keeps its weights, so a reopened run predicts, forecasts and
// saves its model as before; its metrics are stored for reading and recomputed on reopening.
// Reading validates everything and refuses a foreign or damaged file with FileFormatError
// ("FILE: reason").
#include "core/training/model.h"
#include "core/training/trainer.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace rnnwb {

inline constexpr const char* kProjectFormat = "rnn-workbench-project";
inline constexpr int kProjectVersion = 1;

struct ProjectRun {
    std::string label; // the data it was trained on, as the run list shows it
    Model model;       // config, column, scaler and weights
    std::vector<double> trainLoss, validationLoss;
    StopReason stop = StopReason::Completed;
    double trainSeconds = 0.0, wallSeconds = 0.0;
    nlohmann::json metrics = nlohmann::json::object(); // {"train", "validation", "test"}: metricsToJson
};

struct Project {
    std::string datasetPath;     // absolute path (or a ":/" resource of the app)
    std::string datasetRelative; // relative to the project's folder; empty if none
    std::string datasetSha256;   // lowercase hex of the file's bytes
    TrainConfig config;          // the hyperparameters panel, column and missing-value policy
    std::vector<ProjectRun> runs;
};

nlohmann::json projectToJson(const Project& project);
// Throws FileFormatError(path, reason) unless `json` is a valid project.
Project projectFromJson(const nlohmann::json& json, const std::string& path);

// Written atomically (atomic_file.h); throws std::runtime_error naming the path.
void saveProject(const std::string& path, const Project& project);
// Throws FileFormatError naming the path: unreadable, not JSON, not a project, a newer
// version, or any field missing or out of range.
Project loadProject(const std::string& path);

// Base64 (RFC 4648, with padding) of bytes, and back; decoding throws std::invalid_argument
// on a character outside the alphabet or a bad length.
std::string base64Encode(std::span<const unsigned char> bytes);
std::vector<unsigned char> base64Decode(const std::string& text);

} // namespace rnnwb
