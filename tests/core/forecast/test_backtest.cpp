// Rolling-origin backtest (core/forecast/backtest.h, `rnnwb train --backtest K`): the blocks tile the
// test part, one trained network gives the run's own test predictions, the averages are the
// hand-computed ones, retraining trains each origin on the series up to its block only, and a
// bad K is refused.
#include "cli_support.h"

#include "core/forecast/backtest.h"
#include "core/training/report.h"
#include "core/training/trainer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>
#include <numbers>

using namespace rnnwb;
using namespace Qt::StringLiterals;

namespace {

std::vector<double> sine(std::size_t n)
{
    std::vector<double> v(n);
    for (std::size_t t = 0; t < n; ++t)
        v[t] = 10.0 + 3.0 * std::sin(2.0 * std::numbers::pi * double(t) / 12.0) + 0.05 * double(t);
    return v;
}

// A small, quick configuration of the features layout.
TrainConfig smallConfig(int epochs = 15)
{
    TrainConfig c;
    c.hidden = 6;
    c.layers = 1;
    c.epochs = epochs;
    c.seed = 7;
    return c;
}

QString dataFile(const char* name) { return QStringLiteral(RNNWB_TEST_DATA "/") + QString::fromUtf8(name); }

QJsonObject parseJson(const QByteArray& text) { return QJsonDocument::fromJson(text).object(); }

} // namespace

class BacktestTest : public QObject {
    Q_OBJECT
private slots:
    void blocksTileTheTestPart_data();
    void blocksTileTheTestPart();
    void badOriginCountRefused_data();
    void badOriginCountRefused();
    void oneNetworkGivesTheRunsTestPredictions();
    void averagesAreTheHandComputedOnes();
    void retrainingTrainsEachOriginOnItsPrefixOnly();
    void retrainingCanBeCancelled();
    void preprocessingCarriesOver();
    void cliReportsTheBacktest();
    void cliRetrainsAtEachOrigin();
    void cliRefusesABadK_data();
    void cliRefusesABadK();
};

void BacktestTest::blocksTileTheTestPart_data()
{
    QTest::addColumn<int>("targets");
    QTest::addColumn<int>("origins");
    QTest::addColumn<QList<int>>("sizes");
    QTest::newRow("one origin") << 42 << 1 << QList<int>{42};
    QTest::newRow("even") << 42 << 3 << QList<int>{14, 14, 14};
    QTest::newRow("remainder goes to the later blocks") << 8 << 3 << QList<int>{2, 3, 3};
    QTest::newRow("one target each") << 5 << 5 << QList<int>{1, 1, 1, 1, 1};
    QTest::newRow("airline, 4 origins") << 42 << 4 << QList<int>{10, 11, 10, 11};
}

void BacktestTest::blocksTileTheTestPart()
{
    QFETCH(int, targets);
    QFETCH(int, origins);
    QFETCH(QList<int>, sizes);
    const std::vector<BacktestBlock> blocks = backtestBlocks(std::size_t(targets), origins);
    QCOMPARE(int(blocks.size()), origins);
    std::size_t next = 0;
    for (std::size_t k = 0; k < blocks.size(); ++k) {
        QCOMPARE(blocks[k].first, next); // consecutive, no gap, no overlap
        QCOMPARE(int(blocks[k].count), sizes[qsizetype(k)]);
        next += blocks[k].count;
    }
    QCOMPARE(next, std::size_t(targets)); // the whole test part
}

void BacktestTest::badOriginCountRefused_data()
{
    QTest::addColumn<int>("origins");
    QTest::newRow("zero") << 0;
    QTest::newRow("negative") << -2;
    QTest::newRow("more origins than test targets") << 43;
}

void BacktestTest::badOriginCountRefused()
{
    QFETCH(int, origins);
    try {
        backtestBlocks(42, origins);
        QFAIL("a bad K was accepted");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QByteArray(e.what()).contains("the test part has 42 targets"), e.what());
    }
    BacktestSettings s;
    s.origins = origins;
    s.retrain = true;
    const std::vector<double> series = sine(144); // 139 windows, 97 training, 42 test
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, backtestRetrained(series, smallConfig(), s));
}

