// What a forecaster asks of recursive forecasts and their bands, on real training runs:
// a noiseless sine is continued far past the data, and the airline data's held-out values fall
// inside the prediction band about as often as its coverage says.
#include "core/data/csv_reader.h"
#include "core/data/series.h"
#include "core/forecast/forecast.h"
#include "core/training/trainer.h"

#include <QtTest>

#include <cmath>
#include <numbers>

using namespace rnnwb;

namespace {

double sineAt(std::size_t t) { return std::sin(2.0 * std::numbers::pi * double(t) / 20.0); }

std::vector<double> airline()
{
    const CsvTable table = readCsvFile(RNNWB_TEST_DATA "/airline-passengers.csv");
    return extractSeries(table, defaultColumn(table), MissingPolicy::Drop).values;
}

// Trains on values and forecasts `horizon` steps past their end.
Forecast trainAndForecast(const std::vector<double>& values, const TrainConfig& config, int horizon, double coverage)
{
    Trainer trainer(Dataset::prepare(values, config), config, "series");
    trainer.run();
    return forecastWithIntervals(trainer.network(), trainer.data(), horizon, coverage);
}

} // namespace

class ForecastQualityTest : public QObject {
    Q_OBJECT

private slots:
    // 200 values of a sine with period 20; the closed-loop forecast of the next 50 (2.5
    // periods, no real value fed in) stays within 0.1 of the amplitude-1 sine at every step.
    void sineIsContinuedForFiftySteps()
    {
        std::vector<double> values(200);
        for (std::size_t t = 0; t < values.size(); ++t)
            values[t] = sineAt(t);
        TrainConfig config;
        config.window = 10;
        config.hidden = 16;
        config.layers = 1;
        config.trainSplit = 0.8;
        const Forecast f = trainAndForecast(values, config, 50, 0.9);
        double worst = 0;
        for (std::size_t h = 0; h < 50; ++h)
            worst = std::max(worst, std::abs(f.forecast[h] - sineAt(200 + h)));
        qInfo("largest error over 50 steps: %.4f (amplitude 1)", worst);
        QVERIFY2(worst < 0.1, qPrintable(QStringLiteral("largest error %1").arg(worst)));
    }

    // The last 24 months are held out; the seed recipe (plus a validation part, so that the
    // errors come from 38 origins) is trained on the rest with four seeds, and the share of the
    // held-out values inside the band is compared with the band's coverage. 96 values, but
    // those of one run are correlated, so "close" is within 0.15.
    void airlineCoverageIsCloseToNominal_data()
    {
        QTest::addColumn<double>("coverage");
        QTest::newRow("80%") << 0.8;
        QTest::newRow("90%") << 0.9;
    }

    void airlineCoverageIsCloseToNominal()
    {
        QFETCH(double, coverage);
        const std::vector<double> all = airline();
        constexpr std::size_t kHeldOut = 24;
        const std::vector<double> known(all.begin(), all.end() - kHeldOut);
        int inside = 0, total = 0;
        for (std::uint64_t seed = 0; seed < 4; ++seed) {
            TrainConfig config;
            config.valSplit = 0.15;
            config.seed = seed;
            const Forecast f = trainAndForecast(known, config, int(kHeldOut), coverage);
            for (std::size_t h = 0; h < kHeldOut; ++h, ++total) {
                const double actual = all[known.size() + h];
                inside += f.lower[h] <= actual && actual <= f.upper[h] ? 1 : 0;
            }
        }
        const double measured = double(inside) / double(total);
        qInfo("nominal %.2f: %d of %d held-out values inside (%.3f)", coverage, inside, total, measured);
        QVERIFY2(std::abs(measured - coverage) <= 0.15,
                 qPrintable(QStringLiteral("coverage %1 for nominal %2").arg(measured).arg(coverage)));
    }
};

QTEST_APPLESS_MAIN(ForecastQualityTest)
#include "test_forecast_quality.moc"
