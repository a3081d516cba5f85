#pragma once
// Matrix products of Eigen blocks, run by the instruction-set level's kernels (core/nn/kernels.h):
//   setProduct(dst, A, B)   dst  = A B
//   addProduct(dst, A, B)   dst += A B
// A and B are matrices, maps or blocks with unit inner stride, or their .transpose(); dst is a
// writable one of the same kind (a row-major dst is handled as dstᵀ = Bᵀ Aᵀ).
#include "core/nn/kernels.h"

#include <Eigen/Core>

#include <cassert>
#include <type_traits>
#include <utility>

namespace rnnwb::detail {

// The column-major view of a matrix with direct access: a row-major matrix is the transpose
// of the column-major matrix over the same memory.
template <typename S, typename M>
MatrixView<S> viewOf(M& m, bool transposed)
{
    assert(m.innerStride() == 1);
    constexpr bool rowMajor = std::decay_t<M>::IsRowMajor;
    const std::ptrdiff_t rows = rowMajor ? m.cols() : m.rows(), cols = rowMajor ? m.rows() : m.cols();
    return {m.data(), rows, cols, m.outerStride(), transposed != rowMajor};
}

template <typename S, typename M>
MatrixView<const S> operandView(const Eigen::MatrixBase<M>& m)
{
    return viewOf<const S>(m.derived(), false);
}
template <typename S, typename M>
MatrixView<const S> operandView(const Eigen::Transpose<M>& m)
{
    return viewOf<const S>(m.nestedExpression(), true);
}

template <typename S>
MatrixView<const S> swapped(MatrixView<const S> v)
{
    v.transposed = !v.transposed;
    return v;
}

template <typename D, typename A, typename B>
void product(D&& dst, const A& a, const B& b, bool accumulate)
{
    using S = typename std::decay_t<D>::Scalar;
    MatrixView<S> out = viewOf<S>(dst, false);
    MatrixView<const S> left = operandView<S>(a), right = operandView<S>(b);
    if (out.transposed) { // dst is row-major: compute dstᵀ = Bᵀ Aᵀ into its column-major view
        out.transposed = false;
        std::swap(left, right);
        left = swapped(left);
        right = swapped(right);
    }
    multiply(Product<S>{out, left, right, accumulate});
}

} // namespace rnnwb::detail

namespace rnnwb {

template <typename D, typename A, typename B>
void setProduct(D&& dst, const A& a, const B& b)
{
    detail::product(std::forward<D>(dst), a, b, false);
}

template <typename D, typename A, typename B>
void addProduct(D&& dst, const A& a, const B& b)
{
    detail::product(std::forward<D>(dst), a, b, true);
}

} // namespace rnnwb
