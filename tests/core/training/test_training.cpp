// The trainer's promises: bit-identical reruns, early stopping that restores the best
// weights, divergence that keeps the last finite weights, cancel, minibatches.
#include "core/base/safetensors.h"
#include "core/training/report.h"
#include "core/training/trainer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <random>
#include <thread>

using namespace rnnwb;

namespace {

// The airline series shape without reading a file: trend × seasonality.
std::vector<double> seasonalSeries(std::size_t n)
{
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = 100.0 + 2.0 * double(i) + 30.0 * std::sin(2.0 * M_PI * double(i) / 12.0);
    return v;
}

std::vector<double> noise(std::size_t n, unsigned seed)
{
    std::mt19937 gen(seed);
    std::normal_distribution<double> normal;
    std::vector<double> v(n);
    for (double& x : v)
        x = normal(gen);
    return v;
}

TrainConfig smallConfig()
{
    TrainConfig c;
    c.hidden = 8;
    c.layers = 1;
    c.epochs = 20;
    return c;
}

} // namespace

class TrainingTest : public QObject {
    Q_OBJECT
private slots:
    void sameSeedGivesIdenticalRuns_data();
    void sameSeedGivesIdenticalRuns();
    void lossFalls();
    void earlyStoppingRestoresTheBestWeights();
    void nonFiniteLossKeepsTheLastFiniteWeights();
    void explodingLossKeepsTheLastGoodWeights();
    void cancelStopsBetweenEpochs();
    void cancelledPassStopsAndLeavesNoTrace();
    void cancelInsideAnEpochKeepsTheLastWholeEpoch_data();
    void cancelInsideAnEpochKeepsTheLastWholeEpoch();
    void adamAtLearningRateTenStopsAsDiverged();
    void pauseHoldsTrainingUntilResumed();
    void minibatchLossIsTheWeightedMean();
};

void TrainingTest::sameSeedGivesIdenticalRuns_data()
{
    QTest::addColumn<int>("layout");
    QTest::addColumn<int>("batch");
    QTest::newRow("features full batch") << int(Layout::Features) << 0;
    QTest::newRow("sequence minibatches") << int(Layout::Sequence) << 16;
}

void TrainingTest::sameSeedGivesIdenticalRuns()
{
    QFETCH(int, layout);
    QFETCH(int, batch);
    TrainConfig c = smallConfig();
    c.layout = Layout(layout);
    c.batch = batch;
    c.seed = 5;
    Trainer a(Dataset::prepare(seasonalSeries(120), c), c);
    Trainer b(Dataset::prepare(seasonalSeries(120), c), c);
    a.run();
    b.run();
    QCOMPARE(a.trainLoss(), b.trainLoss());
    QVERIFY(a.network().parameters() == b.network().parameters());
    c.seed = 6;
    Trainer other(Dataset::prepare(seasonalSeries(120), c), c);
    other.run();
    QVERIFY(other.trainLoss() != a.trainLoss());
}

void TrainingTest::lossFalls()
{
    TrainConfig c = smallConfig();
    c.epochs = 60;
    Trainer t(Dataset::prepare(seasonalSeries(120), c), c);
    QCOMPARE(t.run(), StopReason::Completed);
    QCOMPARE(t.epochsRun(), 60);
    QVERIFY(t.trainLoss().back() < 0.25 * t.trainLoss().front());
}

// On white noise there is nothing to learn: the validation loss stops improving, and the
// weights handed back are those of the best validation epoch.
void TrainingTest::earlyStoppingRestoresTheBestWeights()
{
    TrainConfig c = smallConfig();
    c.hidden = 32;
    c.epochs = 2000;
    c.valSplit = 0.15;
    c.patience = 5;
    Trainer t(Dataset::prepare(noise(300, 1), c), c);
    QCOMPARE(t.run(), StopReason::EarlyStopping);
    QVERIFY(t.epochsRun() < c.epochs);
    const std::vector<double>& val = t.validationLoss();
    QCOMPARE(int(val.size()), t.epochsRun());
    const double best = *std::min_element(val.begin(), val.end());
    QCOMPARE(std::distance(val.begin(), std::min_element(val.begin(), val.end())),
             std::ptrdiff_t(val.size()) - 1 - c.patience);
    const double restored = evaluatePart(t.network(), t.data(), Part::Validation).metrics.mseScaled;
    QVERIFY2(std::abs(restored - best) < 1e-5 * best, qPrintable(QStringLiteral("%1 vs %2").arg(restored).arg(best)));
}

