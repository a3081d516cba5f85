// The hot kernels of every instruction-set level this CPU runs (core/nn/kernels.h): each set's
// products equal a plain triple loop for every storage order and transposition, σ, tanh and
// the Adam update equal the formulas, an element's value never depends on where it sits in the run, and a
// training gives the same losses with every set to float rounding, so a package on an older
// CPU learns what this one learns.
#include "core/nn/benchmark.h"
#include "core/nn/kernels.h"
#include "core/nn/product.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace rnnwb;

namespace {

template <typename S>
Mat<S> randomMatrix(Eigen::Index rows, Eigen::Index cols, std::mt19937_64& gen)
{
    std::uniform_real_distribution<double> uniform(-1.0, 1.0);
    Mat<S> m(rows, cols);
    for (Eigen::Index k = 0; k < m.size(); ++k)
        m.data()[k] = S(uniform(gen));
    return m;
}

// Σ_k a(i, k) b(k, j) in long double, the reference every set is held to.
template <typename S>
Mat<S> tripleLoop(const Mat<S>& a, const Mat<S>& b)
{
    Mat<S> c(a.rows(), b.cols());
    for (Eigen::Index i = 0; i < a.rows(); ++i)
        for (Eigen::Index j = 0; j < b.cols(); ++j) {
            long double sum = 0;
            for (Eigen::Index k = 0; k < a.cols(); ++k)
                sum += static_cast<long double>(a(i, k)) * b(k, j);
            c(i, j) = S(sum);
        }
    return c;
}

template <typename S>
MatrixView<const S> columnMajor(const Mat<S>& m, bool transposed)
{
    return {m.data(), m.rows(), m.cols(), m.rows(), transposed};
}

// op(A) op(B) for all four transpositions, into a block of a larger matrix (so the output's
// stride is not its row count), assigned and accumulated, against the triple loop.
template <typename S>
void checkProducts(const KernelSet& set, double tolerance)
{
    std::mt19937_64 gen(11);
    const Eigen::Index shapes[][3]
        = {{180, 48, 45}, {45, 49, 180}, {1, 16, 45}, {45, 8, 1}, {7, 1, 13}, {3, 5, 0}, {64, 64, 64}, {33, 17, 129}};
    for (const auto& shape : shapes) {
        const Eigen::Index m = shape[0], n = shape[1], k = shape[2];
        for (int transposition = 0; transposition < 4; ++transposition) {
            const bool ta = transposition & 1, tb = transposition & 2;
            const Mat<S> a = ta ? randomMatrix<S>(k, m, gen) : randomMatrix<S>(m, k, gen);
            const Mat<S> b = tb ? randomMatrix<S>(n, k, gen) : randomMatrix<S>(k, n, gen);
            const Mat<S> expected = tripleLoop<S>(ta ? Mat<S>(a.transpose()) : a, tb ? Mat<S>(b.transpose()) : b);
            Mat<S> big = randomMatrix<S>(m + 3, n + 2, gen);
            const Mat<S> before = big;
            auto dst = big.block(2, 1, m, n);
            const MatrixView<S> out{dst.data(), m, n, big.rows(), false};
            set.multiply(Product<S>{out, columnMajor(a, ta), columnMajor(b, tb), false});
            const std::string what = std::string(set.name) + " " + std::to_string(m) + "x" + std::to_string(n) + "x"
                                     + std::to_string(k) + " transposition " + std::to_string(transposition);
            QVERIFY2((Mat<S>(dst) - expected).cwiseAbs().maxCoeff() <= tolerance * (1 + k), what.c_str());
            set.multiply(Product<S>{out, columnMajor(a, ta), columnMajor(b, tb), true});
            QVERIFY2((Mat<S>(dst) - 2 * expected).cwiseAbs().maxCoeff() <= 2 * tolerance * (1 + k), what.c_str());
            // nothing outside the block is touched
            Mat<S> outside = big;
            outside.block(2, 1, m, n) = before.block(2, 1, m, n);
            QVERIFY2(outside == before, what.c_str());
        }
    }
}

// σ and tanh to the formula, over runs of every length from 0 to 40 at every offset 0 … 3,
// and the same input value gives the same bits wherever it sits.
template <typename S>
void checkElementwise(const KernelSet& set, double tolerance)
{
    std::vector<S> input(64);
    for (std::size_t k = 0; k < input.size(); ++k)
        input[k] = S(-12.0 + 24.0 * double(k * 37 % 64) / 63.0); // −12 … 12, shuffled
    for (const bool sigmoid : {true, false}) {
        std::vector<S> reference = input;
        const auto apply
            = [&](S* first, std::ptrdiff_t count) { sigmoid ? set.sigmoid(first, count) : set.tanh(first, count); };
        apply(reference.data(), std::ptrdiff_t(reference.size()));
        for (std::size_t k = 0; k < input.size(); ++k) {
            const double x = double(input[k]);
            const double exact = sigmoid ? 1.0 / (1.0 + std::exp(-x)) : std::tanh(x);
            QVERIFY2(std::abs(double(reference[k]) - exact) <= tolerance,
                     (std::string(set.name) + (sigmoid ? " sigmoid(" : " tanh(") + std::to_string(x) + ")").c_str());
        }
        for (std::ptrdiff_t offset = 0; offset < 4; ++offset)
            for (std::ptrdiff_t count = 0; count <= 40; ++count) {
                std::vector<S> run = input;
                apply(run.data() + offset, count);
                for (std::ptrdiff_t k = 0; k < std::ptrdiff_t(run.size()); ++k) {
                    const bool inside = k >= offset && k < offset + count;
                    const S expected = inside ? reference[std::size_t(k)] : input[std::size_t(k)];
                    QVERIFY2(std::memcmp(&run[std::size_t(k)], &expected, sizeof(S)) == 0,
                             (std::string(set.name) + " offset " + std::to_string(offset) + " count "
                              + std::to_string(count) + " element " + std::to_string(k))
                                 .c_str());
                }
            }
    }
}

// One Adam step of 37 parameters (two whole AVX-512 vectors of floats and a ragged end) at
// step t = 3, against the formula in double: m, v and p each within `tolerance` relative.
template <typename S>
void checkAdam(const KernelSet& set, double tolerance)
{
    std::mt19937_64 gen(5);
    const Eigen::Index n = 37;
    const Mat<S> p0 = randomMatrix<S>(n, 1, gen), m0 = randomMatrix<S>(n, 1, gen), g = randomMatrix<S>(n, 1, gen);
    const Mat<S> v0 = randomMatrix<S>(n, 1, gen).cwiseAbs();
    const double beta1 = 0.9, beta2 = 0.999, lr = 0.01, eps = 1e-8;
    const double stepSize = lr / (1 - std::pow(beta1, 3)), sqrtCorrection2 = std::sqrt(1 - std::pow(beta2, 3));
    Mat<S> p = p0, m = m0, v = v0;
    set.adam(AdamStep<S>{p.data(), m.data(), v.data(), g.data(), n, S(beta1), S(1 - beta1), S(beta2), S(1 - beta2),
                         S(stepSize), S(sqrtCorrection2), S(eps)});
    for (Eigen::Index k = 0; k < n; ++k) {
        const double gk = double(g(k)), mk = beta1 * double(m0(k)) + (1 - beta1) * gk;
        const double vk = beta2 * double(v0(k)) + (1 - beta2) * gk * gk;
        const double pk = double(p0(k)) - stepSize * mk / (std::sqrt(vk) / sqrtCorrection2 + eps);
        const std::string what = std::string(set.name) + " adam, parameter " + std::to_string(k);
        QVERIFY2(std::abs(double(m(k)) - mk) <= tolerance * std::abs(mk), what.c_str());
        QVERIFY2(std::abs(double(v(k)) - vk) <= tolerance * std::abs(vk), what.c_str());
        QVERIFY2(std::abs(double(p(k)) - pk) <= tolerance * std::abs(pk), what.c_str());
    }
}

// Runs check(set) for every set this CPU runs, stopping at the first one that fails.
template <typename Check>
void forEveryRunnableSet(Check check)
{
    for (const KernelSet* set : runnableKernelSets()) {
        check(*set);
        if (QTest::currentTestFailed())
            return;
    }
}

} // namespace

