#include "core/cells.h"

namespace rnnwb {

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
    for (int t = 0; t < this->steps_; ++t) {
        auto a = this->stepCols(this->gateAct_, t); // 4H x B, holds W_ih x_t + b
        a.noalias() += Whh * this->stepCols(this->hAll_, t);
        a.topRows(2 * H) = sigmoid(a.topRows(2 * H).array()).matrix();   // i, f
        a.middleRows(2 * H, H) = a.middleRows(2 * H, H).array().tanh().matrix(); // g
        a.bottomRows(H) = sigmoid(a.bottomRows(H).array()).matrix();     // o
        auto c = this->stepCols(cAll_, t + 1);
        c = (a.middleRows(H, H).cwiseProduct(this->stepCols(cAll_, t))
             + a.topRows(H).cwiseProduct(a.middleRows(2 * H, H)));       // c' = f c + i g
        auto tc = this->stepCols(tanhC_, t);
        tc = c.array().tanh().matrix();
        this->stepCols(this->hAll_, t + 1) = a.bottomRows(H).cwiseProduct(tc); // h' = o tanh(c')
    }
}

// Backward through one step, with dh = dLoss/dh_t (from above and from step t+1) and
// dc = dLoss/dc_t:
//   dc += dh ⊙ o ⊙ (1 − tanh²c_t)
//   dA_i = dc ⊙ g ⊙ i(1−i)     dA_f = dc ⊙ c_{t−1} ⊙ f(1−f)
//   dA_g = dc ⊙ i ⊙ (1−g²)     dA_o = dh ⊙ tanh c_t ⊙ o(1−o)
//   dc_{t−1} = dc ⊙ f           dh_{t−1} = W_hh^T dA
template <typename S>
void LstmLayer<S>::backwardSteps(const Mat<S>& dH)
{
    const Eigen::Index H = this->hiddenSize(), B = this->batch_;
    const ConstWeightMap<S> Whh = this->weightHh();
    dcNext_.setZero(H, B);
    for (int t = this->steps_ - 1; t >= 0; --t) {
        const auto a = this->stepCols(this->gateAct_, t);
        const auto i = a.topRows(H).array(), f = a.middleRows(H, H).array();
        const auto g = a.middleRows(2 * H, H).array(), o = a.bottomRows(H).array();
        const auto tc = this->stepCols(tanhC_, t).array();
        dh_ = this->stepCols(dH, t) + this->dhNext_;
        dc_ = (dcNext_.array() + dh_.array() * o * (S(1) - tc.square())).matrix();
        auto d = this->stepCols(this->dGates_, t);
        d.topRows(H) = (dc_.array() * g * i * (S(1) - i)).matrix();
        d.middleRows(H, H) = (dc_.array() * this->stepCols(cAll_, t).array() * f * (S(1) - f)).matrix();
        d.middleRows(2 * H, H) = (dc_.array() * i * (S(1) - g.square())).matrix();
        d.bottomRows(H) = (dh_.array() * tc * o * (S(1) - o)).matrix();
        dcNext_ = dc_.cwiseProduct(a.middleRows(H, H));
        this->dhNext_.noalias() = Whh.transpose() * d;
    }
}

template class LstmLayer<float>;
template class LstmLayer<double>;

} // namespace rnnwb
