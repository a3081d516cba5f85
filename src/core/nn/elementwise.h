#pragma once
// The gate nonlinearities σ and tanh, applied in place to a run of memory so that every element
// goes through the same vectorized code, wherever it sits and however long the run is. Used by
// core/nn/kernel_set.cpp; the layers call them through core/nn/kernels.h (sigmoidInPlace, tanhInPlace).
//
// Eigen applied to an arbitrary block vectorizes its middle and leaves an unaligned start and a
// ragged end to scalar code, which rounds differently (and is slower). A prediction would then
// depend on its column's address, i.e. on how many other columns are computed alongside it,
// and with H = 45 a third of the units took the scalar path. Here the run is cut into chunks
// of kChunk fixed-size elements (whole vector registers, unaligned loads), and the last,
// partial chunk is handled in a zero-padded copy, by the same code.
#include "core/nn/tensor.h"

namespace rnnwb {

// Elementwise logistic function 1 / (1 + e^-x); saturates cleanly to 0 or 1 for large |x|.
template <typename Derived>
auto sigmoid(const Eigen::ArrayBase<Derived>& x)
{
    using S = typename Derived::Scalar;
    return S(1) / (S(1) + (-x).exp());
}

constexpr Eigen::Index kChunk = 16; // one AVX-512 register of floats

// x ← op(x) for x in [first, first + count).
template <typename S, typename Op>
void applyInChunks(S* first, Eigen::Index count, Op op)
{
    using Chunk = Eigen::Array<S, kChunk, 1>;
    Eigen::Index k = 0;
    for (; k + kChunk <= count; k += kChunk) {
        Eigen::Map<Chunk> chunk(first + k);
        chunk = op(chunk);
    }
    if (k < count) {
        // Plain loops, not std::copy_n: a kernel set must instantiate nothing of namespace std,
        // whose one copy the linker keeps could come from another instruction set's object.
        Chunk padded = Chunk::Zero();
        for (Eigen::Index i = k; i < count; ++i)
            padded[i - k] = first[i];
        padded = op(padded).eval();
        for (Eigen::Index i = k; i < count; ++i)
            first[i] = padded[i - k];
    }
}

} // namespace rnnwb
