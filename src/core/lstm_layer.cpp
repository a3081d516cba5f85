#include "core/cells.h"

namespace rnnwb {

namespace {

template <typename S> using ConstArrayMap = Eigen::Map<const Eigen::Array<S, Eigen::Dynamic, 1>>;
template <typename S> using UArrayMap = Eigen::Map<Eigen::Array<S, Eigen::Dynamic, 1>>;

} // namespace

// The time loop does one GEMM per step (W_hh h_{t-1}, added in place to the precomputed input
// projection) and then one fused pass per sample column over its 4H gate values, so a column's
// gates, cell and hidden state stay in L1 instead of six passes over the whole 4H x B block.
template <typename S>
void LstmLayer<S>::forwardSteps(const Mat<S>* c0)
{
    const Eigen::Index H = this->hiddenSize(), B = this->batch_;
    const ConstWeightMap<S> Whh = this->weightHh();
    cAll_.resize(H, Eigen::Index(this->steps_ + 1) * B);
    tanhC_.resize(H, Eigen::Index(this->steps_) * B);
    if (c0)
        cAll_.leftCols(B) = *c0;
    else
        cAll_.leftCols(B).setZero();
    for (int t = 0; t < this->steps_ && !this->cancelRequested(); ++t) {
        auto a = this->stepCols(this->gateAct_, t); // 4H x B, holds W_ih x_t + b
        a.noalias() += Whh * this->stepCols(this->hAll_, t);
        const Eigen::Index first = Eigen::Index(t) * B;
        for (Eigen::Index b = 0; b < B; ++b) {
            S* gate = a.col(b).data();
            UArrayMap<S> ifg(gate, 2 * H), g(gate + 2 * H, H), o(gate + 3 * H, H);
            ifg = sigmoid(ifg);   // i, f
            g = g.tanh();         // g
            o = sigmoid(o);       // o
            const UArrayMap<S> i(gate, H), f(gate + H, H);
            UArrayMap<S> c(cAll_.col(first + B + b).data(), H);
            const UArrayMap<S> cPrev(cAll_.col(first + b).data(), H);
            c = f * cPrev + i * g;                                   // c' = f c + i g
            UArrayMap<S> tc(tanhC_.col(first + b).data(), H);
            tc = c.tanh();
            UArrayMap<S>(this->hAll_.col(first + B + b).data(), H) = o * tc; // h' = o tanh(c')
        }
    }
}

// Backward through one step, with dh = dLoss/dh_t (from above and from step t+1) and
// dc = dLoss/dc_t:
//   dc += dh ⊙ o ⊙ (1 − tanh²c_t)
//   dA_i = dc ⊙ g ⊙ i(1−i)     dA_f = dc ⊙ c_{t−1} ⊙ f(1−f)
//   dA_g = dc ⊙ i ⊙ (1−g²)     dA_o = dh ⊙ tanh c_t ⊙ o(1−o)
//   dc_{t−1} = dc ⊙ f           dh_{t−1} = W_hh^T dA
// The elementwise part is one fused pass per sample column; dh_{t−1} is one GEMM per step.
template <typename S>
void LstmLayer<S>::backwardSteps(const Mat<S>& dH)
{
    const Eigen::Index H = this->hiddenSize(), B = this->batch_;
    const ConstWeightMap<S> Whh = this->weightHh();
    dcNext_.setZero(H, B);
    dh_.resize(H, B);
    dc_.resize(H, B);
    for (int t = this->steps_ - 1; t >= 0 && !this->cancelRequested(); --t) {
        const Eigen::Index first = Eigen::Index(t) * B;
        for (Eigen::Index b = 0; b < B; ++b) {
            const S* gate = this->gateAct_.col(first + b).data();
            const ConstArrayMap<S> i(gate, H), f(gate + H, H), g(gate + 2 * H, H), o(gate + 3 * H, H);
            const ConstArrayMap<S> tc(tanhC_.col(first + b).data(), H);
            const ConstArrayMap<S> cPrev(cAll_.col(first + b).data(), H);
            UArrayMap<S> dh(dh_.col(b).data(), H), dc(dc_.col(b).data(), H), dcNext(dcNext_.col(b).data(), H);
            dh = ConstArrayMap<S>(dH.col(first + b).data(), H) + this->dhNext_.col(b).array();
            dc = dcNext + dh * o * (S(1) - tc.square());
            S* d = this->dGates_.col(first + b).data();
            UArrayMap<S>(d, H) = dc * g * i * (S(1) - i);
            UArrayMap<S>(d + H, H) = dc * cPrev * f * (S(1) - f);
            UArrayMap<S>(d + 2 * H, H) = dc * i * (S(1) - g.square());
            UArrayMap<S>(d + 3 * H, H) = dh * tc * o * (S(1) - o);
            dcNext = dc * f;
        }
        this->dhNext_.noalias() = Whh.transpose() * this->stepCols(this->dGates_, t);
    }
}

template class LstmLayer<float>;
template class LstmLayer<double>;

} // namespace rnnwb
