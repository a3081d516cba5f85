#include "core/inspect/gradient_flow.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace rnnwb {

namespace {

void checkInputSize(const NetworkShape& shape, const Dataset& data)
{
    const int expected = data.layout == Layout::Features ? data.split.window : 1;
    if (shape.inputSize != expected)
        throw std::invalid_argument("the network takes " + std::to_string(shape.inputSize)
                                    + " inputs per step but the data's " + layoutName(data.layout)
                                    + " layout with a window of " + std::to_string(data.split.window) + " gives "
                                    + std::to_string(expected));
}

// dL/dŷ of the loss of the definition (gradient_flow.h), in the shape of the predictions:
//   sequence  one column per window j: dL_j/dŷ_j = 2 (ŷ_j − y_j)
//   features  one column per step, zero except the last: dL/dŷ_T = 2 (ŷ_T − y_T)
Mat<float> lastStepLossGradient(const Mat<float>& predictions, const Mat<float>& targets, Layout layout)
{
    if (layout == Layout::Sequence)
        return 2.0f * (predictions - targets);
    Mat<float> d = Mat<float>::Zero(1, predictions.cols());
    const Eigen::Index last = predictions.cols() - 1;
    d(0, last) = 2.0f * (predictions(0, last) - targets(0, last));
    return d;
}

// norms[t] += ‖column t*B + b‖₂ over the B samples of every step of one layer's H x T*B gradient.
void addColumnNorms(const Mat<float>& total, int steps, int batch, std::vector<double>& norms)
{
    norms.resize(std::size_t(steps), 0.0);
    for (int t = 0; t < steps; ++t)
        for (int b = 0; b < batch; ++b)
            norms[std::size_t(t)] += total.col(Eigen::Index(t) * batch + b).cast<double>().norm();
}

void checkFinite(const GradientFlow& flow)
{
    for (const std::vector<double>& layer : flow.norms)
        for (const double norm : layer)
            if (!std::isfinite(norm))
                throw std::domain_error("the gradient is not finite: the model's predictions overflow on this data");
}

} // namespace

GradientFlow gradientFlow(Network<float>& network, const Dataset& data, Part part)
{
    checkInputSize(network.shape(), data);
    const std::vector<std::vector<std::size_t>> chunks = evaluationBatches(data, part);
    if (chunks.empty())
        throw std::invalid_argument("the " + partName(part) + " part has no windows");

    GradientFlow flow;
    flow.cell = network.shape().cell;
    flow.layout = data.layout;
    flow.norms.resize(std::size_t(network.layerCount()));
    const Vec<float> gradients = network.gradients(); // handed back untouched
    for (const std::vector<std::size_t>& windows : chunks) {
        const Batch<float> batch = data.batch(windows);
        const Mat<float>& predictions = network.forward(batch.inputs, batch.steps, batch.batch, batch.outputs);
        const Mat<float> dPrediction = lastStepLossGradient(predictions, batch.targets, data.layout);
        network.zeroGradients();
        network.backward(dPrediction);
        const std::vector<Mat<float>> total = network.hiddenGradients(dPrediction);
        for (std::size_t l = 0; l < total.size(); ++l)
            addColumnNorms(total[l], batch.steps, batch.batch, flow.norms[l]);
        flow.samples += batch.batch; // features: 1 (one sequence, one chunk)
    }
    network.gradients() = gradients;
    for (std::vector<double>& layer : flow.norms)
        for (double& norm : layer)
            norm /= double(flow.samples);
    checkFinite(flow);
    return flow;
}

GradientFlow gradientFlow(const Model& model, const Dataset& data, Part part)
{
    if (model.config.layout != data.layout || model.config.window != data.split.window)
        throw std::invalid_argument("the model was trained on the " + layoutName(model.config.layout)
                                    + " layout with a window of " + std::to_string(model.config.window)
                                    + " but the data is prepared for the " + layoutName(data.layout)
                                    + " layout with a window of " + std::to_string(data.split.window));
    const std::unique_ptr<Network<float>> network = model.makeNetwork();
    return gradientFlow(*network, data, part);
}

nlohmann::json gradientFlowToJson(const GradientFlow& flow)
{
    nlohmann::json layers = nlohmann::json::array();
    for (const std::vector<double>& norms : flow.norms)
        layers.push_back({{"norms", norms}});
    return {{"cell", cellName(flow.cell)},
            {"layout", layoutName(flow.layout)},
            {"samples", flow.samples},
            {"layers", std::move(layers)}};
}

} // namespace rnnwb
