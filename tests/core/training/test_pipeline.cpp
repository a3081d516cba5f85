// Data pipeline and configuration: splits, scaling, windowing, options, metrics, model files.
#include "core/base/safetensors.h"
#include "core/stats/metrics.h"
#include "core/training/dataset.h"
#include "core/training/model.h"
#include "core/training/train_options.h"
#include "core/training/trainer.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

using namespace rnnwb;

namespace {

// 0, 1, 2, …: each value names its own index, so windows are easy to check.
std::vector<double> ramp(std::size_t n)
{
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = double(i);
    return v;
}

} // namespace

class PipelineTest : public QObject {
    Q_OBJECT
private slots:
    void splitCountsWindowsInTimeOrder_data();
    void splitCountsWindowsInTimeOrder();
    void splitRefusesEmptyParts_data();
    void splitRefusesEmptyParts();
    void scalersInvertExactly_data();
    void scalersInvertExactly();
    void constantSeriesScalesWithoutNaN();
    void scalerFittedOnTrainingPartOnly();
    void featuresLayoutIsOneSequence();
    void sequenceLayoutIsOneSequencePerWindow();
    void optionsParseEveryWord();
    void badOptionsAreUsageErrors_data();
    void badOptionsAreUsageErrors();
    void badValuesAreExplained_data();
    void badValuesAreExplained();
    void configSurvivesJson();
    void metricsInDataUnits();
    void longSequencePartsArePredictedInChunks();
    void modelFileRoundTrip();
    void modelLoaderRefusesForeignWeights();
};

void PipelineTest::splitCountsWindowsInTimeOrder_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<double>("val");
    QTest::addColumn<int>("train");
    QTest::addColumn<int>("validation");
    QTest::addColumn<int>("test");
    QTest::newRow("seed recipe: 144 values, 139 windows") << 144 << 0.0 << 97 << 0 << 42;
    QTest::newRow("with validation") << 144 << 0.1 << 97 << 13 << 29;
    QTest::newRow("short") << 10 << 0.0 << 3 << 0 << 2;
}

void PipelineTest::splitCountsWindowsInTimeOrder()
{
    QFETCH(int, length);
    QFETCH(double, val);
    const WindowSplit s = splitWindows(std::size_t(length), 5, 0.7, val);
    QTEST(int(s.train), "train");
    QTEST(int(s.validation), "validation");
    QTEST(int(s.test), "test");
    QCOMPARE(s.first(Part::Test), s.train + s.validation);
    QCOMPARE(s.targetIndex(0), std::size_t(5));
}

void PipelineTest::splitRefusesEmptyParts_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<double>("train");
    QTest::addColumn<double>("val");
    QTest::addColumn<QString>("reason");
    QTest::newRow("fewer values than the window") << 4 << 0.7 << 0.0 << u"window of 5 needs"_s;
    QTest::newRow("no training window") << 8 << 0.2 << 0.0 << u"training part is empty"_s;
    QTest::newRow("no validation window") << 12 << 0.5 << 0.1 << u"validation part is empty"_s;
    QTest::newRow("no test window") << 15 << 0.5 << 0.5 << u"test part is empty"_s;
}

void PipelineTest::splitRefusesEmptyParts()
{
    QFETCH(int, length);
    QFETCH(double, train);
    QFETCH(double, val);
    QFETCH(QString, reason);
    try {
        splitWindows(std::size_t(length), 5, train, val);
        QFAIL("no error");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(reason), e.what());
    }
}

void PipelineTest::scalersInvertExactly_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("min-max") << int(ScalerKind::MinMax);
    QTest::newRow("z-score") << int(ScalerKind::ZScore);
}

void PipelineTest::scalersInvertExactly()
{
    QFETCH(int, kind);
    const std::vector<double> v = {112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 622};
    const Scaler s = Scaler::fit(ScalerKind(kind), v);
    for (double x : v)
        QVERIFY(std::abs(s.invert(s.apply(x)) - x) <= 1e-12 * std::abs(x));
    if (ScalerKind(kind) == ScalerKind::MinMax) {
        QCOMPARE(s.apply(104), 0.0);
        QCOMPARE(s.apply(622), 1.0);
    }
}

