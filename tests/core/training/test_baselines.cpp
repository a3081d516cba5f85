// Error measures in the data's units and the baselines a network is measured against.
#include "core/data/csv_reader.h"
#include "core/data/series.h"
#include "core/stats/metrics.h"
#include "core/training/baselines.h"
#include "core/training/dataset.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace rnnwb;

namespace {

constexpr double kNull = std::numeric_limits<double>::quiet_NaN(); // "expected null" in a table

std::vector<double> toStd(const QList<double>& v) { return {v.begin(), v.end()}; }

// Compares an optional metric with an expected value, NaN meaning "must be null".
bool matches(const std::optional<double>& actual, double expected)
{
    if (std::isnan(expected))
        return !actual.has_value();
    return actual.has_value() && std::abs(*actual - expected) <= 1e-9 * std::max(1.0, std::abs(expected));
}

QString show(const std::optional<double>& x) { return x ? QString::number(*x, 'g', 12) : QStringLiteral("null"); }

Dataset prepared(const std::vector<double>& values, int window, double trainSplit = 0.7, double valSplit = 0.0)
{
    TrainConfig c;
    c.window = window;
    c.trainSplit = trainSplit;
    c.valSplit = valSplit;
    return Dataset::prepare(values, c);
}

std::vector<double> airline()
{
    const CsvTable table = readCsvFile(RNNWB_TEST_DATA "/airline-passengers.csv");
    return extractSeries(table, defaultColumn(table)).values;
}

// y_t = 1.6 y_{t−1} − 0.9 y_{t−2} + 0.3: a damped oscillation around 1, no noise.
std::vector<double> exactAr2(std::size_t n)
{
    std::vector<double> y = {0.0, 2.0};
    while (y.size() < n)
        y.push_back(1.6 * y[y.size() - 1] - 0.9 * y[y.size() - 2] + 0.3);
    return y;
}

QList<double> repeated(const QList<double>& cycle, int times)
{
    QList<double> v;
    for (int k = 0; k < times; ++k)
        v += cycle;
    return v;
}

QList<double> line(int n, double a, double b)
{
    QList<double> v;
    for (int t = 0; t < n; ++t)
        v.append(a + b * t);
    return v;
}

} // namespace

class BaselinesTest : public QObject {
    Q_OBJECT
private slots:
    void metricsOnHandComputedExamples_data();
    void metricsOnHandComputedExamples();
    void seasonalNaiveScale_data();
    void seasonalNaiveScale();
    void baselinesOnKnownSeries_data();
    void baselinesOnKnownSeries();
    void acfFindsTheAirlineYear();
    void userSeasonOverridesTheAcf_data();
    void userSeasonOverridesTheAcf();
    void linearArRecoversAnExactAr2_data();
    void linearArRecoversAnExactAr2();
    void baselinesCoverTheTestTargets();
};

void BaselinesTest::metricsOnHandComputedExamples_data()
{
    QTest::addColumn<QList<double>>("predicted");
    QTest::addColumn<QList<double>>("actual");
    QTest::addColumn<double>("maseScale"); // NaN: none
    QTest::addColumn<double>("mse");
    QTest::addColumn<double>("mae");
    QTest::addColumn<double>("mape");
    QTest::addColumn<double>("smape");
    QTest::addColumn<double>("mase");
    QTest::addColumn<double>("r2");

    // errors 1, 0, −2; ā = 13/3, Σ(a − ā)² = 74/3
    QTest::newRow("three targets") << QList<double>{2, 4, 6} << QList<double>{1, 4, 8} << 2.0 << 5.0 / 3 << 1.0
                                   << 100.0 * (1.0 + 0.0 + 0.25) / 3 << 100.0 * (2.0 / 3 + 0.0 + 4.0 / 14) / 3 << 0.5
                                   << 1.0 - 5.0 / (74.0 / 3);
    // every actual 0: no MAPE; constant actual: no R²
    QTest::newRow("zero actuals") << QList<double>{1, 2} << QList<double>{0, 0} << 1.0 << 2.5 << 1.5 << kNull << 200.0
                                  << 1.5 << kNull;
    // one zero actual is left out of MAPE (the other term: 1/4)
    QTest::newRow("one zero actual") << QList<double>{1, 5} << QList<double>{0, 4} << kNull << 1.0 << 1.0 << 25.0
                                     << 100.0 * (2.0 + 2.0 / 9) / 2 << kNull << 1.0 - 2.0 / 8;
    QTest::newRow("constant actual") << QList<double>{3, 5} << QList<double>{4, 4} << 0.5 << 1.0 << 1.0 << 25.0
                                     << 100.0 * (2.0 / 7 + 2.0 / 9) / 2 << 2.0 << kNull;
    // 0/0 in sMAPE is a perfect forecast, left out
    QTest::newRow("perfect with a zero") << QList<double>{0, 1} << QList<double>{0, 1} << kNull << 0.0 << 0.0 << 0.0
                                         << 0.0 << kNull << 1.0;
    QTest::newRow("scale zero gives no mase")
        << QList<double>{1} << QList<double>{2} << 0.0 << 1.0 << 1.0 << 50.0 << 100.0 * 2.0 / 3 << kNull << kNull;
}

