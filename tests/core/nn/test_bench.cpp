// The bench code path: every configuration builds, runs an epoch through the real
// training path and gives finite results. No timing assertions: CI machines are noisy.
#include "core/nn/benchmark.h"

#include <QtTest>

#include <cmath>

using namespace rnnwb;

class TestBench : public QObject {
    Q_OBJECT
private slots:
    void configsMatchTheDesign()
    {
        QCOMPARE(int(benchConfigs().size()), 4);
        const auto seed = findBenchConfig("seed");
        QVERIFY(seed.has_value());
        QCOMPARE(seed->steps, 97);
        QCOMPARE(seed->batch, 1);
        QCOMPARE(seed->inputs, 5);
        QVERIFY(seed->outputs == OutputSteps::All);
        const auto long10k = findBenchConfig("long10k");
        QVERIFY(long10k.has_value());
        QCOMPARE(long10k->stepsPerEpoch, 39);
        QVERIFY(!findBenchConfig("nope").has_value());
        // 2·G·H·(I+H) per layer-step forward, ×3 for forward + backward.
        const BenchConfig wide = *findBenchConfig("wide256");
        QCOMPARE(benchFlopsPerEpoch(wide), 10.0 * 3.0 * 2.0 * 4.0 * 256.0 * (1.0 + 256.0) * 64.0 * 64.0);
    }

    void everyConfigTrainsOneEpoch_data()
    {
        QTest::addColumn<QString>("name");
        for (const BenchConfig& c : benchConfigs())
            QTest::newRow(c.name.c_str()) << QString::fromStdString(c.name);
    }
    void everyConfigTrainsOneEpoch()
    {
        QFETCH(QString, name);
        BenchConfig c = *findBenchConfig(name.toStdString());
        c.stepsPerEpoch = std::min(c.stepsPerEpoch, 2); // the code path, not the full epoch
        BenchRun run(c);
        const Vec<float> before = run.network().parameters();
        const double first = run.runEpoch();
        const double second = run.runEpoch();
        QVERIFY(std::isfinite(first));
        QVERIFY(std::isfinite(second));
        QVERIFY(first > 0.0);
        QVERIFY(run.network().parameters().allFinite());
        QVERIFY(run.network().gradients().allFinite());
        QVERIFY(run.network().parameters() != before); // Adam stepped

        BenchRun again(c); // same seed: bit-identical
        QCOMPARE(again.runEpoch(), first);
    }

    void runBenchmarkGivesFiniteFigures()
    {
        BenchConfig c = *findBenchConfig("seq5");
        const BenchResult r = runBenchmark(c, 1, 0.0);
        QCOMPARE(int(r.samples.size()), 1);
        QVERIFY(std::isfinite(r.secondsPerEpoch) && r.secondsPerEpoch > 0.0);
        QVERIFY(std::isfinite(r.gflops) && r.gflops > 0.0);
        QVERIFY(std::isfinite(r.lastLoss));
        QVERIFY(r.epochsPerSample >= 1);
    }
};

QTEST_APPLESS_MAIN(TestBench)
#include "test_bench.moc"
