// One instruction-set level's kernels (core/kernels.h). CMake compiles this file once per level
// with RNNWB_KERNEL_SET naming the namespace and the level's -m flags; the copies beyond the
// baseline also get -DEigen=<a name of their own>, so that none of Eigen's (weak) template
// instantiations is shared with, and at link time replaced by, another level's. Nothing of
// namespace std may be instantiated here for the same reason (tests/kernel_symbols.sh
// checks the objects).
#include "core/elementwise.h"
#include "core/kernels.h"

#ifndef RNNWB_KERNEL_SET
#error "RNNWB_KERNEL_SET (the set's name) must be defined"
#endif
#define RNNWB_STRINGIFY2(x) #x
#define RNNWB_STRINGIFY(x) RNNWB_STRINGIFY2(x)

namespace rnnwb::RNNWB_KERNEL_SET {

namespace {

template <typename S>
using View = Eigen::Map<Mat<S>, 0, Eigen::OuterStride<>>;
template <typename S>
using ConstView = Eigen::Map<const Mat<S>, 0, Eigen::OuterStride<>>;

template <typename S>
ConstView<S> mapOf(const MatrixView<const S>& v)
{
    return {v.data, v.rows, v.cols, Eigen::OuterStride<>(v.stride)};
}

// dst += a b with Eigen's blocked GEMM (EIGEN_GEMM_TO_COEFFBASED_THRESHOLD=0: never its
// coefficient-based path, which rounds differently).
template <typename S, typename A, typename B>
void addProduct(View<S>& dst, const A& a, const B& b)
{
    dst.noalias() += a * b;
}

// dst = 0, as one run when its columns are back to back (Eigen would clear a strided map
// column by column).
template <typename S>
void clear(View<S>& dst)
{
    if (dst.outerStride() == dst.rows())
        Eigen::Map<Vec<S>>(dst.data(), dst.size()).setZero();
    else
        dst.setZero();
}

template <typename S>
void product(const Product<S>& p)
{
    View<S> dst(p.dst.data, p.dst.rows, p.dst.cols, Eigen::OuterStride<>(p.dst.stride));
    const ConstView<S> a = mapOf(p.a), b = mapOf(p.b);
    if (!p.accumulate) // dst = a b is dst = 0, dst += a b (as Eigen itself does it)
        clear(dst);
    if (!p.a.transposed && !p.b.transposed)
        addProduct(dst, a, b);
    else if (!p.a.transposed)
        addProduct(dst, a, b.transpose());
    else if (!p.b.transposed)
        addProduct(dst, a.transpose(), b);
    else
        addProduct(dst, a.transpose(), b.transpose());
}

template <typename S>
void sigmoid(S* first, std::ptrdiff_t count)
{
    applyInChunks(first, count, [](const auto& x) { return rnnwb::sigmoid(x); });
}

template <typename S>
void tanh(S* first, std::ptrdiff_t count)
{
    applyInChunks(first, count, [](const auto& x) { return x.tanh(); });
}

const char* instructions() { return Eigen::SimdInstructionSetsInUse(); }

} // namespace

// Found by core/kernels.cpp (extern: a const at namespace scope would otherwise be local to this
// file). Constant-initialised: no code runs at start-up.
extern const KernelSet set;
const KernelSet set = {RNNWB_STRINGIFY(RNNWB_KERNEL_SET), &instructions,
                       &product<float>, &product<double>,
                       &sigmoid<float>, &sigmoid<double>,
                       &tanh<float>, &tanh<double>};

} // namespace rnnwb::RNNWB_KERNEL_SET
