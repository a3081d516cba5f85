#include "core/recurrent_layer.h"

namespace rnnwb {

template <typename S>
RecurrentLayer<S>::RecurrentLayer(CellType cell, int inputSize, int hiddenSize)
    : cell_(cell), inputSize_(inputSize), hidden_(hiddenSize), gates_(gateCount(cell))
{
}

template <typename S>
std::size_t RecurrentLayer<S>::parameterCount() const
{
    return bhhOffset() + std::size_t(gateRows());
}

template <typename S>
void RecurrentLayer<S>::bind(const S* parameters, S* gradients)
{
    params_ = parameters;
    grads_ = gradients;
}

template <typename S>
void RecurrentLayer<S>::addInputBias()
{
    gateAct_.colwise() += biasIh() + biasHh();
}

template <typename S>
void RecurrentLayer<S>::forward(const Eigen::Ref<const Mat<S>>& X, int T, int B, const Mat<S>* h0,
                                const Mat<S>* c0)
{
    new (&input_) InputView(X.data(), X.rows(), X.cols(), Eigen::OuterStride<>(X.outerStride()));
    steps_ = T;
    batch_ = B;
    gateAct_.resize(gateRows(), Eigen::Index(T) * B);
    gateAct_.noalias() = weightIh() * X; // W_ih x_t for every step in one GEMM
    addInputBias();
    hAll_.resize(hidden_, Eigen::Index(T + 1) * B);
    if (h0)
        hAll_.leftCols(B) = *h0;
    else
        hAll_.leftCols(B).setZero();
    forwardSteps(c0);
}

template <typename S>
void RecurrentLayer<S>::backward(const Mat<S>& dH, Mat<S>* dX)
{
    const Eigen::Index cols = Eigen::Index(steps_) * batch_;
    dGates_.resize(gateRows(), cols);
    dhNext_.setZero(hidden_, batch_);
    backwardSteps(dH);
    if (cancelRequested())
        return; // dGates_ is incomplete: no weight gradient from it

    const Mat<S>& dHidden = hiddenSideGradient();
    WeightMap<S> gWih(grads_, gateRows(), inputSize_);
    WeightMap<S> gWhh(grads_ + whhOffset(), gateRows(), hidden_);
    VecMap<S> gBih(grads_ + bihOffset(), gateRows());
    VecMap<S> gBhh(grads_ + bhhOffset(), gateRows());
    gWih.noalias() += dGates_ * input_.transpose();                 // dW_ih = sum_t dA_t x_t^T
    gWhh.noalias() += dHidden * hAll_.leftCols(cols).transpose();     // dW_hh = sum_t dA_h,t h_{t-1}^T
    if (&dHidden == &dGates_) { // LSTM, RNN: both biases get the same sum
        const Vec<S> sum = dGates_.rowwise().sum();
        gBih += sum;
        gBhh += sum;
    } else {
        gBih += dGates_.rowwise().sum();
        gBhh += dHidden.rowwise().sum();
    }
    if (dX)
        inputGradient(*dX);
}

template <typename S>
void RecurrentLayer<S>::inputGradient(Mat<S>& dX) const
{
    dX.resize(inputSize_, dGates_.cols());
    dX.noalias() = weightIh().transpose() * dGates_; // dX = W_ih^T dA
}

template <typename S>
void RecurrentLayer<S>::totalHiddenGradient(const Mat<S>& dH, Mat<S>& total) const
{
    const Eigen::Index later = Eigen::Index(steps_ - 1) * batch_; // the columns of steps 1 … T-1
    total = dH;
    if (later > 0) // total_t += W_hh^T dA_h,t+1 for t = 0 … T-2, one GEMM over all of them
        total.leftCols(later).noalias() += weightHh().transpose() * hiddenSideGradient().rightCols(later);
    addDirectCarry(total);
}

template class RecurrentLayer<float>;
template class RecurrentLayer<double>;

} // namespace rnnwb
