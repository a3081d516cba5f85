#include "core/training/dataset.h"

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace rnnwb {

std::string partName(Part part)
{
    switch (part) {
    case Part::Train: return "train";
    case Part::Validation: return "validation";
    case Part::Test: return "test";
    }
    return "test";
}

std::size_t WindowSplit::first(Part part) const
{
    switch (part) {
    case Part::Train: return 0;
    case Part::Validation: return train;
    case Part::Test: return train + validation;
    }
    return 0;
}

std::size_t WindowSplit::count(Part part) const
{
    switch (part) {
    case Part::Train: return train;
    case Part::Validation: return validation;
    case Part::Test: return test;
    }
    return 0;
}

WindowSplit splitWindows(std::size_t length, int window, double trainSplit, double validationSplit, std::size_t offset)
{
    if (length <= offset + std::size_t(window) + 1)
        throw std::invalid_argument(
            "the series has " + std::to_string(length) + (length == 1 ? " value" : " values") + "; a window of "
            + std::to_string(window) + " needs at least " + std::to_string(offset + std::size_t(window) + 3)
            + (offset > 0 ? " (" + std::to_string(offset) + " of them used up by differencing)" : std::string())
            + " to make training and test windows");
    WindowSplit s;
    s.window = window;
    s.offset = offset;
    const std::size_t n = length - offset - std::size_t(window);
    s.train = std::size_t(std::floor(trainSplit * double(n)));
    s.validation = std::size_t(std::floor(validationSplit * double(n)));
    if (s.train + s.validation > n)
        s.validation = n - s.train;
    s.test = n - s.train - s.validation;
    const std::string of = " of the " + std::to_string(n) + " windows";
    if (s.train == 0)
        throw std::invalid_argument("the training part is empty: --train-split " + std::to_string(trainSplit) + of);
    if (validationSplit > 0 && s.validation == 0)
        throw std::invalid_argument("the validation part is empty: --val-split " + std::to_string(validationSplit)
                                    + of);
    if (s.test == 0)
        throw std::invalid_argument("the test part is empty: lower --train-split or --val-split (" + std::to_string(n)
                                    + " windows)");
    return s;
}

namespace {

// The dataset without its scaler: the split and the transformed (not yet scaled) series.
Dataset transformed(std::vector<double> values, const TrainConfig& config, std::span<const std::size_t> lines)
{
    Dataset d;
    d.preprocessing = config.preprocessing;
    d.scaled = transformSeries(values, d.preprocessing, lines);
    d.split = splitWindows(values.size(), config.window, config.trainSplit, config.valSplit, d.preprocessing.lost());
    d.values = std::move(values);
    d.layout = config.layout;
    return d;
}

void applyScaler(Dataset& d, const Scaler& scaler)
{
    d.scaler = scaler;
    for (double& z : d.scaled)
        z = scaler.apply(z);
}

} // namespace

Dataset Dataset::withScaler(std::vector<double> values, const TrainConfig& config, const Scaler& scaler,
                            std::span<const std::size_t> lines)
{
    Dataset d = transformed(std::move(values), config, lines);
    applyScaler(d, scaler);
    return d;
}

Dataset Dataset::prepare(std::vector<double> values, const TrainConfig& config, std::span<const std::size_t> lines)
{
    Dataset d = transformed(std::move(values), config, lines);
    // Fitted on the transformed series, or its training part: the values the training windows
    // and targets touch.
    const std::size_t fitted
        = config.scalerFit == ScalerFit::WholeSeries ? d.scaled.size() : d.split.train + std::size_t(config.window);
    applyScaler(d, Scaler::fit(config.scaler, std::span<const double>(d.scaled.data(), fitted)));
    return d;
}

double Dataset::toData(std::size_t t, double predictionScaled) const
{
    return invertOneStep(preprocessing, values, t, scaler.invert(predictionScaled));
}

double Dataset::toScaled(std::size_t t, double value) const
{
    return scaler.apply(transformOneStep(preprocessing, values, t, value));
}

std::vector<std::size_t> Dataset::windowsOf(Part part) const
{
    std::vector<std::size_t> windows(split.count(part));
    std::iota(windows.begin(), windows.end(), split.first(part));
    return windows;
}

Batch<float> Dataset::batch(std::span<const std::size_t> windows) const
{
    const int w = split.window;
    const Eigen::Index n = Eigen::Index(windows.size());
    Batch<float> b;
    b.targets.resize(1, n);
    for (Eigen::Index j = 0; j < n; ++j)
        b.targets(0, j) = float(scaled[split.targetPosition(windows[std::size_t(j)])]);
    if (layout == Layout::Features) {
        // One sequence through the windows: step j's input features are window j's values.
        b.inputs.resize(w, n);
        for (Eigen::Index j = 0; j < n; ++j)
            for (int i = 0; i < w; ++i)
                b.inputs(i, j) = float(scaled[windows[std::size_t(j)] + std::size_t(i)]);
        b.steps = int(n);
        b.batch = 1;
        b.outputs = OutputSteps::All;
    } else {
        // Each window its own sequence: column t*n + j is value t of window j.
        b.inputs.resize(1, Eigen::Index(w) * n);
        for (int t = 0; t < w; ++t)
            for (Eigen::Index j = 0; j < n; ++j)
                b.inputs(0, t * n + j) = float(scaled[windows[std::size_t(j)] + std::size_t(t)]);
        b.steps = w;
        b.batch = int(n);
        b.outputs = OutputSteps::Last;
    }
    return b;
}

} // namespace rnnwb
