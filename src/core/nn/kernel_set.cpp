// One instruction-set level's kernels (core/nn/kernels.h). CMake compiles this file once per level
// with RNNWB_KERNEL_SET naming the namespace and the level's -m flags; the copies beyond the
// baseline also get -DEigen=<a name of their own>, so that none of Eigen's (weak) template
// instantiations is shared with, and at link time replaced by, another level's. Nothing of
// namespace std may be instantiated here for the same reason (tests/core/nn/kernel_symbols.sh
// checks the objects).
#include "core/nn/elementwise.h"
#include "core/nn/kernels.h"

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

// Every parameter goes through the same vector code whatever its address, as in
// applyInChunks (core/nn/elementwise.h): Eigen over a plain map would do an unaligned start in
// scalar code, whose different rounding would make a run depend on where malloc put the
// vectors. Whole chunks of kChunk, then the ragged end in zero-padded copies.
template <typename S>
void adam(const AdamStep<S>& s)
{
    using Chunk = Eigen::Array<S, kChunk, 1>;
    const auto update = [&s](auto&& p, auto&& m, auto&& v, const auto& g) {
        m = s.beta1 * m + s.oneMinusBeta1 * g;
        v = s.beta2 * v + s.oneMinusBeta2 * g.square();
        p -= s.stepSize * m / (v.sqrt() / s.sqrtCorrection2 + s.epsilon);
    };
    std::ptrdiff_t k = 0;
    for (; k + kChunk <= s.n; k += kChunk)
        update(Eigen::Map<Chunk>(s.p + k), Eigen::Map<Chunk>(s.m + k), Eigen::Map<Chunk>(s.v + k),
               Eigen::Map<const Chunk>(s.g + k));
    if (k == s.n)
        return;
    Chunk p = Chunk::Zero(), m = Chunk::Zero(), v = Chunk::Zero(), g = Chunk::Zero();
    for (std::ptrdiff_t i = k; i < s.n; ++i) { // plain loops: nothing of namespace std here
        p[i - k] = s.p[i];
        m[i - k] = s.m[i];
        v[i - k] = s.v[i];
        g[i - k] = s.g[i];
    }
    update(p, m, v, g);
    for (std::ptrdiff_t i = k; i < s.n; ++i) {
        s.p[i] = p[i - k];
        s.m[i] = m[i - k];
        s.v[i] = v[i - k];
    }
}

const char* instructions() { return Eigen::SimdInstructionSetsInUse(); }

} // namespace

// Found by core/nn/kernels.cpp (extern: a const at namespace scope would otherwise be local to this
// file). Constant-initialised: no code runs at start-up.
extern const KernelSet set;
const KernelSet set = {RNNWB_STRINGIFY(RNNWB_KERNEL_SET),
                       &instructions,
                       &product<float>,
                       &product<double>,
                       &sigmoid<float>,
                       &sigmoid<double>,
                       &tanh<float>,
                       &tanh<double>,
                       &adam<float>,
                       &adam<double>};

} // namespace rnnwb::RNNWB_KERNEL_SET
