#pragma once
// The three recurrent cells, each a RecurrentLayer with its own time loop.
// Equations follow PyTorch's nn.LSTM, nn.GRU and nn.RNN exactly (gate order included).
#include "core/nn/recurrent_layer.h"

#include <memory>

namespace rnnwb {

// LSTM, gates i, f, g, o:
//   i = σ(W_ii x + b_ii + W_hi h + b_hi)    f = σ(W_if x + b_if + W_hf h + b_hf)
//   g = tanh(W_ig x + b_ig + W_hg h + b_hg) o = σ(W_io x + b_io + W_ho h + b_ho)
//   c' = f ⊙ c + i ⊙ g                       h' = o ⊙ tanh(c')
template <typename S>
class LstmLayer final : public RecurrentLayer<S> {
public:
    LstmLayer(int inputSize, int hiddenSize)
        : RecurrentLayer<S>(CellType::Lstm, inputSize, hiddenSize, GateGradients::OverActivations)
    { }
    const Mat<S>& cellStates() const override { return cAll_; }

private:
    void prepareForward(const Mat<S>* c0) override;
    void forwardSteps() override;
    void prepareBackward() override;
    void backwardSteps(const Mat<S>& dH) override;
    Mat<S> cAll_;   // c_0 ... c_T, H x (T+1)*B
    Mat<S> tanhC_;  // tanh(c_t), H x T*B, kept for backward
    Mat<S> dcNext_; // H x B: dLoss/dc_t carried back through the recurrence
};

// GRU, gates r, z, n:
//   r = σ(W_ir x + b_ir + W_hr h + b_hr)     z = σ(W_iz x + b_iz + W_hz h + b_hz)
//   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
//   h' = (1 − z) ⊙ n + z ⊙ h
template <typename S>
class GruLayer final : public RecurrentLayer<S> {
public:
    // Its z is read again after backward (addDirectCarry), so the gradients get their own matrix.
    GruLayer(int inputSize, int hiddenSize)
        : RecurrentLayer<S>(CellType::Gru, inputSize, hiddenSize, GateGradients::OwnMatrix)
    { }
    // W_hn h_{t-1} + b_hn of every step (H x T*B), the term the reset gate scales.
    const Mat<S>& candidateHiddenTerm() const { return hn_; }

private:
    void prepareForward(const Mat<S>* c0) override;
    void forwardSteps() override;
    void prepareBackward() override;
    void backwardSteps(const Mat<S>& dH) override;
    Vec<S> inputBias() const override;
    const Mat<S>& hiddenSideGradient() const override { return dHidden_; }
    void addDirectCarry(Mat<S>& total) const override;
    Mat<S> hn_;      // H x T*B
    Mat<S> hidProj_; // 3H x B: W_hh h_{t-1} of one step
    Mat<S> dHidden_; // 3H x T*B
    Mat<S> dh_;      // H x B
};

// Elman RNN: h' = tanh(W_ih x + b_ih + W_hh h + b_hh)
template <typename S>
class RnnLayer final : public RecurrentLayer<S> {
public:
    RnnLayer(int inputSize, int hiddenSize)
        : RecurrentLayer<S>(CellType::Rnn, inputSize, hiddenSize, GateGradients::OverActivations)
    { }

private:
    void forwardSteps() override;
    void backwardSteps(const Mat<S>& dH) override;
};

template <typename S>
std::unique_ptr<RecurrentLayer<S>> makeLayer(CellType cell, int inputSize, int hiddenSize);

} // namespace rnnwb