void PipelineTest::constantSeriesScalesWithoutNaN()
{
    const std::vector<double> v(40, 7.5);
    TrainConfig c;
    c.epochs = 3;
    c.hidden = 4;
    for (ScalerKind kind : {ScalerKind::MinMax, ScalerKind::ZScore}) {
        c.scaler = kind;
        Trainer t(Dataset::prepare(v, c), c);
        t.run();
        QCOMPARE(t.stopReason(), StopReason::Completed);
        for (double loss : t.trainLoss())
            QVERIFY(std::isfinite(loss));
        const PartPrediction p = predictPart(t.model(), t.data(), Part::Test);
        for (double x : p.predicted)
            QVERIFY(std::isfinite(x));
    }
}

void PipelineTest::scalerFittedOnTrainingPartOnly()
{
    const std::vector<double> v = ramp(30);
    TrainConfig c;
    c.scalerFit = ScalerFit::TrainingPart;
    const Dataset d = Dataset::prepare(v, c);
    // 25 windows, 17 for training: they touch values 0 … 17 + 5 − 1 = 21.
    QCOMPARE(d.scaler.offset, 0.0);
    QCOMPARE(d.scaler.scale, 21.0);
    QVERIFY(d.scaled.back() > 1.0); // the test part may leave [0, 1]: that is the honest view
}

void PipelineTest::featuresLayoutIsOneSequence()
{
    const std::vector<double> v = ramp(20);
    TrainConfig c;
    c.window = 3;
    const Dataset d = Dataset::prepare(v, c);
    const Batch<float> b = d.batch(Part::Train);
    QCOMPARE(b.batch, 1);
    QCOMPARE(b.steps, int(d.split.train));
    QCOMPARE(b.inputs.rows(), Eigen::Index(3));
    // step j's features are window j: values j, j+1, j+2; its target is value j+3
    QCOMPARE(double(b.inputs(2, 4)), double(float(d.scaled[6])));
    QCOMPARE(double(b.targets(0, 4)), double(float(d.scaled[7])));
    QCOMPARE(b.outputs, OutputSteps::All);
}

void PipelineTest::sequenceLayoutIsOneSequencePerWindow()
{
    const std::vector<double> v = ramp(20);
    TrainConfig c;
    c.window = 3;
    c.layout = Layout::Sequence;
    const Dataset d = Dataset::prepare(v, c);
    const std::vector<std::size_t> windows = {4, 9};
    const Batch<float> b = d.batch(windows);
    QCOMPARE(b.steps, 3);
    QCOMPARE(b.batch, 2);
    // column t*B + j holds value t of window j
    QCOMPARE(double(b.inputs(0, 1 * 2 + 1)), double(float(d.scaled[10])));
    QCOMPARE(double(b.targets(0, 1)), double(float(d.scaled[12])));
    QCOMPARE(b.outputs, OutputSteps::Last);
}

