#include "core/cells.h"

namespace rnnwb {

template <typename S>
void RnnLayer<S>::forwardSteps(BatchSlice slice)
{
    const ConstWeightMap<S> Whh = this->weightHh();
    for (int t = 0; t < this->steps_ && !this->cancelRequested(); ++t) {
        auto a = this->stepCols(this->gateAct_, t, slice); // H x slice
        if (this->hiddenMayBeNonzero(t))
            addProduct(a, Whh, this->stepCols(this->hAll_, t, slice));
        tanhInPlace(a.data(), a.size()); // h' = tanh(W_ih x + b_ih + W_hh h + b_hh); whole columns: contiguous
        this->stepCols(this->hAll_, t + 1, slice) = a;
    }
}

// dA = (dh_t + dh from step t+1) ⊙ (1 − h_t²);  dh_{t−1} = W_hh^T dA
template <typename S>
void RnnLayer<S>::backwardSteps(const Mat<S>& dH, BatchSlice slice)
{
    auto dhNext = this->carriedGradient(slice);
    for (int t = this->steps_ - 1; t >= 0 && !this->cancelRequested(); --t) {
        const auto h = this->stepCols(this->gateAct_, t, slice).array();
        auto d = this->stepCols(this->dGates_, t, slice);
        d = ((this->stepCols(dH, t, slice) + dhNext).array() * (S(1) - h.square())).matrix();
        if (this->needsPreviousHiddenGradient(t))
            this->carryThroughRecurrence(t, slice, false);
    }
}

template <typename S>
std::unique_ptr<RecurrentLayer<S>> makeLayer(CellType cell, int inputSize, int hiddenSize)
{
    switch (cell) {
    case CellType::Lstm: return std::make_unique<LstmLayer<S>>(inputSize, hiddenSize);
    case CellType::Gru: return std::make_unique<GruLayer<S>>(inputSize, hiddenSize);
    case CellType::Rnn: return std::make_unique<RnnLayer<S>>(inputSize, hiddenSize);
    }
    return nullptr;
}

template class RnnLayer<float>;
template class RnnLayer<double>;
template std::unique_ptr<RecurrentLayer<float>> makeLayer<float>(CellType, int, int);
template std::unique_ptr<RecurrentLayer<double>> makeLayer<double>(CellType, int, int);

} // namespace rnnwb
