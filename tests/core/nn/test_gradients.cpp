// Finite-difference gradient checks in double precision: for every parameter θ_k,
//   dL/dθ_k ≈ (L(θ + ε e_k) − L(θ − ε e_k)) / 2ε
// for each cell type, stacked, with outputs at every step or only the last, and the
// clipping rule on top of the checked gradient.
#include "core/nn/network.h"
#include "core/nn/optimizer.h"

#include <QtTest>

#include <bit>
#include <cstdint>
#include <random>

using namespace rnnwb;

namespace {

struct Problem {
    NetworkShape shape;
    int steps, batch;
    OutputSteps outputs;
    Mat<double> X, Y;
};

Problem makeProblem(CellType cell, int layers, OutputSteps outputs)
{
    Problem p{{cell, 3, 4, layers}, 5, 2, outputs, {}, {}};
    std::mt19937_64 gen(42 + int(cell) * 7 + layers);
    std::normal_distribution<double> normal;
    p.X.resize(3, p.steps * p.batch);
    for (Eigen::Index k = 0; k < p.X.size(); ++k)
        p.X.data()[k] = normal(gen);
    p.Y.resize(1, outputs == OutputSteps::All ? p.steps * p.batch : p.batch);
    for (Eigen::Index k = 0; k < p.Y.size(); ++k)
        p.Y.data()[k] = normal(gen);
    return p;
}

double loss(Network<double>& net, const Problem& p)
{
    return meanSquaredError(net.forward(p.X, p.steps, p.batch, p.outputs), p.Y);
}

Vec<double> analyticGradient(Network<double>& net, const Problem& p)
{
    Mat<double> dPrediction;
    meanSquaredError(net.forward(p.X, p.steps, p.batch, p.outputs), p.Y, &dPrediction);
    net.zeroGradients();
    net.backward(dPrediction);
    return net.gradients();
}

Vec<double> numericGradient(Network<double>& net, const Problem& p)
{
    const double eps = 1e-6;
    Vec<double> g(net.parameters().size());
    for (Eigen::Index k = 0; k < g.size(); ++k) {
        const double keep = net.parameters()[k];
        net.parameters()[k] = keep + eps;
        const double up = loss(net, p);
        net.parameters()[k] = keep - eps;
        const double down = loss(net, p);
        net.parameters()[k] = keep;
        g[k] = (up - down) / (2 * eps);
    }
    return g;
}

} // namespace

class GradientTest : public QObject {
    Q_OBJECT
private slots:
    void finiteDifferences_data();
    void finiteDifferences();
    void clippingScalesTheCheckedGradient();
    void initializationFollowsPyTorchBounds();
    void aPredictionDoesNotDependOnItsNeighbours_data();
    void aPredictionDoesNotDependOnItsNeighbours();
};

void GradientTest::finiteDifferences_data()
{
    QTest::addColumn<int>("cell");
    QTest::addColumn<int>("layers");
    QTest::addColumn<bool>("lastStepOnly");
    for (CellType cell : {CellType::Lstm, CellType::Gru, CellType::Rnn})
        for (int layers : {1, 3})
            for (bool last : {false, true}) {
                const std::string name
                    = cellName(cell) + " L" + std::to_string(layers) + (last ? " last step" : " every step");
                QTest::newRow(name.c_str()) << int(cell) << layers << last;
            }
}

void GradientTest::finiteDifferences()
{
    QFETCH(int, cell);
    QFETCH(int, layers);
    QFETCH(bool, lastStepOnly);
    const Problem p = makeProblem(CellType(cell), layers, lastStepOnly ? OutputSteps::Last : OutputSteps::All);
    Network<double> net(p.shape);
    net.setParameters(initialParameters<double>(p.shape, 7));
    const Vec<double> analytic = analyticGradient(net, p);
    const Vec<double> numeric = numericGradient(net, p);
    for (Eigen::Index k = 0; k < analytic.size(); ++k) {
        const double scale = std::max({std::abs(analytic[k]), std::abs(numeric[k]), 1e-3});
        QVERIFY2(std::abs(analytic[k] - numeric[k]) / scale < 1e-5,
                 qPrintable(
                     QStringLiteral("parameter %1: analytic %2, numeric %3").arg(k).arg(analytic[k]).arg(numeric[k])));
    }
}

