#include "core/nn/cells.h"

namespace rnnwb {

// b_hr and b_hz can be folded into the input projection; b_hn cannot, because the reset gate
// scales (W_hn h + b_hn) as a whole.
template <typename S>
Vec<S> GruLayer<S>::inputBias() const
{
    const Eigen::Index H = this->hiddenSize();
    Vec<S> bias = this->biasIh();
    bias.head(2 * H) += this->biasHh().head(2 * H);
    return bias;
}

template <typename S>
void GruLayer<S>::prepareForward(const Mat<S>*)
{
    hn_.resize(this->hiddenSize(), Eigen::Index(this->steps_) * this->batch_);
    hidProj_.resize(this->gateRows(), this->batch_);
}

template <typename S>
void GruLayer<S>::forwardSteps()
{
    const Eigen::Index H = this->hiddenSize();
    const ConstWeightMap<S> Whh = this->weightHh();
    Mat<S>& hidProj = hidProj_;
    for (int t = 0; t < this->steps_ && !this->cancelRequested(); ++t) {
        auto a = this->stepCols(this->gateAct_, t); // 3H x B
        const auto hPrev = this->stepCols(this->hAll_, t);
        if (this->hiddenMayBeNonzero(t))
            setProduct(hidProj, Whh, hPrev);
        else
            hidProj.setZero();
        a.topRows(2 * H) += hidProj.topRows(2 * H);
        for (Eigen::Index j = 0; j < a.cols(); ++j)
            sigmoidInPlace(a.col(j).data(), 2 * H); // r, z
        auto hn = this->stepCols(hn_, t);
        hn = hidProj.bottomRows(H).colwise() + this->biasHh().tail(H);
        a.bottomRows(H).array() += a.topRows(H).array() * hn.array();
        for (Eigen::Index j = 0; j < a.cols(); ++j)
            tanhInPlace(a.col(j).data() + 2 * H, H); // n
        const auto z = a.middleRows(H, H).array();
        this->stepCols(this->hAll_, t + 1) = ((S(1) - z) * a.bottomRows(H).array() + z * hPrev.array()).matrix();
    }
}

template <typename S>
void GruLayer<S>::prepareBackward()
{
    dHidden_.resize(this->dGates_.rows(), this->dGates_.cols());
    dh_.resize(this->hiddenSize(), this->batch_);
}

// Backward through one step, dh = dLoss/dh_t:
//   dA_n = dh ⊙ (1−z) ⊙ (1−n²)            (input side; hidden side is dA_n ⊙ r)
//   dA_z = dh ⊙ (h_{t−1} − n) ⊙ z(1−z)    dA_r = dA_n ⊙ (W_hn h + b_hn) ⊙ r(1−r)
//   dh_{t−1} = dh ⊙ z + W_hh^T dA_h
template <typename S>
void GruLayer<S>::backwardSteps(const Mat<S>& dH)
{
    const Eigen::Index H = this->hiddenSize();
    Mat<S>& dh = dh_;
    auto dhNext = this->carriedGradient();
    for (int t = this->steps_ - 1; t >= 0 && !this->cancelRequested(); --t) {
        const auto a = this->stepCols(this->gateAct_, t);
        const auto r = a.topRows(H).array(), z = a.middleRows(H, H).array(), n = a.bottomRows(H).array();
        const auto hPrev = this->stepCols(this->hAll_, t).array();
        dh = this->stepCols(dH, t) + dhNext;
        auto d = this->stepCols(this->dGates_, t);
        d.bottomRows(H) = (dh.array() * (S(1) - z) * (S(1) - n.square())).matrix();
        d.middleRows(H, H) = (dh.array() * (hPrev - n) * z * (S(1) - z)).matrix();
        d.topRows(H) = (d.bottomRows(H).array() * this->stepCols(hn_, t).array() * r * (S(1) - r)).matrix();
        auto dHidden = this->stepCols(dHidden_, t);
        dHidden.topRows(2 * H) = d.topRows(2 * H);
        dHidden.bottomRows(H) = d.bottomRows(H).cwiseProduct(a.topRows(H));
        if (!this->needsPreviousHiddenGradient(t))
            continue;
        dhNext = dh.cwiseProduct(a.middleRows(H, H));
        this->carryThroughRecurrence(t, true); // + W_hh^T dA_h
    }
}

// h_{t+1} = (1 − z) ⊙ n + z ⊙ h_t also reaches h_t directly: total_t += z_{t+1} ⊙ total_{t+1},
// from the last step down, so total_{t+1} is complete when step t uses it.
template <typename S>
void GruLayer<S>::addDirectCarry(Mat<S>& total) const
{
    const Eigen::Index H = this->hiddenSize();
    for (int t = this->steps_ - 2; t >= 0; --t)
        this->stepCols(total, t)
            += this->stepCols(this->gateAct_, t + 1).middleRows(H, H).cwiseProduct(this->stepCols(total, t + 1));
}

template class GruLayer<float>;
template class GruLayer<double>;

} // namespace rnnwb
