// Both cores without giving up exact reruns: every part runs exactly once, the work is cut
// the same way whoever runs it, a network split over two threads computes what one thread
// computes, and the same thread count gives bit-identical gradients even when the pool is
// busy with another training.
#include "core/base/parallel.h"
#include "core/nn/network.h"

#include <QtTest>

#include <atomic>
#include <chrono>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace rnnwb;

namespace {

// Restores the configured thread count when a test ends.
struct ThreadCountScope {
    explicit ThreadCountScope(int n) : saved(threadCount()) { setThreadCount(n); }
    ~ThreadCountScope() { setThreadCount(saved); }
    int saved;
};

// A batch large enough that the time loop, the projections and the weight gradients are all
// cut into parts with two threads.
struct Problem {
    NetworkShape shape;
    int steps = 16, batch = 64;
    OutputSteps outputs = OutputSteps::Last;
    Mat<double> X, Y;
};

Problem makeProblem(CellType cell)
{
    Problem p;
    p.shape = {cell, 3, 64, 2};
    std::mt19937_64 gen(7 + int(cell));
    std::normal_distribution<double> normal;
    p.X.resize(3, Eigen::Index(p.steps) * p.batch);
    for (Eigen::Index k = 0; k < p.X.size(); ++k)
        p.X.data()[k] = normal(gen);
    p.Y.resize(1, p.batch);
    for (Eigen::Index k = 0; k < p.Y.size(); ++k)
        p.Y.data()[k] = normal(gen);
    return p;
}

struct Pass {
    Mat<double> prediction;
    Vec<double> gradients;
};

// One forward and backward pass of `net`; by default as a training step does it, free to cut
// the batch into slices.
Pass runPass(Network<double>& net, const Problem& p, LayerStates states = LayerStates::NotNeeded)
{
    Pass out;
    out.prediction = net.forward(p.X, p.steps, p.batch, p.outputs, nullptr, states);
    Mat<double> dPrediction;
    meanSquaredError(out.prediction, p.Y, &dPrediction);
    net.zeroGradients();
    net.backward(dPrediction);
    out.gradients = net.gradients();
    return out;
}

// The same from fixed weights, on a network of its own.
Pass runPass(const Problem& p)
{
    Network<double> net(p.shape);
    net.setParameters(initialParameters<double>(p.shape, 11));
    return runPass(net, p);
}

bool bitIdentical(const Pass& a, const Pass& b) { return a.prediction == b.prediction && a.gradients == b.gradients; }

// The same math to rounding: passes that differ only in how the products were blocked.
bool sameToRounding(const Pass& a, const Pass& b)
{
    const double scale = a.gradients.cwiseAbs().maxCoeff();
    return a.gradients.allFinite() && scale > 0.0 && (b.gradients - a.gradients).cwiseAbs().maxCoeff() <= 1e-12 * scale
           && (b.prediction - a.prediction).cwiseAbs().maxCoeff() <= 1e-12;
}

} // namespace

class ParallelTest : public QObject {
    Q_OBJECT
private slots:
    void partsCoverTheRangeOnce_data();
    void partsCoverTheRangeOnce();
    void everyPartRunsExactlyOnce();
    void backToBackJobsNeverShareAPart();
    void helpersWokenFromSleepStillHelp();
    void twoCallersAtOnceEachGetAllTheirParts();
    void aFailingPartReachesTheCaller();
    void smallJobsStayInOnePart();
    void workInsideAPartIsNotCutAgain();
    void twoThreadsComputeWhatOneComputes_data();
    void twoThreadsComputeWhatOneComputes();
    void aPassShowingItsLayerStatesIsOneSlice();
    void sameThreadCountGivesIdenticalBitsWhenThePoolIsBusy();
};

void ParallelTest::partsCoverTheRangeOnce_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("parts");
    QTest::newRow("even") << 64 << 2;
    QTest::newRow("odd") << 97 << 2;
    QTest::newRow("uneven") << 10 << 3;
    QTest::newRow("more parts than pieces") << 3 << 5;
    QTest::newRow("one part") << 12 << 1;
}

void ParallelTest::partsCoverTheRangeOnce()
{
    QFETCH(int, n);
    QFETCH(int, parts);
    Eigen::Index next = 0, smallest = n, largest = 0;
    for (int k = 0; k < parts; ++k) {
        const PartRange r = partRange(n, parts, k);
        QCOMPARE(r.begin, next); // contiguous, in order, no gap or overlap
        next += r.size;
        smallest = std::min(smallest, r.size);
        largest = std::max(largest, r.size);
    }
    QCOMPARE(next, Eigen::Index(n));
    QVERIFY(largest - smallest <= 1); // near-equal
}