// Without retraining the blocks are the run's test predictions, cut in K pieces, and the pooled
// metrics are the run's test metrics.
void BacktestTest::oneNetworkGivesTheRunsTestPredictions()
{
    const TrainConfig c = smallConfig();
    Trainer trainer(Dataset::prepare(sine(120), c), c);
    trainer.run();
    const RunOutcome run = summarizeRun(trainer, "sine");
    BacktestSettings s;
    s.origins = 4;
    int reported = 0;
    s.onOrigin = [&](const BacktestOrigin& o, int done) {
        QCOMPARE(o.number, reported);
        QCOMPARE(done, ++reported);
    };
    const BacktestResult r = backtestTrained(trainer.network(), trainer.data(), s);
    QCOMPARE(reported, 4);
    QCOMPARE(int(r.perOrigin.size()), 4);
    QVERIFY(!r.retrain && !r.cancelled);
    std::vector<double> predicted;
    std::vector<std::size_t> index;
    for (const BacktestOrigin& o : r.perOrigin) {
        QCOMPARE(o.origin, o.prediction.index.front());
        predicted.insert(predicted.end(), o.prediction.predicted.begin(), o.prediction.predicted.end());
        index.insert(index.end(), o.prediction.index.begin(), o.prediction.index.end());
    }
    QCOMPARE(predicted, run.test.prediction.predicted);
    QCOMPARE(index, run.test.prediction.index);
    QCOMPARE(r.pooled.count, run.test.metrics.count);
    QCOMPARE(r.pooled.rmse, run.test.metrics.rmse);
    QCOMPARE(r.pooled.mae, run.test.metrics.mae);
    QCOMPARE(r.pooled.mase, run.test.metrics.mase);
    QCOMPARE(r.pooled.r2, run.test.metrics.r2);
}

// A network whose weights are all zero but the head's bias predicts one constant: 10 on the
// series 0, 1, …, 16 (min-max scaled by 1/16, so 10 is 0.625, exact in float). Window 1 and
// half the 16 windows for training: the test targets are 9 … 16 and K = 3 blocks hold
// [9, 10], [11, 12, 13], [14, 15, 16], with errors (1, 0), (1, 2, 3), (4, 5, 6).
// The training values 0 … 8 are a line: period 1, MASE scale mean |Δy| = 1, so mase = mae.
void BacktestTest::averagesAreTheHandComputedOnes()
{
    std::vector<double> series(17);
    for (std::size_t t = 0; t < series.size(); ++t)
        series[t] = double(t);
    TrainConfig c = smallConfig();
    c.window = 1;
    c.trainSplit = 0.5;
    const Dataset data = Dataset::prepare(series, c);
    Network<float> network(networkShape(c));
    network.parameters().setZero();
    network.parameters()[network.parameters().size() - 1] = float(data.scaler.apply(10.0));
    BacktestSettings s;
    s.origins = 3;
    const BacktestResult r = backtestTrained(network, data, s);
    QCOMPARE(int(r.perOrigin.size()), 3);
    const std::vector<std::size_t> origins = {r.perOrigin[0].origin, r.perOrigin[1].origin, r.perOrigin[2].origin};
    QCOMPARE(origins, (std::vector<std::size_t>{9, 11, 14}));
    // per block: mae 1/2, 2, 5; mse 1/2, 14/3, 77/3; r2 = 1 − SSres/SStot = 1 − 1/0.5, 1 − 14/2, 1 − 77/2
    const double mae[] = {0.5, 2.0, 5.0}, mse[] = {0.5, 14.0 / 3, 77.0 / 3}, r2[] = {-1.0, -6.0, -37.5};
    for (int k = 0; k < 3; ++k) {
        const Metrics& m = r.perOrigin[std::size_t(k)].metrics;
        QCOMPARE(m.mae, mae[k]);
        QCOMPARE(m.mse, mse[k]);
        QCOMPARE(*m.mase, mae[k]);
        QCOMPARE(*m.r2, r2[k]);
    }
    // mean over the origins: mae (0.5 + 2 + 5)/3 = 2.5, mse (0.5 + 91/3)/3, rmse the mean of √mse
    QCOMPARE(r.mean.count, std::size_t(8));
    QCOMPARE(r.mean.mae, 2.5);
    QCOMPARE(r.mean.mse, (0.5 + 91.0 / 3) / 3);
    QCOMPARE(r.mean.rmse, (std::sqrt(0.5) + std::sqrt(14.0 / 3) + std::sqrt(77.0 / 3)) / 3);
    QCOMPARE(*r.mean.mase, 2.5);
    QCOMPARE(*r.mean.r2, -44.5 / 3);
    // pooled over the 8 targets: Σ|e| = 22, Σe² = 92
    QCOMPARE(r.pooled.count, std::size_t(8));
    QCOMPARE(r.pooled.mae, 22.0 / 8);
    QCOMPARE(r.pooled.mse, 92.0 / 8);
    QCOMPARE(r.pooled.rmse, std::sqrt(92.0 / 8));
    QCOMPARE(*r.pooled.mase, 22.0 / 8);
}

