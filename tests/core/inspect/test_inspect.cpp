// Looking inside one prediction (core/inspect/inspect.h, `rnnwb inspect`): every gate and state
// against an independent numpy computation from the saved weights
// (tests/tools/make_inspect_fixture.py, fixtures in tests/data/inspect), the prediction
// against predictPart's, and the errors.
#include "core/data/csv_reader.h"
#include "core/data/series.h"
#include "core/inspect/inspect.h"
#include "core/training/model.h"

#include "cli_support.h"
#include "fixture_support.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace rnnwb;

namespace {

constexpr double kTolerance = 1e-5;

std::string inspectData(const std::string& name) { return RNNWB_TEST_DATA "/inspect/" + name; }

// The model's series of a CSV file, scaled and split as the model was trained (as the CLI does).
Dataset datasetFor(const Model& model, const std::string& csv)
{
    const CsvTable table = readCsvFile(csv);
    Series series = extractSeries(table, findColumn(table, model.columnName), model.config.missing);
    return Dataset::withScaler(std::move(series.values), model.config, model.scaler);
}

const std::vector<std::string> kModels
    = {"lstm-features", "gru-features", "rnn-features", "lstm-sequence", "gru-sequence", "rnn-sequence"};

void addModelRows()
{
    QTest::addColumn<QString>("model");
    for (const std::string& m : kModels)
        QTest::newRow(m.c_str()) << QString::fromStdString(m);
}

using rnnwb::test::CliResult;

CliResult runCli(const QStringList& args) { return rnnwb::test::runRnnwb(args); }

double maxDifferenceSeen = 0.0;

} // namespace

class InspectTest : public QObject {
    Q_OBJECT
private slots:
    void matchesTheNumpyFixture_data();
    void matchesTheNumpyFixture();
    void predictionIsPredictSeriesExactly_data();
    void predictionIsPredictSeriesExactly();
    void targetsOutsideTheRangeAreRefused_data();
    void targetsOutsideTheRangeAreRefused();
    void jsonHasTheDocumentedShape();
    void preprocessedTargetsAreSeriesIndices_data() { addModelRows(); }
    void preprocessedTargetsAreSeriesIndices();
    void commandLineWritesTheSameNumbers();
    void commandLineErrors_data();
    void commandLineErrors();
    void cleanupTestCase();
};

void InspectTest::matchesTheNumpyFixture_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("csv");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("expected");
    const nlohmann::json cases = test::readJson(inspectData("cases.json"));
    QVERIFY(cases.size() >= 6);
    for (const nlohmann::json& c : cases)
        QTest::newRow(c.at("name").get<std::string>().c_str())
            << QString::fromStdString(c.at("model").get<std::string>())
            << QString::fromStdString(c.at("csv").get<std::string>()) << c.at("index").get<int>()
            << QString::fromStdString(c.at("expected").get<std::string>());
}

