#include "core/recurrent_layer.h"

namespace rnnwb {

template <typename S>
RecurrentLayer<S>::RecurrentLayer(CellType cell, int inputSize, int hiddenSize, GateGradients where)
    : dGates_(where == GateGradients::OverActivations ? gateAct_ : ownGateGradients_), cell_(cell),
      inputSize_(inputSize), hidden_(hiddenSize), gates_(gateCount(cell))
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
void RecurrentLayer<S>::addInputBias(PartRange cols)
{
    gateAct_.middleCols(cols.begin, cols.size).colwise() += biasIh() + biasHh();
}

template <typename S>
template <typename Body>
void RecurrentLayer<S>::forEachBatchSlice(Body body) const
{
    // Each step of each sample costs one column of W_hh h (2 G H² flops) and about as much again
    // in the backward GEMM; the elementwise work rides along.
    const double flops = 2.0 * gateRows() * hidden_ * double(steps_) * batch_;
    forEachPart(flops, batch_, 8, body);
}

template <typename S>
void RecurrentLayer<S>::forward(const Eigen::Ref<const Mat<S>>& X, int T, int B, const Mat<S>* h0,
                                const Mat<S>* c0)
{
    new (&input_) InputView(X.data(), X.rows(), X.cols(), Eigen::OuterStride<>(X.outerStride()));
    steps_ = T;
    batch_ = B;
    zeroStart_ = h0 == nullptr;
    const Eigen::Index cols = Eigen::Index(T) * B;
    gateAct_.resize(gateRows(), cols);
    // W_ih x_t + b for every step in one GEMM, cut into column blocks
    forEachPart(2.0 * gateRows() * inputSize_ * double(cols), cols, 16, [&](PartRange c) {
        setProduct(gateAct_.middleCols(c.begin, c.size), weightIh(), X.middleCols(c.begin, c.size));
        addInputBias(c);
    });
    hAll_.resize(hidden_, Eigen::Index(T + 1) * B);
    if (h0)
        hAll_.leftCols(B) = *h0;
    else
        hAll_.leftCols(B).setZero();
    prepareForward(c0);
    forEachBatchSlice([&](BatchSlice slice) { forwardSteps(slice); });
}

template <typename S>
void RecurrentLayer<S>::backward(const Mat<S>& dH, Mat<S>* dX)
{
    dGates_.resize(gateRows(), Eigen::Index(steps_) * batch_);
    const Eigen::Index padded = paddedRows(hidden_);
    whhTransposed_.setZero(padded, gateRows());
    whhTransposed_.topRows(hidden_) = weightHh().transpose();
    dhNext_.setZero(padded, batch_);
    prepareBackward();
    forEachBatchSlice([&](BatchSlice slice) { backwardSteps(dH, slice); });
    if (cancelRequested())
        return; // dGates_ is incomplete: no weight gradient from it
    accumulateWeightGradients();
    if (dX)
        inputGradient(*dX);
}

template <typename S>
Eigen::Index RecurrentLayer<S>::paddedRows(Eigen::Index n)
{
    constexpr Eigen::Index perVector = 64 / Eigen::Index(sizeof(S));
    return (n + perVector - 1) / perVector * perVector;
}

template <typename S>
void RecurrentLayer<S>::carryThroughRecurrence(int t, BatchSlice slice, bool accumulate)
{
    auto dst = sliceCols(dhNext_, slice); // all paddedRows(H) rows: the padding gets zeros
    const auto dAh = stepCols(hiddenSideGradient(), t, slice);
    if (accumulate)
        addProduct(dst, whhTransposed_, dAh);
    else
        setProduct(dst, whhTransposed_, dAh);
}

// dW_ih += dA X^T, dW_hh += dA_h [h_0 … h_{T−1}]^T and the bias sums, each over all steps
// (a zero h_0 adds nothing to dW_hh, so its columns are left out). Row r of each depends only
// on row r of dA (dA_h), so blocks of gate rows run in parallel.
// The weights are row-major (as PyTorch stores them), and a GEMM into a row-major block is a
// GEMM into its column-major transpose, whose H rows (45, say) end in a ragged remainder the
// vector kernel handles poorly. So each product goes into a column-major scratch block with the
// gate rows as rows (4H of them), which is then added to the weights' gradient.
template <typename S>
void RecurrentLayer<S>::accumulateWeightGradients()
{
    const Eigen::Index cols = Eigen::Index(steps_) * batch_;
    const Mat<S>& dHidden = hiddenSideGradient();
    const Eigen::Index skip = zeroStart_ ? batch_ : 0; // columns of a zero h_0
    WeightMap<S> gWih(grads_, gateRows(), inputSize_);
    WeightMap<S> gWhh(grads_ + whhOffset(), gateRows(), hidden_);
    VecMap<S> gBih(grads_ + bihOffset(), gateRows());
    VecMap<S> gBhh(grads_ + bhhOffset(), gateRows());
    weightGradientScratch_.resize(gateRows(), inputSize_ + hidden_);
    const double flops = 2.0 * gateRows() * double(inputSize_ + hidden_) * double(cols);
    forEachPart(flops, gateRows(), 16, [&](PartRange r) {
        const auto dA = dGates_.middleRows(r.begin, r.size);
        const auto dAh = dHidden.middleRows(r.begin, r.size);
        auto ih = weightGradientScratch_.block(r.begin, 0, r.size, inputSize_);
        auto hh = weightGradientScratch_.block(r.begin, inputSize_, r.size, hidden_);
        setProduct(ih, dA, input_.transpose()); // Σ_t dA_t x_t^T
        setProduct(hh, dAh.rightCols(cols - skip), hAll_.middleCols(skip, cols - skip).transpose()); // Σ_t dA_h,t h_{t−1}^T
        gWih.middleRows(r.begin, r.size) += ih;
        gWhh.middleRows(r.begin, r.size) += hh;
        const Vec<S> sum = dA.rowwise().sum();
        gBih.segment(r.begin, r.size) += sum;
        if (&dHidden == &dGates_) // LSTM, RNN: dA_h is dA itself
            gBhh.segment(r.begin, r.size) += sum;
        else
            gBhh.segment(r.begin, r.size) += dAh.rowwise().sum();
    });
}

// dX = W_ih^T dA, cut into column blocks. With an input size that is not a whole number of
// vectors (45, say), through a copy of W_ih^T with zero rows up to paddedRows(I) and a result of
// that many rows, whose top I rows are dX (see whhTransposed_).
template <typename S>
void RecurrentLayer<S>::inputGradient(Mat<S>& dX) const
{
    const Eigen::Index cols = dGates_.cols(), padded = paddedRows(inputSize_);
    dX.resize(inputSize_, cols);
    Mat<S> paddedWeight, paddedResult;
    if (padded != inputSize_) {
        paddedWeight.setZero(padded, gateRows());
        paddedWeight.topRows(inputSize_) = weightIh().transpose();
        paddedResult.resize(padded, cols);
    }
    forEachPart(2.0 * gateRows() * padded * double(cols), cols, 16, [&](PartRange c) {
        const auto dA = dGates_.middleCols(c.begin, c.size);
        if (padded == inputSize_) {
            setProduct(dX.middleCols(c.begin, c.size), weightIh().transpose(), dA);
            return;
        }
        auto result = paddedResult.middleCols(c.begin, c.size);
        setProduct(result, paddedWeight, dA);
        dX.middleCols(c.begin, c.size) = result.topRows(inputSize_);
    });
}

template <typename S>
void RecurrentLayer<S>::totalHiddenGradient(const Mat<S>& dH, Mat<S>& total) const
{
    const Eigen::Index later = Eigen::Index(steps_ - 1) * batch_; // the columns of steps 1 … T-1
    total = dH;
    if (later > 0) // total_t += W_hh^T dA_h,t+1 for t = 0 … T-2, one GEMM over all of them
        addProduct(total.leftCols(later), weightHh().transpose(), hiddenSideGradient().rightCols(later));
    addDirectCarry(total);
}

template class RecurrentLayer<float>;
template class RecurrentLayer<double>;

} // namespace rnnwb
