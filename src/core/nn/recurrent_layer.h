#pragma once
// One recurrent layer run over a batch of sequences: the part shared by every cell type.
//
// Shapes (I = input size, H = hidden size, G = gates, T = steps, B = batch):
//   X         I  x T*B   input of every step (column t*B + b)
//   gates     GH x T*B   gate activations after their nonlinearity
//   hAll      H  x (T+1)*B   h_0 (the initial state) followed by h_1 ... h_T
// Everything that does not depend on the recurrence is one GEMM over all steps:
//   forward   gates   = W_ih X + b          (then each step adds W_hh h_{t-1})
//   backward  dW_ih  += dA X^T,  dW_hh += dA_h [h_0 .. h_{T-1}]^T,  dX = W_ih^T dA
// where dA (dA_h) is dLoss/d(pre-activation) of the input (hidden) projection.
// A subclass supplies the time loop of its cell in both directions.
//
// Both cores: a network cuts a big batch into slices, each run through layers of its own
// (core/nn/network.h); within a layer, the one-GEMM parts are cut into column blocks (or, for the
// weight gradients, row blocks) when worth it (core/base/parallel.h).
#include "core/base/parallel.h"
#include "core/nn/kernels.h"
#include "core/nn/param_layout.h"
#include "core/nn/product.h"
#include "core/nn/tensor.h"

#include <atomic>

namespace rnnwb {

// Where backward writes dLoss/d(pre-activation) of the gates. A cell whose backward reads a
// step's gate activations only while it writes that step's gradients, and never after, can
// write them over the activations: one G*H x T*B matrix less (a third of the LSTM's memory).
enum class GateGradients { OwnMatrix, OverActivations };

template <typename S>
class RecurrentLayer {
public:
    RecurrentLayer(CellType cell, int inputSize, int hiddenSize, GateGradients where);
    virtual ~RecurrentLayer() = default;
    RecurrentLayer(const RecurrentLayer&) = delete;
    RecurrentLayer& operator=(const RecurrentLayer&) = delete;

    CellType cell() const { return cell_; }
    int inputSize() const { return inputSize_; }
    int hiddenSize() const { return hidden_; }
    int gateRows() const { return gates_ * hidden_; }
    // Number of parameters: W_ih, W_hh, b_ih, b_hh back to back, as in the state_dict.
    std::size_t parameterCount() const;

    // Points the layer at its slice of the flat parameter and gradient vectors.
    void bind(const S* parameters, S* gradients);
    // Once *flag is set, forward and backward stop at the next time step (nullptr: run to the
    // end). A pass cut short leaves outputs and gradients incomplete: the caller throws them
    // away (the Trainer restores the weights of the epoch's start). Costs one relaxed atomic
    // load per step.
    void setCancelFlag(const std::atomic<bool>* flag) { cancel_ = flag; }
    bool cancelRequested() const { return cancel_ && cancel_->load(std::memory_order_relaxed); }

    // Runs the layer on X (I x T*B, a matrix or a column block of one, which must stay alive
    // until the backward pass has run). h0 / c0 are H x B initial states; nullptr means zeros.
    void forward(const Eigen::Ref<const Mat<S>>& X, int T, int B, const Mat<S>* h0, const Mat<S>* c0);
    // dH: dLoss/dh_t from above for every step (H x T*B). Fills the gate gradients, adds the
    // parameter gradients to the gradient vector and, when dX is given, writes dLoss/dX into
    // it (inputGradient).
    void backward(const Mat<S>& dH, Mat<S>* dX);

    // After a backward pass from dH: dLoss/dh_t in total for every step (H x T*B), i.e. dH_t from above
    // plus what flows back into h_t from step t+1 through the recurrence:
    //   total_t = dH_t + W_hh^T dA_h,t+1   (GRU: + z_{t+1} ⊙ total_{t+1}),   total_{T-1} = dH_{T-1}
    // Recomputed from the kept dA_h with one GEMM, so backward itself stores nothing more.
    // Pass the dH given to the backward pass. (The gradient-flow view, core/inspect/gradient_flow.h.)
    void totalHiddenGradient(const Mat<S>& dH, Mat<S>& total) const;
    // After a backward pass: dLoss/dX = W_ih^T dA (I x T*B), the dH of the layer below.
    void inputGradient(Mat<S>& dX) const;