void InspectTest::matchesTheNumpyFixture()
{
    QFETCH(QString, model);
    QFETCH(QString, csv);
    QFETCH(int, index);
    QFETCH(QString, expected);
    const Model m = loadModel(inspectData(model.toStdString()));
    const Dataset data = datasetFor(m, RNNWB_TEST_DATA "/" + csv.toStdString());
    const nlohmann::json want = test::readJson(inspectData(expected.toStdString()));
    const Inspection got = inspectTarget(m, data, std::size_t(index));

    QCOMPARE(cellName(got.cell), want.at("cell").get<std::string>());
    QCOMPARE(layoutName(got.layout), want.at("layout").get<std::string>());
    QCOMPARE(got.targetIndex, want.at("target_index").get<std::size_t>());
    QCOMPARE(partName(got.part), want.at("part").get<std::string>());
    QCOMPARE(got.actual, want.at("actual").get<double>());

    double worst = 0.0;
    auto compare = [&](const std::vector<double>& a, const nlohmann::json& b, const std::string& what) {
        QCOMPARE(a.size(), b.size());
        for (std::size_t k = 0; k < a.size(); ++k) {
            const double d = std::abs(a[k] - b[k].get<double>());
            worst = std::max(worst, d);
            if (!(d <= kTolerance))
                QFAIL(qPrintable(QStringLiteral("%1[%2]: %3 vs numpy %4")
                                     .arg(QString::fromStdString(what))
                                     .arg(k)
                                     .arg(a[k], 0, 'g', 10)
                                     .arg(b[k].get<double>(), 0, 'g', 10)));
        }
    };

    const nlohmann::json& input = want.at("input");
    QCOMPARE(got.input.size(), input.size());
    for (std::size_t t = 0; t < input.size(); ++t)
        compare(got.input[t], input[t], "input step " + std::to_string(t));

    const nlohmann::json& layers = want.at("layers");
    QCOMPARE(got.layers.size(), layers.size());
    const std::vector<std::string> names = stepValueNames(got.cell);
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const nlohmann::json& steps = layers[l].at("steps");
        QCOMPARE(got.layers[l].steps.size(), steps.size());
        QCOMPARE(steps.size(), input.size());
        for (std::size_t t = 0; t < steps.size(); ++t) {
            const StepState& s = got.layers[l].steps[t];
            QCOMPARE(s.values.size(), names.size());
            QCOMPARE(steps[t].size(), names.size());
            for (const std::string& name : names) {
                QVERIFY2(s.values.count(name) == 1, name.c_str());
                compare(s.values.at(name), steps[t].at(name),
                        "layer " + std::to_string(l) + " step " + std::to_string(t) + " " + name);
            }
        }
    }
    compare({got.predictionScaled}, nlohmann::json::array({want.at("prediction_scaled")}), "prediction_scaled");
    const double unitTolerance = kTolerance * m.scaler.scale;
    QVERIFY2(std::abs(got.prediction - want.at("prediction").get<double>()) <= unitTolerance,
             qPrintable(QString::number(got.prediction - want.at("prediction").get<double>())));
    maxDifferenceSeen = std::max(maxDifferenceSeen, worst);
    qInfo("max |C++ - numpy| over %zu steps: %.3g", got.input.size(), worst);
}

void InspectTest::predictionIsPredictSeriesExactly_data() { addModelRows(); }

// Every predictable target of the series: the inspected prediction is bit-identical to the
// one predictSeries (predictPart of each part) reports for that index.
void InspectTest::predictionIsPredictSeriesExactly()
{
    QFETCH(QString, model);
    const Model m = loadModel(inspectData(model.toStdString() + ".safetensors"));
    const Dataset data = datasetFor(m, RNNWB_TEST_DATA "/airline-passengers.csv");
    const std::vector<PartPrediction> parts = predictSeries(m, data);
    const std::unique_ptr<Network<float>> network = m.makeNetwork();
    std::size_t checked = 0;
    for (const PartPrediction& p : parts)
        for (std::size_t k = 0; k < p.index.size(); ++k) {
            const Inspection in = inspectTarget(*network, data, p.index[k]);
            QCOMPARE(in.part, p.part);
            QCOMPARE(in.predictionScaled, p.predictedScaled[k]);
            QCOMPARE(in.prediction, p.predicted[k]);
            QCOMPARE(in.actual, p.actual[k]);
            // The top layer's last h gives the prediction (the head is linear).
            const std::vector<double>& h = in.layers.back().steps.back().values.at("h");
            QCOMPARE(int(h.size()), m.shape.hiddenSize);
            QCOMPARE(in.input.size(), data.layout == Layout::Sequence
                                          ? std::size_t(data.split.window)
                                          : p.index[k] - std::size_t(data.split.window) - data.split.first(p.part) + 1);
            ++checked;
        }
    QCOMPARE(checked, data.values.size() - std::size_t(data.split.window));
}

