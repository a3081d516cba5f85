// Preprocessing (log, seasonal difference, first difference): the transforms, their exact
// inverses (one step with actual values, recursive with forecasts), the pipeline and the CLI
// end to end, and what it does for the airline data.
#include "cli_support.h"

#include "core/base/safetensors.h"
#include "core/data/preprocess.h"
#include "core/forecast/forecast.h"
#include "core/stats/metrics.h"
#include "core/training/dataset.h"
#include "core/training/model.h"
#include "core/training/report.h"
#include "core/training/train_config.h"
#include "core/training/train_options.h"
#include "core/training/trainer.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>

using namespace rnnwb;
using rnnwb::test::runRnnwb;

Q_DECLARE_METATYPE(rnnwb::Preprocessing)

namespace {

const QString kAirline = QStringLiteral(RNNWB_TEST_DATA "/airline-passengers.csv");

Preprocessing preprocessing(bool log, int seasonal, bool diff)
{
    Preprocessing p;
    p.log = log;
    p.seasonalDifference = seasonal;
    p.difference = diff;
    return p;
}

// Every combination of the three transforms (seasonal period 4, and 1 with the difference,
// where the two factors are the same polynomial).
void addCombinationRows()
{
    QTest::addColumn<Preprocessing>("p");
    for (const bool log : {false, true})
        for (const int m : {0, 4})
            for (const bool diff : {false, true})
                QTest::newRow(describePreprocessing(preprocessing(log, m, diff)).c_str())
                    << preprocessing(log, m, diff);
    QTest::newRow("log, seasonal difference 1, difference") << preprocessing(true, 1, true);
}

// A positive series with a trend, a season and some irregularity.
std::vector<double> wigglySeries(std::size_t n)
{
    std::vector<double> y(n);
    for (std::size_t t = 0; t < n; ++t)
        y[t] = 50.0 * std::pow(1.01, double(t)) * (1.0 + 0.3 * std::sin(0.5 * double(t)))
               + 3.0 * std::cos(1.7 * double(t) * double(t));
    return y;
}

double relativeDifference(double a, double b) { return std::abs(a - b) / std::max(std::abs(b), 1e-300); }

void writeFile(const QString& path, const std::string& text)
{
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << text;
}

nlohmann::json parseJson(const QByteArray& text) { return nlohmann::json::parse(text.toStdString(), nullptr, false); }

TrainConfig smallConfig(const Preprocessing& p)
{
    TrainConfig c;
    c.window = 4;
    c.hidden = 8;
    c.layers = 1;
    c.epochs = 150;
    c.preprocessing = p;
    return c;
}

double testRmse(const std::vector<double>& values, const TrainConfig& config)
{
    Trainer trainer(Dataset::prepare(values, config), config);
    trainer.run();
    const PartPrediction p = predictPart(trainer.network(), trainer.data(), Part::Test);
    return computeMetrics(p.predicted, p.actual, p.predictedScaled, p.actualScaled).rmse;
}

} // namespace

class PreprocessTest : public QObject {
    Q_OBJECT
private slots:
    void roundTripIsExact_data() { addCombinationRows(); }
    void roundTripIsExact();
    void oneStepInverseWithActuals_data() { addCombinationRows(); }
    void oneStepInverseWithActuals();
    void handCheckedTinySeries();
    void logRefusesValuesNotAboveZero_data();
    void logRefusesValuesNotAboveZero();
    void datasetTargetsKeepSeriesIndices();
    void configOptionsAndJson();
    void modelFileCarriesPreprocessing();
    void easySeriesBecomeEasy_data();
    void easySeriesBecomeEasy();
    void cliRoundTrip();
    void airlineWithAndWithout();
};

void PreprocessTest::roundTripIsExact()
{
    QFETCH(Preprocessing, p);
    const std::vector<double> y = wigglySeries(60);
    const std::vector<double> z = transformSeries(y, p);
    QCOMPARE(z.size(), y.size() - p.lost());
    const std::vector<double> back = invertSeries(p, std::span<const double>(y).first(p.lost()), z);
    QCOMPARE(back.size(), y.size());
    for (std::size_t t = 0; t < y.size(); ++t)
        QVERIFY2(
            relativeDifference(back[t], y[t]) <= 1e-12,
            qPrintable(QStringLiteral("index %1: %2 vs %3").arg(t).arg(back[t], 0, 'g', 17).arg(y[t], 0, 'g', 17)));
}

