#pragma once
// Looking inside a trained network: the numbers behind one prediction, for the teaching views.
//
// For the prediction of series index K (the target of window j = K − w − offset, offset the
// values differencing uses up: dataset.h) this records, step by step, what every layer
// computed on the way to it:
//   LSTM  i, f, g, o (gate activations, PyTorch order), c (cell state), h
//   GRU   r, z, n, h
//   RNN   h
// and the scaled (transformed) input the first layer saw at each step. The prediction is in
// data units (the preprocessing inverted with the actual values before K).
//
// The steps are exactly those predictPart runs, in the same forward pass, so the recorded
// prediction is bit-identical to predictPart's (and predictSeries') value for K:
//   features layout  the windows of j's part, first … j, as one sequence from a zero state;
//                    step s's input is window (first + s)'s w values.
//   sequence layout  window j on its own from a zero state: its w values, one per step.
// (The pass runs the whole part, as predictPart does; only the steps up to K's are kept.)
#include "core/training/dataset.h"
#include "core/training/model.h"

#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace rnnwb {

// One step of one layer: name ("i", "f", "g", "o", "c", "h"; "r", "z", "n", "h"; "h") → H values.
struct StepState {
    std::map<std::string, std::vector<double>> values;
};

struct LayerTrace {
    std::vector<StepState> steps;
};

struct Inspection {
    CellType cell = CellType::Lstm;
    Layout layout = Layout::Features;
    std::size_t targetIndex = 0;
    Part part = Part::Train; // the part K's window belongs to
    double prediction = 0.0; // data units
    double predictionScaled = 0.0;
    double actual = 0.0;                    // the series value at K, data units
    std::vector<std::vector<double>> input; // per step: the first layer's scaled input
    std::vector<LayerTrace> layers;         // bottom layer first
};

// The names recorded for each step of a layer of this cell, in order (gates first, then c, h).
std::vector<std::string> stepValueNames(CellType cell);

// The series indices inspectTarget accepts: [first, last] = [window + offset, length − 1].
struct TargetRange {
    std::size_t first = 0, last = 0;
};
TargetRange inspectableTargets(const Dataset& data);

// Thrown when the target index is outside inspectableTargets(); the message names the range.
class TargetOutOfRange : public std::out_of_range {
public:
    using std::out_of_range::out_of_range;
};

// Throws TargetOutOfRange for K outside the range, std::invalid_argument when the model and
// the data disagree (layout or window).
Inspection inspectTarget(const Model& model, const Dataset& data, std::size_t targetIndex);
Inspection inspectTarget(Network<float>& network, const Dataset& data, std::size_t targetIndex);

// {"cell", "layout", "target_index", "part", "prediction", "prediction_scaled", "actual",
//  "input": [[…] per step], "layers": [{"steps": [{"i": [H], …, "h": [H]}, …]}, …]}
nlohmann::json inspectionToJson(const Inspection& inspection);

} // namespace rnnwb
