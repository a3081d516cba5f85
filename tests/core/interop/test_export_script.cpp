// rnnwb export-script: the generated PyTorch script defines the tutorial's network, loads the
// model file by itself and reproduces `rnnwb predict` (every window, part by part).
#include "core/data/csv_reader.h"
#include "core/data/preprocess.h"
#include "core/data/series.h"
#include "core/interop/pytorch_script.h"
#include "core/training/model.h"
#include "core/training/trainer.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <fstream>

using namespace rnnwb;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");
const std::string kAirline = RNNWB_TEST_DATA "/airline-passengers.csv";

struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

Run run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(300000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

Run runCli(const QStringList& args) { return run(QStringLiteral(RNNWB_BIN_DIR "/rnnwb"), args); }

// Why the script cannot be run here, or empty when /usr/bin/python3 has torch and numpy.
QString pythonProblem()
{
    static const QString problem = [] {
        if (!QFile::exists(kPython))
            return QStringLiteral("%1 does not exist").arg(kPython);
        const Run r = run(kPython, {QStringLiteral("-c"), QStringLiteral("import torch, numpy")});
        return r.exitCode == 0 ? QString()
                               : QStringLiteral("%1 cannot import torch and numpy: %2")
                                     .arg(kPython, QString::fromUtf8(r.err.trimmed().right(200)));
    }();
    return problem;
}

std::vector<double> readColumn(const std::string& csv, const std::string& column, MissingPolicy missing)
{
    const CsvTable table = readCsvFile(csv);
    return extractSeries(table, findColumn(table, column), missing).values;
}

TrainConfig smallConfig(const QString& cell, const QString& layout)
{
    TrainConfig c;
    c.column = "Passengers";
    c.cell = parseCellType(cell.toStdString());
    c.layout = parseLayout(layout.toStdString());
    c.window = 5;
    c.hidden = 6;
    c.layers = 2;
    c.epochs = 8;
    c.learningRate = 0.02;
    c.valSplit = 0.1; // three parts, so every part boundary (a zero state each) is exercised
    c.batch = c.layout == Layout::Sequence ? 32 : 0;
    c.seed = 11;
    return c;
}

Model trainSmall(const QString& cell, const QString& layout, const Preprocessing& preprocessing = {})
{
    TrainConfig c = smallConfig(cell, layout);
    c.preprocessing = preprocessing;
    Trainer t(Dataset::prepare(readColumn(kAirline, "Passengers", c.missing), c), c, "Passengers");
    t.run();
    return t.model();
}

void addRows()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("layout");
    for (const char* layout : {"features", "sequence"})
        for (const char* cell : {"lstm", "gru", "rnn"})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(cell), QLatin1String(layout))))
                << QString::fromLatin1(cell) << QString::fromLatin1(layout);
}

void writeText(const QString& path, const std::string& text)
{
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << text;
}

// The largest |script − C++| over all predictions, after checking both cover the same targets.
double maxDifference(const nlohmann::json& script, const std::vector<PartPrediction>& parts)
{
    std::vector<std::size_t> index;
    std::vector<double> predicted;
    for (const PartPrediction& p : parts) {
        index.insert(index.end(), p.index.begin(), p.index.end());
        predicted.insert(predicted.end(), p.predicted.begin(), p.predicted.end());
    }
    if (script.at("index").get<std::vector<std::size_t>>() != index)
        return std::numeric_limits<double>::infinity();
    const std::vector<double> fromScript = script.at("predictions").get<std::vector<double>>();
    if (fromScript.size() != predicted.size())
        return std::numeric_limits<double>::infinity();
    double worst = 0.0;
    for (std::size_t k = 0; k < predicted.size(); ++k)
        worst = std::max(worst, std::abs(fromScript[k] - predicted[k]));
    return worst;
}

double rangeOf(const std::vector<double>& v)
{
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    return *hi - *lo;
}

