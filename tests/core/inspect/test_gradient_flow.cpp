// Gradient flow (core/inspect/gradient_flow.h): ‖dLoss/dh^l_t‖ per layer and step against PyTorch
// autograd on the saved models (tests/tools/make_gradient_flow_fixture.py, fixtures in
// tests/data/gradient_flow), chunked parts, the network left as it was, vanishing gradients of
// a trained tanh RNN next to an LSTM's, and the errors.
#include "core/data/csv_reader.h"
#include "core/data/series.h"
#include "core/inspect/gradient_flow.h"
#include "core/training/model.h"
#include "core/training/trainer.h"

#include "fixture_support.h"

#include <QtTest>

#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <random>

using namespace rnnwb;

namespace {

// Relative to each expected norm: the norms span 20 orders of magnitude along a long
// features-layout sequence, and float32 keeps about 7 digits of each.
constexpr double kRelativeTolerance = 1e-4;

std::string flowData(const std::string& name) { return RNNWB_TEST_DATA "/gradient_flow/" + name; }

Part partNamed(const std::string& name)
{
    for (const Part part : {Part::Train, Part::Validation, Part::Test})
        if (partName(part) == name)
            return part;
    throw std::invalid_argument("no part " + name);
}

// The model's series of a CSV file, scaled and split as the model was trained (as the CLI does).
Dataset datasetFor(const Model& model, const std::string& csv)
{
    const CsvTable table = readCsvFile(csv);
    Series series = extractSeries(table, findColumn(table, model.columnName), model.config.missing);
    return Dataset::withScaler(std::move(series.values), model.config, model.scaler);
}

Model inspectModel(const std::string& name) { return loadModel(RNNWB_TEST_DATA "/inspect/" + name + ".safetensors"); }

Dataset airline(const Model& model) { return datasetFor(model, RNNWB_TEST_DATA "/airline-passengers.csv"); }

// x_t = 0.9 x_{t−lag} + ε_t (ε ~ N(0, 1)): the best prediction from the last `lag` values is
// 0.9 times the oldest, so only a network that carries the oldest step to the end can learn it.
std::vector<double> longLagSeries(std::size_t length, int lag, std::uint64_t seed)
{
    std::mt19937_64 generator(seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::vector<double> x(length);
    for (std::size_t t = 0; t < length; ++t)
        x[t] = (t >= std::size_t(lag) ? 0.9 * x[t - std::size_t(lag)] : 0.0) + noise(generator);
    return x;
}

// norms[0][0] / norms[0][T−1]: how much of the gradient at the newest step reaches the oldest.
double oldestOverNewest(const GradientFlow& flow) { return flow.norms[0].front() / flow.norms[0].back(); }

double worstSeen = 0.0;

} // namespace

class GradientFlowTest : public QObject {
    Q_OBJECT
private slots:
    void matchesPyTorchAutograd_data();
    void matchesPyTorchAutograd();
    void longPartsRunInChunksOfTheMeanOverEveryWindow();
    void networkIsLeftAsItWas();
    void jsonHasTheDocumentedShape();
    void tanhRnnShrinksAtLeastByTheRecurrentNorm();
    void openForgetGatesCarryTheGradientBack();
    void mismatchedModelAndDataAreRefused();
    void cleanupTestCase();
};

void GradientFlowTest::matchesPyTorchAutograd_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("part");
    QTest::addColumn<QString>("expected");
    const nlohmann::json cases = test::readJson(flowData("cases.json"));
    QVERIFY(cases.size() >= 9);
    for (const nlohmann::json& c : cases)
        QTest::newRow(c.at("name").get<std::string>().c_str())
            << QString::fromStdString(c.at("model").get<std::string>())
            << QString::fromStdString(c.at("part").get<std::string>())
            << QString::fromStdString(c.at("expected").get<std::string>());
}

