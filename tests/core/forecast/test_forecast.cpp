// Predictions of a whole series and recursive forecasts past its end, with intervals.
#include "core/forecast/forecast.h"
#include "core/training/model.h"
#include "core/training/trainer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <numbers>

using namespace rnnwb;

namespace {

std::vector<double> sine(std::size_t n, double period = 20.0)
{
    std::vector<double> v(n);
    for (std::size_t t = 0; t < n; ++t)
        v[t] = 10.0 + 3.0 * std::sin(2.0 * std::numbers::pi * double(t) / period);
    return v;
}

TrainConfig briefConfig(const QString& cell, const QString& layout)
{
    TrainConfig c;
    c.cell = parseCellType(cell.toStdString());
    c.layout = parseLayout(layout.toStdString());
    c.hidden = 8;
    c.layers = 2;
    c.epochs = 40;
    c.learningRate = 0.02;
    c.valSplit = 0.1;
    c.seed = 5;
    return c;
}

// A network trained briefly on a sine (160 values, window 5: 155 windows, 108 train, 15
// validation, 32 test).
Trainer trainedOnSine(const TrainConfig& c)
{
    Trainer t(Dataset::prepare(sine(160), c), c, "sine");
    t.run();
    return t;
}

void addCellsAndLayouts()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("layout");
    QTest::newRow("lstm features") << QStringLiteral("lstm") << QStringLiteral("features");
    QTest::newRow("gru features") << QStringLiteral("gru") << QStringLiteral("features");
    QTest::newRow("rnn features") << QStringLiteral("rnn") << QStringLiteral("features");
    QTest::newRow("lstm sequence") << QStringLiteral("lstm") << QStringLiteral("sequence");
    QTest::newRow("gru sequence") << QStringLiteral("gru") << QStringLiteral("sequence");
}

} // namespace

class ForecastTest : public QObject {
    Q_OBJECT
private slots:
    void stepRunnerMatchesOneSequence_data();
    void stepRunnerMatchesOneSequence();
    void predictEqualsTheTrainersTestPredictions_data();
    void predictEqualsTheTrainersTestPredictions();
    void forecastContinuesPastTheEnd_data();
    void forecastContinuesPastTheEnd();
    void oneStepErrorsAreThePartsPredictionErrors_data();
    void oneStepErrorsAreThePartsPredictionErrors();
    void longerHorizonExtendsTheShorter();
    void longPartsAreSampled_data();
    void longPartsAreSampled();
    void refusesBadArguments_data();
    void refusesBadArguments();
    void empiricalQuantileInterpolates_data();
    void empiricalQuantileInterpolates();
    void preprocessedForecastsBuildOnTheirOwn_data();
    void preprocessedForecastsBuildOnTheirOwn();
};

void ForecastTest::stepRunnerMatchesOneSequence_data()
{
    QTest::addColumn<QString>("cell");
    QTest::newRow("lstm") << QStringLiteral("lstm");
    QTest::newRow("gru") << QStringLiteral("gru");
    QTest::newRow("rnn") << QStringLiteral("rnn");
}

void ForecastTest::stepRunnerMatchesOneSequence()
{
    QFETCH(QString, cell);
    TrainConfig c = briefConfig(cell, QStringLiteral("features"));
    const Dataset data = Dataset::prepare(sine(80), c);
    Network<float> network(networkShape(c));
    network.setParameters(initialParameters<float>(network.shape(), 11));
    const Batch<float> all = data.batch(Part::Train);
    const Mat<float> whole = network.forward(all.inputs, all.steps, all.batch, all.outputs);

    StepRunner runner(network);
    Mat<float> x(c.window, 1);
    for (int t = 0; t < all.steps; ++t) {
        x = all.inputs.col(t);
        const float stepped = runner.step(x)(0, 0);
        QVERIFY2(std::abs(stepped - whole(0, t)) < 1e-5f, qPrintable(QString::number(t)));
    }
    // a batch of two copies of the same state steps the same way
    InitialState<float> two = runner.state();
    for (Mat<float>& m : two.h)
        m = m.replicate(1, 2).eval();
    for (Mat<float>& m : two.c)
        m = m.replicate(1, 2).eval();
    runner.setState(two);
    QCOMPARE(runner.batch(), 2);
    const Mat<float> pair = runner.step(x.replicate(1, 2));
    QCOMPARE(pair(0, 0), pair(0, 1));
}

void ForecastTest::predictEqualsTheTrainersTestPredictions_data() { addCellsAndLayouts(); }

