// GUI tests of what leaves the app: chart images and data with their provenance,
// the chart context menu, predictions and forecasts as CSV, models saved and opened (also one
// trained by PyTorch), the PyTorch script, and foreign or damaged files refused.
#include "app/charts/chart_export.h"
#include "app/charts/chart_menu.h"
#include "app/panels/results_panel.h"
#include "app/session/data_document.h"
#include "app/session/model_actions.h"
#include "app/shell/app_runner.h"
#include "app/shell/main_window.h"
#include "app_test_support.h"
#include "core/training/model.h"

#include <nlohmann/json.hpp>

#include <QAbstractScrollArea>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace rnnwb;
using namespace rnnwb::app;
using namespace Qt::StringLiterals;

namespace {

const QString kAirline = QStringLiteral(RNNWB_APP_DATA "/airline-passengers.csv");
const QString kTorchModel = QStringLiteral(RNNWB_TEST_DATA "/torch/lstm_w5_h8.safetensors");
const QString kTorchPredictions = QStringLiteral(RNNWB_TEST_DATA "/torch/lstm_w5_h8.predictions.json");

TrainConfig smallConfig(int epochs = 8)
{
    TrainConfig c;
    c.epochs = epochs;
    c.hidden = 8;
    c.layers = 1;
    c.valSplit = 0.1;
    c.seed = 5;
    return c;
}

// Opens the airline data, trains a small network and waits for the run.
bool trainSmall(MainWindow& w, const TrainConfig& config = smallConfig())
{
    if (!w.openDataFile(kAirline))
        return false;
    w.applyConfig(config);
    QSignalSpy finished(&w, &MainWindow::runFinished);
    return w.startTraining() && finished.wait(60000);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The <title> and <desc> of an SVG file.
std::pair<QString, QString> svgTitleAndDescription(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&f);
    QString title, desc;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            if (xml.name() == u"title" && title.isEmpty())
                title = xml.readElementText();
            else if (xml.name() == u"desc" && desc.isEmpty())
                desc = xml.readElementText();
        }
    }
    return {title, xml.hasError() ? QStringLiteral("XML error: %1").arg(xml.errorString()) : desc};
}

struct PredictionFile {
    QMap<QString, QString> provenance; // "# key: value"
    QStringList header;
    QList<QStringList> rows;
};

PredictionFile readPredictionFile(const QString& path)
{
    PredictionFile file;
    for (const QByteArray& raw : readAll(path).split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.startsWith(u"# ")) {
            const qsizetype colon = line.indexOf(u": ");
            file.provenance.insert(line.mid(2, colon - 2), line.mid(colon + 2));
        } else if (file.header.isEmpty()) {
            file.header = line.split(u',');
        } else if (!line.isEmpty()) {
            file.rows << line.split(u',');
        }
    }
    return file;
}

std::vector<double> allPredictions(const RunOutcome& o)
{
    std::vector<double> v = o.train.prediction.predicted;
    v.insert(v.end(), o.validation.prediction.predicted.begin(), o.validation.prediction.predicted.end());
    v.insert(v.end(), o.test.prediction.predicted.begin(), o.test.prediction.predicted.end());
    return v;
}

} // namespace

class TestAppExport : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    QString path(const char* name) const { return dir_.filePath(QString::fromLatin1(name)); }

