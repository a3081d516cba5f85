#include "core/nn/recurrent_layer.h"

namespace rnnwb {

template <typename S>
RecurrentLayer<S>::RecurrentLayer(CellType cell, int inputSize, int hiddenSize, GateGradients where)
    : dGates_(where == GateGradients::OverActivations ? gateAct_ : ownGateGradients_), cell_(cell),
      inputSize_(inputSize), hidden_(hiddenSize), gates_(gateCount(cell))
{ }

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
Eigen::Index RecurrentLayer<S>::paddedRows(Eigen::Index n)
{
    constexpr Eigen::Index perVector = 64 / Eigen::Index(sizeof(S));
    return (n + perVector - 1) / perVector * perVector;
}

template <typename S>
Mat<S> RecurrentLayer<S>::paddedTranspose(const ConstWeightMap<S>& w)
{
    Mat<S> t = Mat<S>::Zero(paddedRows(w.cols()), w.rows());
    t.topRows(w.cols()) = w.transpose();
    return t;
}

template <typename S>
void RecurrentLayer<S>::forward(const Eigen::Ref<const Mat<S>>& X, int T, int B, const Mat<S>* h0, const Mat<S>* c0)
{
    new (&input_) InputView(X.data(), X.rows(), X.cols(), Eigen::OuterStride<>(X.outerStride()));
    steps_ = T;
    batch_ = B;
    zeroStart_ = h0 == nullptr;
    gateAct_.resize(gateRows(), Eigen::Index(T) * B);
    hAll_.resize(hidden_, Eigen::Index(T + 1) * B);
    if (h0)
        hAll_.leftCols(B) = *h0;
    else
        hAll_.leftCols(B).setZero();
    prepareForward(c0);
    projectInputs();
    forwardSteps();
}

// W_ih x + b for every column, as one GEMM cut into column blocks: each column starts as
// b = inputBias() and the product is added to it, one pass over the block fewer than adding b
// afterwards (and the same sum, b + W_ih x).
template <typename S>
void RecurrentLayer<S>::projectInputs()
{
    const Vec<S> bias = inputBias();
    const Eigen::Index columns = gateAct_.cols();
    forEachPart(2.0 * gateRows() * inputSize_ * double(columns), columns, 16, [&](PartRange c) {
        auto block = gateAct_.middleCols(c.begin, c.size);
        block.colwise() = bias;
        addProduct(block, weightIh(), input_.middleCols(c.begin, c.size));
    });
}

template <typename S>
void RecurrentLayer<S>::backward(const Mat<S>& dH, Mat<S>* dX)
{
    dGates_.resize(gateRows(), Eigen::Index(steps_) * batch_);
    whhTransposed_ = paddedTranspose(weightHh());
    dhNext_.setZero(whhTransposed_.rows(), batch_);
    prepareBackward();
    backwardSteps(dH);
    if (cancelRequested())
        return; // dGates_ is incomplete: no gradient from it
    weightGradients(weightGradients_);
    addToGradientVector(weightGradients_);
    if (dX)
        inputGradient(*dX);
}

template <typename S>
void RecurrentLayer<S>::carryThroughRecurrence(int t, bool accumulate)
{
    // all paddedRows(H) rows of dhNext_: the padding gets zeros
    const auto dAh = stepCols(hiddenSideGradient(), t);
    if (accumulate)
        addProduct(dhNext_, whhTransposed_, dAh);
    else
        setProduct(dhNext_, whhTransposed_, dAh);
}

// dW_ih = Σ dA x^T, dW_hh = Σ dA_h h_{t−1}^T and the bias gradients Σ dA, Σ dA_h, over every
// column: g = [dW_ih  dW_hh  db_ih  db_hh], 4H x (I+H+2).
// The columns of step 0 multiply h_0; a zero h_0 adds nothing to dW_hh, so they are left out.
// Row r of each depends only on row r of dA (dA_h), so blocks of gate rows can run in parallel.
// g is column-major with the 4H gate rows as its rows: a GEMM into the row-major weights would
// be one into their transpose, whose H rows (45, say) end in a ragged remainder the vector
// kernel handles poorly.
template <typename S>
void RecurrentLayer<S>::weightGradients(Mat<S>& g) const
{
    const Mat<S>& dHidden = hiddenSideGradient();
    const Eigen::Index I = inputSize_, H = hidden_, columns = dGates_.cols();
    const Eigen::Index skip = zeroStart_ ? batch_ : 0;
    g.setZero(gateRows(), I + H + 2);
    const double flops = 2.0 * gateRows() * double(I + H) * double(columns);
    forEachPart(flops, gateRows(), 16, [&](PartRange r) {
        auto rows = g.middleRows(r.begin, r.size);
        const auto dA = dGates_.middleRows(r.begin, r.size);
        const auto dAh = dHidden.middleRows(r.begin, r.size);
        addProduct(rows.leftCols(I), dA, input_.transpose()); // dA x^T
        if (skip < columns) // dA_h h_{t−1}^T: h_{t−1} of column j is column j of hAll_
            addProduct(rows.middleCols(I, H), dAh.rightCols(columns - skip),
                       hAll_.middleCols(skip, columns - skip).transpose());
        rows.col(I + H) = dA.rowwise().sum();
        if (&dHidden == &dGates_) // LSTM, RNN: dA_h is dA itself
            rows.col(I + H + 1) = rows.col(I + H);
        else // GRU: its own dA_h
            rows.col(I + H + 1) = dAh.rowwise().sum();
    });
}

// Adds g = [dW_ih dW_hh db_ih db_hh] (column-major, 4H x (I+H+2)) to the layer's part of the
// gradient vector: W_ih and W_hh row-major, then the biases.
template <typename S>
void RecurrentLayer<S>::addToGradientVector(const Mat<S>& g)
{
    const Eigen::Index I = inputSize_, H = hidden_;
    WeightMap<S>(grads_, gateRows(), I) += g.leftCols(I);
    WeightMap<S>(grads_ + whhOffset(), gateRows(), H) += g.middleCols(I, H);
    VecMap<S>(grads_ + bihOffset(), gateRows()) += g.col(I + H);
    VecMap<S>(grads_ + bhhOffset(), gateRows()) += g.col(I + H + 1);
}

// dX = W_ih^T dA, cut into column blocks. wihT is W_ih^T with zero rows up to paddedRows(I)
// (see whhTransposed_): with I = 45, say, the product has 48 rows, of which the top I are dX.
template <typename S>
void RecurrentLayer<S>::inputGradient(Mat<S>& dX) const
{
    const Mat<S> wihT = paddedTranspose(weightIh());
    const Eigen::Index columns = dGates_.cols();
    dX.resize(inputSize_, columns);
    forEachPart(2.0 * gateRows() * double(wihT.rows()) * double(columns), columns, 16, [&](PartRange block) {
        const auto dA = dGates_.middleCols(block.begin, block.size);
        if (wihT.rows() == inputSize_) {
            setProduct(dX.middleCols(block.begin, block.size), wihT, dA);
            return;
        }
        Mat<S> padded(wihT.rows(), block.size);
        setProduct(padded, wihT, dA);
        dX.middleCols(block.begin, block.size) = padded.topRows(inputSize_);
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