void PreprocessTest::oneStepInverseWithActuals()
{
    QFETCH(Preprocessing, p);
    const std::vector<double> y = wigglySeries(40);
    const std::vector<double> z = transformSeries(y, p);
    for (std::size_t t = p.lost(); t < y.size(); ++t) {
        // The exact z_t gives back y_t; transformOneStep is its inverse.
        QVERIFY(relativeDifference(invertOneStep(p, y, t, z[t - p.lost()]), y[t]) <= 1e-12);
        QVERIFY(std::abs(transformOneStep(p, y, t, y[t]) - z[t - p.lost()]) <= 1e-12 * (1 + std::abs(z[t - p.lost()])));
    }
}

void PreprocessTest::handCheckedTinySeries()
{
    // Seasonal difference 2 then first difference: z_t = y_t − y_{t−1} − y_{t−2} + y_{t−3}.
    const Preprocessing p = preprocessing(false, 2, true);
    const std::vector<double> y = {3, 5, 4, 9, 7, 12};
    QCOMPARE(p.lost(), std::size_t(3));
    QCOMPARE(transformSeries(y, p), (std::vector<double>{9 - 4 - 5 + 3, 7 - 9 - 4 + 5, 12 - 7 - 9 + 4}));
    // One step with actuals: ŷ_4 = ẑ_4 + y_3 + y_2 − y_1 = 0.5 + 9 + 4 − 5; ŷ_5 = 1 + 7 + 9 − 4.
    QCOMPARE(invertOneStep(p, y, 4, 0.5), 8.5);
    QCOMPARE(invertOneStep(p, y, 5, 1.0), 13.0);
    // Recursive from origin 4: step 2 uses the forecast 8.5 for y_4 (its actual, 7, is not known).
    Integrator recursive(p, std::span<const double>(y).first(4));
    QCOMPARE(recursive.next(0.5), 8.5);
    QCOMPARE(recursive.next(1.0), 1 + 8.5 + 9 - 4);
    QCOMPARE(recursive.next(0.0), 0 + 14.5 + 8.5 - 9); // y_6 from forecasts y_5, y_4 and actual y_3

    // Log then first difference: z_t = ln y_t − ln y_{t−1}; ŷ_t = y_{t−1} · e^{ẑ_t}.
    const Preprocessing logDiff = preprocessing(true, 0, true);
    const std::vector<double> g = {1.0, std::exp(1.0), std::exp(3.0)};
    const std::vector<double> zg = transformSeries(g, logDiff);
    QCOMPARE(zg.size(), std::size_t(2));
    QVERIFY(std::abs(zg[0] - 1.0) < 1e-15 && std::abs(zg[1] - 2.0) < 1e-15);
    QVERIFY(relativeDifference(invertOneStep(logDiff, g, 2, 1.5), std::exp(2.5)) < 1e-15);
    Integrator growth(logDiff, g);
    QVERIFY(relativeDifference(growth.next(0.5), std::exp(3.5)) < 1e-15);
    QVERIFY(relativeDifference(growth.next(0.5), std::exp(4.0)) < 1e-15);

    QCOMPARE(describePreprocessing({}), std::string("none"));
    QCOMPARE(describePreprocessing(preprocessing(true, 12, true)),
             std::string("log, seasonal difference 12, difference"));
}

void PreprocessTest::logRefusesValuesNotAboveZero_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << std::vector<double>{4, 3, 1, 0, -2} << QStringLiteral("series index 3, line 5 is 0");
    QTest::newRow("negative first") << std::vector<double>{-1.5, 3, 1}
                                    << QStringLiteral("series index 0, line 2 is -1.5");
    QTest::newRow("nan") << std::vector<double>{1, std::nan("")} << QStringLiteral("series index 1, line 3 is nan");
}

void PreprocessTest::logRefusesValuesNotAboveZero()
{
    QFETCH(std::vector<double>, values);
    QFETCH(QString, expected);
    std::vector<std::size_t> lines(values.size());
    for (std::size_t i = 0; i < lines.size(); ++i)
        lines[i] = i + 2; // a header line first
    try {
        (void)transformSeries(values, preprocessing(true, 0, false), lines);
        QFAIL("no error");
    } catch (const std::invalid_argument& e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.startsWith(u"--log needs values above 0") && message.contains(expected), e.what());
    }
    // Without the log, the same values are fine (only the differences are taken).
    QCOMPARE(transformSeries(values, preprocessing(false, 0, true)).size(), values.size() - 1);
}

