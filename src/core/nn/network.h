#pragma once
// A stack of recurrent layers and a linear head, over one flat parameter vector.
//
//   h^0_t = x_t,  h^l_t = cell_l(h^{l-1}_t, h^l_{t-1}),  prediction_t = w · h^L_t + b
//
// Parameters live in one vector in state_dict order (see param_layout.h); every layer reads
// its slice through Eigen::Map, and gradients accumulate into a vector of the same layout, so
// the optimizer, clipping, snapshots and model files all work on flat memory.
#include "core/nn/cells.h"
#include "core/nn/param_layout.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace rnnwb {

// Which steps produce a prediction: every step (the tutorial's features layout) or only the
// last one (the sequence layout: one prediction per window).
enum class OutputSteps { All, Last };

// Whether layer(l) must show a forward pass afterwards (the inside views, the gradient flow, a
// forecast's carried state) or only its results are used (training, prediction). A pass of the
// second kind may cut the batch into slices, one per core, each through layers of its own.
enum class LayerStates { Shown, NotNeeded };

// Initial states for each layer (H x B); empty vectors mean zeros.
template <typename S>
struct InitialState {
    std::vector<Mat<S>> h;
    std::vector<Mat<S>> c; // LSTM only
};

template <typename S>
class Network {
public:
    explicit Network(const NetworkShape& shape);
    Network(const Network&) = delete;
    Network& operator=(const Network&) = delete;

    const NetworkShape& shape() const { return shape_; }
    const std::vector<TensorSpec>& layout() const { return layout_; }
    // Views of the flat vectors. The layers hold pointers into them, so they are never
    // reallocated: assigning through a view copies values (sizes must match).
    VecMap<S> parameters() { return {params_.data(), params_.size()}; }
    ConstVecMap<S> parameters() const { return {params_.data(), params_.size()}; }
    VecMap<S> gradients() { return {grads_.data(), grads_.size()}; }
    ConstVecMap<S> gradients() const { return {grads_.data(), grads_.size()}; }
    // Copies values in; throws std::invalid_argument when the count differs.
    void setParameters(const Eigen::Ref<const Vec<S>>& values);
    void zeroGradients() { grads_.setZero(); }

    // Runs the network on X (inputSize x T*B, column t*B + b). Returns the predictions,
    // 1 x T*B for OutputSteps::All or 1 x B for OutputSteps::Last. A pass from given initial
    // states runs as one slice: its layer states are always shown.
    const Mat<S>& forward(const Mat<S>& X, int T, int B, OutputSteps outputs, const InitialState<S>* init = nullptr,
                          LayerStates states = LayerStates::Shown);
    // Back-propagates dLoss/dprediction (same shape as forward's result) through the last
    // forward pass, adding to gradients().
    void backward(const Mat<S>& dPrediction);
    // After backward(dPrediction) of a pass with LayerStates::Shown, with the same dPrediction: dLoss/dh^l_t in total (from the
    // layer above or the head, and from step t+1) for every layer, bottom first, each H x T*B
    // (RecurrentLayer::totalHiddenGradient). Recomputed from what backward keeps; the
    // training path pays nothing for it.
    std::vector<Mat<S>> hiddenGradients(const Mat<S>& dPrediction) const;

    // Lets training be cancelled inside a pass: every layer checks *flag once per time step
    // (see RecurrentLayer::setCancelFlag); nullptr turns it off. A forward pass cut short
    // returns NaN predictions of the usual shape; a backward pass leaves partial gradients.
    void setCancelFlag(const std::atomic<bool>* flag);
    bool cancelRequested() const { return cancel_ && cancel_->load(std::memory_order_relaxed); }

    int layerCount() const { return shape_.layers; }
    // Layer l's states of the last forward pass with LayerStates::Shown.
    const RecurrentLayer<S>& layer(int l) const { return *replicas_[0].layers[std::size_t(l)]; }

private:
    // One slice of the batch and layers of its own for it: the same parameters, buffers of its
    // own. Each core then works in memory no other core writes: two slices sharing the layers'
    // matrices, sample columns side by side, ran each core at half speed (see forward).
    struct Replica {
        std::vector<std::unique_ptr<RecurrentLayer<S>>> layers;
        Vec<S> gradients;           // the slice's gradient, when the batch is cut
        Mat<S> inputs;              // the slice's columns of X, when the batch is cut
        Mat<S> prediction;          // the slice's predictions, when the batch is cut
        Mat<S> dPrediction;         // the slice's columns of dLoss/dprediction, when the batch is cut
        Mat<S> dTop;                // dLoss/dh of the top layer, from the head
        std::vector<Mat<S>> dInput; // dLoss/dX of layer l ≥ 1: the dH of layer l − 1
    };

    int sliceCount(int T, int B) const;
    void addReplica();
    void bindReplica(int k);
    // Where replica k's gradients go: the network's own vector when the batch is one slice.
    S* gradientTarget(int k) { return slices_ == 1 ? grads_.data() : replicas_[std::size_t(k)].gradients.data(); }
    // Runs replica k on its slice of the batch (forward, then backward).
    void forwardReplica(int k, const Mat<S>& X, const InitialState<S>* init);
    void backwardReplica(int k, const Mat<S>& dPrediction);
    int outputSteps() const { return outputs_ == OutputSteps::All ? steps_ : 1; }
    ConstWeightMap<S> headWeight() const;
    // dLoss/dh^L_t of the top layer of T steps x B samples from the head: w^T dp_t (zero for
    // steps without an output).
    void headHiddenGradient(const Mat<S>& dPrediction, int B, Mat<S>& dTop) const;
    S headBias() const { return params_[Eigen::Index(headOffset_) + shape_.hiddenSize]; }

    NetworkShape shape_;
    std::vector<TensorSpec> layout_;
    std::size_t headOffset_;
    Vec<S> params_;
    Vec<S> grads_;
    std::vector<Replica> replicas_; // one per slice of the largest cut so far; [0] is shown
    int steps_ = 0, batch_ = 0;
    const std::atomic<bool>* cancel_ = nullptr;
    OutputSteps outputs_ = OutputSteps::All;
    Mat<S> prediction_;
    int slices_ = 1; // of the batch, in the last forward pass and the backward pass after it
};

// Mean squared error over all outputs; writes dLoss/dprediction = 2 (p − y) / N when asked.
template <typename S>
S meanSquaredError(const Mat<S>& prediction, const Mat<S>& target, Mat<S>* dPrediction = nullptr);

// PyTorch's default initialisation, drawn from a generator seeded with `seed`:
// every recurrent weight and bias ~ U(−1/√H, 1/√H); nn.Linear's weight and bias
// ~ U(−1/√fan_in, 1/√fan_in) with fan_in = H.
template <typename S>
Vec<S> initialParameters(const NetworkShape& shape, std::uint64_t seed);

} // namespace rnnwb