void GradientFlowTest::matchesPyTorchAutograd()
{
    QFETCH(QString, model);
    QFETCH(QString, part);
    QFETCH(QString, expected);
    const Model m = loadModel(RNNWB_TEST_DATA "/inspect/" + model.toStdString());
    const nlohmann::json want = test::readJson(flowData(expected.toStdString()));
    const GradientFlow got = gradientFlow(m, airline(m), partNamed(part.toStdString()));

    QCOMPARE(cellName(got.cell), want.at("cell").get<std::string>());
    QCOMPARE(layoutName(got.layout), want.at("layout").get<std::string>());
    QCOMPARE(got.samples, want.at("samples").get<int>());
    const nlohmann::json& layers = want.at("layers");
    QCOMPARE(got.norms.size(), layers.size());
    QCOMPARE(got.norms.size(), std::size_t(m.shape.layers));
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const nlohmann::json& norms = layers[l].at("norms");
        QCOMPARE(got.norms[l].size(), norms.size());
        for (std::size_t t = 0; t < norms.size(); ++t) {
            const double torch = norms[t].get<double>();
            const double relative = std::abs(got.norms[l][t] - torch) / torch;
            worstSeen = std::max(worstSeen, relative);
            if (!(relative <= kRelativeTolerance))
                QFAIL(qPrintable(QStringLiteral("layer %1 step %2: %3 vs PyTorch %4")
                                     .arg(l)
                                     .arg(t)
                                     .arg(got.norms[l][t], 0, 'g', 10)
                                     .arg(torch, 0, 'g', 10)));
        }
    }
}

// 2,500 windows: three chunks of at most kEvaluationChunk. The result must be the mean over
// every window, as one pass over all of them gives it.
void GradientFlowTest::longPartsRunInChunksOfTheMeanOverEveryWindow()
{
    TrainConfig config;
    config.cell = CellType::Gru;
    config.layout = Layout::Sequence;
    config.window = 7;
    config.hidden = 3;
    config.layers = 2;
    config.trainSplit = 0.5;
    const Dataset data = Dataset::prepare(longLagSeries(5007, 7, 11), config);
    QCOMPARE(data.windowsOf(Part::Train).size(), std::size_t(2500));
    QVERIFY(evaluationBatches(data, Part::Train).size() == 3);
    Network<float> network(networkShape(config));
    network.setParameters(initialParameters<float>(network.shape(), 5));
    const GradientFlow flow = gradientFlow(network, data, Part::Train);
    QCOMPARE(flow.samples, 2500);

    const Batch<float> all = data.batch(Part::Train);
    const Mat<float>& out = network.forward(all.inputs, all.steps, all.batch, all.outputs);
    const Mat<float> dPrediction = 2.0f * (out - all.targets); // d(ŷ_j − y_j)²/dŷ_j
    network.backward(dPrediction);
    const std::vector<Mat<float>> total = network.hiddenGradients(dPrediction);
    for (std::size_t l = 0; l < 2; ++l)
        for (int t = 0; t < 7; ++t) {
            double sum = 0.0;
            for (int j = 0; j < 2500; ++j)
                sum += total[l].col(Eigen::Index(t) * 2500 + j).cast<double>().norm();
            QVERIFY2(std::abs(flow.norms[l][std::size_t(t)] - sum / 2500.0) <= 1e-6 * sum / 2500.0,
                     qPrintable(QStringLiteral("layer %1 step %2").arg(l).arg(t)));
        }
}

// The live view runs between epochs on the trainer's network: its weights and accumulated
// gradients must be the same afterwards, and a second call must give the same numbers.
void GradientFlowTest::networkIsLeftAsItWas()
{
    const Model m = inspectModel("gru-features");
    const Dataset data = airline(m);
    const std::unique_ptr<Network<float>> network = m.makeNetwork();
    const Vec<float> gradients = Vec<float>::LinSpaced(network->gradients().size(), -1.0f, 1.0f);
    network->gradients() = gradients;
    const GradientFlow first = gradientFlow(*network, data, Part::Train);
    QVERIFY(network->parameters() == m.parameters);
    QVERIFY(network->gradients() == gradients);
    QCOMPARE(gradientFlow(*network, data, Part::Train).norms, first.norms);
    QCOMPARE(gradientFlow(m, data, Part::Train).norms, first.norms);
}

