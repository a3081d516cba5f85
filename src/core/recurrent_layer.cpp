#include "core/recurrent_layer.h"

#include <algorithm>

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
template <typename Body>
void RecurrentLayer<S>::forEachColumnRun(BatchSlice slice, Body body) const
{
    if (slice.size == batch_) {
        body(PartRange{0, Eigen::Index(steps_) * batch_});
        return;
    }
    for (int t = 0; t < steps_; ++t)
        body(PartRange{Eigen::Index(t) * batch_ + slice.begin, slice.size});
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
void RecurrentLayer<S>::beginForward(const Eigen::Ref<const Mat<S>>& X, int T, int B, const Mat<S>* h0,
                                     const Mat<S>* c0)
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
    inputBias_ = inputBias();
}

template <typename S>
void RecurrentLayer<S>::forwardSlice(BatchSlice slice)
{
    forEachColumnRun(slice, [&](PartRange run) { projectInputs(run); });
    forwardSteps(slice);
}

// W_ih x + b for the columns `cols` (back to back), as one GEMM cut into column blocks: each
// column starts as b and the product is added to it, one pass over the block fewer than adding
// b afterwards (and the same sum, b + W_ih x).
template <typename S>
void RecurrentLayer<S>::projectInputs(PartRange cols)
{
    forEachPart(2.0 * gateRows() * inputSize_ * double(cols.size), cols.size, 16, [&](PartRange c) {
        auto block = gateAct_.middleCols(cols.begin + c.begin, c.size);
        block.colwise() = inputBias_;
        addProduct(block, weightIh(), input_.middleCols(cols.begin + c.begin, c.size));
    });
}

template <typename S>
void RecurrentLayer<S>::beginBackward(int slices)
{
    dGates_.resize(gateRows(), Eigen::Index(steps_) * batch_);
    whhTransposed_ = paddedTranspose(weightHh());
    wihTransposed_ = paddedTranspose(weightIh());
    dhNext_.setZero(whhTransposed_.rows(), batch_);
    sliceGradients_.resize(std::size_t(slices));
    sliceFlatGradients_.resize(std::size_t(slices));
    prepareBackward();
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

template <typename S>
void RecurrentLayer<S>::backwardSlice(const Mat<S>& dH, BatchSlice slice, int index, Mat<S>* dX)
{
    backwardSteps(dH, slice);
    if (cancelRequested())
        return; // the slice's dGates_ is incomplete: no gradient from it
    const std::size_t k = std::size_t(index);
    sliceWeightGradients(slice, sliceGradients_[k]);
    toParameterLayout(sliceGradients_[k], sliceFlatGradients_[k]);
    if (dX)
        forEachColumnRun(slice, [&](PartRange run) { inputGradientColumns(wihTransposed_, run, *dX); });
}

// The slice's part of dW_ih = Σ dA x^T, dW_hh = Σ dA_h h_{t−1}^T and of the bias gradients
// Σ dA, Σ dA_h, over its columns of every step: g = [dW_ih  dW_hh  db_ih  db_hh], 4H x (I+H+2).
// The columns of step 0 multiply h_0; a zero h_0 adds nothing to dW_hh, so they are left out.
// Row r of each depends only on row r of dA (dA_h), so blocks of gate rows can run in parallel.
// g is column-major with the 4H gate rows as its rows: a GEMM into the row-major weights would
// be one into their transpose, whose H rows (45, say) end in a ragged remainder the vector
// kernel handles poorly.
template <typename S>
void RecurrentLayer<S>::sliceWeightGradients(BatchSlice slice, Mat<S>& g) const
{
    const Mat<S>& dHidden = hiddenSideGradient();
    const Eigen::Index I = inputSize_, H = hidden_;
    g.setZero(gateRows(), I + H + 2);
    const double flops = 2.0 * gateRows() * double(I + H) * double(steps_) * double(slice.size);
    forEachPart(flops, gateRows(), 16, [&](PartRange r) {
        auto rows = g.middleRows(r.begin, r.size);
        forEachColumnRun(slice, [&](PartRange run) {
            const auto dA = dGates_.block(r.begin, run.begin, r.size, run.size);
            const auto dAh = dHidden.block(r.begin, run.begin, r.size, run.size);
            addProduct(rows.leftCols(I), dA, input_.middleCols(run.begin, run.size).transpose()); // dA x^T
            const Eigen::Index skip = zeroStart_ ? std::clamp<Eigen::Index>(batch_ - run.begin, 0, run.size) : 0;
            if (skip < run.size) // dA_h h_{t−1}^T: h_{t−1} of column j is column j of hAll_
                addProduct(rows.middleCols(I, H), dAh.rightCols(run.size - skip),
                           hAll_.middleCols(run.begin + skip, run.size - skip).transpose());
            rows.col(I + H) += dA.rowwise().sum();
            if (&dHidden != &dGates_) // GRU: its own dA_h
                rows.col(I + H + 1) += dAh.rowwise().sum();
        });
        if (&dHidden == &dGates_) // LSTM, RNN: dA_h is dA itself
            rows.col(I + H + 1) = rows.col(I + H);
    });
}

// g = [dW_ih dW_hh db_ih db_hh] (column-major, 4H x (I+H+2)) laid out as the layer's part of
// the gradient vector: W_ih and W_hh row-major, then the biases. Done by the slice's own thread,
// so that finishBackward adds plain runs of memory: adding g itself to the row-major weights
// reads it across its columns, which costs several times more when another core wrote it.
template <typename S>
void RecurrentLayer<S>::toParameterLayout(const Mat<S>& g, Vec<S>& flat) const
{
    const Eigen::Index I = inputSize_, H = hidden_;
    flat.resize(Eigen::Index(parameterCount()));
    WeightMap<S>(flat.data(), gateRows(), I) = g.leftCols(I);
    WeightMap<S>(flat.data() + whhOffset(), gateRows(), H) = g.middleCols(I, H);
    flat.segment(Eigen::Index(bihOffset()), gateRows()) = g.col(I + H);
    flat.segment(Eigen::Index(bhhOffset()), gateRows()) = g.col(I + H + 1);
}

template <typename S>
void RecurrentLayer<S>::finishBackward()
{
    VecMap<S> gradients(grads_, Eigen::Index(parameterCount()));
    for (const Vec<S>& g : sliceFlatGradients_) // in slice order, whichever thread ran a slice
        gradients += g;
}

// dX = W_ih^T dA for the columns `cols` (back to back), cut into column blocks. wihT is W_ih^T
// with zero rows up to paddedRows(I) (see whhTransposed_): with I = 45, say, the product has
// 48 rows, of which the top I are dX.
template <typename S>
void RecurrentLayer<S>::inputGradientColumns(const Mat<S>& wihT, PartRange cols, Mat<S>& dX) const
{
    forEachPart(2.0 * gateRows() * double(wihT.rows()) * double(cols.size), cols.size, 16, [&](PartRange c) {
        const PartRange block{cols.begin + c.begin, c.size};
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
void RecurrentLayer<S>::inputGradient(Mat<S>& dX) const
{
    dX.resize(inputSize_, dGates_.cols());
    inputGradientColumns(paddedTranspose(weightIh()), {0, dGates_.cols()}, dX);
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