void PipelineTest::optionsParseEveryWord()
{
    TrainConfig c;
    const std::vector<std::string> rest
        = parseTrainOptions({"--csv",       "x.csv",        "--cell",     "gru",        "--layout=sequence",
                             "--window",    "12",           "--hidden",   "8",          "--layers",
                             "3",           "--lr",         "0.003",      "--epochs",   "7",
                             "--optimizer", "rmsprop",      "--batch",    "32",         "--train-split",
                             "0.6",         "--val-split",  "0.2",        "--patience", "4",
                             "--clip",      "1.5",          "--seed",     "99",         "--scaler",
                             "zscore",      "--scaler-fit", "train",      "--missing",  "interpolate",
                             "--column",    "Passengers",   "--momentum", "0.5"},
                            c);
    QCOMPARE(rest, (std::vector<std::string>{"--csv", "x.csv"}));
    QCOMPARE(c.cell, CellType::Gru);
    QCOMPARE(c.layout, Layout::Sequence);
    QCOMPARE(c.window, 12);
    QCOMPARE(c.hidden, 8);
    QCOMPARE(c.layers, 3);
    QCOMPARE(c.learningRate, 0.003);
    QCOMPARE(c.epochs, 7);
    QCOMPARE(c.optimizer, OptimizerKind::RmsProp);
    QCOMPARE(c.batch, 32);
    QCOMPARE(c.trainSplit, 0.6);
    QCOMPARE(c.valSplit, 0.2);
    QCOMPARE(c.patience, 4);
    QCOMPARE(c.clip, 1.5);
    QCOMPARE(c.seed, std::uint64_t(99));
    QCOMPARE(c.scaler, ScalerKind::ZScore);
    QCOMPARE(c.scalerFit, ScalerFit::TrainingPart);
    QCOMPARE(c.missing, MissingPolicy::Interpolate);
    QCOMPARE(c.column, std::string("Passengers"));
    QCOMPARE(c.momentum, 0.5);
    QVERIFY(configProblems(c).empty());
}

void PipelineTest::badOptionsAreUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("missing value") << QStringList{u"--epochs"_s};
    QTest::newRow("not a number") << QStringList{u"--hidden"_s, u"many"_s};
    QTest::newRow("trailing junk") << QStringList{u"--lr"_s, u"0.1x"_s};
    QTest::newRow("unknown cell") << QStringList{u"--cell"_s, u"transformer"_s};
    QTest::newRow("negative count") << QStringList{u"--seed"_s, u"-1"_s};
}

void PipelineTest::badOptionsAreUsageErrors()
{
    QFETCH(QStringList, args);
    std::vector<std::string> v;
    for (const QString& a : args)
        v.push_back(a.toStdString());
    TrainConfig c;
    QVERIFY_THROWS_EXCEPTION(UsageError, parseTrainOptions(v, c));
}

void PipelineTest::badValuesAreExplained_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value");
    QTest::newRow("zero hidden") << u"--hidden"_s << u"0"_s;
    QTest::newRow("negative window") << u"--window"_s << u"-3"_s;
    QTest::newRow("learning rate 0") << u"--lr"_s << u"0"_s;
    QTest::newRow("learning rate 1e6") << u"--lr"_s << u"1e6"_s;
    QTest::newRow("zero layers") << u"--layers"_s << u"0"_s;
    QTest::newRow("no test part") << u"--train-split"_s << u"1"_s;
    QTest::newRow("zero epochs") << u"--epochs"_s << u"0"_s;
}

void PipelineTest::badValuesAreExplained()
{
    QFETCH(QString, option);
    QFETCH(QString, value);
    TrainConfig c;
    parseTrainOptions({option.toStdString(), value.toStdString()}, c);
    const std::vector<std::string> problems = configProblems(c);
    QVERIFY(!problems.empty());
    for (const std::string& problem : problems) // each names the option at fault
        QVERIFY2(QString::fromStdString(problem).contains(option), problem.c_str());
}

void PipelineTest::configSurvivesJson()
{
    TrainConfig c;
    c.cell = CellType::Rnn;
    c.layout = Layout::Sequence;
    c.batch = 8;
    c.valSplit = 0.1;
    c.seed = 1234567890123ULL;
    c.column = "Temp";
    QCOMPARE(configFromJson(configToJson(c)), c);
    QCOMPARE(configFromJson(nlohmann::json::object()), TrainConfig{});
}