    // h_1 ... h_T of the last forward (H x T*B).
    ConstCols<S> output() const { return hAll_.rightCols(Eigen::Index(steps_) * batch_); }
    ConstCols<S> finalHidden() const { return hAll_.rightCols(batch_); }
    // Gate activations of the last forward (G*H x T*B), rows in PyTorch gate order. After a
    // backward they hold the gate gradients instead for cells built with OverActivations.
    const Mat<S>& gateActivations() const { return gateAct_; }
    // The cell state (LSTM only) c_0 ... c_T, H x (T+1)*B; empty for other cells.
    virtual const Mat<S>& cellStates() const { return empty_; }

protected:
    // Sizes the cell's own buffers for steps_ x batch_ and sets its initial state (c0: H x B,
    // nullptr for zeros).
    virtual void prepareForward(const Mat<S>* /*c0*/) { }
    // On entry gateAct_ holds the input projection; run the recurrence, filling gateAct_ and
    // hAll_.
    virtual void forwardSteps() = 0;
    // Sizes the cell's backward buffers (dhNext_ is already zero).
    virtual void prepareBackward() { }
    // Fill dGates_ (and the hidden-side gradient, see hiddenSideGradient) from dH.
    virtual void backwardSteps(const Mat<S>& dH) = 0;
    // The bias added to every column of the input projection (default b_ih + b_hh).
    virtual Vec<S> inputBias() const { return biasIh() + biasHh(); }
    // dLoss/d(W_hh h + b_hh): the same as dGates_ except for the GRU's candidate gate.
    virtual const Mat<S>& hiddenSideGradient() const { return dGates_; }
    // Adds to total_t (already holding dH_t + W_hh^T dA_h,t+1) the gradient that reaches h_t
    // from h_{t+1} without W_hh: nothing for the LSTM and RNN; the GRU's z ⊙ h term.
    virtual void addDirectCarry(Mat<S>& /*total*/) const { }

    ConstWeightMap<S> weightIh() const { return {params_, gateRows(), inputSize_}; }
    ConstWeightMap<S> weightHh() const { return {params_ + whhOffset(), gateRows(), hidden_}; }
    ConstVecMap<S> biasIh() const { return {params_ + bihOffset(), gateRows()}; }
    ConstVecMap<S> biasHh() const { return {params_ + bhhOffset(), gateRows()}; }

    Cols<S> stepCols(Mat<S>& m, int t) const { return m.middleCols(Eigen::Index(t) * batch_, batch_); }
    ConstCols<S> stepCols(const Mat<S>& m, int t) const { return m.middleCols(Eigen::Index(t) * batch_, batch_); }
    // False when h_t is known to be zero (t = 0 without a given h0): W_hh h_t is then skipped.
    bool hiddenMayBeNonzero(int t) const { return t > 0 || !zeroStart_; }
    // Whether backward at step t needs dLoss/dh_{t−1}: not at t = 0, since nothing uses the
    // gradient of the initial state (it is not a parameter).
    static bool needsPreviousHiddenGradient(int t) { return t > 0; }
    // dhNext_'s top H rows (H x B): dLoss/dh_t carried back from step t+1.
    auto carriedGradient() { return dhNext_.topRows(hidden_); }
    // dhNext_ = W_hh^T dA_h,t (with `accumulate`: +=), i.e. what flows back from step t into
    // h_{t−1} through W_hh.
    void carryThroughRecurrence(int t, bool accumulate);

    int steps_ = 0;
    int batch_ = 0;
    bool zeroStart_ = true; // the last forward started from h_0 = 0
    Mat<S> gateAct_;        // G*H x T*B
    Mat<S> hAll_;           // H x (T+1)*B
private:
    Mat<S> ownGateGradients_; // used for GateGradients::OwnMatrix
protected:
    Mat<S>& dGates_; // G*H x T*B: ownGateGradients_ or gateAct_ itself
    // dLoss/dh_{t-1} carried back through the recurrence: H x B, in the top rows of a matrix
    // with paddedRows(H) rows (see whhTransposed_).
    Mat<S> dhNext_;

private:
    void projectInputs();
    void weightGradients(Mat<S>& g) const;
    void addToGradientVector(const Mat<S>& g);
    // w^T with zero rows below it up to paddedRows(w.cols()) (see whhTransposed_).
    static Mat<S> paddedTranspose(const ConstWeightMap<S>& w);

    // n rounded up to whole 64-byte vectors of S.
    static Eigen::Index paddedRows(Eigen::Index n);
    std::size_t whhOffset() const { return std::size_t(gateRows()) * inputSize_; }
    std::size_t bihOffset() const { return whhOffset() + std::size_t(gateRows()) * hidden_; }
    std::size_t bhhOffset() const { return bihOffset() + std::size_t(gateRows()); }

    CellType cell_;
    int inputSize_;
    int hidden_;
    int gates_;
    const S* params_ = nullptr;
    S* grads_ = nullptr;
    const std::atomic<bool>* cancel_ = nullptr;
    // The input of the last forward, viewed in place (it is the layer below's output).
    using InputView = Eigen::Map<const Mat<S>, 0, Eigen::OuterStride<>>;
    InputView input_{nullptr, 0, 0, Eigen::OuterStride<>(1)};
    // W_hh^T with zero rows below its H rows up to paddedRows(H), made once per backward. A GEMM
    // whose result has 45 rows, say, ends each column in a ragged remainder the vector kernel
    // handles poorly: 45 x 180 · 180 x 48 took 10.0 µs, the same with 48 rows (zeros
    // included) 6.6 µs.
    Mat<S> whhTransposed_;
    Mat<S> weightGradients_; // [dW_ih dW_hh db_ih db_hh] of a backward pass, 4H x (I+H+2)
    Mat<S> empty_;
};

} // namespace rnnwb
