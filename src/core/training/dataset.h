#pragma once
// A series turned into the windows a configuration trains on.
//
// The windows hold the preprocessed series (preprocess.h: log, seasonal and first differences),
// scaled; it starts `offset` = Preprocessing::lost() values after the series. Window k holds
// transformed values k … k+w−1 (series indices k+offset … k+offset+w−1) and its target is
// transformed value k+w, i.e. series index k+w+offset (the index reported with its
// prediction). Windows are split in time order: the first ⌊train·n⌋ are training windows (the
// seed's int(len · 0.7)), the next ⌊val·n⌋ validation, the rest test.
#include "core/nn/network.h"
#include "core/training/scaler.h"
#include "core/training/train_config.h"

#include <span>
#include <vector>

namespace rnnwb {

enum class Part { Train, Validation, Test };
std::string partName(Part part); // "train", "validation", "test"

struct WindowSplit {
    int window = 0;
    std::size_t offset = 0; // series values before the transformed series (Preprocessing::lost())
    std::size_t train = 0, validation = 0, test = 0;
    std::size_t total() const { return train + validation + test; }
    std::size_t first(Part part) const;
    std::size_t count(Part part) const;
    // Window k's target: its series index, and its position in the transformed series.
    std::size_t targetIndex(std::size_t windowIndex) const { return windowIndex + std::size_t(window) + offset; }
    std::size_t targetPosition(std::size_t windowIndex) const { return windowIndex + std::size_t(window); }
};

// The windows of a series of seriesLength values whose first `offset` values are used up by
// differencing. Throws std::invalid_argument explaining why the series is too short.
WindowSplit splitWindows(std::size_t seriesLength, int window, double trainSplit, double validationSplit,
                         std::size_t offset = 0);

// The tensors of some windows for one forward pass.
template <typename S>
struct Batch {
    Mat<S> inputs;  // features: window x n (T = n, B = 1); sequence: 1 x window*n (T = window, B = n)
    Mat<S> targets; // 1 x n
    int steps = 0;
    int batch = 0;
    OutputSteps outputs = OutputSteps::All;
};

struct Dataset {
    std::vector<double> values; // the series in its own units
    WindowSplit split;
    Preprocessing preprocessing;
    Scaler scaler;              // fitted to the transformed series
    std::vector<double> scaled; // the transformed series, scaled: scaled[p] is series index p + split.offset
    Layout layout = Layout::Features;

    // Checks the configuration against the series, preprocesses and scales it. Throws
    // std::invalid_argument; `lines` (Series::line) lets a refused value be named by its line.
    static Dataset prepare(std::vector<double> values, const TrainConfig& config,
                           std::span<const std::size_t> lines = {});
    // With a scaler already fitted (a saved model applied to new data).
    static Dataset withScaler(std::vector<double> values, const TrainConfig& config, const Scaler& scaler,
                              std::span<const std::size_t> lines = {});

    // A scaled prediction of the target at series index t in data units: the scaler's inverse,
    // then the preprocessing's one-step inverse with the actual values before t.
    double toData(std::size_t t, double predictionScaled) const;
    // The other way: a value in data units standing at series index t, as the network sees it.
    double toScaled(std::size_t t, double value) const;

    std::vector<std::size_t> windowsOf(Part part) const;
    // Windows in the given order. Features layout: they must be consecutive (one sequence).
    Batch<float> batch(std::span<const std::size_t> windows) const;
    Batch<float> batch(Part part) const { return batch(windowsOf(part)); }
};

} // namespace rnnwb