void PreprocessTest::datasetTargetsKeepSeriesIndices()
{
    const std::vector<double> y = wigglySeries(50);
    TrainConfig c;
    c.window = 3;
    c.preprocessing = preprocessing(true, 4, true); // 5 values used up
    const Dataset d = Dataset::prepare(y, c);
    QCOMPARE(d.split.offset, std::size_t(5));
    QCOMPARE(d.split.total(), std::size_t(50 - 5 - 3));
    QCOMPARE(d.scaled.size(), std::size_t(45));
    QCOMPARE(d.split.targetIndex(0), std::size_t(8));
    QCOMPARE(d.split.targetIndex(d.split.total() - 1), std::size_t(49));
    // The exact scaled target of every window goes back to the series value at its index.
    for (std::size_t k = 0; k < d.split.total(); ++k) {
        const std::size_t t = d.split.targetIndex(k);
        QVERIFY(relativeDifference(d.toData(t, d.scaled[d.split.targetPosition(k)]), y[t]) < 1e-12);
        QVERIFY(std::abs(d.toScaled(t, y[t]) - d.scaled[d.split.targetPosition(k)]) < 1e-9);
    }
    // Predictions are reported for those indices, in data units.
    Network<float> network(networkShape(c));
    network.setParameters(initialParameters<float>(networkShape(c), 3));
    const PartPrediction test = predictPart(network, d, Part::Test);
    QCOMPARE(test.index.front(), d.split.targetIndex(d.split.first(Part::Test)));
    QCOMPARE(test.index.back(), std::size_t(49));
    for (std::size_t j = 0; j < test.index.size(); ++j) {
        QCOMPARE(test.actual[j], y[test.index[j]]);
        QVERIFY(test.predicted[j] > 0); // exp of something: a log model never predicts ≤ 0
        QCOMPARE(test.predicted[j], d.toData(test.index[j], test.predictedScaled[j]));
    }
    // Too short once differencing has taken its values: the message says so.
    c.preprocessing.seasonalDifference = 47; // 48 used up: 2 values left for a window of 3
    try {
        (void)Dataset::prepare(y, c);
        QFAIL("no error");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(u"used up by differencing"), e.what());
    }
}

void PreprocessTest::configOptionsAndJson()
{
    TrainConfig c;
    const std::vector<std::string> rest
        = parseTrainOptions({"--log", "--seasonal-diff", "12", "--csv", "x.csv", "--diff"}, c);
    QCOMPARE(rest, (std::vector<std::string>{"--csv", "x.csv"}));
    QCOMPARE(c.preprocessing, preprocessing(true, 12, true));
    QCOMPARE(configFromJson(configToJson(c)), c);
    const nlohmann::json j = configToJson(c);
    QCOMPARE(j.at("log").get<bool>(), true);
    QCOMPARE(j.at("diff").get<bool>(), true);
    QCOMPARE(j.at("seasonal_diff").get<int>(), 12);
    // A configuration from before preprocessing: none.
    nlohmann::json old = j;
    old.erase("log");
    old.erase("diff");
    old.erase("seasonal_diff");
    QCOMPARE(configFromJson(old).preprocessing, Preprocessing{});

    QVERIFY_THROWS_EXCEPTION(UsageError, parseTrainOptions({"--log=yes"}, c));
    QVERIFY_THROWS_EXCEPTION(UsageError, parseTrainOptions({"--seasonal-diff", "twelve"}, c));
    c.preprocessing.seasonalDifference = -1;
    QVERIFY(!configProblems(c).empty());
    QVERIFY(QString::fromStdString(configProblems(c).front()).startsWith(u"--seasonal-diff"));
    const QString help = QString::fromStdString(trainOptionsHelp());
    QVERIFY(help.contains(u"--log ") && help.contains(u"--diff ") && help.contains(u"--seasonal-diff M"));
}

