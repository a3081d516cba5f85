#pragma once
// The hot numerical kernels (matrix products, σ and tanh over a run of memory, the Adam update),
// compiled once per x86-64 instruction-set level and chosen once per process by what the CPU can run.
//
// A package must run on every x86-64 CPU, so the program is built for the baseline (SSE2). The
// kernels that take nearly all of a training's time are compiled again for AVX2 + FMA and for
// AVX-512 (core/nn/kernel_set.cpp, each copy with Eigen and our kernel code in namespaces of their
// own, so no copy's instantiation can stand in for another's at link time), and the fastest
// the CPU supports is used. A native build (RNNWB_NATIVE) has only its one, native, set.
//
// The choice is made once, before the first kernel runs, and does not change (only tests switch
// sets): a run stays bit-deterministic for a given thread count on a given machine. RNNWB_KERNELS=baseline|avx2|
// avx512 asks for a set (one the CPU cannot run is ignored); tests compare the sets.
//
// This header has no Eigen in it: the sets exchange plain pointers and sizes (core/nn/product.h
// turns Eigen blocks into them).
#include <cstddef>
#include <vector>

namespace rnnwb {

// A column-major matrix in memory, element (r, c) at data[r + c * stride], used as itself or,
// with `transposed`, as its transpose. A row-major matrix is the transpose of a column-major one.
template <typename S>
struct MatrixView {
    S* data = nullptr;
    std::ptrdiff_t rows = 0, cols = 0, stride = 0;
    bool transposed = false;
};

// dst = a · b, or dst += a · b with `accumulate` (dst is never transposed).
template <typename S>
struct Product {
    MatrixView<S> dst;
    MatrixView<const S> a, b;
    bool accumulate = false;
};

// One Adam step over n parameters, in place (core/nn/optimizer.cpp derives the coefficients):
//   m ← β1 m + (1−β1) g      v ← β2 v + (1−β2) g²      p ← p − stepSize · m / (√v / √c2 + ε)
template <typename S>
struct AdamStep {
    S *p = nullptr, *m = nullptr, *v = nullptr;
    const S* g = nullptr;
    std::ptrdiff_t n = 0;
    S beta1, oneMinusBeta1, beta2, oneMinusBeta2, stepSize, sqrtCorrection2, epsilon;
};

// One instruction-set level's kernels.
struct KernelSet {
    const char* name;              // "baseline", "avx2", "avx512" (the RNNWB_KERNELS values)
    const char* (*instructions)(); // the SIMD sets its Eigen uses, e.g. "AVX512, FMA, AVX2, …, SSE2"
    void (*productFloat)(const Product<float>&);
    void (*productDouble)(const Product<double>&);
    void (*sigmoidFloat)(float* first, std::ptrdiff_t count); // x ← 1 / (1 + e^−x) in place
    void (*sigmoidDouble)(double* first, std::ptrdiff_t count);
    void (*tanhFloat)(float* first, std::ptrdiff_t count); // x ← tanh x in place
    void (*tanhDouble)(double* first, std::ptrdiff_t count);
    void (*adamFloat)(const AdamStep<float>&);
    void (*adamDouble)(const AdamStep<double>&);

    // The entry for the scalar type at hand.
    void multiply(const Product<float>& p) const { productFloat(p); }
    void multiply(const Product<double>& p) const { productDouble(p); }
    void sigmoid(float* first, std::ptrdiff_t count) const { sigmoidFloat(first, count); }
    void sigmoid(double* first, std::ptrdiff_t count) const { sigmoidDouble(first, count); }
    void tanh(float* first, std::ptrdiff_t count) const { tanhFloat(first, count); }
    void tanh(double* first, std::ptrdiff_t count) const { tanhDouble(first, count); }
    void adam(const AdamStep<float>& step) const { adamFloat(step); }
    void adam(const AdamStep<double>& step) const { adamDouble(step); }
};

// The set this process uses.
const KernelSet& kernels();
// Uses `set` from now on (tests, which compare the sets). Call it while no training runs.
void setKernelSet(const KernelSet& set);
// Every set built into this program that this CPU can run, baseline first.
std::vector<const KernelSet*> runnableKernelSets();

template <typename S>
void multiply(const Product<S>& p)
{
    kernels().multiply(p);
}
// σ and tanh in place over [first, first + count). Every element goes through the same vector
// code wherever it sits, so a value never depends on its neighbours (core/nn/elementwise.h).
template <typename S>
void sigmoidInPlace(S* first, std::ptrdiff_t count)
{
    kernels().sigmoid(first, count);
}
template <typename S>
void tanhInPlace(S* first, std::ptrdiff_t count)
{
    kernels().tanh(first, count);
}

template <typename S>
void adamUpdate(const AdamStep<S>& step)
{
    kernels().adam(step);
}

} // namespace rnnwb