void BaselinesTest::metricsOnHandComputedExamples()
{
    QFETCH(QList<double>, predicted);
    QFETCH(QList<double>, actual);
    QFETCH(double, maseScale);
    const std::vector<double> p = toStd(predicted), a = toStd(actual);
    const Metrics m
        = computeMetrics(p, a, p, a, std::isnan(maseScale) ? std::nullopt : std::optional<double>(maseScale));
    QFETCH(double, mse);
    QFETCH(double, mae);
    QCOMPARE(m.count, p.size());
    QVERIFY(qFuzzyCompare(1.0 + m.mse, 1.0 + mse));
    QVERIFY(qFuzzyCompare(1.0 + m.mseScaled, 1.0 + mse));
    QVERIFY(qFuzzyCompare(1.0 + m.rmse, 1.0 + std::sqrt(mse)));
    QVERIFY(qFuzzyCompare(1.0 + m.mae, 1.0 + mae));
    QFETCH(double, mape);
    QFETCH(double, smape);
    QFETCH(double, mase);
    QFETCH(double, r2);
    QVERIFY2(matches(m.mape, mape), qPrintable(show(m.mape)));
    QVERIFY2(matches(m.smape, smape), qPrintable(show(m.smape)));
    QVERIFY2(matches(m.mase, mase), qPrintable(show(m.mase)));
    QVERIFY2(matches(m.r2, r2), qPrintable(show(m.r2)));
}

void BaselinesTest::seasonalNaiveScale_data()
{
    QTest::addColumn<QList<double>>("training");
    QTest::addColumn<int>("period");
    QTest::addColumn<double>("scale"); // NaN: none
    QTest::newRow("one-step") << QList<double>{1, 3, 2, 5} << 1 << (2.0 + 1.0 + 3.0) / 3;
    QTest::newRow("period 2") << QList<double>{1, 3, 2, 5, 4} << 2 << (1.0 + 2.0 + 2.0) / 3;
    QTest::newRow("exact repeat") << QList<double>{1, 2, 3, 4, 1, 2, 3, 4} << 4 << kNull;
    QTest::newRow("period too long") << QList<double>{1, 2, 3} << 3 << kNull;
    QTest::newRow("period 0") << QList<double>{1, 2, 3} << 0 << kNull;
}

void BaselinesTest::seasonalNaiveScale()
{
    QFETCH(QList<double>, training);
    QFETCH(int, period);
    QFETCH(double, scale);
    const std::optional<double> s = rnnwb::seasonalNaiveScale(toStd(training), period);
    QVERIFY2(matches(s, scale), qPrintable(show(s)));
}

void BaselinesTest::baselinesOnKnownSeries_data()
{
    QTest::addColumn<QList<double>>("series");
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("period");
    QTest::addColumn<double>("naiveMae"); // NaN: not checked
    QTest::addColumn<double>("seasonalMae");
    QTest::addColumn<double>("driftMae");
    QTest::addColumn<double>("arMae");

    // a line: the last value is one step behind; drift and AR are exact; no seasonal peak
    QTest::newRow("line") << line(40, 3.0, 2.0) << 3 << 1 << 2.0 << 2.0 << 0.0 << 0.0;
    // a pure period-4 cycle: seasonal naive is exact
    QTest::newRow("period 4") << repeated({10, 20, 15, 5}, 10) << 5 << 4 << kNull << 0.0 << kNull << 0.0;
    // a period-6 cycle on a rising line: seasonal naive is off by 6 steps of the line
    QList<double> cycleOnLine = repeated({0, 4, 9, 4, 0, -3}, 8);
    for (int t = 0; t < cycleOnLine.size(); ++t)
        cycleOnLine[t] += 0.5 * t;
    QTest::newRow("period 6 on a line") << cycleOnLine << 4 << 6 << kNull << 3.0 << kNull << kNull;
}

void BaselinesTest::baselinesOnKnownSeries()
{
    QFETCH(QList<double>, series);
    QFETCH(int, window);
    const Dataset data = prepared(toStd(series), window);
    const Baselines b = computeBaselines(data);
    QFETCH(int, period);
    QCOMPARE(b.season.period, period);
    QVERIFY(!b.season.fromUser);
    const auto check = [](const BaselineForecast& f, double expected, const char* name) {
        if (std::isnan(expected))
            return true;
        if (std::abs(f.metrics.mae - expected) > 1e-9 * std::max(1.0, expected)) {
            qWarning("%s: mae %.12g, expected %.12g", name, f.metrics.mae, expected);
            return false;
        }
        return true;
    };
    QFETCH(double, naiveMae);
    QFETCH(double, seasonalMae);
    QFETCH(double, driftMae);
    QFETCH(double, arMae);
    QVERIFY(check(b.naive, naiveMae, "naive"));
    QVERIFY(check(b.seasonalNaive, seasonalMae, "seasonal naive"));
    QVERIFY(check(b.drift, driftMae, "drift"));
    QVERIFY(check(b.linearAr, arMae, "linear AR"));
}