void ForecastTest::predictEqualsTheTrainersTestPredictions()
{
    QFETCH(QString, cell);
    QFETCH(QString, layout);
    TrainConfig c = briefConfig(cell, layout);
    c.epochs = 5;
    Trainer trainer = trainedOnSine(c);
    // through the model file, as `rnnwb predict` does
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("m.safetensors")).toStdString();
    saveModel(path, trainer.model());
    const Model model = loadModel(path);
    const Dataset data = Dataset::withScaler(sine(160), model.config, model.scaler);
    const std::vector<PartPrediction> parts = predictSeries(model, data);

    QCOMPARE(parts.size(), std::size_t(3));
    std::size_t next = std::size_t(c.window);
    for (const PartPrediction& p : parts)
        for (const std::size_t index : p.index)
            QCOMPARE(index, next++); // every window, in order
    QCOMPARE(next, std::size_t(160));
    const PartPrediction reference = predictPart(trainer.network(), trainer.data(), Part::Test);
    QVERIFY(parts.back().part == Part::Test);
    QCOMPARE(parts.back().index, reference.index);
    QCOMPARE(parts.back().predicted, reference.predicted);
    QCOMPARE(parts.back().actual, reference.actual);
}

void ForecastTest::forecastContinuesPastTheEnd_data() { addCellsAndLayouts(); }

void ForecastTest::forecastContinuesPastTheEnd()
{
    QFETCH(QString, cell);
    QFETCH(QString, layout);
    Trainer trainer = trainedOnSine(briefConfig(cell, layout));
    const Model model = trainer.model();
    const Dataset& data = trainer.data();
    const int horizon = 60; // longer than the 47 origins: the band is also extended
    const Forecast f = forecastWithIntervals(model, data, horizon, 0.8);

    QCOMPARE(f.horizon, horizon);
    QCOMPARE(f.index.size(), std::size_t(horizon));
    QCOMPARE(f.forecast.size(), std::size_t(horizon));
    for (int s = 0; s < horizon; ++s)
        QCOMPARE(f.index[std::size_t(s)], std::size_t(160 + s));
    QCOMPARE(f.origins, std::size_t(47));
    QCOMPARE(f.empiricalHorizon, 38);
    QCOMPARE(f.errorCount.size(), std::size_t(38));
    QCOMPARE(f.errorCount.front(), std::size_t(47));
    QCOMPARE(f.errorCount.back(), std::size_t(10));
    double firstHalf = 0.0, secondHalf = 0.0;
    for (std::size_t s = 0; s < std::size_t(horizon); ++s) {
        QVERIFY(std::isfinite(f.forecast[s]) && std::isfinite(f.lower[s]) && std::isfinite(f.upper[s]));
        QVERIFY(f.lower[s] <= f.forecast[s] && f.forecast[s] <= f.upper[s]);
        const double width = f.upper[s] - f.lower[s];
        (s < std::size_t(horizon / 2) ? firstHalf : secondHalf) += width;
        if (s > 0)
            QVERIFY(width >= f.upper[s - 1] - f.lower[s - 1] - 1e-9);
    }
    QVERIFY(secondHalf >= firstHalf); // the band widens with h, on average too
    QVERIFY(f.upper.back() - f.lower.back() > 0.0);
    // a network that learnt something stays near the sine's range (7 … 13)
    for (const double y : f.forecast)
        QVERIFY2(y > 0.0 && y < 20.0, qPrintable(QString::number(y)));
}

void ForecastTest::oneStepErrorsAreThePartsPredictionErrors_data() { addCellsAndLayouts(); }

void ForecastTest::oneStepErrorsAreThePartsPredictionErrors()
{
    QFETCH(QString, cell);
    QFETCH(QString, layout);
    TrainConfig c = briefConfig(cell, layout);
    c.epochs = 5;
    Trainer trainer = trainedOnSine(c);
    const std::vector<std::vector<double>> errors = closedLoopErrors(trainer.network(), trainer.data(), 3);
    QCOMPARE(errors.size(), std::size_t(3));
    QCOMPARE(errors[0].size(), std::size_t(47));
    QCOMPARE(errors[2].size(), std::size_t(45));
    // step 1 from each origin: the one-step prediction of that part's sequence (predictPart)
    std::vector<double> oneStep;
    for (const Part part : {Part::Validation, Part::Test}) {
        const PartPrediction p = predictPart(trainer.network(), trainer.data(), part);
        for (std::size_t k = 0; k < p.index.size(); ++k)
            oneStep.push_back(p.actual[k] - p.predicted[k]);
    }
    QCOMPARE(oneStep.size(), errors[0].size());
    for (std::size_t k = 0; k < oneStep.size(); ++k)
        QVERIFY2(std::abs(oneStep[k] - errors[0][k]) < 1e-4, qPrintable(QString::number(k)));
}