// Clipping rescales the (checked) gradient to the threshold and keeps its direction;
// below the threshold it leaves it alone.
void GradientTest::clippingScalesTheCheckedGradient()
{
    const Problem p = makeProblem(CellType::Lstm, 2, OutputSteps::All);
    Network<double> net(p.shape);
    net.setParameters(initialParameters<double>(p.shape, 3));
    const Vec<double> numeric = numericGradient(net, p);
    Vec<double> clipped = analyticGradient(net, p);
    const double norm = clipGradientNorm<double>(clipped, 0.1 * numeric.norm());
    QVERIFY(std::abs(norm - numeric.norm()) / numeric.norm() < 1e-6);
    QVERIFY(std::abs(clipped.norm() - 0.1 * numeric.norm()) / clipped.norm() < 1e-5);
    QVERIFY((clipped / clipped.norm() - numeric / numeric.norm()).cwiseAbs().maxCoeff() < 1e-6);
    Vec<double> untouched = analyticGradient(net, p);
    const Vec<double> before = untouched;
    clipGradientNorm<double>(untouched, 10 * numeric.norm());
    QCOMPARE(untouched, before);
}

void GradientTest::initializationFollowsPyTorchBounds()
{
    const NetworkShape shape{CellType::Gru, 5, 16, 2};
    Vec<float> a, b;
    a = initialParameters<float>(shape, 11);
    b = initialParameters<float>(shape, 11);
    QCOMPARE(a, b);
    QCOMPARE(std::size_t(a.size()), parameterCount(shape));
    const float bound = 1.0f / 4.0f; // 1/√16
    QVERIFY(a.cwiseAbs().maxCoeff() <= bound);
    QVERIFY(a.cwiseAbs().maxCoeff() > 0.9f * bound); // spread over the whole interval
    QVERIFY(std::abs(a.mean()) < 0.02f);
    b = initialParameters<float>(shape, 12);
    QVERIFY(a != b);
}

QTEST_APPLESS_MAIN(GradientTest)
// The exact bits of a float (QCOMPARE on floats compares fuzzily).
std::uint32_t bitsOf(float x) { return std::bit_cast<std::uint32_t>(x); }

// A backtest origin predicts its block on its own and must match, bit for bit, the run's
// prediction of the whole test part: the first 8 predictions of a 16-step sequence (16
// sequences) equal those of the same 8 steps (8 sequences) alone, for every cell and for a
// hidden size below and above a vector register. (On AVX-512 this failed twice over: Eigen
// multiplied the 8-column products coefficient by coefficient and the 16-column ones with its
// GEMM, and its tanh and exp took a scalar path, which rounds differently, for the elements at
// an unaligned start or ragged end of a block.)
void GradientTest::aPredictionDoesNotDependOnItsNeighbours_data()
{
    QTest::addColumn<int>("cell");
    QTest::addColumn<int>("hidden");
    for (CellType cell : {CellType::Lstm, CellType::Gru, CellType::Rnn})
        for (int hidden : {6, 45})
            QTest::addRow("%s H=%d", cellName(cell).c_str(), hidden) << int(cell) << hidden;
}

void GradientTest::aPredictionDoesNotDependOnItsNeighbours()
{
    QFETCH(int, cell);
    QFETCH(int, hidden);
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> u(-1.0f, 1.0f);
    for (int layers : {1, 2}) {
        NetworkShape shape;
        shape.cell = CellType(cell);
        shape.inputSize = 5;
        shape.hiddenSize = hidden;
        shape.layers = layers;
        Network<float> net(shape);
        net.setParameters(initialParameters<float>(shape, 11));
        for (int trial = 0; trial < 20; ++trial) { // rounding differences show on some inputs only
            Mat<float> X(5, 16);
            for (Eigen::Index k = 0; k < X.size(); ++k)
                X.data()[k] = u(rng);
            // Features layout: one sequence (batch 1), a prediction at every step.
            const Mat<float> long16 = net.forward(X, 16, 1, OutputSteps::All);
            const Mat<float> short8 = net.forward(X.leftCols(8), 8, 1, OutputSteps::All);
            // Sequence layout: one-step sequences side by side, the last step's prediction.
            const Mat<float> wide16 = net.forward(X, 1, 16, OutputSteps::Last);
            const Mat<float> wide8 = net.forward(X.leftCols(8), 1, 8, OutputSteps::Last);
            for (Eigen::Index j = 0; j < 8; ++j) {
                QCOMPARE(bitsOf(short8(0, j)), bitsOf(long16(0, j)));
                QCOMPARE(bitsOf(wide8(0, j)), bitsOf(wide16(0, j)));
            }
        }
    }
}

#include "test_gradients.moc"
