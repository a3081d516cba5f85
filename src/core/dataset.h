#pragma once
// A series turned into the windows a configuration trains on.
//
// Window k holds values k … k+w−1 and its target is value k+w (the series index reported as
// the prediction's index). Windows are split in time order: the first ⌊train·n⌋ are
// training windows (the seed's int(len · 0.7)), the next ⌊val·n⌋ validation, the rest test.
#include "core/network.h"
#include "core/scaler.h"
#include "core/train_config.h"

#include <span>
#include <vector>

namespace rnnwb {

enum class Part { Train, Validation, Test };
std::string partName(Part part); // "train", "validation", "test"

struct WindowSplit {
    int window = 0;
    std::size_t train = 0, validation = 0, test = 0;
    std::size_t total() const { return train + validation + test; }
    std::size_t first(Part part) const;
    std::size_t count(Part part) const;
    std::size_t targetIndex(std::size_t windowIndex) const { return windowIndex + std::size_t(window); }
};

// Throws std::invalid_argument explaining why the series is too short for the split.
WindowSplit splitWindows(std::size_t seriesLength, int window, double trainSplit, double validationSplit);

// The tensors of some windows for one forward pass.
template <typename S>
struct Batch {
    Mat<S> inputs;   // features: window x n (T = n, B = 1); sequence: 1 x window*n (T = window, B = n)
    Mat<S> targets;  // 1 x n
    int steps = 0;
    int batch = 0;
    OutputSteps outputs = OutputSteps::All;
};

struct Dataset {
    std::vector<double> values; // the series in its own units
    WindowSplit split;
    Scaler scaler;
    std::vector<double> scaled;
    Layout layout = Layout::Features;

    // Checks the configuration against the series and scales it. Throws std::invalid_argument.
    static Dataset prepare(std::vector<double> values, const TrainConfig& config);
    // With a scaler already fitted (a saved model applied to new data).
    static Dataset withScaler(std::vector<double> values, const TrainConfig& config, const Scaler& scaler);

    std::vector<std::size_t> windowsOf(Part part) const;
    // Windows in the given order. Features layout: they must be consecutive (one sequence).
    Batch<float> batch(std::span<const std::size_t> windows) const;
    Batch<float> batch(Part part) const { return batch(windowsOf(part)); }
};

} // namespace rnnwb