// A model trained on the log, seasonally and first differenced series: K is still a series index
// (the first 13 values have no prediction), and the prediction is predictSeries' in data units.
void InspectTest::preprocessedTargetsAreSeriesIndices()
{
    QFETCH(QString, model);
    Model m = loadModel(inspectData(model.toStdString() + ".safetensors"));
    m.config.preprocessing.log = true;
    m.config.preprocessing.seasonalDifference = 12;
    m.config.preprocessing.difference = true;
    const CsvTable table = readCsvFile(RNNWB_TEST_DATA "/airline-passengers.csv");
    const Dataset data = Dataset::prepare(extractSeries(table, findColumn(table, m.columnName)).values, m.config);
    m.scaler = data.scaler;
    const TargetRange range = inspectableTargets(data);
    QCOMPARE(range.first, std::size_t(m.config.window) + 13);
    QCOMPARE(range.last, std::size_t(143));
    std::size_t checked = 0;
    for (const PartPrediction& p : predictSeries(m, data))
        for (std::size_t k = 0; k < p.index.size(); ++k) {
            const Inspection in = inspectTarget(m, data, p.index[k]);
            QCOMPARE(in.prediction, p.predicted[k]);
            QCOMPARE(in.actual, data.values[p.index[k]]);
            QCOMPARE(in.input.size(), data.layout == Layout::Sequence ? std::size_t(data.split.window)
                                                                      : p.index[k] - std::size_t(data.split.window) - 13
                                                                            - data.split.first(p.part) + 1);
            ++checked;
        }
    QCOMPARE(checked, std::size_t(144 - 13) - std::size_t(data.split.window));
    try {
        inspectTarget(m, data, range.first - 1);
        QFAIL("no exception");
    } catch (const TargetOutOfRange& e) {
        QVERIFY2(std::string(e.what()).find("differencing") != std::string::npos, e.what());
    }
}

void InspectTest::targetsOutsideTheRangeAreRefused_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<qulonglong>("index");
    QTest::newRow("zero") << QStringLiteral("lstm-features") << qulonglong(0);
    QTest::newRow("one before the first target") << QStringLiteral("lstm-features") << qulonglong(4);
    QTest::newRow("past the end") << QStringLiteral("lstm-features") << qulonglong(144);
    QTest::newRow("far past the end") << QStringLiteral("gru-sequence") << qulonglong(100000);
    QTest::newRow("sequence, window 6") << QStringLiteral("gru-sequence") << qulonglong(5);
}

void InspectTest::targetsOutsideTheRangeAreRefused()
{
    QFETCH(QString, model);
    QFETCH(qulonglong, index);
    const Model m = loadModel(inspectData(model.toStdString() + ".safetensors"));
    const Dataset data = datasetFor(m, RNNWB_TEST_DATA "/airline-passengers.csv");
    const TargetRange range = inspectableTargets(data);
    QCOMPARE(range.first, std::size_t(m.config.window));
    QCOMPARE(range.last, std::size_t(143));
    try {
        inspectTarget(m, data, std::size_t(index));
        QFAIL("no exception");
    } catch (const TargetOutOfRange& e) {
        const std::string message = e.what();
        const std::string expected = std::to_string(range.first) + " to 143";
        QVERIFY2(message.find(expected) != std::string::npos, e.what());
    }
    // The range's ends themselves are fine.
    QCOMPARE(inspectTarget(m, data, range.first).input.size(),
             data.layout == Layout::Features ? std::size_t(1) : std::size_t(data.split.window));
    QCOMPARE(inspectTarget(m, data, range.last).targetIndex, range.last);
}

void InspectTest::jsonHasTheDocumentedShape()
{
    for (const std::string& name : kModels) {
        const Model m = loadModel(inspectData(name + ".safetensors"));
        const Dataset data = datasetFor(m, RNNWB_TEST_DATA "/airline-passengers.csv");
        const nlohmann::json j = inspectionToJson(inspectTarget(m, data, 100));
        for (const char* key :
             {"cell", "layout", "target_index", "part", "prediction", "prediction_scaled", "actual", "input", "layers"})
            QVERIFY2(j.contains(key), key);
        QCOMPARE(j["cell"].get<std::string>(), cellName(m.shape.cell));
        QCOMPARE(j["target_index"].get<int>(), 100);
        QCOMPARE(j["layers"].size(), std::size_t(m.shape.layers));
        const std::size_t steps = j["input"].size();
        QCOMPARE(j["input"][0].size(), std::size_t(m.shape.inputSize));
        std::vector<std::string> expectedKeys = stepValueNames(m.shape.cell);
        std::sort(expectedKeys.begin(), expectedKeys.end());
        for (const nlohmann::json& layer : j["layers"]) {
            QCOMPARE(layer["steps"].size(), steps);
            std::vector<std::string> keys;
            for (const auto& [key, value] : layer["steps"][0].items()) {
                keys.push_back(key);
                QCOMPARE(value.size(), std::size_t(m.shape.hiddenSize));
            }
            QCOMPARE(keys, expectedKeys);
        }
    }
}