void ParallelTest::everyPartRunsExactlyOnce()
{
    for (int parts : {2, 3, 7, 16}) {
        std::vector<std::atomic<int>> runs(static_cast<std::size_t>(parts));
        runParts(parts, [&](int part) { runs[std::size_t(part)].fetch_add(1); });
        for (int k = 0; k < parts; ++k)
            QCOMPARE(runs[std::size_t(k)].load(), 1);
    }
}

// Jobs follow each other as closely as a training step's do: a helper still finishing one job
// must never claim a part of the next, and every part's plain (non-atomic) writes must be
// visible to the caller once runParts returns.
void ParallelTest::backToBackJobsNeverShareAPart()
{
    constexpr int kJobs = 20000;
    for (int job = 0; job < kJobs; ++job) {
        const int parts = 2 + job % 3;
        int written[4] = {-1, -1, -1, -1};
        runParts(parts, [&](int part) { written[part] = job; });
        for (int k = 0; k < parts; ++k)
            QCOMPARE(written[k], job);
    }
}

// Between jobs further apart than the helpers' spin, the helpers sleep; each job must still
// wake them (a lost wake-up would leave a part to the caller at best, a hang at worst) and
// finish with every part run once.
void ParallelTest::helpersWokenFromSleepStillHelp()
{
    bool helped = false;
    for (int job = 0; job < 50; ++job) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2)); // well past the 50 µs spin
        std::atomic<int> runs{0};
        std::thread::id threads[2];
        runParts(2, [&](int part) {
            threads[part] = std::this_thread::get_id();
            // Long enough that the caller alone cannot take both parts before a woken helper
            // claims one.
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            runs.fetch_add(1);
        });
        QCOMPARE(runs.load(), 2);
        helped = helped || threads[0] != threads[1];
    }
    QVERIFY(helped); // at least once a helper woke up in time to take a part
}

void ParallelTest::twoCallersAtOnceEachGetAllTheirParts()
{
    constexpr int kRounds = 200, kParts = 4;
    std::atomic<long> sums[2] = {0, 0};
    auto caller = [&](int who) {
        for (int round = 0; round < kRounds; ++round)
            runParts(kParts, [&](int part) { sums[who].fetch_add(part + 1); });
    };
    std::thread other(caller, 1);
    caller(0);
    other.join();
    const long expected = long(kRounds) * (kParts * (kParts + 1) / 2);
    QCOMPARE(sums[0].load(), expected);
    QCOMPARE(sums[1].load(), expected);
}

void ParallelTest::aFailingPartReachesTheCaller()
{
    std::atomic<int> ran{0};
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, runParts(4, [&](int part) {
                                 ran.fetch_add(1);
                                 if (part == 2)
                                     throw std::runtime_error("part 2 failed");
                             }));
    QCOMPARE(ran.load(), 4); // the other parts still ran: no half-finished job is left behind
    // The pool still works afterwards.
    std::atomic<int> after{0};
    runParts(3, [&](int) { after.fetch_add(1); });
    QCOMPARE(after.load(), 3);
}

void ParallelTest::smallJobsStayInOnePart()
{
    ThreadCountScope two(2);
    QCOMPARE(partsFor(kMinPartFlops, 1000), 1);       // not worth a hand-over
    QCOMPARE(partsFor(100 * kMinPartFlops, 1000), 2); // big: both threads
    QCOMPARE(partsFor(100 * kMinPartFlops, 8, 8), 1); // big but too few pieces
    ThreadCountScope one(1);
    QCOMPARE(partsFor(100 * kMinPartFlops, 1000), 1);
}

// A network runs each slice of a batch through all its layers as one part; the layers' own
// jobs inside it must stay whole and on the part's thread, whichever thread runs the part, or
// the cut (and the bits) would depend on timing.
void ParallelTest::workInsideAPartIsNotCutAgain()
{
    ThreadCountScope two(2);
    std::atomic<int> innerParts[2] = {-1, -1};
    std::atomic<bool> nestedStayedOnItsThread[2] = {false, false};
    runParts(2, [&](int part) {
        innerParts[part] = partsFor(100 * kMinPartFlops, 1000);
        const std::thread::id self = std::this_thread::get_id();
        bool sameThread = true;
        runParts(3, [&](int) { sameThread = sameThread && std::this_thread::get_id() == self; });
        nestedStayedOnItsThread[part] = sameThread;
    });
    for (int part = 0; part < 2; ++part) {
        QCOMPARE(innerParts[part].load(), 1);
        QVERIFY(nestedStayedOnItsThread[part].load());
    }
    QCOMPARE(partsFor(100 * kMinPartFlops, 1000), 2);                            // outside a part: cut as usual
    runParts(1, [&](int) { QCOMPARE(partsFor(100 * kMinPartFlops, 1000), 2); }); // one part is no job
}

