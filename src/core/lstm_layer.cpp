#include "core/cells.h"

namespace rnnwb {

namespace {

// One sample at one step, unit k = 0 … H−1; gate holds its 4H pre-activations on entry and
// the activations i, f, g, o on return:
//   i, f, o = σ(·)    g = tanh(·)    c' = f ⊙ c + i ⊙ g    h' = o ⊙ tanh(c')
template <typename S>
void lstmStepForward(Eigen::Index H, S* __restrict gate, const S* __restrict cPrev, S* __restrict c,
                     S* __restrict tanhC, S* __restrict h)
{
    sigmoidInPlace(gate, 2 * H);     // i, f
    tanhInPlace(gate + 2 * H, H);    // g
    sigmoidInPlace(gate + 3 * H, H); // o
    const S *i = gate, *f = gate + H, *g = gate + 2 * H, *o = gate + 3 * H;
    for (Eigen::Index k = 0; k < H; ++k) {
        c[k] = f[k] * cPrev[k] + i[k] * g[k];
        tanhC[k] = c[k];
    }
    tanhInPlace(tanhC, H);
    for (Eigen::Index k = 0; k < H; ++k)
        h[k] = o[k] * tanhC[k];
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
// projection) and then one fused pass per sample column over its 4H gate values, so a column's
// gates, cell and hidden state stay in L1 instead of six passes over the whole 4H x B block.
template <typename S>
void LstmLayer<S>::forwardSteps(BatchSlice slice)
{
    const Eigen::Index H = this->hiddenSize(), B = this->batch_;
    const ConstWeightMap<S> Whh = this->weightHh();
    for (int t = 0; t < this->steps_ && !this->cancelRequested(); ++t) {
        auto a = this->stepCols(this->gateAct_, t, slice); // 4H x slice, holds W_ih x_t + b
        if (this->hiddenMayBeNonzero(t))
            addProduct(a, Whh, this->stepCols(this->hAll_, t, slice));
        const Eigen::Index first = Eigen::Index(t) * B + slice.begin; // column t*B + b: sample b at step t
        for (Eigen::Index j = first; j < first + slice.size; ++j)
            lstmStepForward<S>(H, this->gateAct_.col(j).data(), cAll_.col(j).data(), cAll_.col(j + B).data(),
                               tanhC_.col(j).data(), this->hAll_.col(j + B).data());
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
void LstmLayer<S>::backwardSteps(const Mat<S>& dH, BatchSlice slice)
{
    const Eigen::Index H = this->hiddenSize(), B = this->batch_;
    const ConstWeightMap<S> Whh = this->weightHh();
    for (int t = this->steps_ - 1; t >= 0 && !this->cancelRequested(); --t) {
        const Eigen::Index first = Eigen::Index(t) * B;
        for (Eigen::Index b = slice.begin; b < slice.begin + slice.size; ++b) {
            const Eigen::Index j = first + b; // sample b at step t
            lstmStepBackward<S>(H, this->dGates_.col(j).data(), tanhC_.col(j).data(), cAll_.col(j).data(),
                                dH.col(j).data(), this->dhNext_.col(b).data(), dcNext_.col(b).data());
        }
        if (this->needsPreviousHiddenGradient(t))
            setProduct(this->sliceCols(this->dhNext_, slice), Whh.transpose(), this->stepCols(this->dGates_, t, slice));
    }
}

template class LstmLayer<float>;
template class LstmLayer<double>;

} // namespace rnnwb