// K = 2 with retraining, the scaler fitted on the training part: origin 1 is trained on more
// data than the run, so it predicts its block differently; origin 0 is trained on exactly the
// run's training windows (same seed), so it predicts block 0 exactly as the run does; and what
// comes after block 0 (here multiplied by 10) cannot change origin 0.
void BacktestTest::retrainingTrainsEachOriginOnItsPrefixOnly()
{
    TrainConfig c = smallConfig(12);
    c.scalerFit = ScalerFit::TrainingPart;
    c.valSplit = 0.1;
    const std::vector<double> series = sine(80); // 75 windows: 52 training, 7 validation, 16 test
    BacktestSettings s;
    s.origins = 2;
    const BacktestResult fixed = runBacktest(series, c, s);
    s.retrain = true;
    const BacktestResult retrained = runBacktest(series, c, s);
    QVERIFY(retrained.retrain && !retrained.cancelled);
    QCOMPARE(int(retrained.perOrigin.size()), 2);
    for (int k = 0; k < 2; ++k) {
        const BacktestOrigin& o = retrained.perOrigin[std::size_t(k)];
        QCOMPARE(o.epochsRun, 12); // a training of its own
        QCOMPARE(o.stop, StopReason::Completed);
        QCOMPARE(o.origin, fixed.perOrigin[std::size_t(k)].origin);
        QCOMPARE(o.prediction.index, fixed.perOrigin[std::size_t(k)].prediction.index);
        QCOMPARE(o.prediction.actual, fixed.perOrigin[std::size_t(k)].prediction.actual);
    }
    QCOMPARE(retrained.perOrigin[0].origin, std::size_t(5 + 52 + 7));
    QCOMPARE(retrained.perOrigin[1].origin, std::size_t(5 + 52 + 7 + 8));
    QCOMPARE(retrained.perOrigin[0].prediction.predicted, fixed.perOrigin[0].prediction.predicted);
    QVERIFY(retrained.perOrigin[1].prediction.predicted != fixed.perOrigin[1].prediction.predicted);

    std::vector<double> changedFuture = series;
    for (std::size_t t = 5 + 52 + 7 + 8; t < changedFuture.size(); ++t)
        changedFuture[t] *= 10.0;
    const BacktestResult blind = runBacktest(changedFuture, c, s);
    QCOMPARE(blind.perOrigin[0].prediction.predicted, retrained.perOrigin[0].prediction.predicted);
    QCOMPARE(blind.perOrigin[0].metrics.rmse, retrained.perOrigin[0].metrics.rmse);
}

// Stop between origins: the origins done are kept, the rest left out, and the result says so.
void BacktestTest::retrainingCanBeCancelled()
{
    std::atomic<bool> cancel{false};
    BacktestSettings s;
    s.origins = 3;
    s.retrain = true;
    s.cancel = &cancel;
    s.onOrigin = [&](const BacktestOrigin&, int) { cancel.store(true); };
    const BacktestResult r = backtestRetrained(sine(80), smallConfig(5), s);
    QVERIFY(r.cancelled);
    QCOMPARE(int(r.perOrigin.size()), 1);
    QCOMPARE(r.pooled.count, r.perOrigin[0].metrics.count);
    QCOMPARE(r.mean.rmse, r.perOrigin[0].metrics.rmse);
}

// Log + seasonal difference + first difference (the first 13 values have no transformed value):
// the blocks are still the run's test targets, in data units, with and without retraining.
void BacktestTest::preprocessingCarriesOver()
{
    TrainConfig c = smallConfig(6);
    c.preprocessing.log = true;
    c.preprocessing.seasonalDifference = 12;
    c.preprocessing.difference = true;
    const std::vector<double> series = sine(100);
    Trainer trainer(Dataset::prepare(series, c), c);
    trainer.run();
    const RunOutcome run = summarizeRun(trainer, "sine");
    BacktestSettings s;
    s.origins = 3;
    const BacktestResult fixed = backtestTrained(trainer.network(), trainer.data(), s);
    s.retrain = true;
    const BacktestResult retrained = backtestRetrained(series, c, s);
    QCOMPARE(int(retrained.perOrigin.size()), 3);
    std::vector<std::size_t> index;
    std::vector<double> actual;
    for (int k = 0; k < 3; ++k) {
        const PartPrediction& p = retrained.perOrigin[std::size_t(k)].prediction;
        QCOMPARE(p.index, fixed.perOrigin[std::size_t(k)].prediction.index);
        index.insert(index.end(), p.index.begin(), p.index.end());
        actual.insert(actual.end(), p.actual.begin(), p.actual.end());
        for (double x : p.predicted)
            QVERIFY(std::isfinite(x));
    }
    QCOMPARE(index, run.test.prediction.index);
    QCOMPARE(actual, run.test.prediction.actual); // data units, not differences
    QCOMPARE(fixed.pooled.rmse, run.test.metrics.rmse);
}