class TestKernels : public QObject {
    Q_OBJECT
private slots:
    void theBaselineIsAlwaysThereAndTheChoiceIsRunnable();
    void productsMatchATripleLoop();
    void rowMajorOperandsAndDestinations();
    void sigmoidAndTanhMatchTheFormulas();
    void adamMatchesTheFormula();
    void everySetTrainsTheSameNetwork();
};

void TestKernels::theBaselineIsAlwaysThereAndTheChoiceIsRunnable()
{
    const auto sets = runnableKernelSets();
    QVERIFY(!sets.empty());
    QCOMPARE(std::string(sets.front()->name), std::string("baseline"));
    bool chosenIsRunnable = false;
    for (const KernelSet* set : sets) {
        QVERIFY(set->instructions() != nullptr);
        chosenIsRunnable = chosenIsRunnable || set == &kernels();
    }
    QVERIFY(chosenIsRunnable);
    if (!std::getenv("RNNWB_KERNELS")) // without a request, the last (fastest) runnable set
        QCOMPARE(&kernels(), sets.back());
    qInfo("kernel sets this CPU runs: %d; in use: %s (%s)", int(sets.size()), kernels().name, kernels().instructions());
}

void TestKernels::productsMatchATripleLoop()
{
    forEveryRunnableSet([](const KernelSet& set) {
        checkProducts<float>(set, 2e-6);
        checkProducts<double>(set, 1e-14);
    });
}