void GradientFlowTest::jsonHasTheDocumentedShape()
{
    const Model m = inspectModel("rnn-sequence");
    const GradientFlow flow = gradientFlow(m, airline(m), Part::Test);
    const nlohmann::json j = gradientFlowToJson(flow);
    QCOMPARE(j.size(), std::size_t(4));
    QCOMPARE(j.at("cell").get<std::string>(), std::string("rnn"));
    QCOMPARE(j.at("layout").get<std::string>(), std::string("sequence"));
    QCOMPARE(j.at("samples").get<int>(), int(airline(m).split.test)); // one per test window
    QCOMPARE(j.at("layers").size(), std::size_t(2));
    for (std::size_t l = 0; l < 2; ++l) {
        QCOMPARE(j["layers"][l].size(), std::size_t(1));
        QCOMPARE(j["layers"][l].at("norms").get<std::vector<double>>(), flow.norms[l]);
        QCOMPARE(flow.norms[l].size(), std::size_t(m.config.window));
    }
}

namespace {

// A network trained briefly (50 epochs) on longLagSeries in the sequence layout, window = lag.
Trainer briefTraining(CellType cell)
{
    TrainConfig config;
    config.cell = cell;
    config.layout = Layout::Sequence;
    config.window = 20;
    config.hidden = 16;
    config.layers = 1;
    config.epochs = 50;
    config.seed = 3;
    Trainer trainer(Dataset::prepare(longLagSeries(800, config.window, 1), config), config);
    if (trainer.run() != StopReason::Completed)
        throw std::runtime_error("training did not complete");
    return trainer;
}

// Layer 0's W_hh (G·H x H, row-major in the flat vector) of a one-layer network.
Mat<double> recurrentWeight(const Network<float>& network)
{
    const NetworkShape& shape = network.shape();
    const Eigen::Index rows = Eigen::Index(gateCount(shape.cell)) * shape.hiddenSize;
    const std::size_t offset = layerOffset(shape, 0) + std::size_t(rows) * std::size_t(shape.inputSize);
    return ConstWeightMap<float>(network.parameters().data() + offset, rows, shape.hiddenSize).cast<double>();
}

} // namespace

// Vanishing gradients of the tanh RNN, the textbook way: with no loss before the last step,
//   ∂L/∂h_t = W_hh^T ((1 − h²_{t+1}) ⊙ ∂L/∂h_{t+1}),  so  ‖∂L/∂h_t‖ ≤ ‖W_hh‖₂ ‖∂L/∂h_{t+1}‖
// for each window, hence for their mean: the view's curve can fall no slower than ‖W_hh‖₂^t.
void GradientFlowTest::tanhRnnShrinksAtLeastByTheRecurrentNorm()
{
    Trainer trainer = briefTraining(CellType::Rnn);
    const GradientFlow flow = gradientFlow(trainer.network(), trainer.data(), Part::Test);
    const double sigma = Eigen::JacobiSVD<Mat<double>>(recurrentWeight(trainer.network())).singularValues()(0);
    const std::vector<double>& norms = flow.norms[0];
    double steepest = 0.0;
    for (std::size_t t = 0; t + 1 < norms.size(); ++t) {
        QVERIFY2(norms[t] <= sigma * norms[t + 1] * (1.0 + 1e-5),
                 qPrintable(QStringLiteral("step %1: %2 > %3 × %4").arg(t).arg(norms[t]).arg(sigma).arg(norms[t + 1])));
        steepest = std::max(steepest, norms[t] / norms[t + 1]);
    }
    // And on this run the curve does fall at every step, to a fraction of a percent.
    QVERIFY2(steepest < 1.0, qPrintable(QString::number(steepest)));
    QVERIFY2(oldestOverNewest(flow) < 0.01, qPrintable(QString::number(oldestOverNewest(flow))));
    QVERIFY(oldestOverNewest(flow) <= std::pow(sigma, double(norms.size() - 1)) * (1.0 + 1e-4));
    qInfo("rnn, 50 epochs: ||W_hh||2 = %.3f, largest step ratio %.3f, oldest/newest %.3g (bound %.3g)", sigma, steepest,
          oldestOverNewest(flow), std::pow(sigma, double(norms.size() - 1)));
}

