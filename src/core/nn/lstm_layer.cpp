#include "core/nn/cells.h"

namespace rnnwb {

namespace {

// The n samples of one step (columns of length 4H, and of length H for the states), unit
// k = 0 … H−1; the gates hold their pre-activations on entry and the activations i, f, g, o on
// return:
//   i, f, o = σ(·)    g = tanh(·)    c' = f ⊙ c + i ⊙ g    h' = o ⊙ tanh(c')
// σ and tanh each run once over the whole block, not four times per column: a run of 45 values
// spends more time on its ragged end than on the values (core/nn/elementwise.h). So σ runs over
// all 4H·n gate values, after the g rows were saved in tanhC (written only once g is used), and
// tanh over the saved g, then over every c'.
template <typename S>
void lstmStepForward(Eigen::Index H, Eigen::Index n, S* __restrict gates, const S* __restrict cPrev, S* __restrict c,
                     S* __restrict tanhC, S* __restrict h)
{
    for (Eigen::Index j = 0; j < n; ++j)
        for (Eigen::Index k = 0; k < H; ++k)
            tanhC[j * H + k] = gates[j * 4 * H + 2 * H + k];
    sigmoidInPlace(gates, 4 * H * n);
    tanhInPlace(tanhC, H * n);
    for (Eigen::Index j = 0; j < n; ++j) {
        S* gate = gates + j * 4 * H;
        const S *i = gate, *f = gate + H;
        for (Eigen::Index k = 0; k < H; ++k) {
            const Eigen::Index u = j * H + k; // unit k of sample j
            const S g = tanhC[u];
            gate[2 * H + k] = g;
            c[u] = f[k] * cPrev[u] + i[k] * g;
            tanhC[u] = c[u];
        }
    }
    tanhInPlace(tanhC, H * n);
    for (Eigen::Index j = 0; j < n; ++j)
        for (Eigen::Index k = 0; k < H; ++k)
            h[j * H + k] = gates[j * 4 * H + 3 * H + k] * tanhC[j * H + k];
}

} // namespace

template <typename S>
void LstmLayer<S>::prepareForward(const Mat<S>* c0)
{
    const Eigen::Index H = this->hiddenSize(), B = this->batch_;
    cAll_.resize(H, Eigen::Index(this->steps_ + 1) * B);
    tanhC_.resize(H, Eigen::Index(this->steps_) * B);
    if (c0)
        cAll_.leftCols(B) = *c0;
    else
        cAll_.leftCols(B).setZero();
}

// The time loop does one GEMM per step (W_hh h_{t-1}, added in place to the precomputed input
// projection) and then the elementwise part for that step's columns, which are back to back in
// every matrix.
template <typename S>
void LstmLayer<S>::forwardSteps()
{
    const Eigen::Index H = this->hiddenSize(), B = this->batch_;
    const ConstWeightMap<S> Whh = this->weightHh();
    for (int t = 0; t < this->steps_ && !this->cancelRequested(); ++t) {
        auto a = this->stepCols(this->gateAct_, t); // 4H x B, holds W_ih x_t + b
        if (this->hiddenMayBeNonzero(t))
            addProduct(a, Whh, this->stepCols(this->hAll_, t));
        const Eigen::Index first = Eigen::Index(t) * B; // column t*B + b: sample b at step t
        lstmStepForward<S>(H, B, a.data(), cAll_.col(first).data(), cAll_.col(first + B).data(),
                           tanhC_.col(first).data(), this->hAll_.col(first + B).data());
    }
}

template <typename S>
void LstmLayer<S>::prepareBackward()
{
    dcNext_.setZero(this->hiddenSize(), this->batch_);
}

namespace {

// One sample at one step, unit k = 0 … H−1, with dh = dLoss/dh_t (from above and from step t+1)
// and dc = dLoss/dc_t:
//   dc += dh ⊙ o ⊙ (1 − tanh²c_t)
//   dA_i = dc ⊙ g ⊙ i(1−i)     dA_f = dc ⊙ c_{t−1} ⊙ f(1−f)
//   dA_g = dc ⊙ i ⊙ (1−g²)     dA_o = dh ⊙ tanh c_t ⊙ o(1−o)
//   dc_{t−1} = dc ⊙ f
// Unit k's four gates are read before its four gradients are written over them (the column
// i, f, g, o becomes dA_i, dA_f, dA_g, dA_o), all in one pass the compiler vectorizes.
template <typename S>
void lstmStepBackward(Eigen::Index H, S* __restrict gate, const S* __restrict tanhC, const S* __restrict cPrev,
                      const S* __restrict dhAbove, const S* __restrict dhNext, S* __restrict dc)
{
    for (Eigen::Index k = 0; k < H; ++k) {
        const S i = gate[k], f = gate[H + k], g = gate[2 * H + k], o = gate[3 * H + k], tc = tanhC[k];
        const S dh = dhAbove[k] + dhNext[k];
        const S dcK = dc[k] + dh * o * (S(1) - tc * tc);
        gate[k] = dcK * g * i * (S(1) - i);
        gate[H + k] = dcK * cPrev[k] * f * (S(1) - f);
        gate[2 * H + k] = dcK * i * (S(1) - g * g);
        gate[3 * H + k] = dh * tc * o * (S(1) - o);
        dc[k] = dcK * f;
    }
}

} // namespace

// Backward through the steps: the elementwise part (lstmStepBackward) per sample column, then
// dh_{t−1} = W_hh^T dA as one GEMM per step.
template <typename S>
void LstmLayer<S>::backwardSteps(const Mat<S>& dH)
{
    const Eigen::Index H = this->hiddenSize(), B = this->batch_;
    for (int t = this->steps_ - 1; t >= 0 && !this->cancelRequested(); --t) {
        const Eigen::Index first = Eigen::Index(t) * B;
        for (Eigen::Index b = 0; b < B; ++b) {
            const Eigen::Index j = first + b; // sample b at step t
            lstmStepBackward<S>(H, this->dGates_.col(j).data(), tanhC_.col(j).data(), cAll_.col(j).data(),
                                dH.col(j).data(), this->dhNext_.col(b).data(), dcNext_.col(b).data());
        }
        if (this->needsPreviousHiddenGradient(t))
            this->carryThroughRecurrence(t, false);
    }
}

template class LstmLayer<float>;
template class LstmLayer<double>;

} // namespace rnnwb
