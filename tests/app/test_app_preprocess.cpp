// GUI tests of the preprocessing controls (Hyperparameters > Data split and scaling): the log
// transform, seasonal and first difference set through the widgets reach the run, a series the
// log cannot take is explained next to the control, and a preprocessed run trained in the app
// equals the core's (the CLI's) run.
#include "app/charts/series_plot.h"
#include "app/panels/hyper_panel.h"
#include "app/panels/results_panel.h"
#include "app/shell/app_runner.h"
#include "app/shell/main_window.h"
#include "app_test_support.h"
#include "core/data/csv_reader.h"
#include "core/data/series.h"
#include "core/training/report.h"
#include "core/training/trainer.h"

#include <qcustomplot.h>

#include <nlohmann/json.hpp>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <fstream>

using namespace rnnwb;
using namespace rnnwb::app;

namespace {

const QString kAirline = QStringLiteral(RNNWB_APP_DATA "/airline-passengers.csv");

using rnnwb::test::typeInto;

template <typename W>
W* field(MainWindow& w, const char* option)
{
    return qobject_cast<W*>(w.hyperPanel()->field(QString::fromLatin1(option)));
}

std::vector<double> graphValues(const QCPGraph* graph)
{
    std::vector<double> values;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        values.push_back(it->value);
    return values;
}

RunOutcome coreRun(const QString& path, const TrainConfig& config)
{
    const CsvTable table = readCsvFile(path.toStdString());
    const Series series = extractSeries(table, defaultColumn(table), config.missing);
    Trainer trainer(Dataset::prepare(series.values, config), config, series.name);
    trainer.run();
    return summarizeRun(trainer, path.toStdString());
}

} // namespace

class TestAppPreprocess : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { rnnwb::test::initGuiTest(); }

    void controlsSetThePreprocessing()
    {
        MainWindow w;
        w.setPersistent(false);
        w.show();
        QVERIFY(w.openDataFile(kAirline));
        auto* log = field<QCheckBox>(w, "log");
        auto* seasonal = field<QSpinBox>(w, "seasonal-diff");
        auto* diff = field<QCheckBox>(w, "diff");
        QVERIFY(log && seasonal && diff);
        QCOMPARE(w.effectiveConfig().preprocessing, Preprocessing{}); // off by default
        QCOMPARE(seasonal->text(), QStringLiteral("off"));
        QVERIFY(!log->toolTip().isEmpty() && !seasonal->toolTip().isEmpty() && !diff->toolTip().isEmpty());

        QSignalSpy edited(w.hyperPanel(), &HyperPanel::configEdited);
        QTest::mouseClick(log, Qt::LeftButton, {}, QPoint(5, log->height() / 2));
        QTest::mouseClick(diff, Qt::LeftButton, {}, QPoint(5, diff->height() / 2));
        typeInto(seasonal, QStringLiteral("12"));
        QVERIFY(edited.count() >= 3);
        Preprocessing expected;
        expected.log = true;
        expected.seasonalDifference = 12;
        expected.difference = true;
        QCOMPARE(w.effectiveConfig().preprocessing, expected);
        QVERIFY(w.actions().train->isEnabled());

        // A configuration applied from outside (command line, project) shows in the controls.
        TrainConfig config = w.effectiveConfig();
        config.preprocessing = {};
        config.preprocessing.seasonalDifference = 4;
        w.applyConfig(config);
        QVERIFY(!log->isChecked() && !diff->isChecked());
        QCOMPARE(seasonal->value(), 4);
    }

    void aSeriesTheLogCannotTakeIsExplained()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("zero.csv"));
        {
            std::ofstream out(path.toStdString());
            out << "value\n";
            for (int t = 0; t < 40; ++t)
                out << (t == 6 ? 0 : 10 + t) << "\n"; // the value 0 on line 8
        }
        MainWindow w;
        w.setPersistent(false);
        w.show();
        QVERIFY(w.openDataFile(path));
        QVERIFY(w.actions().train->isEnabled());
        auto* log = field<QCheckBox>(w, "log");
        QTest::mouseClick(log, Qt::LeftButton, {}, QPoint(5, log->height() / 2));
        QVERIFY(log->isChecked());
        QLabel* problem = w.hyperPanel()->problemLabel(QStringLiteral("log"));
        QVERIFY(problem->isVisibleTo(&w));
        QVERIFY2(problem->text().contains(u"series index 6, line 8 is 0"), qPrintable(problem->text()));
        QVERIFY(!w.actions().train->isEnabled());
        QTest::mouseClick(log, Qt::LeftButton, {}, QPoint(5, log->height() / 2));
        QVERIFY(!problem->isVisibleTo(&w));
        QVERIFY(w.actions().train->isEnabled());
    }

    void preprocessedRunEqualsTheCoreRun()
    {
        MainWindow w;
        w.setPersistent(false);
        w.show();
        QVERIFY(w.openDataFile(kAirline));
        typeInto(field<QSpinBox>(w, "epochs"), QStringLiteral("25"));
        typeInto(field<QSpinBox>(w, "hidden"), QStringLiteral("10"));
        auto* log = field<QCheckBox>(w, "log");
        auto* diff = field<QCheckBox>(w, "diff");
        QTest::mouseClick(log, Qt::LeftButton, {}, QPoint(5, log->height() / 2));
        QTest::mouseClick(diff, Qt::LeftButton, {}, QPoint(5, diff->height() / 2));
        const TrainConfig config = w.effectiveConfig();
        QVERIFY(config.preprocessing.log && config.preprocessing.difference);

        QSignalSpy finished(&w, &MainWindow::runFinished);
        QString reason;
        QVERIFY2(w.startTraining(false, &reason), qPrintable(reason));
        QVERIFY(finished.wait(60000));
        const RunRecord run = finished.front().front().value<RunRecord>();
        QCOMPARE(run.outcome.config.preprocessing, config.preprocessing);
        QCOMPARE(run.outcome.test.prediction.index.front(), std::size_t(102)); // ⌊0.7 · 138⌋ + 5 + 1

        // The same predictions as the core's pipeline, in passengers, drawn on the overlay.
        const RunOutcome reference = coreRun(kAirline, config);
        QCOMPARE(run.outcome.test.prediction.predicted, reference.test.prediction.predicted);
        const nlohmann::json report = runReport(run.outcome);
        QCOMPARE(report.at("config").at("log").get<bool>(), true);
        const QCPGraph* test = w.resultsPanel()->overlay()->predictionGraph(Part::Test);
        QCOMPARE(graphValues(test), report.at("test_predictions").get<std::vector<double>>());
        for (const double p : graphValues(test))
            QVERIFY(p > 200 && p < 800);
    }
};

QTEST_MAIN(TestAppPreprocess)
#include "test_app_preprocess.moc"