void BaselinesTest::acfFindsTheAirlineYear()
{
    const Dataset data = prepared(airline(), 5);
    QCOMPARE(detectSeasonalPeriod(trainingValues(data)), 12);
    const Seasonality s = seasonality(data);
    QCOMPARE(s.period, 12);
    QVERIFY(s.maseScale.has_value());
    const std::vector<double> r = autocorrelation(trainingValues(data), 24);
    QCOMPARE(r.size(), std::size_t(25));
    QCOMPARE(r[0], 1.0);
    for (const double rk : r)
        QVERIFY(std::abs(rk) <= 1.0);
    // the raw ACF peaks at 11 (the trend shifts it); the detrended one at 12
    QVERIFY(r[11] > r[10] && r[11] > r[12]);
    const Baselines b = computeBaselines(data);
    QVERIFY(b.seasonalNaive.metrics.mase.has_value());
    QVERIFY(b.naive.metrics.r2.has_value());
}

void BaselinesTest::userSeasonOverridesTheAcf_data()
{
    QTest::addColumn<int>("season");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("7") << 7 << true;
    QTest::newRow("1") << 1 << true;
    QTest::newRow("101 (training part 102 values)") << 101 << true;
    QTest::newRow("102") << 102 << false;
}

void BaselinesTest::userSeasonOverridesTheAcf()
{
    QFETCH(int, season);
    QFETCH(bool, accepted);
    const Dataset data = prepared(airline(), 5);
    QCOMPARE(trainingValues(data).size(), std::size_t(102));
    if (!accepted) {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, seasonality(data, season));
        return;
    }
    const Baselines b = computeBaselines(data, Part::Test, season);
    QCOMPARE(b.season.period, season);
    QVERIFY(b.season.fromUser);
    for (std::size_t k = 0; k < b.index.size(); ++k)
        QCOMPARE(b.seasonalNaive.predicted[k], data.values[b.index[k] - std::size_t(season)]);
}

void BaselinesTest::linearArRecoversAnExactAr2_data()
{
    QTest::addColumn<int>("window");
    QTest::newRow("window 2") << 2;
    QTest::newRow("window 5 (rank-deficient)") << 5;
}

void BaselinesTest::linearArRecoversAnExactAr2()
{
    QFETCH(int, window);
    const std::vector<double> y = exactAr2(80);
    const Dataset data = prepared(y, window);
    const Baselines b = computeBaselines(data);
    if (window == 2) {
        // in scaled units s = (y − o)/k the weights are the same, the intercept becomes
        // (0.3 − o (1 − 1.6 + 0.9)) / k
        QCOMPARE(b.ar.weights.size(), std::size_t(2));
        QVERIFY2(std::abs(b.ar.weights[0] + 0.9) < 1e-8, qPrintable(QString::number(b.ar.weights[0], 'g', 15)));
        QVERIFY2(std::abs(b.ar.weights[1] - 1.6) < 1e-8, qPrintable(QString::number(b.ar.weights[1], 'g', 15)));
        const double intercept = (0.3 - data.scaler.offset * 0.3) / data.scaler.scale;
        QVERIFY(std::abs(b.ar.intercept - intercept) < 1e-8);
    }
    for (std::size_t k = 0; k < b.index.size(); ++k)
        QVERIFY(std::abs(b.linearAr.predicted[k] - b.actual[k]) < 1e-8);
    QVERIFY(b.linearAr.metrics.r2.has_value() && *b.linearAr.metrics.r2 > 1.0 - 1e-12);
}

void BaselinesTest::baselinesCoverTheTestTargets()
{
    const Dataset data = prepared(airline(), 5, 0.6, 0.2);
    const Baselines b = computeBaselines(data);
    // 139 windows: 83 train, 27 validation, 29 test from window 110 (target 115)
    QCOMPARE(b.index.size(), data.split.test);
    QCOMPARE(b.index.front(), data.split.targetIndex(data.split.first(Part::Test)));
    QCOMPARE(b.index.back(), data.values.size() - 1);
    for (const BaselineForecast* f : {&b.naive, &b.seasonalNaive, &b.drift, &b.linearAr}) {
        QCOMPARE(f->predicted.size(), b.index.size());
        QCOMPARE(f->metrics.count, b.index.size());
        for (std::size_t k = 0; k < b.index.size(); ++k)
            QVERIFY(std::abs(data.scaler.apply(f->predicted[k]) - f->predictedScaled[k]) < 1e-9);
    }
    QCOMPARE(b.naive.predicted.front(), data.values[b.index.front() - 1]);
}

QTEST_APPLESS_MAIN(BaselinesTest)
#include "test_baselines.moc"