nlohmann::json readJsonFile(const QString& path)
{
    std::ifstream in(path.toStdString());
    return nlohmann::json::parse(in, nullptr, false);
}

} // namespace

class ExportScriptTest : public QObject {
    Q_OBJECT
private slots:
    void scriptText_data() { addRows(); }
    void scriptText();
    void scriptMatchesCppPredictions_data() { addRows(); }
    void scriptMatchesCppPredictions();
    void scriptReadsQuotedCellsAndMissingValues();
    void preprocessedScriptMatchesCpp_data();
    void preprocessedScriptMatchesCpp();
    void commandLine();
};

void ExportScriptTest::scriptText()
{
    QFETCH(QString, cell);
    QFETCH(QString, layout);
    const Model model = trainSmall(cell, layout);
    const std::string text = pytorchScript(model, "model.safetensors");
    const QString script = QString::fromStdString(text);
    const QString torchClass = cell.toUpper();

    QVERIFY(script.startsWith(QLatin1String("#!/usr/bin/env python3\n\"\"\"")));
    QVERIFY(script.contains(QLatin1String("python3 SCRIPT.py --csv FILE")));
    QVERIFY(script.contains(QLatin1String("import numpy as np\n")));
    QVERIFY(script.contains(QLatin1String("import torch\n")));
    QVERIFY(script.contains(QLatin1String("from torch import nn\n")));
    QVERIFY(script.contains(QStringLiteral("class %1_LINEAR(nn.Module):").arg(torchClass)));
    QVERIFY(
        script.contains(QStringLiteral("self.%1 = nn.%2(input_size, hidden_size, num_layers)").arg(cell, torchClass)));
    QVERIFY(script.contains(QLatin1String("self.linear = nn.Linear(hidden_size, 1)")));
    QVERIFY(script.contains(QLatin1String("load_state_dict(tensors, strict=True)")));
    QVERIFY(script.contains(QLatin1String("np.frombuffer(")));
    QVERIFY(script.contains(QStringLiteral("LAYOUT = \"%1\"").arg(layout)));
    QVERIFY(script.contains(QStringLiteral("CELL = \"%1\"").arg(cell)));
    QVERIFY(script.contains(QLatin1String("COLUMN = \"Passengers\"")));
    QVERIFY(script.contains(QStringLiteral("INPUT_SIZE = %1\n").arg(layout == QLatin1String("features") ? 5 : 1)));
    QVERIFY(script.contains(QLatin1String("SCALER = \"minmax\"")));
    // The docstring names the configuration.
    QVERIFY(script.contains(QStringLiteral("cell %1, layout %2, window 5, hidden 6, layers 2").arg(cell, layout)));

    // No package beyond numpy and torch (and the standard library).
    const QStringList allowed = QStringLiteral("argparse csv io json math os re struct sys numpy torch").split(u' ');
    static const QRegularExpression importLine(QStringLiteral("^(?:import|from)\\s+([A-Za-z_][A-Za-z0-9_]*)"),
                                               QRegularExpression::MultilineOption);
    int imports = 0;
    for (auto it = importLine.globalMatch(script); it.hasNext(); ++imports) {
        const QString module = it.next().captured(1);
        QVERIFY2(allowed.contains(module), qPrintable(QStringLiteral("imports %1").arg(module)));
    }
    QVERIFY(imports >= 11);
    QVERIFY(!script.contains(QLatin1String("pandas")));
    QVERIFY(!script.contains(QLatin1String("safetensors import")));

    // Deterministic: the same model (also after a save and load) gives the same text.
    QCOMPARE(pytorchScript(model, "model.safetensors"), text);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("model.safetensors")).toStdString();
    saveModel(path, model);
    QCOMPARE(pytorchScript(loadModel(path), "model.safetensors"), text);
}