void PreprocessTest::modelFileCarriesPreprocessing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TrainConfig c = smallConfig(preprocessing(true, 4, true));
    c.epochs = 2;
    const std::vector<double> y = wigglySeries(60);
    Trainer trainer(Dataset::prepare(y, c), c, "y");
    trainer.run();
    const std::string path = dir.filePath(QStringLiteral("m.safetensors")).toStdString();
    saveModel(path, trainer.model());
    const Model loaded = loadModel(path);
    QCOMPARE(loaded.config.preprocessing, c.preprocessing);

    // Applied to the same data, the loaded model predicts what the trainer's network did.
    const Dataset again = Dataset::withScaler(y, loaded.config, loaded.scaler);
    const PartPrediction a = predictPart(loaded, again, Part::Test);
    const PartPrediction b = predictPart(trainer.network(), trainer.data(), Part::Test);
    QCOMPARE(a.index, b.index);
    QCOMPARE(a.predicted, b.predicted);

    // A file from before preprocessing (neither the metadata nor the config keys): none.
    SafetensorsFile file = readSafetensors(path);
    QVERIFY(file.metadata.count("preprocessing"));
    file.metadata.erase("preprocessing");
    nlohmann::json config = nlohmann::json::parse(file.metadata.at("config"));
    for (const char* key : {"log", "diff", "seasonal_diff"})
        config.erase(key);
    file.metadata["config"] = config.dump();
    const std::string old = dir.filePath(QStringLiteral("old.safetensors")).toStdString();
    writeSafetensors(old, file);
    QCOMPARE(loadModel(old).config.preprocessing, Preprocessing{});
    // Metadata that contradicts the configuration is refused, naming the file.
    file.metadata["preprocessing"] = R"({"log": true, "seasonal_diff": 0, "diff": false})";
    writeSafetensors(old, file);
    try {
        (void)loadModel(old);
        QFAIL("no error");
    } catch (const FileFormatError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(u"old.safetensors"), e.what());
    }

    // --init-weights from a preprocessed model.
    TrainConfig next = c;
    next.initWeights = path;
    next.epochs = 1;
    Trainer resumed(Dataset::prepare(y, next), next);
    QCOMPARE(resumed.network().parameters(), loaded.parameters);
}

void PreprocessTest::easySeriesBecomeEasy_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<Preprocessing>("p");
    // Growth at a rate that cycles: ln y_t − ln y_{t−1} = 0.03 + 0.02 sin(2πt/6), a short
    // periodic pattern; a yearly season on a wavy exponential trend: ln y_t − ln y_{t−12} is a
    // smooth sinusoid of period 30 around 0.12. Without the transforms the test part lies far
    // above anything the network trained on.
    std::vector<double> growth(120), seasonal(120);
    growth[0] = 10.0;
    for (std::size_t t = 1; t < growth.size(); ++t)
        growth[t] = growth[t - 1] * std::exp(0.03 + 0.02 * std::sin(2 * M_PI * double(t) / 6.0));
    for (std::size_t t = 0; t < seasonal.size(); ++t)
        seasonal[t] = 50.0 * std::exp(0.01 * double(t) + 0.1 * std::sin(2 * M_PI * double(t) / 30.0))
                      * (1.0 + 0.3 * std::sin(2 * M_PI * double(t) / 12.0));
    QTest::newRow("cycling growth rate, log + diff") << growth << preprocessing(true, 0, true);
    QTest::newRow("growing season, log + seasonal 12") << seasonal << preprocessing(true, 12, false);
}

void PreprocessTest::easySeriesBecomeEasy()
{
    QFETCH(std::vector<double>, values);
    QFETCH(Preprocessing, p);
    const double with = testRmse(values, smallConfig(p));
    const double without = testRmse(values, smallConfig({}));
    const double last = values.back();
    qInfo("test RMSE %.4g with %s, %.4g without (last value %.4g)", with, describePreprocessing(p).c_str(), without,
          last);
    QVERIFY2(with < 0.05 * last, qPrintable(QString::number(with)));
    QVERIFY(with < 0.25 * without);
}