// With PyTorch's initialisation the forget gates start near σ(0) = 0.5, so a briefly trained
// LSTM's gradient still halves at every step along the cell state. Opening the forget gates
// (b_if = b_hf = 3: f ≈ 0.998) makes the cell state carry the gradient back: the older half
// of the window no longer fades.
void GradientFlowTest::openForgetGatesCarryTheGradientBack()
{
    Trainer trainer = briefTraining(CellType::Lstm);
    Network<float>& trained = trainer.network();
    const GradientFlow asTrained = gradientFlow(trained, trainer.data(), Part::Test);

    const NetworkShape& shape = trained.shape();
    const std::size_t H = std::size_t(shape.hiddenSize);
    const std::size_t biasIh = layerOffset(shape, 0) + 4 * H * std::size_t(shape.inputSize) + 4 * H * H;
    Vec<float> parameters = trained.parameters();
    for (std::size_t j = H; j < 2 * H; ++j) { // rows H … 2H−1: the forget gate (i, f, g, o)
        parameters[Eigen::Index(biasIh + j)] = 3.0f;
        parameters[Eigen::Index(biasIh + 4 * H + j)] = 3.0f; // b_hh follows b_ih
    }
    Network<float> opened(shape);
    opened.setParameters(parameters);
    const GradientFlow open = gradientFlow(opened, trainer.data(), Part::Test);

    const auto oldestOverMiddle
        = [](const GradientFlow& f) { return f.norms[0].front() / f.norms[0][f.norms[0].size() / 2]; };
    qInfo("lstm, 50 epochs: oldest/middle step %.3g as trained, %.3g with open forget gates (oldest/newest %.3g, %.3g)",
          oldestOverMiddle(asTrained), oldestOverMiddle(open), oldestOverNewest(asTrained), oldestOverNewest(open));
    QVERIFY2(oldestOverMiddle(asTrained) < 0.1, qPrintable(QString::number(oldestOverMiddle(asTrained))));
    QVERIFY2(oldestOverMiddle(open) > 0.5, qPrintable(QString::number(oldestOverMiddle(open))));
}

void GradientFlowTest::mismatchedModelAndDataAreRefused()
{
    const auto refused = [](const std::function<void()>& call, const char* expected) {
        try {
            call();
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find(expected) != std::string::npos, e.what());
            return;
        }
        QFAIL(qPrintable(QStringLiteral("no std::invalid_argument mentioning '%1'").arg(QLatin1String(expected))));
    };
    const Model sequence = inspectModel("lstm-sequence");
    const Model features = inspectModel("lstm-features");
    const Dataset sequenceData = airline(sequence);
    const Dataset featuresData = airline(features);
    refused([&] { gradientFlow(sequence, featuresData); }, "trained on the sequence layout");
    refused([&] { gradientFlow(features, sequenceData); }, "trained on the features layout");

    TrainConfig wider = features.config;
    wider.window = 8;
    const Dataset widerData = Dataset::withScaler(featuresData.values, wider, features.scaler);
    refused([&] { gradientFlow(features, widerData); }, "window of 5");
    const std::unique_ptr<Network<float>> network = features.makeNetwork();
    refused([&] { gradientFlow(*network, widerData); }, "takes 5 inputs per step");
    refused([&] { gradientFlow(*network, sequenceData); }, "takes 5 inputs per step");
    refused([&] { gradientFlow(features, featuresData, Part::Validation); }, "validation part has no windows");
}

void GradientFlowTest::cleanupTestCase()
{
    qInfo("largest relative |C++ - PyTorch| over every fixture: %.3g (tolerance %g)", worstSeen, kRelativeTolerance);
}

QTEST_APPLESS_MAIN(GradientFlowTest)
#include "test_gradient_flow.moc"