void ExportScriptTest::scriptMatchesCppPredictions()
{
    QFETCH(QString, cell);
    QFETCH(QString, layout);
    if (const QString problem = pythonProblem(); !problem.isEmpty())
        QFAIL(qPrintable(
            problem + QStringLiteral(" (packaging/bootstrap.sh --test installs python3-torch and python3-numpy)")));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString modelPath = dir.filePath(QStringLiteral("model.safetensors"));
    const QString scriptPath = dir.filePath(QStringLiteral("model.py"));
    const QString outPath = dir.filePath(QStringLiteral("out.json"));
    saveModel(modelPath.toStdString(), trainSmall(cell, layout));
    const Model model = loadModel(modelPath.toStdString()); // what `rnnwb predict` works with
    writeText(scriptPath, pytorchScript(model, "model.safetensors"));

    const Run r = run(kPython, {scriptPath, QStringLiteral("--csv"), QString::fromStdString(kAirline),
                                QStringLiteral("--model"), modelPath, QStringLiteral("--json"), outPath});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const nlohmann::json out = readJsonFile(outPath);
    QVERIFY(out.is_object());

    const std::vector<double> values = readColumn(kAirline, "Passengers", model.config.missing);
    const Dataset data = Dataset::withScaler(values, model.config, model.scaler);
    const std::vector<PartPrediction> parts = predictSeries(model, data);
    QCOMPARE(parts.size(), std::size_t(3));
    const double difference = maxDifference(out, parts);
    const double range = rangeOf(values);
    qInfo("%s %s: max |script - C++| = %.3g (%.3g of the range; %zu predictions)", qPrintable(cell), qPrintable(layout),
          difference, difference / range, out.at("predictions").size());
    QVERIFY2(difference <= 1e-5 * range, qPrintable(QString::number(difference)));
    QCOMPARE(out.at("part").front().get<std::string>(), std::string("train"));
    QCOMPARE(out.at("part").back().get<std::string>(), std::string("test"));
}

void ExportScriptTest::scriptReadsQuotedCellsAndMissingValues()
{
    if (const QString problem = pythonProblem(); !problem.isEmpty())
        QFAIL(qPrintable(
            problem + QStringLiteral(" (packaging/bootstrap.sh --test installs python3-torch and python3-numpy)")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The airline data with quoted cells, a thousands separator, and missing values to drop.
    std::ifstream in(kAirline);
    std::string line, csv = "\"Month\",\"Passengers\",\"Note\"\r\n";
    std::getline(in, line); // header
    for (int row = 0; std::getline(in, line); ++row) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const std::size_t comma = line.find(',');
        const std::string month = line.substr(0, comma), value = line.substr(comma + 1);
        if (row == 7)
            csv += "\"" + month + "\",NA,\"missing, quoted\"\r\n";
        if (row == 30)
            csv += "\"" + month + "\",,\r\n";
        csv += "\"" + month + "\",\"" + (row == 100 ? "1," + value : value) + "\",\"a \"\"note\"\"\"\r\n";
    }
    const QString csvPath = dir.filePath(QStringLiteral("quoted.csv"));
    writeText(csvPath, csv);

    const QString modelPath = dir.filePath(QStringLiteral("model.safetensors"));
    const QString scriptPath = dir.filePath(QStringLiteral("model.py"));
    const QString outPath = dir.filePath(QStringLiteral("out.json"));
    saveModel(modelPath.toStdString(), trainSmall(QStringLiteral("lstm"), QStringLiteral("features")));
    const Model model = loadModel(modelPath.toStdString());
    writeText(scriptPath, pytorchScript(model, "model.safetensors"));
    // Without --model: the default next to the script.
    const Run r = run(kPython, {scriptPath, QStringLiteral("--csv"), csvPath, QStringLiteral("--json"), outPath});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    const std::vector<double> values = readColumn(csvPath.toStdString(), "Passengers", MissingPolicy::Drop);
    QCOMPARE(values.size(), std::size_t(144));
    const std::vector<PartPrediction> parts
        = predictSeries(model, Dataset::withScaler(values, model.config, model.scaler));
    const double difference = maxDifference(readJsonFile(outPath), parts);
    qInfo("quoted CSV with missing values: max |script - C++| = %.3g", difference);
    QVERIFY(difference <= 1e-5 * rangeOf(values));
}

void ExportScriptTest::preprocessedScriptMatchesCpp_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("layout");
    QTest::addColumn<bool>("log");
    QTest::addColumn<int>("season");
    QTest::addColumn<bool>("diff");
    QTest::newRow("lstm features, log + diff")
        << QStringLiteral("lstm") << QStringLiteral("features") << true << 0 << true;
    QTest::newRow("gru sequence, log + seasonal 12")
        << QStringLiteral("gru") << QStringLiteral("sequence") << true << 12 << false;
    QTest::newRow("rnn features, seasonal 12 + diff")
        << QStringLiteral("rnn") << QStringLiteral("features") << false << 12 << true;
}