void BacktestTest::cliReportsTheBacktest()
{
    const rnnwb::test::CliResult r
        = rnnwb::test::runRnnwb({u"train"_s, u"--csv"_s, dataFile("airline-passengers.csv"), u"--epochs"_s, u"3"_s,
                                 u"--hidden"_s, u"6"_s, u"--backtest"_s, u"3"_s, u"--json"_s, u"-"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = parseJson(r.out);
    const QJsonObject b = o[u"backtest"_s].toObject();
    QCOMPARE(b[u"origins"_s].toInt(), 3);
    QCOMPARE(b[u"retrain"_s].toBool(), false);
    const QJsonArray perOrigin = b[u"per_origin"_s].toArray();
    QCOMPARE(perOrigin.size(), 3);
    // 42 test targets from index 102: origins 102, 116, 130
    QCOMPARE(perOrigin[0][u"origin"_s].toInt(), 102);
    QCOMPARE(perOrigin[1][u"origin"_s].toInt(), 116);
    QCOMPARE(perOrigin[2][u"origin"_s].toInt(), 130);
    QJsonArray predictions;
    for (const QJsonValue origin : perOrigin) {
        QCOMPARE(origin[u"targets"_s].toInt(), 14);
        for (const char* key : {"rmse", "mae", "mape", "smape", "mase", "r2", "count", "index"})
            QVERIFY2(origin.toObject().contains(QLatin1String(key)), key);
        for (const QJsonValue p : origin[u"predictions"_s].toArray())
            predictions.append(p);
    }
    QCOMPARE(predictions, o[u"test_predictions"_s].toArray());
    QCOMPARE(b[u"pooled"_s][u"rmse"_s].toDouble(), o[u"test"_s][u"rmse"_s].toDouble());
    double meanMae = 0.0;
    for (const QJsonValue origin : perOrigin)
        meanMae += origin[u"mae"_s].toDouble() / 3.0;
    QVERIFY(std::abs(b[u"mean"_s][u"mae"_s].toDouble() - meanMae) < 1e-9 * meanMae);
    QVERIFY2(r.err.contains("backtest, 3 origins"), r.err.constData()); // the table (stdout holds the JSON)
}

void BacktestTest::cliRetrainsAtEachOrigin()
{
    const rnnwb::test::CliResult r
        = rnnwb::test::runRnnwb({u"train"_s, u"--csv"_s, dataFile("airline-passengers.csv"), u"--epochs"_s, u"2"_s,
                                 u"--hidden"_s, u"6"_s, u"--backtest"_s, u"2"_s, u"--backtest-retrain"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("backtest, 2 origins (retrained at each origin)"), r.out.constData());
    QVERIFY(r.out.contains("pooled"));
    QTemporaryDir dir;
    const QString report = dir.filePath(u"r.json"_s);
    QCOMPARE(rnnwb::test::runRnnwb({u"train"_s, u"--csv"_s, dataFile("airline-passengers.csv"), u"--epochs"_s, u"2"_s,
                                    u"--hidden"_s, u"6"_s, u"--backtest"_s, u"2"_s, u"--backtest-retrain"_s,
                                    u"--json"_s, report})
                 .exitCode,
             0);
    QFile f(report);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject b = parseJson(f.readAll())[u"backtest"_s].toObject();
    QCOMPARE(b[u"retrain"_s].toBool(), true);
    QCOMPARE(b[u"per_origin"_s].toArray().size(), 2);
    QCOMPARE(b[u"per_origin"_s][1][u"epochs_run"_s].toInt(), 2);
    QCOMPARE(b[u"per_origin"_s][1][u"stop_reason"_s].toString(), u"completed"_s);
}

void BacktestTest::cliRefusesABadK_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("K = 0") << QStringList{u"--backtest"_s, u"0"_s} << 2 << u"--backtest needs"_s;
    QTest::newRow("K not a number") << QStringList{u"--backtest"_s, u"three"_s} << 2 << u"--backtest needs"_s;
    QTest::newRow("retrain without K") << QStringList{u"--backtest-retrain"_s} << 2 << u"needs --backtest K"_s;
    QTest::newRow("more origins than test targets")
        << QStringList{u"--backtest"_s, u"43"_s} << 1 << u"airline-passengers.csv: a backtest with 43 origins"_s;
}

void BacktestTest::cliRefusesABadK()
{
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const rnnwb::test::CliResult r = rnnwb::test::runRnnwb(
        QStringList{u"train"_s, u"--csv"_s, dataFile("airline-passengers.csv"), u"--epochs"_s, u"1"_s} + options);
    QCOMPARE(r.exitCode, exitCode);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(message), qPrintable(err));
    QCOMPARE(err.count(u'\n'), 1); // one line
}

QTEST_APPLESS_MAIN(BacktestTest)
#include "test_backtest.moc"
