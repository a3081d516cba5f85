// The core against PyTorch 1.13: one forward/backward per gradient fixture, in double and
// float, and whole training runs from the trajectory fixtures' initial weights.
#include "fixture_support.h"

#include "core/data/csv_reader.h"
#include "core/data/series.h"
#include "core/training/report.h"
#include "core/training/trainer.h"

#include <QDir>
#include <QtTest>

using namespace rnnwb;
using namespace rnnwb::test;

class PyTorchParityTest : public QObject {
    Q_OBJECT

private:
    template <typename S>
    void checkGradientFixture(const QString& file, double tolerance);

private slots:
    void gradients_data();
    void gradients();
    void trajectory_data();
    void trajectory();
};

static void addFixtureRows(const char* folder, const QString& suffix)
{
    QDir dir(testData(folder));
    const QStringList files = dir.entryList({suffix}, QDir::Files, QDir::Name);
    QVERIFY2(!files.isEmpty(), qPrintable(QStringLiteral("no fixtures in ") + dir.path()));
    for (const QString& f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void PyTorchParityTest::gradients_data()
{
    QTest::addColumn<QString>("file");
    addFixtureRows("fixtures/gradients", QStringLiteral("*.json"));
}

template <typename S>
void PyTorchParityTest::checkGradientFixture(const QString& file, double tolerance)
{
    const nlohmann::json fx = readJson(file.toStdString());
    const NetworkShape shape{parseCellType(fx["kind"]), fx["input_size"], fx["hidden_size"], fx["num_layers"]};
    const int T = fx["seq_len"], B = fx["batch"];
    Network<S> net(shape);
    net.setParameters(fixtureParameters<S>(fx["params"], shape));
    InitialState<S> init;
    init.h = stateMatrices<S>(fx["h0"]);
    if (fx.contains("c0"))
        init.c = stateMatrices<S>(fx["c0"]);

    const Mat<S> X = sequenceMatrix<S>(fx["x"]);
    const Mat<S> Y = sequenceMatrix<S>(fx["y"]);
    Mat<S> dPrediction;
    const Mat<S> prediction = net.forward(X, T, B, OutputSteps::All, &init);
    const double loss = double(meanSquaredError(prediction, Y, &dPrediction));
    net.zeroGradients();
    net.backward(dPrediction);

    const auto check = [&](const char* what, double error) {
        QVERIFY2(
            error <= tolerance,
            qPrintable(
                QStringLiteral("%1: relative error %2 > %3").arg(QString::fromUtf8(what)).arg(error).arg(tolerance)));
    };
    check("pred", relativeError(prediction, sequenceMatrix<S>(fx["pred"])));
    check("output", relativeError(Mat<S>(net.layer(shape.layers - 1).output()), sequenceMatrix<S>(fx["output"])));
    const std::vector<Mat<S>> hn = stateMatrices<S>(fx["h_n"]);
    for (int l = 0; l < shape.layers; ++l)
        check("h_n", relativeError(Mat<S>(net.layer(l).finalHidden()), hn[std::size_t(l)]));
    if (fx.contains("c_n")) {
        const std::vector<Mat<S>> cn = stateMatrices<S>(fx["c_n"]);
        for (int l = 0; l < shape.layers; ++l)
            check("c_n", relativeError(Mat<S>(net.layer(l).cellStates().rightCols(B)), cn[std::size_t(l)]));
    }
    check("loss", std::abs(loss - fx["loss"].get<double>()) / std::abs(fx["loss"].get<double>()));
    const Vec<S> expectedGrads = fixtureParameters<S>(fx["grads"], shape);
    for (const TensorSpec& spec : net.layout()) {
        const auto seg = [&](const Vec<S>& v) { return v.segment(Eigen::Index(spec.offset), Eigen::Index(spec.size)); };
        check(spec.name.c_str(), relativeError(seg(net.gradients()), seg(expectedGrads)));
    }
}

void PyTorchParityTest::gradients()
{
    QFETCH(QString, file);
    checkGradientFixture<double>(file, 1e-6);
    if (QTest::currentTestFailed())
        return;
    checkGradientFixture<float>(file, 1e-4);
}

void PyTorchParityTest::trajectory_data()
{
    QTest::addColumn<QString>("file");
    addFixtureRows("fixtures/trajectory", QStringLiteral("*.json"));
}

// Trains the recipe from PyTorch's initial weights; the loss curve must follow PyTorch's
// float64 curve for 100 epochs, and the final test MSE must agree where PyTorch's own float32
// and float64 runs agree within 1%.
void PyTorchParityTest::trajectory()
{
    QFETCH(QString, file);
    const nlohmann::json fx = readJson(file.toStdString());
    const nlohmann::json& recipe = fx["recipe"];
    TrainConfig config;
    config.cell = parseCellType(recipe["cell"]);
    config.layout = parseLayout(recipe["layout"]);
    config.window = recipe["window"];
    config.hidden = recipe["hidden_size"];
    config.layers = recipe["num_layers"];
    config.learningRate = recipe["lr"];
    config.epochs = recipe["epochs"];
    config.trainSplit = recipe["train_split"];
    config.initWeights = QFileInfo(file).dir().filePath(QString::fromStdString(fx["init_weights"])).toStdString();

    const CsvTable table = readCsvFile(testData("LSTM.csv").toStdString());
    const Series series = extractSeries(table, defaultColumn(table), MissingPolicy::Drop);
    Trainer trainer(Dataset::prepare(series.values, config), config);
    QCOMPARE(trainer.data().scaler.offset, fx["series_min"].get<double>());
    QCOMPARE(trainer.data().scaler.scale, fx["series_range"].get<double>());
    QCOMPARE(trainer.run(), StopReason::Completed);

    const std::vector<double> expected = fx["train_loss_float64"];
    QCOMPARE(trainer.trainLoss().size(), expected.size());
    for (std::size_t e = 0; e < 100; ++e) {
        const double rel = std::abs(trainer.trainLoss()[e] - expected[e]) / expected[e];
        QVERIFY2(rel <= 1e-3, qPrintable(QStringLiteral("epoch %1: loss %2 vs PyTorch %3 (relative %4)")
                                             .arg(e + 1)
                                             .arg(trainer.trainLoss()[e])
                                             .arg(expected[e])
                                             .arg(rel)));
    }
    const double t32 = fx["test_mse_float32"], t64 = fx["test_mse_float64"];
    const double ours = evaluatePart(trainer.network(), trainer.data(), Part::Test).metrics.mseScaled;
    if (std::abs(t32 - t64) / t64 <= 0.01)
        QVERIFY2(std::abs(ours - t64) / t64 <= 0.01,
                 qPrintable(QStringLiteral("test MSE %1 vs PyTorch %2").arg(ours).arg(t64)));
    else
        qInfo("test MSE %g (PyTorch f32 %g, f64 %g disagree by over 1%%: not compared)", ours, t32, t64);
}

QTEST_APPLESS_MAIN(PyTorchParityTest)
#include "test_pytorch_parity.moc"