// The script applies the model's preprocessing and inverts it as `rnnwb predict` does (the
// same targets, series indices from window + lost on, in passengers).
void ExportScriptTest::preprocessedScriptMatchesCpp()
{
    QFETCH(QString, cell);
    QFETCH(QString, layout);
    QFETCH(bool, log);
    QFETCH(int, season);
    QFETCH(bool, diff);
    Preprocessing p;
    p.log = log;
    p.seasonalDifference = season;
    p.difference = diff;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString modelPath = dir.filePath(QStringLiteral("model.safetensors"));
    const QString scriptPath = dir.filePath(QStringLiteral("model.py"));
    const QString outPath = dir.filePath(QStringLiteral("out.json"));
    saveModel(modelPath.toStdString(), trainSmall(cell, layout, p));
    const Model model = loadModel(modelPath.toStdString());
    QCOMPARE(model.config.preprocessing, p);
    const std::string text = pytorchScript(model, "model.safetensors");
    const QString script = QString::fromStdString(text);
    QVERIFY(script.contains(QStringLiteral("\nLOG = %1 ").arg(QLatin1String(log ? "True" : "False"))));
    QVERIFY(script.contains(QStringLiteral("SEASONAL_DIFF = %1 ").arg(season)));
    QVERIFY(script.contains(QStringLiteral("\nDIFF = %1 ").arg(QLatin1String(diff ? "True" : "False"))));
    QVERIFY(script.contains(QString::fromStdString("preprocessing " + describePreprocessing(p))));
    writeText(scriptPath, text);
    if (const QString problem = pythonProblem(); !problem.isEmpty())
        QFAIL(qPrintable(
            problem + QStringLiteral(" (packaging/bootstrap.sh --test installs python3-torch and python3-numpy)")));

    const Run r = run(kPython, {scriptPath, QStringLiteral("--csv"), QString::fromStdString(kAirline),
                                QStringLiteral("--json"), outPath});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const nlohmann::json out = readJsonFile(outPath);
    const std::vector<double> values = readColumn(kAirline, "Passengers", model.config.missing);
    const std::vector<PartPrediction> parts
        = predictSeries(model, Dataset::withScaler(values, model.config, model.scaler));
    QCOMPARE(out.at("index").front().get<std::size_t>(), std::size_t(5) + p.lost());
    const double difference = maxDifference(out, parts);
    qInfo("%s: max |script - C++| = %.3g (%.3g of the range)", QTest::currentDataTag(), difference,
          difference / rangeOf(values));
    QVERIFY2(difference <= 1e-5 * rangeOf(values), qPrintable(QString::number(difference)));

    if (!log)
        return;
    // A value the log cannot take: the script says which, and fails.
    const QString zeroPath = dir.filePath(QStringLiteral("zero.csv"));
    std::string csv = "Passengers\n";
    for (int t = 0; t < 60; ++t)
        csv += (t == 9 ? std::string("0") : std::to_string(100 + t)) + "\n";
    writeText(zeroPath, csv);
    const Run bad = run(kPython, {scriptPath, QStringLiteral("--csv"), zeroPath, QStringLiteral("--json"), outPath});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("series index 9"), bad.err.constData());
}