// Weights so large that the head overflows: the first loss is infinite, training stops as
// diverged and the weights are the last finite ones (here, the initial ones).
void TrainingTest::nonFiniteLossKeepsTheLastFiniteWeights()
{
    QTemporaryDir dir;
    TrainConfig c = smallConfig();
    const NetworkShape shape = networkShape(c);
    SafetensorsFile f;
    for (const TensorSpec& spec : parameterLayout(shape))
        f.tensors.push_back(
            {spec.name, spec.shape, std::vector<double>(spec.size, spec.name == "linear.weight" ? 3e38 : 0.5)});
    c.initWeights = dir.filePath(QStringLiteral("huge.safetensors")).toStdString();
    writeSafetensors(c.initWeights, f);
    Trainer t(Dataset::prepare(seasonalSeries(60), c), c);
    const Vec<float> initial = t.network().parameters();
    QCOMPARE(t.run(), StopReason::Diverged);
    QCOMPARE(t.epochsRun(), 0);
    QVERIFY(t.network().parameters() == initial);
    QVERIFY(t.network().parameters().allFinite());
}

// Plain SGD at learning rate 10 blows up. Training stops as diverged, and the weights kept are
// those whose loss was the last one recorded, not the exploded ones.
void TrainingTest::explodingLossKeepsTheLastGoodWeights()
{
    TrainConfig c = smallConfig();
    c.optimizer = OptimizerKind::Sgd;
    c.learningRate = 10;
    c.epochs = 500;
    Trainer t(Dataset::prepare(seasonalSeries(120), c), c);
    QCOMPARE(t.run(), StopReason::Diverged);
    QVERIFY(t.epochsRun() >= 1);
    const Batch<float> b = t.data().batch(Part::Train);
    const double kept = meanSquaredError(t.network().forward(b.inputs, b.steps, b.batch, b.outputs), b.targets);
    QCOMPARE(kept, t.trainLoss().back());
    QVERIFY(kept < 1.0); // on data scaled to [0, 1], the kept model still predicts in range
}

void TrainingTest::cancelStopsBetweenEpochs()
{
    TrainConfig c = smallConfig();
    c.epochs = 1000;
    std::atomic<bool> cancel{false};
    Trainer t(Dataset::prepare(seasonalSeries(80), c), c);
    TrainControl control;
    control.cancel = &cancel;
    control.onEpoch = [&](const EpochProgress& p) {
        if (p.epoch == 3)
            cancel = true;
    };
    QCOMPARE(t.run(control), StopReason::Cancelled);
    QCOMPARE(t.epochsRun(), 3);
    QVERIFY(t.network().parameters().allFinite());
}

// The mechanism under the trainer's cancel: with the flag set, a forward pass gives NaN
// predictions of the usual shape (never stale or partial values) and a backward pass adds
// nothing to the gradients; cleared, the same network computes exactly as before.
void TrainingTest::cancelledPassStopsAndLeavesNoTrace()
{
    const NetworkShape shape{CellType::Lstm, 3, 6, 2};
    Network<float> network(shape);
    network.setParameters(initialParameters<float>(shape, 4));
    const Mat<float> X = Mat<float>::Random(3, 7 * 2);
    const Mat<float> expected = network.forward(X, 7, 2, OutputSteps::All);
    std::atomic<bool> cancel{true};
    network.setCancelFlag(&cancel);
    const Mat<float> cut = network.forward(X, 7, 2, OutputSteps::All);
    QCOMPARE(cut.rows(), 1);
    QCOMPARE(cut.cols(), 14);
    QVERIFY(cut.array().isNaN().all());
    network.zeroGradients();
    network.backward(Mat<float>::Ones(1, 14));
    QVERIFY(network.gradients().isZero());
    cancel = false;
    QVERIFY(network.forward(X, 7, 2, OutputSteps::All) == expected);
}

void TrainingTest::cancelInsideAnEpochKeepsTheLastWholeEpoch_data()
{
    QTest::addColumn<int>("cell");
    QTest::addColumn<int>("layout");
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("length");
    // Features layout: one epoch is one forward and backward pass over the whole series, the
    // case where cancel has to reach inside the time loop.
    QTest::newRow("LSTM features, one long pass") << int(CellType::Lstm) << int(Layout::Features) << 0 << 40000;
    QTest::newRow("GRU features, one long pass") << int(CellType::Gru) << int(Layout::Features) << 0 << 40000;
    QTest::newRow("RNN features, one long pass") << int(CellType::Rnn) << int(Layout::Features) << 0 << 80000;
    QTest::newRow("LSTM sequence, minibatches") << int(CellType::Lstm) << int(Layout::Sequence) << 64 << 20000;
}

