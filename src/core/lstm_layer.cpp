#include "core/cells.h"

#include <algorithm>

namespace rnnwb {

namespace {

// The gate nonlinearities run on a scratch copy of one sample's step that lays its gates i, f,
// g, o and its new cell state c out in blocks of Hp ≥ H units, Hp a multiple of kChunk = 16
// (64 bytes of floats), and applies them chunk by chunk as fixed-size arrays: every unit goes
// through Eigen's vectorized exp and tanh. On the 4H column itself (H = 45) each gate starts
// unaligned and ends ragged, and a third of the units went through scalar exp and tanh.
// The padding stays finite (σ of itself, tanh 0) and is never copied out.
constexpr Eigen::Index kChunk = 16;

template <typename S, typename Op>
void inChunks(S* first, Eigen::Index count, Op op)
{
    for (Eigen::Index k = 0; k < count; k += kChunk) {
        Eigen::Map<Eigen::Array<S, kChunk, 1>, Eigen::AlignedMax> chunk(first + k);
        chunk = op(chunk);
    }
}

template <typename S>
class LstmStepScratch {
public:
    explicit LstmStepScratch(Eigen::Index H)
        : H_(H), Hp_((H + kChunk - 1) / kChunk * kChunk), buffer_(Vec<S>::Zero(5 * Hp_)) {}

    // gate: the 4H pre-activations in, the activations out. cPrev in; c, tanhC and h out.
    void step(S* gate, const S* cPrev, S* c, S* tanhC, S* h)
    {
        const auto sigmoidOf = [](const auto& x) { return sigmoid(x); };
        const auto tanhOf = [](const auto& x) { return x.tanh(); };
        for (int k = 0; k < 4; ++k)
            std::copy_n(gate + k * H_, H_, block(k));
        inChunks(block(0), 2 * Hp_, sigmoidOf); // i, f
        inChunks(block(2), Hp_, tanhOf);        // g
        inChunks(block(3), Hp_, sigmoidOf);     // o
        const S *i = block(0), *f = block(1), *g = block(2), *o = block(3);
        S* cNew = block(4);
        for (Eigen::Index k = 0; k < H_; ++k)
            cNew[k] = f[k] * cPrev[k] + i[k] * g[k]; // c' = f c + i g
        for (int k = 0; k < 4; ++k)
            std::copy_n(block(k), H_, gate + k * H_);
        std::copy_n(cNew, H_, c);
        inChunks(cNew, Hp_, tanhOf);
        for (Eigen::Index k = 0; k < H_; ++k) {
            tanhC[k] = cNew[k];
            h[k] = o[k] * cNew[k]; // h' = o tanh(c')
        }
    }

private:
    S* block(int k) { return buffer_.data() + k * Hp_; }

    Eigen::Index H_, Hp_;
    Vec<S> buffer_;
};

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
    const Eigen::Index B = this->batch_;
    const ConstWeightMap<S> Whh = this->weightHh();
    LstmStepScratch<S> scratch(this->hiddenSize());
    for (int t = 0; t < this->steps_ && !this->cancelRequested(); ++t) {
        auto a = this->stepCols(this->gateAct_, t, slice); // 4H x slice, holds W_ih x_t + b
        if (this->hiddenMayBeNonzero(t))
            a.noalias() += Whh * this->stepCols(this->hAll_, t, slice);
        const Eigen::Index first = Eigen::Index(t) * B + slice.begin; // column t*B + b: sample b at step t
        for (Eigen::Index j = first; j < first + slice.size; ++j)
            scratch.step(this->gateAct_.col(j).data(), cAll_.col(j).data(), cAll_.col(j + B).data(),
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
            this->sliceCols(this->dhNext_, slice).noalias() = Whh.transpose() * this->stepCols(this->dGates_, t, slice);
    }
}

template class LstmLayer<float>;
template class LstmLayer<double>;

} // namespace rnnwb