void ForecastTest::longerHorizonExtendsTheShorter()
{
    Trainer trainer = trainedOnSine(briefConfig(QStringLiteral("lstm"), QStringLiteral("features")));
    const std::vector<double> shortRun = recursiveForecast(trainer.network(), trainer.data(), 7);
    const std::vector<double> longRun = recursiveForecast(trainer.network(), trainer.data(), 30);
    QCOMPARE(longRun.size(), std::size_t(30));
    for (std::size_t s = 0; s < shortRun.size(); ++s)
        QCOMPARE(longRun[s], shortRun[s]);
}

void ForecastTest::longPartsAreSampled_data()
{
    QTest::addColumn<QString>("layout");
    QTest::newRow("features") << QStringLiteral("features");
    QTest::newRow("sequence") << QStringLiteral("sequence");
}

void ForecastTest::longPartsAreSampled()
{
    QFETCH(QString, layout);
    TrainConfig c = briefConfig(QStringLiteral("gru"), layout);
    const Dataset data = Dataset::prepare(sine(2005), c); // 2000 windows: 1400 train, 200 validation, 400 test
    const std::vector<std::size_t> origins = intervalOrigins(data);
    QCOMPARE(origins.size(), kMaxIntervalOrigins);
    QCOMPARE(origins.front(), std::size_t(1400));
    QCOMPARE(origins.back(), std::size_t(1999));
    for (std::size_t k = 1; k < origins.size(); ++k)
        QVERIFY(origins[k] > origins[k - 1]);
    Network<float> network(networkShape(c));
    network.setParameters(initialParameters<float>(network.shape(), 3));
    const Forecast f = forecastWithIntervals(network, data, 400, 0.9);
    QCOMPARE(f.origins, kMaxIntervalOrigins);
    QCOMPARE(f.empiricalHorizon, kMaxMeasuredHorizon);
    QCOMPARE(f.errorCount.size(), std::size_t(kMaxMeasuredHorizon));
    QVERIFY(f.errorCount.back() >= kMinIntervalErrors);
    for (std::size_t s = 0; s < f.forecast.size(); ++s)
        QVERIFY(f.lower[s] <= f.forecast[s] && f.forecast[s] <= f.upper[s]);
}

void ForecastTest::refusesBadArguments_data()
{
    QTest::addColumn<int>("horizon");
    QTest::addColumn<double>("coverage");
    QTest::newRow("horizon 0") << 0 << 0.9;
    QTest::newRow("coverage 0") << 5 << 0.0;
    QTest::newRow("coverage 1") << 5 << 1.0;
    QTest::newRow("coverage NaN") << 5 << std::numeric_limits<double>::quiet_NaN();
}

void ForecastTest::refusesBadArguments()
{
    QFETCH(int, horizon);
    QFETCH(double, coverage);
    TrainConfig c = briefConfig(QStringLiteral("rnn"), QStringLiteral("features"));
    const Dataset data = Dataset::prepare(sine(60), c);
    Network<float> network(networkShape(c));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, forecastWithIntervals(network, data, horizon, coverage));
}

void ForecastTest::empiricalQuantileInterpolates_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("q");
    QTest::addColumn<double>("expected");
    QTest::newRow("median of odd") << QList<double>{3, 1, 2} << 0.5 << 2.0;
    QTest::newRow("median of even") << QList<double>{4, 1, 3, 2} << 0.5 << 2.5;
    QTest::newRow("0.05 of 0…10") << QList<double>{10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0} << 0.05 << 0.5;
    QTest::newRow("min") << QList<double>{5, -1} << 0.0 << -1.0;
    QTest::newRow("max") << QList<double>{5, -1} << 1.0 << 5.0;
    QTest::newRow("one value") << QList<double>{7} << 0.9 << 7.0;
    QTest::newRow("none") << QList<double>{} << 0.5 << 0.0;
}

void ForecastTest::empiricalQuantileInterpolates()
{
    QFETCH(QList<double>, values);
    QFETCH(double, q);
    QFETCH(double, expected);
    QCOMPARE(empiricalQuantile(std::vector<double>(values.begin(), values.end()), q), expected);
}