void PreprocessTest::cliRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString model = dir.filePath(QStringLiteral("m.safetensors"));
    const QString report = dir.filePath(QStringLiteral("r.json"));
    test::CliResult r = runRnnwb({QStringLiteral("train"), QStringLiteral("--csv"), kAirline, QStringLiteral("--log"),
                                  QStringLiteral("--diff"), QStringLiteral("--epochs"), QStringLiteral("30"),
                                  QStringLiteral("--hidden"), QStringLiteral("10"), QStringLiteral("--save-model"),
                                  model, QStringLiteral("--json"), report});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    std::ifstream in(report.toStdString());
    const nlohmann::json trained = nlohmann::json::parse(in);
    QCOMPARE(trained.at("config").at("log").get<bool>(), true);
    QCOMPARE(trained.at("config").at("diff").get<bool>(), true);
    QCOMPARE(trained.at("test_index").front().get<std::size_t>(), std::size_t(102)); // ⌊0.7 · 138⌋ + 5 + 1

    r = runRnnwb({QStringLiteral("predict"), QStringLiteral("--model"), model, QStringLiteral("--csv"), kAirline,
                  QStringLiteral("--json"), QStringLiteral("-")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const nlohmann::json predicted = parseJson(r.out);
    std::vector<std::size_t> index;
    std::vector<double> predictions;
    for (std::size_t k = 0; k < predicted.at("index").size(); ++k)
        if (predicted.at("part")[k] == "test") {
            index.push_back(predicted.at("index")[k].get<std::size_t>());
            predictions.push_back(predicted.at("predictions")[k].get<double>());
        }
    QCOMPARE(predicted.at("index").front().get<std::size_t>(), std::size_t(6)); // window 5 after 1 value lost
    QCOMPARE(index, trained.at("test_index").get<std::vector<std::size_t>>());
    QCOMPARE(predictions, trained.at("test_predictions").get<std::vector<double>>());

    // inspect K gives predict's value at K; forecast continues past the end in data units.
    r = runRnnwb({QStringLiteral("inspect"), QStringLiteral("--model"), model, QStringLiteral("--csv"), kAirline,
                  QStringLiteral("--index"), QStringLiteral("130"), QStringLiteral("--json"), QStringLiteral("-")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(parseJson(r.out).at("prediction").get<double>(), predictions[130 - 102]);
    r = runRnnwb({QStringLiteral("forecast"), QStringLiteral("--model"), model, QStringLiteral("--csv"), kAirline,
                  QStringLiteral("--horizon"), QStringLiteral("24"), QStringLiteral("--json"), QStringLiteral("-")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const nlohmann::json f = parseJson(r.out);
    QCOMPARE(f.at("index").front().get<std::size_t>(), std::size_t(144));
    for (std::size_t h = 0; h < 24; ++h) {
        const double value = f.at("forecast")[h].get<double>();
        QVERIFY(value > 100 && value < 2000); // passengers, not log-differences
        QVERIFY(f.at("lower")[h].get<double>() <= value && value <= f.at("upper")[h].get<double>());
    }

    // A value --log cannot take: exit 1, one line naming the file and the value's line.
    const QString bad = dir.filePath(QStringLiteral("bad.csv"));
    writeFile(bad, "month,value\n1,5\n2,4\n3,0\n4,6\n5,7\n6,8\n7,9\n8,9\n9,9\n10,9\n");
    r = runRnnwb({QStringLiteral("predict"), QStringLiteral("--model"), model, QStringLiteral("--csv"), bad,
                  QStringLiteral("--column"), QStringLiteral("value")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("bad.csv") && r.err.contains("series index 2, line 4"), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
}

void PreprocessTest::airlineWithAndWithout()
{
    // The seed recipe (every default) with and without preprocessing; the baselines are on the
    // same test targets as the network (the first targets move by the values differencing uses).
    const QStringList recipes[] = {{},
                                   {QStringLiteral("--log"), QStringLiteral("--diff")},
                                   {QStringLiteral("--log"), QStringLiteral("--seasonal-diff"), QStringLiteral("12")}};
    for (const QStringList& options : recipes) {
        const test::CliResult r = runRnnwb(QStringList{QStringLiteral("train"), QStringLiteral("--csv"), kAirline}
                                           + options + QStringList{QStringLiteral("--json"), QStringLiteral("-")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const nlohmann::json j = parseJson(r.out);
        const double network = j.at("test").at("rmse").get<double>();
        const double naive = j.at("baselines").at("naive").at("rmse").get<double>();
        const double seasonal = j.at("baselines").at("seasonal_naive").at("rmse").get<double>();
        qInfo("airline seed recipe %-26s test RMSE %7.2f  naive %6.2f  seasonal naive %6.2f (m = %d)  %zu targets from "
              "%zu",
              options.isEmpty() ? "(no preprocessing)" : qPrintable(options.join(u' ')), network, naive, seasonal,
              j.at("baselines").at("seasonal_naive").at("period").get<int>(), j.at("test_index").size(),
              j.at("test_index").front().get<std::size_t>());
        QVERIFY(std::isfinite(network));
        if (!options.isEmpty()) // the point of the preprocessing: better than the last value
            QVERIFY2(network < naive, qPrintable(QString::number(network)));
    }
}

QTEST_APPLESS_MAIN(PreprocessTest)
#include "test_preprocess.moc"
