#pragma once
// Every option of a training run, with the seed recipe's defaults (README, "Command line"), and the
// checks that can be made without the data.
#include "core/data/missing_policy.h"
#include "core/data/preprocess.h"
#include "core/nn/optimizer.h"
#include "core/nn/param_layout.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace rnnwb {

// features: the window's values are the input features of one step and the training windows,
//           in time order, form one sequence (batch 1) with a prediction at every step.
// sequence: each window is a sequence of `window` one-feature steps (batch = windows) and the
//           last step's output is the prediction.
enum class Layout { Features, Sequence };
enum class ScalerKind { MinMax, ZScore };
enum class ScalerFit { WholeSeries, TrainingPart };

std::string layoutName(Layout layout);
Layout parseLayout(const std::string& text);
std::string scalerName(ScalerKind kind);
ScalerKind parseScalerKind(const std::string& text);
std::string scalerFitName(ScalerFit fit);
ScalerFit parseScalerFit(const std::string& text);
std::string missingPolicyName(MissingPolicy policy);
MissingPolicy parseMissingPolicy(const std::string& text);

struct TrainConfig {
    std::string column; // name or 0-based index; empty: the first numeric column
    CellType cell = CellType::Lstm;
    Layout layout = Layout::Features;
    int window = 5;
    int hidden = 45;
    int layers = 2;
    double learningRate = 0.01;
    int epochs = 200;
    OptimizerKind optimizer = OptimizerKind::Adam;
    double momentum = 0.0; // SGD only (PyTorch's default 0)
    int batch = 0;         // sequence layout: windows per minibatch, 0 = all
    double trainSplit = 0.7;
    double valSplit = 0.0;
    int patience = 0;  // early stopping after this many epochs without a better
                       // validation loss; 0 = off
    double clip = 0.0; // gradient-norm clipping threshold; 0 = off
    std::uint64_t seed = 0;
    ScalerKind scaler = ScalerKind::MinMax;
    ScalerFit scalerFit = ScalerFit::WholeSeries;
    MissingPolicy missing = MissingPolicy::Drop;
    Preprocessing preprocessing; // --log, --seasonal-diff M, --diff (preprocess.h)
    std::string initWeights;     // safetensors file to start from instead of a random init

    bool operator==(const TrainConfig&) const = default;
};

// The problems with a configuration, each a sentence naming the option; empty when valid.
std::vector<std::string> configProblems(const TrainConfig& config);

// The network a configuration trains: input size is the window (features) or 1 (sequence).
NetworkShape networkShape(const TrainConfig& config);
OptimizerSettings optimizerSettings(const TrainConfig& config);

// Keys "log", "diff", "seasonal_diff" hold the preprocessing.
nlohmann::json configToJson(const TrainConfig& config);
// Reads the keys configToJson writes; missing keys keep their defaults. Throws on bad values.
TrainConfig configFromJson(const nlohmann::json& json);

} // namespace rnnwb