void ForecastTest::preprocessedForecastsBuildOnTheirOwn_data()
{
    QTest::addColumn<bool>("log");
    QTest::addColumn<int>("season");
    QTest::addColumn<bool>("diff");
    QTest::newRow("diff") << false << 0 << true;
    QTest::newRow("log, seasonal 20") << true << 20 << false;
    QTest::newRow("log, seasonal 20, diff") << true << 20 << true;
}

// With preprocessing the network forecasts the scaled transformed series z. The same network on
// a dataset that IS z (no preprocessing, same scaler and split) forecasts the same ẑ; integrating
// those by hand, with the forecasts standing in for the values past the end, must give the
// preprocessed model's forecasts in data units.
void ForecastTest::preprocessedForecastsBuildOnTheirOwn()
{
    QFETCH(bool, log);
    QFETCH(int, season);
    QFETCH(bool, diff);
    std::vector<double> y = sine(160);
    for (std::size_t t = 0; t < y.size(); ++t)
        y[t] += 0.05 * double(t); // a trend, so the differences matter
    TrainConfig c = briefConfig(QStringLiteral("lstm"), QStringLiteral("features"));
    c.epochs = 5;
    c.preprocessing.log = log;
    c.preprocessing.seasonalDifference = season;
    c.preprocessing.difference = diff;
    Trainer trainer(Dataset::prepare(y, c), c, "trend");
    trainer.run();
    const Dataset& data = trainer.data();
    const std::size_t n = y.size(), lost = c.preprocessing.lost();
    QCOMPARE(data.split.offset, lost);

    TrainConfig plain = c;
    plain.preprocessing = {};
    const Dataset zData = Dataset::withScaler(transformSeries(y, c.preprocessing), plain, data.scaler);
    QCOMPARE(zData.split.total(), data.split.total());
    const int horizon = 30; // past one season: steps 21 … use the model's own forecasts
    const std::vector<double> zHat = recursiveForecast(trainer.network(), zData, horizon);
    const std::vector<double> f = recursiveForecast(trainer.network(), data, horizon);
    std::vector<double> ext = y; // the series, then the forecasts
    for (int h = 0; h < horizon; ++h) {
        const std::size_t t = n + std::size_t(h);
        double expected = 0.0;
        if (!log) // y_t = y_{t−1} + ẑ_t
            expected = ext[t - 1] + zHat[std::size_t(h)];
        else if (!diff) // y_t = y_{t−20} · exp(ẑ_t)
            expected = ext[t - 20] * std::exp(zHat[std::size_t(h)]);
        else // ln y_t = ẑ_t + ln y_{t−1} + ln y_{t−20} − ln y_{t−21}
            expected
                = std::exp(zHat[std::size_t(h)] + std::log(ext[t - 1]) + std::log(ext[t - 20]) - std::log(ext[t - 21]));
        QVERIFY2(std::abs(f[std::size_t(h)] - expected) <= 1e-9 * std::abs(expected),
                 qPrintable(QStringLiteral("step %1: %2 vs %3").arg(h + 1).arg(f[std::size_t(h)]).arg(expected)));
        ext.push_back(f[std::size_t(h)]);
    }

    // Step 1 of the rolling forecasts is the one-step prediction (inverted with actual values).
    const std::vector<std::vector<double>> errors = closedLoopErrors(trainer.network(), data, 3);
    std::vector<double> oneStep;
    for (const Part part : {Part::Validation, Part::Test}) {
        const PartPrediction p = predictPart(trainer.network(), data, part);
        QCOMPARE(p.index.front(), data.split.targetIndex(data.split.first(part)));
        for (std::size_t k = 0; k < p.index.size(); ++k)
            oneStep.push_back(p.actual[k] - p.predicted[k]);
    }
    QCOMPARE(errors[0].size(), oneStep.size());
    for (std::size_t k = 0; k < oneStep.size(); ++k)
        QVERIFY2(std::abs(oneStep[k] - errors[0][k]) < 1e-4, qPrintable(QString::number(k)));

    // The band around the forecast, in data units.
    const Forecast band = forecastWithIntervals(trainer.network(), data, horizon, 0.9);
    QCOMPARE(band.forecast, f);
    QCOMPARE(band.index.front(), n);
    for (int h = 0; h < horizon; ++h)
        QVERIFY(band.lower[std::size_t(h)] <= f[std::size_t(h)] && f[std::size_t(h)] <= band.upper[std::size_t(h)]);
}

QTEST_APPLESS_MAIN(ForecastTest)
#include "test_forecast.moc"
