#pragma once
// A trained model: everything needed to use it on new data, and its safetensors file.
//
// The file holds the weights under PyTorch's state_dict names (F32) and, in __metadata__
// (strings), the cell, layout, window, sizes, scaler and its parameters, the column, the
// preprocessing ("preprocessing": {"log", "seasonal_diff", "diff"}, also in the configuration),
// the whole training configuration, the metrics and the app version.
#include "core/nn/network.h"
#include "core/training/dataset.h"
#include "core/training/scaler.h"
#include "core/training/train_config.h"

#include <map>
#include <memory>
#include <string>

namespace rnnwb {

struct Model {
    TrainConfig config;
    NetworkShape shape;
    Vec<float> parameters;
    Scaler scaler;
    std::string columnName;
    std::map<std::string, std::string> extraMetadata; // e.g. "metrics": a JSON text

    // A network of this shape holding these parameters.
    std::unique_ptr<Network<float>> makeNetwork() const;
};

// Predictions of one part, each for the series index of its target.
struct PartPrediction {
    Part part = Part::Test;
    std::vector<std::size_t> index;
    std::vector<double> predicted;       // data units (preprocessing inverted with the actual earlier values)
    std::vector<double> actual;          // data units
    std::vector<double> predictedScaled; // what the network outputs: the scaled transformed value
    std::vector<double> actualScaled;
};

// One-step predictions of a part: features layout, the part's windows as one sequence from a
// zero state (as the seed evaluates); sequence layout, each window on its own, run in chunks
// of kEvaluationChunk windows.
constexpr std::size_t kEvaluationChunk = 1024;
// The windows of a part as predictPart runs them, one forward pass each, in time order: the
// whole part (features layout) or chunks of kEvaluationChunk windows (sequence layout).
std::vector<std::vector<std::size_t>> evaluationBatches(const Dataset& data, Part part);
PartPrediction predictPart(const Model& model, const Dataset& data, Part part);
PartPrediction predictPart(Network<float>& network, const Dataset& data, Part part);
// One-step predictions of every window of the series: predictPart of each non-empty part in
// time order (train, validation, test), so its test entries are exactly predictPart's.
std::vector<PartPrediction> predictSeries(Network<float>& network, const Dataset& data);
std::vector<PartPrediction> predictSeries(const Model& model, const Dataset& data);

void saveModel(const std::string& path, const Model& model);
// Throws FileFormatError (safetensors.h) naming the file when it is not a usable model.
Model loadModel(const std::string& path);
// Weights only (for --init-weights): checks names and shapes against `shape`.
Vec<float> loadWeights(const std::string& path, const NetworkShape& shape);

} // namespace rnnwb