// Cancel about half-way through the second epoch (on a busy machine, wherever it lands): run()
// returns within a time step (the latency is printed; only a hang is asserted), and the weights
// and losses are bit for bit those of a run planned for as many epochs as were counted: the
// partial epoch left no trace.
void TrainingTest::cancelInsideAnEpochKeepsTheLastWholeEpoch()
{
    QFETCH(int, cell);
    QFETCH(int, layout);
    QFETCH(int, batch);
    QFETCH(int, length);
    TrainConfig c;
    c.cell = CellType(cell);
    c.layout = Layout(layout);
    c.batch = batch;
    c.hidden = 45;
    c.layers = 2;
    c.epochs = 1000;
    const std::vector<double> series = seasonalSeries(std::size_t(length));
    Trainer t(Dataset::prepare(series, c), c);
    std::atomic<bool> cancel{false};
    std::atomic<double> firstEpochSeconds{-1};
    TrainControl control;
    control.cancel = &cancel;
    control.onEpoch = [&](const EpochProgress& p) {
        if (p.epoch == 1)
            firstEpochSeconds = p.elapsedSeconds;
    };
    std::chrono::steady_clock::time_point returned;
    std::thread worker([&] {
        t.run(control);
        returned = std::chrono::steady_clock::now();
    });
    QTRY_VERIFY_WITH_TIMEOUT(firstEpochSeconds.load() >= 0, 120000);
    QTest::qSleep(std::max(1, int(500 * firstEpochSeconds.load())));
    const auto cancelled = std::chrono::steady_clock::now();
    cancel = true;
    worker.join();
    const double latencyMs = std::chrono::duration<double, std::milli>(returned - cancelled).count();
    qInfo("epoch %.0f ms, cancelled after %d whole epochs, run() returned %.1f ms after cancel",
          1000 * firstEpochSeconds.load(), t.epochsRun(), latencyMs);
    QVERIFY2(latencyMs < 2000, "cancel did not reach inside the epoch");
    QCOMPARE(t.stopReason(), StopReason::Cancelled);
    QVERIFY(t.epochsRun() >= 1);

    c.epochs = t.epochsRun();
    Trainer reference(Dataset::prepare(series, c), c);
    QCOMPARE(reference.run(), StopReason::Completed);
    QCOMPARE(t.trainLoss(), reference.trainLoss());
    QVERIFY(t.network().parameters() == reference.network().parameters());
}

// The divergence case with the default optimizer: Adam at learning rate 10 stops as
// diverged with an explanation, and keeps weights whose loss is the last one recorded.
void TrainingTest::adamAtLearningRateTenStopsAsDiverged()
{
    TrainConfig c = smallConfig();
    c.learningRate = 10;
    c.epochs = 500;
    Trainer t(Dataset::prepare(seasonalSeries(120), c), c);
    QCOMPARE(t.run(), StopReason::Diverged);
    QVERIFY(t.epochsRun() < c.epochs);
    QVERIFY(t.network().parameters().allFinite());
    const std::string why = stopReasonExplanation(t.stopReason(), t.epochsRun());
    QVERIFY2(why.find("diverged") != std::string::npos && why.find("smaller learning rate") != std::string::npos,
             why.c_str());
    const Batch<float> b = t.data().batch(Part::Train);
    if (t.epochsRun() > 0) {
        const double kept = meanSquaredError(t.network().forward(b.inputs, b.steps, b.batch, b.outputs), b.targets);
        QCOMPARE(kept, t.trainLoss().back());
    }
}

void TrainingTest::pauseHoldsTrainingUntilResumed()
{
    TrainConfig c = smallConfig();
    c.layout = Layout::Sequence;
    c.batch = 8;
    c.epochs = 5;
    std::atomic<bool> pause{true}, cancel{false};
    std::atomic<int> epochs{0};
    Trainer t(Dataset::prepare(seasonalSeries(80), c), c);
    TrainControl control{&cancel, &pause, [&](const EpochProgress&) { ++epochs; }};
    std::thread worker([&] { t.run(control); });
    QTest::qSleep(150);
    QCOMPARE(epochs.load(), 0); // paused before the first minibatch
    pause = false;
    worker.join();
    QCOMPARE(epochs.load(), 5);
    QCOMPARE(t.stopReason(), StopReason::Completed);
}

// With minibatches the epoch's loss is the batch losses weighted by batch size: the mean over
// all training windows. With a learning rate too small to move the weights, it equals the
// full-batch loss.
void TrainingTest::minibatchLossIsTheWeightedMean()
{
    TrainConfig c = smallConfig();
    c.layout = Layout::Sequence;
    c.epochs = 1;
    c.batch = 7;
    c.learningRate = 1e-9;
    Trainer mini(Dataset::prepare(seasonalSeries(100), c), c);
    c.batch = 0;
    Trainer full(Dataset::prepare(seasonalSeries(100), c), c);
    mini.run();
    full.run();
    QVERIFY(std::abs(mini.trainLoss()[0] - full.trainLoss()[0]) < 1e-5 * full.trainLoss()[0]);
}

QTEST_APPLESS_MAIN(TrainingTest)
#include "test_training.moc"
