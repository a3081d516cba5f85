#include "core/nn/cells.h"

namespace rnnwb {

template <typename S>
void RnnLayer<S>::forwardSteps()
{
    const ConstWeightMap<S> Whh = this->weightHh();
    for (int t = 0; t < this->steps_ && !this->cancelRequested(); ++t) {
        auto a = this->stepCols(this->gateAct_, t); // H x B
        if (this->hiddenMayBeNonzero(t))
            addProduct(a, Whh, this->stepCols(this->hAll_, t));
        tanhInPlace(a.data(), a.size()); // h' = tanh(W_ih x + b_ih + W_hh h + b_hh); whole columns: contiguous
        this->stepCols(this->hAll_, t + 1) = a;
    }
}

// dA = (dh_t + dh from step t+1) ⊙ (1 − h_t²);  dh_{t−1} = W_hh^T dA
template <typename S>
void RnnLayer<S>::backwardSteps(const Mat<S>& dH)
{
    auto dhNext = this->carriedGradient();
    for (int t = this->steps_ - 1; t >= 0 && !this->cancelRequested(); --t) {
        const auto h = this->stepCols(this->gateAct_, t).array();
        auto d = this->stepCols(this->dGates_, t);
        d = ((this->stepCols(dH, t) + dhNext).array() * (S(1) - h.square())).matrix();
        if (this->needsPreviousHiddenGradient(t))
            this->carryThroughRecurrence(t, false);
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