void InspectTest::commandLineWritesTheSameNumbers()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("inspect.json"));
    const CliResult r = runCli({QStringLiteral("inspect"), QStringLiteral("--model"),
                                QString::fromStdString(inspectData("gru-features.safetensors")),
                                QStringLiteral("--csv"), QStringLiteral(RNNWB_TEST_DATA "/airline-passengers.csv"),
                                QStringLiteral("--index"), QStringLiteral("110"), QStringLiteral("--json"), out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("prediction"));
    const nlohmann::json cli = test::readJson(out.toStdString());
    const Model m = loadModel(inspectData("gru-features.safetensors"));
    const nlohmann::json core
        = inspectionToJson(inspectTarget(m, datasetFor(m, RNNWB_TEST_DATA "/airline-passengers.csv"), 110));
    QCOMPARE(cli.dump(), core.dump());

    const CliResult toStdout
        = runCli({QStringLiteral("inspect"), QStringLiteral("--model"),
                  QString::fromStdString(inspectData("rnn-sequence.safetensors")), QStringLiteral("--csv"),
                  QStringLiteral(RNNWB_TEST_DATA "/airline-passengers.csv"), QStringLiteral("--index=140"),
                  QStringLiteral("--json"), QStringLiteral("-")});
    QVERIFY2(toStdout.exitCode == 0, toStdout.err.constData());
    const nlohmann::json parsed = nlohmann::json::parse(toStdout.out.toStdString());
    QCOMPARE(parsed["target_index"].get<int>(), 140);
    QCOMPARE(parsed["layers"].size(), std::size_t(2));
}

void InspectTest::commandLineErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString model = QString::fromStdString(inspectData("lstm-features.safetensors"));
    const QString csv = QStringLiteral(RNNWB_TEST_DATA "/airline-passengers.csv");
    const QString m = QStringLiteral("--model"), c = QStringLiteral("--csv"), i = QStringLiteral("--index");
    const QString ins = QStringLiteral("inspect");
    QTest::newRow("index too small") << QStringList{ins, m, model, c, csv, i, QStringLiteral("4")} << 1
                                     << QStringLiteral("5 to 143");
    QTest::newRow("index too large") << QStringList{ins, m, model, c, csv, i, QStringLiteral("144")} << 1
                                     << QStringLiteral("5 to 143");
    QTest::newRow("negative index") << QStringList{ins, m, model, c, csv, i, QStringLiteral("-3")} << 1
                                    << QStringLiteral("5 to 143");
    QTest::newRow("index not a number") << QStringList{ins, m, model, c, csv, i, QStringLiteral("7.5")} << 2
                                        << QStringLiteral("--index");
    QTest::newRow("index missing") << QStringList{ins, m, model, c, csv} << 2 << QStringLiteral("--index");
    QTest::newRow("model missing") << QStringList{ins, c, csv, i, QStringLiteral("10")} << 2
                                   << QStringLiteral("--model");
    QTest::newRow("unknown option")
        << QStringList{ins, m, model, c, csv, i, QStringLiteral("10"), QStringLiteral("--x")} << 2
        << QStringLiteral("--x");
    const QString notAModel = QString::fromStdString(inspectData("cases.json"));
    QTest::newRow("model is not a model")
        << QStringList{ins, m, notAModel, c, csv, i, QStringLiteral("10")} << 1 << QStringLiteral("cases.json");
    const QString absent = QStringLiteral(RNNWB_TEST_DATA "/inspect/no-such-model.safetensors");
    QTest::newRow("model file absent") << QStringList{ins, m, absent, c, csv, i, QStringLiteral("10")} << 1
                                       << QStringLiteral("no-such-model.safetensors");
}

void InspectTest::commandLineErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const CliResult r = runCli(args);
    QCOMPARE(r.exitCode, exitCode);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(message), qPrintable(err));
    QCOMPARE(err.trimmed().count(QLatin1Char('\n')), 0); // one line
    QVERIFY(r.out.isEmpty());
}

void InspectTest::cleanupTestCase()
{
    qInfo("largest |C++ - numpy| over every fixture: %.3g (tolerance %g)", maxDifferenceSeen, kTolerance);
}

QTEST_APPLESS_MAIN(InspectTest)
#include "test_inspect.moc"