void ParallelTest::twoThreadsComputeWhatOneComputes_data()
{
    QTest::addColumn<int>("cell");
    QTest::addColumn<bool>("everyStep"); // a prediction at every step, not only the last
    QTest::newRow("LSTM") << int(CellType::Lstm) << false;
    QTest::newRow("GRU") << int(CellType::Gru) << false;
    QTest::newRow("RNN") << int(CellType::Rnn) << false;
    QTest::newRow("LSTM, every step") << int(CellType::Lstm) << true;
}

void ParallelTest::twoThreadsComputeWhatOneComputes()
{
    QFETCH(int, cell);
    QFETCH(bool, everyStep);
    Problem p = makeProblem(CellType(cell));
    if (everyStep) {
        p.outputs = OutputSteps::All;
        p.Y = Eigen::RowVectorXd::LinSpaced(Eigen::Index(p.steps) * p.batch, -1.0, 1.0);
    }
    Pass serial, split;
    {
        ThreadCountScope one(1);
        serial = runPass(p);
    }
    {
        ThreadCountScope two(2);
        Network<double> net(p.shape);
        net.setParameters(initialParameters<double>(p.shape, 11));
        split = runPass(net, p);
        Mat<double> dPrediction;
        meanSquaredError(split.prediction, p.Y, &dPrediction);
        // Really cut into slices: the layers do not show the pass.
        QVERIFY_THROWS_EXCEPTION(std::logic_error, net.hiddenGradients(dPrediction));
    }
    QVERIFY2(sameToRounding(serial, split), "two threads compute other numbers than one");
}

// The inside views and the gradient flow read the layers after a pass: such a pass runs the
// whole batch through the layers they read, even on a network whose training passes were cut
// into slices, and computes what one thread computes (to rounding: its products are still
// cut into blocks).
void ParallelTest::aPassShowingItsLayerStatesIsOneSlice()
{
    const Problem p = makeProblem(CellType::Lstm);
    Pass serial;
    {
        ThreadCountScope one(1);
        serial = runPass(p);
    }
    ThreadCountScope two(2);
    Network<double> net(p.shape);
    net.setParameters(initialParameters<double>(p.shape, 11));
    const Pass sliced = runPass(net, p);
    QVERIFY(sameToRounding(serial, sliced));
    const Pass shown = runPass(net, p, LayerStates::Shown);
    QVERIFY(sameToRounding(serial, shown));
    // The top layer shows every sample, and the head's predictions come from those states.
    const Mat<double> top = net.layer(p.shape.layers - 1).output();
    QCOMPARE(top.cols(), Eigen::Index(p.steps) * p.batch);
    const Eigen::Index H = p.shape.hiddenSize, n = net.parameters().size();
    const Mat<double> w = net.parameters().segment(n - H - 1, H).transpose();
    const Mat<double> fromStates = (w * top.rightCols(p.batch)).array() + net.parameters()[n - 1];
    QVERIFY((fromStates - shown.prediction).cwiseAbs().maxCoeff() <= 1e-12);
    Mat<double> dPrediction;
    meanSquaredError(shown.prediction, p.Y, &dPrediction);
    QCOMPARE(int(net.hiddenGradients(dPrediction).size()), p.shape.layers);
    runPass(net, p);
    QVERIFY_THROWS_EXCEPTION(std::logic_error, net.hiddenGradients(dPrediction));
}

void ParallelTest::sameThreadCountGivesIdenticalBitsWhenThePoolIsBusy()
{
    ThreadCountScope two(2);
    const Problem p = makeProblem(CellType::Lstm);
    const Pass alone = runPass(p);
    QVERIFY(bitIdentical(alone, runPass(p)));
    // Two trainings at once: one gets the pool's help, the other runs its parts alone, and
    // which one does changes from job to job. Neither may see a different bit.
    Pass first, second;
    std::thread other([&] { second = runPass(p); });
    first = runPass(p);
    other.join();
    QVERIFY(bitIdentical(first, alone));
    QVERIFY(bitIdentical(second, alone));
}

QTEST_APPLESS_MAIN(ParallelTest)
#include "test_parallel.moc"