void ExportScriptTest::commandLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString modelPath = dir.filePath(QStringLiteral("m.safetensors"));
    const QString scriptPath = dir.filePath(QStringLiteral("m.py"));
    const Model model = trainSmall(QStringLiteral("gru"), QStringLiteral("features"));
    saveModel(modelPath.toStdString(), model);

    // Usage errors: exit 2.
    Run r = runCli({QStringLiteral("export-script"), QStringLiteral("--model"), modelPath});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--out"));
    r = runCli({QStringLiteral("export-script"), QStringLiteral("--out"), scriptPath});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!QFile::exists(scriptPath));

    // A file that is not a model: exit 1, naming the file; nothing written.
    const QString bad = dir.filePath(QStringLiteral("not-a-model.safetensors"));
    writeText(bad, "this is not a model");
    r = runCli({QStringLiteral("export-script"), QStringLiteral("--model"), bad, QStringLiteral("--out"), scriptPath});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("not-a-model.safetensors"), r.err.constData());
    QVERIFY(!QFile::exists(scriptPath));

    // Success: the script the core generates, the model found next to it.
    r = runCli(
        {QStringLiteral("export-script"), QStringLiteral("--model"), modelPath, QStringLiteral("--out"), scriptPath});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile file(scriptPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().toStdString(), pytorchScript(loadModel(modelPath.toStdString()), "m.safetensors"));

    // The script's output equals `rnnwb predict --json -`.
    if (const QString problem = pythonProblem(); !problem.isEmpty())
        QFAIL(qPrintable(
            problem + QStringLiteral(" (packaging/bootstrap.sh --test installs python3-torch and python3-numpy)")));
    const QString csv = QString::fromStdString(kAirline);
    const Run predicted = runCli({QStringLiteral("predict"), QStringLiteral("--model"), modelPath,
                                  QStringLiteral("--csv"), csv, QStringLiteral("--json"), QStringLiteral("-")});
    QCOMPARE(predicted.exitCode, 0);
    const Run scripted
        = run(kPython, {scriptPath, QStringLiteral("--csv"), csv, QStringLiteral("--json"), QStringLiteral("-")});
    QVERIFY2(scripted.exitCode == 0, scripted.err.constData());
    const nlohmann::json a = nlohmann::json::parse(predicted.out.toStdString());
    const nlohmann::json b = nlohmann::json::parse(scripted.out.toStdString());
    QCOMPARE(b.at("index"), a.at("index"));
    QCOMPARE(b.at("part"), a.at("part"));
    const std::vector<double> pa = a.at("predictions").get<std::vector<double>>();
    const std::vector<double> pb = b.at("predictions").get<std::vector<double>>();
    QCOMPARE(pb.size(), pa.size());
    double worst = 0.0;
    for (std::size_t k = 0; k < pa.size(); ++k)
        worst = std::max(worst, std::abs(pa[k] - pb[k]));
    const double range = rangeOf(readColumn(kAirline, "Passengers", MissingPolicy::Drop));
    qInfo("rnnwb predict vs script: max difference %.3g (%.3g of the range)", worst, worst / range);
    QVERIFY(worst <= 1e-5 * range);

    // A bad model given to the script: exit 1 naming the file.
    const Run badRun = run(kPython, {scriptPath, QStringLiteral("--csv"), csv, QStringLiteral("--model"), bad});
    QCOMPARE(badRun.exitCode, 1);
    QVERIFY(badRun.err.contains("not-a-model.safetensors"));
}

QTEST_GUILESS_MAIN(ExportScriptTest)
#include "test_export_script.moc"