void PipelineTest::metricsInDataUnits()
{
    const std::vector<double> predicted = {110, 120, 0}, actual = {100, 130, 0};
    const Metrics m = computeMetrics(predicted, actual, predicted, actual);
    QCOMPARE(m.count, std::size_t(3));
    QCOMPARE(m.mse, 200.0 / 3);
    QCOMPARE(m.rmse, std::sqrt(200.0 / 3));
    QCOMPARE(m.mae, 20.0 / 3);
    QVERIFY(m.mape.has_value());
    QCOMPARE(*m.mape, 100.0 * (0.1 + 10.0 / 130) / 2); // the zero actual is left out
    const std::vector<double> zeros = {0, 0};
    QVERIFY(!computeMetrics(zeros, zeros, zeros, zeros).mape.has_value());
}

// A part longer than kEvaluationChunk windows is predicted chunk by chunk; every window gets
// the prediction it gets in one big batch.
void PipelineTest::longSequencePartsArePredictedInChunks()
{
    std::vector<double> v(3200);
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = std::sin(double(i) / 7.0);
    TrainConfig c;
    c.layout = Layout::Sequence;
    c.hidden = 4;
    const Dataset d = Dataset::prepare(v, c);
    QVERIFY(d.split.train > 2 * kEvaluationChunk);
    Network<float> net(networkShape(c));
    net.setParameters(initialParameters<float>(net.shape(), 3));
    const PartPrediction chunked = predictPart(net, d, Part::Train);
    const Batch<float> whole = d.batch(Part::Train);
    const Mat<float> expected = net.forward(whole.inputs, whole.steps, whole.batch, whole.outputs);
    QCOMPARE(chunked.predictedScaled.size(), d.split.train);
    for (std::size_t j = 0; j < chunked.predictedScaled.size(); ++j)
        QVERIFY(std::abs(chunked.predictedScaled[j] - double(expected(0, Eigen::Index(j)))) < 1e-6);
    QCOMPARE(chunked.index.back(), d.split.targetIndex(d.split.train - 1));
}

void PipelineTest::modelFileRoundTrip()
{
    QTemporaryDir dir;
    std::vector<double> v(80);
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = 50 + 10 * std::sin(double(i) / 3);
    TrainConfig c;
    c.cell = CellType::Gru;
    c.hidden = 6;
    c.epochs = 5;
    Trainer t(Dataset::prepare(v, c), c, "level");
    t.run();
    const std::string path = dir.filePath(QStringLiteral("m.safetensors")).toStdString();
    saveModel(path, t.model());
    const Model loaded = loadModel(path);
    QCOMPARE(loaded.config, c);
    QCOMPARE(loaded.columnName, std::string("level"));
    QCOMPARE(loaded.scaler.offset, t.data().scaler.offset);
    QCOMPARE(loaded.scaler.scale, t.data().scaler.scale);
    QVERIFY(loaded.parameters == t.network().parameters());
    const Dataset again = Dataset::withScaler(v, loaded.config, loaded.scaler);
    QCOMPARE(predictPart(loaded, again, Part::Test).predicted, predictPart(t.model(), t.data(), Part::Test).predicted);
    // the names PyTorch's state_dict uses
    const SafetensorsFile f = readSafetensors(path);
    QVERIFY(f.find("gru.weight_ih_l0") && f.find("gru.bias_hh_l1") && f.find("linear.weight"));
    QCOMPARE(f.find("gru.weight_hh_l0")->shape, (std::vector<std::int64_t>{18, 6}));
}

void PipelineTest::modelLoaderRefusesForeignWeights()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("w.safetensors")).toStdString();
    SafetensorsFile f;
    f.tensors.push_back({"lstm.weight_ih_l0", {4, 3}, std::vector<double>(12, 0.1)});
    writeSafetensors(path, f);
    try {
        loadModel(path);
        QFAIL("loaded a file without model metadata");
    } catch (const FileFormatError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QString::fromStdString(path)), e.what());
    }
    try {
        loadWeights(path, NetworkShape{CellType::Lstm, 5, 45, 2});
        QFAIL("loaded weights of the wrong shape");
    } catch (const FileFormatError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("lstm.weight_ih_l0")), e.what());
    }
}

QTEST_APPLESS_MAIN(PipelineTest)
#include "test_pipeline.moc"
