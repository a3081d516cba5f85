#pragma once
// Gradient flow: how strongly the loss reaches back to each time step, per layer. The numbers
// behind the teaching view that shows vanishing gradients (a tanh RNN's norms shrink toward
// the oldest step far faster than an LSTM's or a GRU's).
//
//   norms[l][t] = ‖∂L/∂h^l_t‖₂, with l = 0 the bottom layer and t = 0 the oldest step.
//
// ∂L/∂h^l_t is the total gradient: from the layer above (the head, for the top layer) and from
// step t+1 through the recurrence (Network::hiddenGradients).
//   sequence layout  for each window j of the part, L_j = (ŷ_j − y_j)² in scaled units (the
//                    loss the trainer minimises for one sample: the last step's prediction);
//                    norms[l][t] is the mean over the part's windows of ‖∂L_j/∂h^l_t‖₂,
//                    t = 0 … w−1 (the window's steps). samples = the number of windows.
//   features layout  the part run as one sequence from a zero state (as the trainer and
//                    inspect do); L = the squared error of the last step's prediction only;
//                    norms[l][t] for every step t of the part (one per window). samples = 1.
// The windows run in the chunks predictPart uses (evaluationBatches), so memory stays bounded
// on long parts.
#include "core/training/dataset.h"
#include "core/training/model.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace rnnwb {

struct GradientFlow {
    CellType cell = CellType::Lstm;
    Layout layout = Layout::Features;
    int samples = 0;                        // windows averaged (sequence layout); 1 (features)
    std::vector<std::vector<double>> norms; // [layer][t], t = 0 .. T-1 (oldest first), layer 0 = bottom
};

// Throws std::invalid_argument when the model and the data disagree (layout, window, input
// size) or the part has no windows, std::domain_error when the gradient is not finite.
GradientFlow gradientFlow(const Model& model, const Dataset& data, Part part = Part::Train);
// Runs forward and backward passes on `network`: its caches of the last pass change (as
// predictPart's do); its parameters and gradients() are left as they were.
GradientFlow gradientFlow(Network<float>& network, const Dataset& data, Part part = Part::Train);

// {"cell", "layout", "samples", "layers": [{"norms": [... T values, oldest step first]}, ...]}
nlohmann::json gradientFlowToJson(const GradientFlow& flow);

} // namespace rnnwb