private slots:
    void initTestCase()
    {
        rnnwb::test::initGuiTest();
        QVERIFY(dir_.isValid());
    }

    // Every chart in all three formats, each carrying the dataset, its SHA-256, the
    // hyperparameters, the seed and the metrics.
    void chartExportsCarryProvenance()
    {
        MainWindow w;
        w.setInteractive(false);
        w.setPersistent(false);
        w.show();
        QVERIFY(trainSmall(w));
        w.flushPlots();
        const QString sha = w.document()->source().sha256;
        QCOMPARE(sha.size(), 64);
        QString error;
        const QString out = path("charts");
        const QStringList files = exportCharts(
            w.charts(), out, [&w](const QString& name) { return w.chartProvenance(name); }, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(files.size(), 3 * w.charts().size());
        QVERIFY(w.charts().size() >= 4);
        for (const ChartRef& chart : w.charts()) {
            const QString base = out + u'/' + chart.name;
            const QImage png(base + QStringLiteral(".png"));
            QVERIFY2(!png.isNull(), qPrintable(chart.name));
            QCOMPARE(png.text(QStringLiteral("dataset_sha256")), sha);
            QCOMPARE(png.text(QStringLiteral("seed")), QStringLiteral("5"));
            QVERIFY(png.text(QStringLiteral("dataset")).endsWith(u"airline-passengers.csv"));
            QVERIFY(png.text(QStringLiteral("metrics")).contains(u"\"rmse\""));
            QVERIFY(png.text(QStringLiteral("Title")).contains(chart.name));

            const auto [title, desc] = svgTitleAndDescription(base + QStringLiteral(".svg"));
            QVERIFY2(title.contains(chart.name), qPrintable(title));
            QVERIFY2(desc.contains(QStringLiteral("dataset_sha256: ") + sha), qPrintable(desc));
            QVERIFY(desc.contains(u"seed: 5"));
            QVERIFY(desc.contains(u"\"hidden\":8"));
            QVERIFY(desc.contains(u"metrics: {"));

            const QByteArray pdf = readAll(base + QStringLiteral(".pdf"));
            QVERIFY(pdf.startsWith("%PDF"));
            QVERIFY2(pdf.contains(title.toHtmlEscaped().toUtf8()), qPrintable(chart.name)); // XMP dc:title
            QVERIFY(pdf.contains(QString(u"dataset_sha256: "_s + sha).toUtf8()));           // XMP dc:description
        }
    }

    void pngSizeAndResolution()
    {
        MainWindow w;
        w.setInteractive(false);
        w.setPersistent(false);
        const ChartProvenance p = w.chartProvenance(QStringLiteral("loss"));
        for (const ChartRef& chart : w.charts()) {
            const QImage image = chartImage(chart.widget, p, {QSize(800, 450), 192});
            QCOMPARE(image.size(), QSize(800, 450));
            QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 192);
            const QString file = path("sized.png");
            QVERIFY(exportChartImage(chart.widget, file, p, {QSize(640, 300), 144}));
            const QImage back(file);
            QCOMPARE(back.size(), QSize(640, 300));
            QCOMPARE(qRound(back.dotsPerMeterX() * 0.0254), 144);
        }
        QString error;
        QVERIFY(!exportChartImage(w.charts().front().widget, path("chart.bmpx"), p, {}, &error));
        QVERIFY(error.contains(u"chart.bmpx"));
    }

    // Right click opens the menu with the three entries; Copy puts the chart on the clipboard.
    void contextMenuOnEveryChart()
    {
        MainWindow w;
        w.setInteractive(false);
        w.setPersistent(false);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (const ChartRef& chart : w.charts()) {
            QWidget* target = chart.widget;
            if (auto* area = qobject_cast<QAbstractScrollArea*>(target))
                target = area->viewport();
            QContextMenuEvent event(QContextMenuEvent::Mouse, QPoint(10, 10), target->mapToGlobal(QPoint(10, 10)));
            QApplication::sendEvent(target, &event);
            QMenu* menu = chart.widget->findChild<QMenu*>(QStringLiteral("chartMenu"));
            QVERIFY2(menu && menu->isVisible(), qPrintable(chart.name));
            QStringList names;
            for (QAction* a : menu->actions())
                names << a->objectName();
            QCOMPARE(names, (QStringList{u"exportImage"_s, u"copyImage"_s, u"exportData"_s}));
            QApplication::clipboard()->clear();
            menu->findChild<QAction*>(QStringLiteral("copyImage"))->trigger();
            QVERIFY(!QApplication::clipboard()->image().isNull());
            menu->close();
            QTRY_VERIFY(!chart.widget->findChild<QMenu*>(QStringLiteral("chartMenu")));
        }
    }

    // The data behind the loss and forecast charts, as CSV.
    void chartDataAsCsv()
    {
        MainWindow w;
        w.setInteractive(false);
        w.setPersistent(false);
        QVERIFY(trainSmall(w));
        w.flushPlots();
        const QList<ChartRef> charts = w.charts();
        const auto find = [&](const QString& name) {
            return std::find_if(charts.begin(), charts.end(), [&](const ChartRef& c) { return c.name == name; })
                ->widget;
        };
        const QString file = path("loss.csv");
        QVERIFY(exportChartData(find(QStringLiteral("loss")), file, w.chartProvenance(QStringLiteral("loss"))));
        const QStringList lines = QString::fromUtf8(readAll(file)).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(lines.contains(QStringLiteral("series,x,y")));
        QVERIFY(lines.front().startsWith(u"# chart: "));
        const RunOutcome& o = w.resultsPanel()->shownRun()->outcome;
        int trainRows = 0;
        for (const QString& line : lines)
            if (!line.startsWith(u'#') && line != u"series,x,y" && line.section(u',', 1, 1) == u"1"
                && line.section(u',', 2).toDouble() == o.trainLoss.front())
                ++trainRows;
        QCOMPARE(trainRows, 1); // epoch 1's training loss, exactly

        const QString forecast
            = chartDataCsv(find(QStringLiteral("forecast")), w.chartProvenance(QStringLiteral("forecast")));
        QVERIFY2(forecast.contains(u",1949-01-01,112\n"), "the series, dated, in the data's units");
        QVERIFY(forecast.contains(u"# seed: 5\n"));
        const QString bars = chartDataCsv(find(QStringLiteral("rmse")), w.chartProvenance(QStringLiteral("rmse")));
        QVERIFY2(bars.contains(QString::number(o.test.metrics.rmse, 'g', 6).left(5)), qPrintable(bars));
    }

    // Predictions of every part and a forecast with its interval: provenance lines, the
    // columns, and values that parse back to exactly the run's.
    void predictionsAndForecastCsv()
    {
        MainWindow w;
        w.setInteractive(false);
        w.setPersistent(false);
        QVERIFY(trainSmall(w));
        const QString file = path("predictions.csv");
        QVERIFY(w.exportPredictions(file, 12, 0.8));
        const PredictionFile csv = readPredictionFile(file);
        for (const char* key :
             {"app", "dataset", "dataset_sha256", "column", "hyperparameters", "config", "seed", "metrics"})
            QVERIFY2(csv.provenance.contains(QLatin1String(key)), key);
        QCOMPARE(csv.provenance.value(QStringLiteral("dataset_sha256")), w.document()->source().sha256);
        QCOMPARE(csv.provenance.value(QStringLiteral("column")), QStringLiteral("Passengers"));
        QVERIFY(nlohmann::json::parse(csv.provenance.value(QStringLiteral("metrics")).toStdString()).contains("test"));
        QCOMPARE(csv.header,
                 (QStringList{u"index"_s, u"date"_s, u"actual"_s, u"prediction"_s, u"lower"_s, u"upper"_s, u"part"_s}));
        const RunOutcome& o = w.resultsPanel()->shownRun()->outcome;
        const std::vector<double> predicted = allPredictions(o);
        QCOMPARE(csv.rows.size(), qsizetype(predicted.size()) + 12);
        for (std::size_t k = 0; k < predicted.size(); ++k) {
            const QStringList& row = csv.rows[qsizetype(k)];
            QCOMPARE(row[3].toDouble(), predicted[k]);
            QVERIFY(row[4].isEmpty() && row[5].isEmpty());
        }
        QCOMPARE(csv.rows.front()[1], QStringLiteral("1949-06-01")); // window 5: the first target is the 6th month
        QCOMPARE(csv.rows.front()[2], QStringLiteral("135"));
        const QStringList first = csv.rows[qsizetype(predicted.size())];
        QCOMPARE(first[0], QStringLiteral("144"));
        QCOMPARE(first[1], QStringLiteral("1961-01-01"));
        QVERIFY(first[2].isEmpty());
        QCOMPARE(first[6], QStringLiteral("forecast"));
        for (qsizetype k = qsizetype(predicted.size()); k < csv.rows.size(); ++k) {
            const QStringList& row = csv.rows[k];
            QVERIFY(row[4].toDouble() <= row[3].toDouble() && row[3].toDouble() <= row[5].toDouble());
        }
        QCOMPARE(csv.rows.back()[1], QStringLiteral("1961-12-01"));
    }

    // Save the model, open it on the same data: a new run with exactly the same predictions.
    void savedModelPredictsTheSame()
    {
        MainWindow w;
        w.setInteractive(false);
        w.setPersistent(false);
        QVERIFY(trainSmall(w));
        const RunOutcome trained = w.resultsPanel()->shownRun()->outcome;
        const QString file = path("model.safetensors");
        QVERIFY(w.saveShownModel(file));
        const Model saved = loadModel(file.toStdString());
        QCOMPARE(saved.config, trained.config);
        QVERIFY(saved.extraMetadata.count("metrics"));

        MainWindow other;
        other.setInteractive(false);
        other.setPersistent(false);
        QVERIFY(other.openDataFile(kAirline));
        QVERIFY(other.openModelFile(file));
        const RunOutcome& opened = other.resultsPanel()->shownRun()->outcome;
        QCOMPARE(opened.train.prediction.predicted, trained.train.prediction.predicted);
        QCOMPARE(opened.validation.prediction.predicted, trained.validation.prediction.predicted);
        QCOMPARE(opened.test.prediction.predicted, trained.test.prediction.predicted);
        QCOMPARE(opened.test.metrics.rmse, trained.test.metrics.rmse);
        QCOMPARE(other.resultsPanel()->runs()->count(), 1);
        QVERIFY(other.exportPredictions(path("opened.csv"), 6)); // forecasts without training
        QCOMPARE(readPredictionFile(path("opened.csv")).rows.size(), qsizetype(allPredictions(opened).size()) + 6);
        QString reason;
        QVERIFY(!other.rerunAndVerify(&reason)); // no loss curve to compare
        QVERIFY(reason.contains(u"loss curve"));
    }

    // Weights trained in PyTorch (tests/tools/make_torch_model.py), saved with the same names
    // and metadata: they load and predict what PyTorch predicted.
    void pytorchTrainedModelLoads()
    {
        MainWindow w;
        w.setInteractive(false);
        w.setPersistent(false);
        QVERIFY(w.openDataFile(kAirline));
        QVERIFY(w.openModelFile(kTorchModel));
        const RunOutcome& o = w.resultsPanel()->shownRun()->outcome;
        const nlohmann::json expected = nlohmann::json::parse(readAll(kTorchPredictions).toStdString());
        const std::vector<double> torch = expected.at("predictions").get<std::vector<double>>();
        QCOMPARE(o.test.prediction.index, expected.at("index").get<std::vector<std::size_t>>());
        const double range = 622 - 104; // the series' range
        for (std::size_t k = 0; k < torch.size(); ++k)
            QVERIFY2(std::abs(o.test.prediction.predicted[k] - torch[k]) <= 1e-5 * range,
                     qPrintable(QStringLiteral("target %1: %2 vs PyTorch %3")
                                    .arg(k)
                                    .arg(o.test.prediction.predicted[k])
                                    .arg(torch[k])));
    }

    // A model that does not fit the data is refused with the reason, naming the file.
    void unfitModelsAndDamagedFilesRefused_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("corruption");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no such column") << QByteArray(
            "Month,Riders\n1949-01,1\n1949-02,2\n1949-03,3\n1949-04,4\n1949-05,5\n"
            "1949-06,6\n1949-07,7\n1949-08,8\n1949-09,9\n1949-10,10\n")
                                        << QString() << QStringLiteral("Passengers");
        QTest::newRow("series shorter than the window")
            << QByteArray("Month,Passengers\n1949-01,1\n1949-02,2\n1949-03,3\n1949-04,4\n") << QString()
            << QStringLiteral("window 5");
        QTest::newRow("truncated safetensors")
            << QByteArray() << QStringLiteral("truncate") << QStringLiteral("model.safetensors");
        QTest::newRow("a PNG named .safetensors")
            << QByteArray() << QStringLiteral("png") << QStringLiteral("model.safetensors");
        // Found by fuzzing: an F64 weight of 1e300 would become an infinite float weight.
        QTest::newRow("weight beyond float range")
            << QByteArray() << QStringLiteral("beyond") << QStringLiteral("not a finite float");
    }

    void unfitModelsAndDamagedFilesRefused()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, corruption);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString model = dir.filePath(QStringLiteral("model.safetensors"));
        QVERIFY(QFile::copy(kTorchModel, model));
        QFile::setPermissions(model, QFile::ReadOwner | QFile::WriteOwner);
        if (corruption == u"truncate")
            QVERIFY(QFile(model).resize(QFileInfo(model).size() - 7));
        if (corruption == u"beyond") {
            QFile::remove(model);
            QVERIFY(QFile::copy(
                QStringLiteral(RNNWB_TEST_DATA "/../fuzz/corpus/model/model-f64-weight-beyond-float.safetensors"),
                model));
        }
        if (corruption == u"png") {
            QFile::remove(model);
            QVERIFY(QImage(4, 4, QImage::Format_RGB32).save(model, "PNG"));
        }
        MainWindow w;
        w.setInteractive(false);
        w.setPersistent(false);
        if (csv.isEmpty()) {
            QVERIFY(w.openDataFile(kAirline));
        } else {
            const QString data = dir.filePath(QStringLiteral("data.csv"));
            QFile f(data);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(csv);
            f.close();
            QVERIFY(w.openDataFile(data));
        }
        const QString columnBefore = w.document()->columnName();
        QSignalSpy errors(&w, &MainWindow::errorOccurred);
        QVERIFY(!w.openModelFile(model));
        QCOMPARE(errors.size(), 1);
        const QString message = errors.front().front().toString();
        QVERIFY2(message.contains(u"model.safetensors"), qPrintable(message));
        QVERIFY2(message.contains(reason), qPrintable(message));
        QCOMPARE(w.resultsPanel()->runs()->count(), 0);
        QCOMPARE(w.document()->columnName(), columnBefore);
    }

    // File ▸ Export PyTorch Script: the script of `rnnwb export-script` and the model it loads.
    void pytorchScriptFromTheApp()
    {
        MainWindow w;
        w.setInteractive(false);
        w.setPersistent(false);
        QVERIFY(trainSmall(w));
        const QString script = path("serve.py");
        QVERIFY(w.exportPytorchScript(script));
        const QString model = path("serve.safetensors");
        QCOMPARE(scriptModelPath(script), model);
        const Model saved = loadModel(model.toStdString());
        const RunOutcome& o = w.resultsPanel()->shownRun()->outcome;
        QVERIFY(saved.parameters == o.model.parameters);
        const QByteArray text = readAll(script);
        QVERIFY(text.contains("load_state_dict"));
        QVERIFY(text.contains("serve.safetensors"));
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {script, QStringLiteral("--csv"), kAirline, QStringLiteral("--json"), QStringLiteral("-")});
        QVERIFY2(python.waitForStarted(), "no /usr/bin/python3 (packaging/bootstrap.sh --test installs python3-torch)");
        QVERIFY(python.waitForFinished(120000));
        const QByteArray err = python.readAllStandardError();
        QVERIFY2(python.exitCode() == 0, err.constData());
        const nlohmann::json out = nlohmann::json::parse(python.readAllStandardOutput().toStdString());
        const std::vector<double> fromTorch = out.at("predictions").get<std::vector<double>>();
        const std::vector<double> fromApp = allPredictions(o);
        QCOMPARE(fromTorch.size(), fromApp.size());
        for (std::size_t k = 0; k < fromApp.size(); ++k)
            QVERIFY(std::abs(fromTorch[k] - fromApp[k]) <= 1e-5 * (622 - 104));
    }
};

QTEST_MAIN(TestAppExport)
#include "test_app_export.moc"