// setProduct / addProduct (core/nn/product.h) with the layers' own kinds of operands: row-major
// weight maps, their transposes, column blocks, and a row-major destination (a gradient block).
void TestKernels::rowMajorOperandsAndDestinations()
{
    std::mt19937_64 gen(5);
    const Mat<double> w = randomMatrix<double>(12, 7, gen), x = randomMatrix<double>(7, 9, gen);
    const RowMajorMat<double> wRow = w;
    const ConstWeightMap<double> wMap(wRow.data(), 12, 7);
    Mat<double> out(12, 9);
    setProduct(out, wMap, x);
    QVERIFY((out - tripleLoop<double>(w, x)).cwiseAbs().maxCoeff() < 1e-13);
    const Mat<double> y = randomMatrix<double>(12, 9, gen);
    Mat<double> back(7, 9);
    setProduct(back, wMap.transpose(), y);
    QVERIFY((back - tripleLoop<double>(w.transpose(), y)).cwiseAbs().maxCoeff() < 1e-13);
    RowMajorMat<double> grad = RowMajorMat<double>::Ones(20, 7);
    addProduct(grad.middleRows(4, 12), y.leftCols(7), w.topRows(7).transpose());
    const Mat<double> expected = tripleLoop<double>(y.leftCols(7), w.topRows(7).transpose());
    QVERIFY((Mat<double>(grad.middleRows(4, 12)) - expected - Mat<double>::Ones(12, 7)).cwiseAbs().maxCoeff() < 1e-13);
    QVERIFY(grad.topRows(4).isOnes() && grad.bottomRows(4).isOnes());
}

void TestKernels::sigmoidAndTanhMatchTheFormulas()
{
    forEveryRunnableSet([](const KernelSet& set) {
        checkElementwise<float>(set, 5e-7);
        checkElementwise<double>(set, 1e-15);
    });
}

void TestKernels::adamMatchesTheFormula()
{
    forEveryRunnableSet([](const KernelSet& set) {
        checkAdam<float>(set, 1e-6);
        checkAdam<double>(set, 1e-14);
    });
}

// 30 Adam steps of the seq5 benchmark (LSTM, 2 layers, H = 45, batch 97) with each set: the
// losses agree with the baseline's to 1e-6 relative (measured: 1.4e-7; a tanh 1e-5 too large
// in one set gives 2.3e-6), so no set computes something else.
void TestKernels::everySetTrainsTheSameNetwork()
{
    const KernelSet& chosen = kernels();
    std::vector<std::vector<double>> losses;
    for (const KernelSet* set : runnableKernelSets()) {
        setKernelSet(*set);
        BenchRun run(*findBenchConfig("seq5"), 3);
        losses.emplace_back();
        for (int epoch = 0; epoch < 30; ++epoch)
            losses.back().push_back(run.runEpoch());
    }
    setKernelSet(chosen);
    QVERIFY(losses.front().back() < losses.front().front()); // it learns
    for (std::size_t s = 1; s < losses.size(); ++s)
        for (std::size_t e = 0; e < losses[s].size(); ++e)
            QVERIFY2(std::abs(losses[s][e] - losses[0][e]) <= 1e-6 * losses[0][e],
                     (std::string(runnableKernelSets()[s]->name) + " epoch " + std::to_string(e)).c_str());
}

#include "test_kernels.moc"
QTEST_APPLESS_MAIN(TestKernels)
