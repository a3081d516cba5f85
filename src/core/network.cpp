#include "core/network.h"

#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>

namespace rnnwb {

template <typename S>
Network<S>::Network(const NetworkShape& shape)
    : shape_(shape), layout_(parameterLayout(shape)), headOffset_(layout_[layout_.size() - 2].offset)
{
    const std::size_t n = layout_.back().offset + layout_.back().size;
    params_.setZero(Eigen::Index(n));
    grads_.setZero(Eigen::Index(n));
    for (int l = 0; l < shape.layers; ++l) {
        const int in = l == 0 ? shape.inputSize : shape.hiddenSize;
        layers_.push_back(makeLayer<S>(shape.cell, in, shape.hiddenSize));
        const std::size_t off = layout_[std::size_t(l) * 4].offset;
        layers_.back()->bind(params_.data() + off, grads_.data() + off);
    }
}

template <typename S>
void Network<S>::setParameters(const Eigen::Ref<const Vec<S>>& values)
{
    if (values.size() != params_.size())
        throw std::invalid_argument("expected " + std::to_string(params_.size()) + " parameters, got "
                                    + std::to_string(values.size()));
    params_ = values; // same size: copied in place, the layers' views stay valid
}

template <typename S>
void Network<S>::setCancelFlag(const std::atomic<bool>* flag)
{
    cancel_ = flag;
    for (auto& layer : layers_)
        layer->setCancelFlag(flag);
}

template <typename S>
ConstWeightMap<S> Network<S>::headWeight() const
{
    return {params_.data() + headOffset_, 1, shape_.hiddenSize};
}

// How many slices of the batch run through the layers side by side (core/parallel.h): what the
// projections and recurrences of all layers are worth, at least 8 samples a slice.
template <typename S>
int Network<S>::sliceCount(int T, int B) const
{
    double flops = 0.0;
    for (const auto& layer : layers_)
        flops += 2.0 * layer->gateRows() * double(layer->inputSize() + layer->hiddenSize()) * double(T) * B;
    return partsFor(flops, B, 8);
}

template <typename S>
const Mat<S>& Network<S>::forward(const Mat<S>& X, int T, int B, OutputSteps outputs,
                                  const InitialState<S>* init)
{
    steps_ = T;
    batch_ = B;
    outputs_ = outputs;
    slices_ = sliceCount(T, B);
    for (std::size_t l = 0; l < layers_.size(); ++l) {
        const Mat<S>* h0 = init && l < init->h.size() ? &init->h[l] : nullptr;
        const Mat<S>* c0 = init && l < init->c.size() ? &init->c[l] : nullptr;
        if (l == 0)
            layers_[l]->beginForward(X, T, B, h0, c0);
        else
            layers_[l]->beginForward(layers_[l - 1]->output(), T, B, h0, c0); // viewed in place
    }
    runParts(slices_, [&](int k) {
        const PartRange slice = partRange(B, slices_, k);
        for (std::size_t l = 0; l < layers_.size() && !cancelRequested(); ++l)
            layers_[l]->forwardSlice(slice);
    });
    if (cancelRequested()) { // the layers' states are incomplete: no prediction from them
        prediction_.setConstant(1, outputs == OutputSteps::All ? Eigen::Index(T) * B : B,
                                std::numeric_limits<S>::quiet_NaN());
        return prediction_;
    }
    const auto top = layers_.back()->output();
    const Eigen::Index first = outputs == OutputSteps::All ? 0 : top.cols() - B;
    prediction_.resize(1, top.cols() - first);
    setProduct(prediction_, headWeight(), top.rightCols(top.cols() - first)); // w · h_t
    prediction_.array() += headBias();                                          // + b
    return prediction_;
}

// Head:   dw = Σ dp_t h_t^T,  db = Σ dp_t,  dh_t = w^T dp_t (zero for steps without an output).
// Then each slice of the batch through the layers from the top, in the slices of the forward
// pass: a layer's dX is the dH of the layer below.
template <typename S>
void Network<S>::backward(const Mat<S>& dPrediction)
{
    if (cancelRequested())
        return;
    const auto top = layers_.back()->output();
    const Eigen::Index first = outputs_ == OutputSteps::All ? 0 : top.cols() - batch_;
    const Eigen::Index used = top.cols() - first;
    Eigen::Map<Mat<S>> gW(grads_.data() + headOffset_, 1, shape_.hiddenSize);
    addProduct(gW, dPrediction, top.rightCols(used).transpose());
    grads_[Eigen::Index(headOffset_) + shape_.hiddenSize] += dPrediction.sum();

    headHiddenGradient(dPrediction, dTop_);
    dInput_.resize(layers_.size());
    for (std::size_t l = 0; l < layers_.size(); ++l) {
        layers_[l]->beginBackward(slices_);
        if (l > 0)
            dInput_[l].resize(layers_[l]->inputSize(), Eigen::Index(steps_) * batch_);
    }
    const int L = layerCount();
    runParts(slices_, [&](int k) {
        const PartRange slice = partRange(batch_, slices_, k);
        for (int l = L - 1; l >= 0 && !cancelRequested(); --l) {
            const Mat<S>& dH = l == L - 1 ? dTop_ : dInput_[std::size_t(l) + 1];
            layers_[std::size_t(l)]->backwardSlice(dH, slice, k, l > 0 ? &dInput_[std::size_t(l)] : nullptr);
        }
    });
    if (cancelRequested())
        return; // partial gradients: the caller throws them away
    for (auto& layer : layers_)
        layer->finishBackward();
}

template <typename S>
void Network<S>::headHiddenGradient(const Mat<S>& dPrediction, Mat<S>& dTop) const
{
    const Eigen::Index columns = Eigen::Index(steps_) * batch_;
    const Eigen::Index used = outputs_ == OutputSteps::All ? columns : batch_; // the last step's columns
    dTop.setZero(shape_.hiddenSize, columns);
    setProduct(dTop.rightCols(used), headWeight().transpose(), dPrediction);
}

template <typename S>
std::vector<Mat<S>> Network<S>::hiddenGradients(const Mat<S>& dPrediction) const
{
    std::vector<Mat<S>> total(layers_.size());
    Mat<S> dH, dBelow; // dLoss/dh from above of the layer at hand, and of the layer below it
    headHiddenGradient(dPrediction, dH);
    for (int l = layerCount() - 1; l >= 0; --l) {
        const RecurrentLayer<S>& layer = *layers_[std::size_t(l)];
        layer.totalHiddenGradient(dH, total[std::size_t(l)]);
        if (l > 0) {
            layer.inputGradient(dBelow);
            dH.swap(dBelow);
        }
    }
    return total;
}

template <typename S>
S meanSquaredError(const Mat<S>& prediction, const Mat<S>& target, Mat<S>* dPrediction)
{
    const S n = S(prediction.size());
    if (dPrediction)
        *dPrediction = (prediction - target) * (S(2) / n);
    return (prediction - target).squaredNorm() / n;
}

// Uniform draws on [lo, hi) from the top 53 bits of a 64-bit Mersenne
// Twister, so that the same seed gives the same weights with any standard library.
template <typename S>
Vec<S> initialParameters(const NetworkShape& shape, std::uint64_t seed)
{
    Vec<S> parameters;
    std::mt19937_64 generator(seed);
    const double bound = 1.0 / std::sqrt(double(shape.hiddenSize)); // 1/√H = 1/√fan_in of the head
    parameters.resize(Eigen::Index(parameterCount(shape)));
    for (Eigen::Index k = 0; k < parameters.size(); ++k) {
        const double unit = double(generator() >> 11) * 0x1.0p-53;
        parameters[k] = S(-bound + 2.0 * bound * unit);
    }
    return parameters;
}

template class Network<float>;
template class Network<double>;

template float meanSquaredError<float>(const Mat<float>&, const Mat<float>&, Mat<float>*);
template double meanSquaredError<double>(const Mat<double>&, const Mat<double>&, Mat<double>*);
template Vec<float> initialParameters<float>(const NetworkShape&, std::uint64_t);
template Vec<double> initialParameters<double>(const NetworkShape&, std::uint64_t);

} // namespace rnnwb
