#include "core/training/model.h"

#include "core/base/safetensors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

namespace rnnwb {

std::unique_ptr<Network<float>> Model::makeNetwork() const
{
    auto network = std::make_unique<Network<float>>(shape);
    network->setParameters(parameters);
    return network;
}

std::vector<std::vector<std::size_t>> evaluationBatches(const Dataset& data, Part part)
{
    // Sequence layout: windows are independent sequences, so they run in chunks, which bounds
    // the activations kept (G·H × window × chunk floats a layer: 1 GB at 10,000 windows of
    // 48 steps with H = 128). Features layout: the part is one sequence.
    const std::vector<std::size_t> windows = data.windowsOf(part);
    const std::size_t chunk = data.layout == Layout::Sequence ? kEvaluationChunk : windows.size();
    std::vector<std::vector<std::size_t>> batches;
    for (std::size_t start = 0; start < windows.size(); start += chunk) {
        const auto first = windows.begin() + std::ptrdiff_t(start);
        batches.emplace_back(first, first + std::ptrdiff_t(std::min(chunk, windows.size() - start)));
    }
    return batches;
}

PartPrediction predictPart(Network<float>& network, const Dataset& data, Part part)
{
    PartPrediction p;
    p.part = part;
    for (const std::vector<std::size_t>& some : evaluationBatches(data, part)) {
        const Batch<float> b = data.batch(some);
        const Mat<float>& out = network.forward(b.inputs, b.steps, b.batch, b.outputs, nullptr, LayerStates::NotNeeded);
        for (std::size_t j = 0; j < some.size(); ++j) {
            const std::size_t target = data.split.targetIndex(some[j]);
            const double predictedScaled = double(out(0, Eigen::Index(j)));
            p.index.push_back(target);
            p.predictedScaled.push_back(predictedScaled);
            p.actualScaled.push_back(double(b.targets(0, Eigen::Index(j))));
            p.predicted.push_back(data.toData(target, predictedScaled));
            p.actual.push_back(data.values[target]);
        }
    }
    return p;
}

PartPrediction predictPart(const Model& model, const Dataset& data, Part part)
{
    const std::unique_ptr<Network<float>> network = model.makeNetwork();
    return predictPart(*network, data, part);
}

namespace {

const char* const kFormat = "rnn-workbench-model";

// {"log", "seasonal_diff", "diff"}: the keys configToJson gives them, on their own for readers
// of the file that do not parse the whole configuration.
nlohmann::json preprocessingJson(const Preprocessing& p)
{
    return {{"log", p.log}, {"seasonal_diff", p.seasonalDifference}, {"diff", p.difference}};
}

std::map<std::string, std::string> modelMetadata(const Model& m)
{
    std::map<std::string, std::string> meta = m.extraMetadata;
    meta["format"] = kFormat;
    meta["app_version"] = RNNWB_VERSION;
    meta["cell"] = cellName(m.shape.cell);
    meta["layout"] = layoutName(m.config.layout);
    meta["window"] = std::to_string(m.config.window);
    meta["input_size"] = std::to_string(m.shape.inputSize);
    meta["hidden_size"] = std::to_string(m.shape.hiddenSize);
    meta["num_layers"] = std::to_string(m.shape.layers);
    meta["scaler"] = scalerName(m.scaler.kind);
    meta["scaler_offset"] = nlohmann::json(m.scaler.offset).dump();
    meta["scaler_scale"] = nlohmann::json(m.scaler.scale).dump();
    meta["column"] = m.columnName;
    meta["preprocessing"] = preprocessingJson(m.config.preprocessing).dump();
    meta["config"] = configToJson(m.config).dump();
    return meta;
}

std::string required(const SafetensorsFile& f, const std::string& path, const std::string& key)
{
    const auto it = f.metadata.find(key);
    if (it == f.metadata.end())
        throw FileFormatError(path, "not a workbench model: metadata '" + key + "' is missing");
    return it->second;
}

double parseNumber(const std::string& path, const std::string& key, const std::string& text)
{
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_number() || !std::isfinite(j.get<double>()))
        throw FileFormatError(path, "metadata '" + key + "' is not a finite number: '" + text + "'");
    return j.get<double>();
}

// Copies tensors into a flat vector in layout order, checking every name and shape.
Vec<float> flatten(const SafetensorsFile& f, const std::string& path, const NetworkShape& shape)
{
    const std::vector<TensorSpec> layout = parameterLayout(shape);
    Vec<float> flat(Eigen::Index(layout.back().offset + layout.back().size));
    for (const TensorSpec& spec : layout) {
        const NamedTensor* t = f.find(spec.name);
        if (!t)
            throw FileFormatError(path, "tensor '" + spec.name + "' is missing");
        if (t->shape != spec.shape)
            throw FileFormatError(path, "tensor '" + spec.name + "' has the wrong shape for this network");
        for (std::size_t k = 0; k < spec.size; ++k) {
            // F64 weights beyond the float range would become infinities in the F32 network.
            if (!std::isfinite(t->values[k]) || std::abs(t->values[k]) > double(std::numeric_limits<float>::max()))
                throw FileFormatError(path, "tensor '" + spec.name + "' holds a value that is not a finite float");
            flat[Eigen::Index(spec.offset + k)] = float(t->values[k]);
        }
    }
    return flat;
}

} // namespace

