#include "core/inspect/inspect.h"

#include <string>

namespace rnnwb {

namespace {

// The part whose windows include window j.
Part partOfWindow(const WindowSplit& split, std::size_t window)
{
    for (const Part part : {Part::Train, Part::Validation, Part::Test})
        if (window >= split.first(part) && window < split.first(part) + split.count(part))
            return part;
    return Part::Test;
}

// Rows [row0, row0 + H) of column `column` as doubles.
std::vector<double> columnSlice(const Eigen::Ref<const Mat<float>>& m, Eigen::Index row0, Eigen::Index rows,
                                Eigen::Index column)
{
    std::vector<double> v(static_cast<std::size_t>(rows));
    for (Eigen::Index r = 0; r < rows; ++r)
        v[std::size_t(r)] = double(m(row0 + r, column));
    return v;
}

// Step t of sample b of one layer's caches after a forward pass with batch B.
StepState stepState(const RecurrentLayer<float>& layer, int t, int b, int B)
{
    const Eigen::Index H = layer.hiddenSize();
    const Eigen::Index column = Eigen::Index(t) * B + b; // column t*B + b
    const Mat<float>& gates = layer.gateActivations();   // G*H x T*B, PyTorch gate order
    StepState s;
    switch (layer.cell()) {
    case CellType::Lstm:
        s.values["i"] = columnSlice(gates, 0, H, column);
        s.values["f"] = columnSlice(gates, H, H, column);
        s.values["g"] = columnSlice(gates, 2 * H, H, column);
        s.values["o"] = columnSlice(gates, 3 * H, H, column);
        // cellStates() holds c_0 … c_T: c after step t is column (t+1)*B + b.
        s.values["c"] = columnSlice(layer.cellStates(), 0, H, column + B);
        break;
    case CellType::Gru:
        s.values["r"] = columnSlice(gates, 0, H, column);
        s.values["z"] = columnSlice(gates, H, H, column);
        s.values["n"] = columnSlice(gates, 2 * H, H, column);
        break;
    case CellType::Rnn: break;
    }
    s.values["h"] = columnSlice(layer.output(), 0, H, column);
    return s;
}

std::string rangeText(const TargetRange& r) { return std::to_string(r.first) + " to " + std::to_string(r.last); }

std::string offsetText(std::size_t offset)
{
    return offset > 0 ? ", after the first " + std::to_string(offset) + " values, which differencing uses up"
                      : std::string();
}

} // namespace

std::vector<std::string> stepValueNames(CellType cell)
{
    switch (cell) {
    case CellType::Lstm: return {"i", "f", "g", "o", "c", "h"};
    case CellType::Gru: return {"r", "z", "n", "h"};
    case CellType::Rnn: return {"h"};
    }
    return {"h"};
}

TargetRange inspectableTargets(const Dataset& data)
{
    // Window k's target is series index k + w + offset, for the windows 0 … total − 1.
    return {data.split.targetIndex(0), data.split.targetIndex(data.split.total() - 1)};
}

Inspection inspectTarget(Network<float>& network, const Dataset& data, std::size_t targetIndex)
{
    const NetworkShape& shape = network.shape();
    const int w = data.split.window;
    const int expectedInputs = data.layout == Layout::Features ? w : 1;
    if (shape.inputSize != expectedInputs)
        throw std::invalid_argument("the network takes " + std::to_string(shape.inputSize)
                                    + " inputs per step but the data's layout and window give "
                                    + std::to_string(expectedInputs));
    const TargetRange range = inspectableTargets(data);
    if (targetIndex < range.first || targetIndex > range.last)
        throw TargetOutOfRange("index " + std::to_string(targetIndex)
                               + " has no prediction: the model predicts series indices " + rangeText(range)
                               + " (a window of " + std::to_string(w) + " comes before each"
                               + offsetText(data.split.offset) + ")");

    const std::size_t window = targetIndex - std::size_t(w) - data.split.offset;
    const Part part = partOfWindow(data.split, window);

    // The same forward pass predictPart makes for K's window; position = K's window in it.
    std::vector<std::size_t> windows;
    for (std::vector<std::size_t>& some : evaluationBatches(data, part))
        if (some.front() <= window && window <= some.back())
            windows = std::move(some);
    const std::size_t position = window - windows.front();
    const Batch<float> batch = data.batch(windows);
    const Mat<float>& out = network.forward(batch.inputs, batch.steps, batch.batch, batch.outputs);

    Inspection r;
    r.cell = shape.cell;
    r.layout = data.layout;
    r.targetIndex = targetIndex;
    r.part = part;
    r.actual = data.values[targetIndex];
    // features: one sequence (B = 1), steps 0 … position, prediction at step `position`.
    // sequence: one sequence per window (B = windows), sample `position`, all w steps.
    const bool features = data.layout == Layout::Features;
    const int B = batch.batch;
    const int steps = features ? int(position) + 1 : batch.steps;
    const int sample = features ? 0 : int(position);
    r.predictionScaled = double(out(0, Eigen::Index(position)));
    r.prediction = data.toData(targetIndex, r.predictionScaled);

    for (int t = 0; t < steps; ++t)
        r.input.push_back(columnSlice(batch.inputs, 0, batch.inputs.rows(), Eigen::Index(t) * B + sample));
    for (int l = 0; l < network.layerCount(); ++l) {
        LayerTrace trace;
        for (int t = 0; t < steps; ++t)
            trace.steps.push_back(stepState(network.layer(l), t, sample, B));
        r.layers.push_back(std::move(trace));
    }
    return r;
}

Inspection inspectTarget(const Model& model, const Dataset& data, std::size_t targetIndex)
{
    const std::unique_ptr<Network<float>> network = model.makeNetwork();
    return inspectTarget(*network, data, targetIndex);
}

nlohmann::json inspectionToJson(const Inspection& in)
{
    nlohmann::json j;
    j["cell"] = cellName(in.cell);
    j["layout"] = layoutName(in.layout);
    j["target_index"] = in.targetIndex;
    j["part"] = partName(in.part);
    j["prediction"] = in.prediction;
    j["prediction_scaled"] = in.predictionScaled;
    j["actual"] = in.actual;
    j["input"] = in.input;
    j["layers"] = nlohmann::json::array();
    for (const LayerTrace& layer : in.layers) {
        nlohmann::json steps = nlohmann::json::array();
        for (const StepState& s : layer.steps) {
            nlohmann::json step = nlohmann::json::object();
            for (const auto& [name, values] : s.values)
                step[name] = values;
            steps.push_back(std::move(step));
        }
        j["layers"].push_back({{"steps", std::move(steps)}});
    }
    return j;
}

} // namespace rnnwb
