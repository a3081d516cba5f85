#pragma once
// Test-side helpers: reading the PyTorch gradient fixtures into the core's tensors.
#include "core/nn/network.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <fstream>
#include <string>

namespace rnnwb::test {

inline nlohmann::json readJson(const std::string& path)
{
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

// [T][B][F] nested lists → F x T*B, column t*B + b.
template <typename S>
Mat<S> sequenceMatrix(const nlohmann::json& nested)
{
    const Eigen::Index T = Eigen::Index(nested.size()), B = Eigen::Index(nested[0].size()),
                       F = Eigen::Index(nested[0][0].size());
    Mat<S> m(F, T * B);
    for (Eigen::Index t = 0; t < T; ++t)
        for (Eigen::Index b = 0; b < B; ++b)
            for (Eigen::Index f = 0; f < F; ++f)
                m(f, t * B + b) = S(nested[std::size_t(t)][std::size_t(b)][std::size_t(f)].get<double>());
    return m;
}

// [L][B][H] → one H x B matrix per layer.
template <typename S>
std::vector<Mat<S>> stateMatrices(const nlohmann::json& nested)
{
    std::vector<Mat<S>> states;
    for (const nlohmann::json& layer : nested) {
        Mat<S> m(Eigen::Index(layer[0].size()), Eigen::Index(layer.size()));
        for (std::size_t b = 0; b < layer.size(); ++b)
            for (std::size_t h = 0; h < layer[b].size(); ++h)
                m(Eigen::Index(h), Eigen::Index(b)) = S(layer[b][h].get<double>());
        states.push_back(std::move(m));
    }
    return states;
}

// Flattens a (possibly nested) JSON list row-major, as PyTorch stores a tensor.
inline void flattenInto(const nlohmann::json& j, std::vector<double>& out)
{
    if (j.is_array())
        for (const nlohmann::json& e : j)
            flattenInto(e, out);
    else
        out.push_back(j.get<double>());
}

// The fixture's tensors (keyed "rnn.weight_ih_l0", "linear.bias", ...) as one flat vector in
// the network's layout.
template <typename S>
Vec<S> fixtureParameters(const nlohmann::json& tensors, const NetworkShape& shape)
{
    Vec<S> flat(Eigen::Index(parameterCount(shape)));
    for (const TensorSpec& spec : parameterLayout(shape)) {
        const std::string prefix = cellName(shape.cell) + ".";
        std::string key = spec.name;
        if (key.rfind(prefix, 0) == 0)
            key = "rnn." + key.substr(prefix.size());
        std::vector<double> values;
        flattenInto(tensors.at(key), values);
        if (values.size() != spec.size)
            throw std::runtime_error("fixture tensor " + key + " has the wrong size");
        for (std::size_t k = 0; k < spec.size; ++k)
            flat[Eigen::Index(spec.offset + k)] = S(values[k]);
    }
    return flat;
}

// ‖a − b‖∞ / ‖b‖∞: the relative error of a whole tensor.
template <typename A, typename B>
double relativeError(const A& actual, const B& expected)
{
    const double scale = std::max(double(expected.template cast<double>().cwiseAbs().maxCoeff()), 1e-12);
    return double((actual.template cast<double>() - expected.template cast<double>()).cwiseAbs().maxCoeff()) / scale;
}

inline QString testData(const char* relative)
{
    return QStringLiteral(RNNWB_TEST_DATA "/") + QString::fromUtf8(relative);
}

} // namespace rnnwb::test
