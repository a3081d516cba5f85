#include "core/nn/network.h"

#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>

namespace rnnwb {

namespace {

// The samples of slice s in a matrix of `steps` x B columns (column t*B + b), gathered into one
// of steps x s.size columns (column t*s.size + j): each step's columns of the slice are back to
// back in both.
template <typename S>
void gatherSlice(const Mat<S>& all, int steps, Eigen::Index B, PartRange s, Mat<S>& part)
{
    part.resize(all.rows(), steps * s.size);
    for (int t = 0; t < steps; ++t)
        part.middleCols(t * s.size, s.size) = all.middleCols(t * B + s.begin, s.size);
}

// The reverse of gatherSlice: the slice's columns of `all` from `part`.
template <typename S>
void scatterSlice(const Mat<S>& part, int steps, Eigen::Index B, PartRange s, Mat<S>& all)
{
    for (int t = 0; t < steps; ++t)
        all.middleCols(t * B + s.begin, s.size) = part.middleCols(t * s.size, s.size);
}

} // namespace

template <typename S>
Network<S>::Network(const NetworkShape& shape)
    : shape_(shape), layout_(parameterLayout(shape)), headOffset_(layout_[layout_.size() - 2].offset)
{
    const std::size_t n = layout_.back().offset + layout_.back().size;
    params_.setZero(Eigen::Index(n));
    grads_.setZero(Eigen::Index(n));
    addReplica();
}

template <typename S>
void Network<S>::addReplica()
{
    Replica replica;
    for (int l = 0; l < shape_.layers; ++l) {
        const int in = l == 0 ? shape_.inputSize : shape_.hiddenSize;
        replica.layers.push_back(makeLayer<S>(shape_.cell, in, shape_.hiddenSize));
        replica.layers.back()->setCancelFlag(cancel_);
    }
    replicas_.push_back(std::move(replica));
}

// Points replica k's layers at the parameters and at where its gradients go (gradientTarget).
template <typename S>
void Network<S>::bindReplica(int k)
{
    Replica& replica = replicas_[std::size_t(k)];
    if (slices_ > 1)
        replica.gradients.resize(params_.size()); // no reallocation when the size is unchanged
    S* gradients = gradientTarget(k);
    for (int l = 0; l < shape_.layers; ++l) {
        const std::size_t off = layout_[std::size_t(l) * 4].offset;
        replica.layers[std::size_t(l)]->bind(params_.data() + off, gradients + off);
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
    for (Replica& replica : replicas_)
        for (auto& layer : replica.layers)
            layer->setCancelFlag(flag);
}

template <typename S>
ConstWeightMap<S> Network<S>::headWeight() const
{
    return {params_.data() + headOffset_, 1, shape_.hiddenSize};
}

// How many slices of the batch run through the layers side by side (core/base/parallel.h): what the
// projections and recurrences of all layers are worth, at least 8 samples a slice.
template <typename S>
int Network<S>::sliceCount(int T, int B) const
{
    double flops = 0.0;
    for (const auto& layer : replicas_[0].layers)
        flops += 2.0 * layer->gateRows() * double(layer->inputSize() + layer->hiddenSize()) * double(T) * B;
    return partsFor(flops, B, 8);
}

// The batch runs as one slice, or cut into slices that each go through replica layers of their
// own as one part of a job, forward and then backward: the samples of a batch never interact.
// Each slice's columns are gathered into matrices of its own, and each replica adds its
// gradient to a vector of its own; backward sums them in slice order, so the result depends on
// the thread count only. Measured on seq5 (B = 97, 2 threads): a slice's forward through
// layers shared with the other slice (their matrices holding both slices' columns, step by
// step) took 235–275 µs, against 125 µs alone; with replicas the cores no longer slow each
// other down.
template <typename S>
const Mat<S>& Network<S>::forward(const Mat<S>& X, int T, int B, OutputSteps outputs, const InitialState<S>* init,
                                  LayerStates states)
{
    steps_ = T;
    batch_ = B;
    outputs_ = outputs;
    slices_ = states == LayerStates::Shown || init ? 1 : sliceCount(T, B);
    while (replicas_.size() < std::size_t(slices_))
        addReplica();
    for (int k = 0; k < slices_; ++k)
        bindReplica(k);
    prediction_.resize(1, Eigen::Index(outputSteps()) * B);
    runParts(slices_, [&](int k) { forwardReplica(k, X, init); });
    if (cancelRequested()) // the layers' states are incomplete: no prediction from them
        prediction_.setConstant(std::numeric_limits<S>::quiet_NaN());
    return prediction_;
}

// Replica k through its layers, then the head: prediction_t = w · h_t + b.
template <typename S>
void Network<S>::forwardReplica(int k, const Mat<S>& X, const InitialState<S>* init)
{
    Replica& replica = replicas_[std::size_t(k)];
    const PartRange slice = partRange(batch_, slices_, k);
    const int n = int(slice.size);
    if (slices_ > 1)
        gatherSlice(X, steps_, batch_, slice, replica.inputs);
    const Mat<S>& inputs = slices_ > 1 ? replica.inputs : X;
    for (std::size_t l = 0; l < replica.layers.size() && !cancelRequested(); ++l) {
        const Mat<S>* h0 = init && l < init->h.size() ? &init->h[l] : nullptr;
        const Mat<S>* c0 = init && l < init->c.size() ? &init->c[l] : nullptr;
        RecurrentLayer<S>& layer = *replica.layers[l];
        if (l == 0)
            layer.forward(inputs, steps_, n, h0, c0);
        else
            layer.forward(replica.layers[l - 1]->output(), steps_, n, h0, c0); // viewed in place
    }
    if (cancelRequested())
        return;
    const auto top = replica.layers.back()->output();
    const Eigen::Index used = Eigen::Index(outputSteps()) * n;
    Mat<S>& prediction = slices_ > 1 ? replica.prediction : prediction_;
    prediction.resize(1, used);
    setProduct(prediction, headWeight(), top.rightCols(used)); // w · h_t
    prediction.array() += headBias();                          // + b
    if (slices_ > 1)
        scatterSlice(replica.prediction, outputSteps(), batch_, slice, prediction_);
}

template <typename S>
void Network<S>::backward(const Mat<S>& dPrediction)
{
    if (cancelRequested())
        return;
    runParts(slices_, [&](int k) { backwardReplica(k, dPrediction); });
    if (slices_ == 1 || cancelRequested())
        return; // one slice added to grads_ itself; a cancelled pass's partial gradients are thrown away
    for (int k = 0; k < slices_; ++k) // in slice order, whichever thread ran a slice
        grads_ += replicas_[std::size_t(k)].gradients;
}

// Head:   dw = Σ dp_t h_t^T,  db = Σ dp_t,  dh_t = w^T dp_t (zero for steps without an output).
// Then through the replica's layers from the top: a layer's dX is the dH of the layer below.
template <typename S>
void Network<S>::backwardReplica(int k, const Mat<S>& dPrediction)
{
    Replica& replica = replicas_[std::size_t(k)];
    const PartRange slice = partRange(batch_, slices_, k);
    const int n = int(slice.size);
    if (slices_ > 1) {
        gatherSlice(dPrediction, outputSteps(), batch_, slice, replica.dPrediction);
        replica.gradients.setZero();
    }
    const Mat<S>& dP = slices_ > 1 ? replica.dPrediction : dPrediction;
    S* gradients = gradientTarget(k);
    const auto top = replica.layers.back()->output();
    Eigen::Map<Mat<S>> gW(gradients + headOffset_, 1, shape_.hiddenSize);
    addProduct(gW, dP, top.rightCols(dP.cols()).transpose());
    gradients[headOffset_ + std::size_t(shape_.hiddenSize)] += dP.sum();

    headHiddenGradient(dP, n, replica.dTop);
    replica.dInput.resize(replica.layers.size());
    for (int l = layerCount() - 1; l >= 0 && !cancelRequested(); --l) {
        RecurrentLayer<S>& layer = *replica.layers[std::size_t(l)];
        const Mat<S>& dH = l == layerCount() - 1 ? replica.dTop : replica.dInput[std::size_t(l) + 1];
        layer.backward(dH, l > 0 ? &replica.dInput[std::size_t(l)] : nullptr);
    }
}

template <typename S>
void Network<S>::headHiddenGradient(const Mat<S>& dPrediction, int B, Mat<S>& dTop) const
{
    const Eigen::Index columns = Eigen::Index(steps_) * B;
    const Eigen::Index used = outputs_ == OutputSteps::All ? columns : B; // the last step's columns
    dTop.setZero(shape_.hiddenSize, columns);
    setProduct(dTop.rightCols(used), headWeight().transpose(), dPrediction);
}

template <typename S>
std::vector<Mat<S>> Network<S>::hiddenGradients(const Mat<S>& dPrediction) const
{
    if (slices_ != 1)
        throw std::logic_error("hiddenGradients: the last pass did not show its layer states");
    std::vector<Mat<S>> total(static_cast<std::size_t>(layerCount()));
    Mat<S> dH, dBelow; // dLoss/dh from above of the layer at hand, and of the layer below it
    headHiddenGradient(dPrediction, batch_, dH);
    for (int l = layerCount() - 1; l >= 0; --l) {
        const RecurrentLayer<S>& layer = this->layer(l);
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