std::vector<PartPrediction> predictSeries(Network<float>& network, const Dataset& data)
{
    std::vector<PartPrediction> parts;
    for (const Part part : {Part::Train, Part::Validation, Part::Test})
        if (data.split.count(part) > 0)
            parts.push_back(predictPart(network, data, part));
    return parts;
}

std::vector<PartPrediction> predictSeries(const Model& model, const Dataset& data)
{
    const std::unique_ptr<Network<float>> network = model.makeNetwork();
    return predictSeries(*network, data);
}

void saveModel(const std::string& path, const Model& model)
{
    SafetensorsFile f;
    f.metadata = modelMetadata(model);
    for (const TensorSpec& spec : parameterLayout(model.shape)) {
        NamedTensor t{spec.name, spec.shape, std::vector<double>(spec.size)};
        for (std::size_t k = 0; k < spec.size; ++k)
            t.values[k] = double(model.parameters[Eigen::Index(spec.offset + k)]);
        f.tensors.push_back(std::move(t));
    }
    writeSafetensors(path, f);
}

Model loadModel(const std::string& path)
{
    const SafetensorsFile f = readSafetensors(path);
    Model m;
    try {
        m.config = configFromJson(nlohmann::json::parse(required(f, path, "config")));
        m.scaler.kind = parseScalerKind(required(f, path, "scaler"));
    } catch (const FileFormatError&) {
        throw;
    } catch (const std::exception& e) {
        throw FileFormatError(path, std::string("the model's configuration cannot be read: ") + e.what());
    }
    m.scaler.offset = parseNumber(path, "scaler_offset", required(f, path, "scaler_offset"));
    m.scaler.scale = parseNumber(path, "scaler_scale", required(f, path, "scaler_scale"));
    if (!(m.scaler.scale > 0))
        throw FileFormatError(path, "metadata 'scaler_scale' must be positive");
    m.columnName = required(f, path, "column");
    // Files from before preprocessing have neither key: no preprocessing (configFromJson's default).
    if (const auto it = f.metadata.find("preprocessing");
        it != f.metadata.end()
        && nlohmann::json::parse(it->second, nullptr, false) != preprocessingJson(m.config.preprocessing))
        throw FileFormatError(path, "metadata 'preprocessing' disagrees with the model's configuration: " + it->second);
    m.shape = networkShape(m.config);
    if (!configProblems(m.config).empty())
        throw FileFormatError(path, "the model's configuration is invalid: " + configProblems(m.config).front());
    m.parameters = flatten(f, path, m.shape);
    for (const auto& [key, value] : f.metadata)
        if (key == "metrics")
            m.extraMetadata[key] = value;
    return m;
}

Vec<float> loadWeights(const std::string& path, const NetworkShape& shape)
{
    return flatten(readSafetensors(path), path, shape);
}

} // namespace rnnwb
