// GUI tests of training: set hyperparameters through the widgets, click Train, wait for the run
// and compare what the charts hold with the core's own run and report; Stop, Pause, Step;
// panels locked while training; closing the window mid-training.
#include "app/charts/loss_chart.h"
#include "app/charts/series_plot.h"
#include "app/panels/data_panel.h"
#include "app/panels/hyper_panel.h"
#include "app/panels/metrics_table.h"
#include "app/panels/results_panel.h"
#include "app/panels/training_panel.h"
#include "app/session/data_document.h"
#include "app/shell/app_runner.h"
#include "app/shell/main_window.h"
#include "app_test_support.h"
#include "core/data/csv_reader.h"
#include "core/data/series.h"
#include "core/training/report.h"
#include "core/training/trainer.h"

#include <qcustomplot.h>

#include <nlohmann/json.hpp>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QToolButton>
#include <QtTest>

using namespace rnnwb;
using namespace rnnwb::app;

using rnnwb::test::showActive;

namespace {

const QString kAirline = QStringLiteral(RNNWB_APP_DATA "/airline-passengers.csv");

using rnnwb::test::typeInto;

QAbstractSpinBox* spin(MainWindow& w, const char* option)
{
    return qobject_cast<QAbstractSpinBox*>(w.hyperPanel()->field(QString::fromLatin1(option)));
}

QToolButton* button(MainWindow& w, const char* name) { return w.findChild<QToolButton*>(QString::fromLatin1(name)); }

// The same pipeline as `rnnwb train`, run here in the test.
RunOutcome coreRun(const QString& path, const TrainConfig& config)
{
    const CsvTable table = readCsvFile(path.toStdString());
    const std::size_t column = config.column.empty() ? defaultColumn(table) : findColumn(table, config.column);
    const Series series = extractSeries(table, column, config.missing);
    Trainer trainer(Dataset::prepare(series.values, config), config, series.name);
    trainer.run();
    return summarizeRun(trainer, path.toStdString());
}

std::vector<double> graphValues(const QCPGraph* graph)
{
    std::vector<double> values;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        values.push_back(it->value);
    return values;
}

} // namespace

class TestAppTraining : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { rnnwb::test::initGuiTest(); }

    // The proof: open, set, click, wait; the charts hold exactly the run's values.
    void trainThroughTheWidgets()
    {
        MainWindow w;
        w.setPersistent(false);
        QVERIFY(showActive(w));
        QVERIFY(w.openDataFile(kAirline));
        typeInto(spin(w, "epochs"), QStringLiteral("30"));
        typeInto(spin(w, "hidden"), QStringLiteral("12"));
        typeInto(spin(w, "window"), QStringLiteral("6"));
        typeInto(spin(w, "val-split"), QStringLiteral("0.1"));
        QTest::keyClick(qobject_cast<QComboBox*>(w.hyperPanel()->field(QStringLiteral("cell"))), Qt::Key_Down);
        const TrainConfig config = w.effectiveConfig();
        QCOMPARE(config.epochs, 30);
        QCOMPARE(config.hidden, 12);
        QCOMPARE(config.window, 6);
        QCOMPARE(config.valSplit, 0.1);
        QCOMPARE(config.cell, CellType::Gru);

        QSignalSpy finished(&w, &MainWindow::runFinished);
        QTest::mouseClick(button(w, "trainButton"), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        const RunRecord run = finished.front().front().value<RunRecord>();
        QCOMPARE(run.outcome.stop, StopReason::Completed);

        // Loss chart: one point per epoch, the run's losses.
        const LossChart* loss = w.trainingPanel()->lossChart();
        QCOMPARE(loss->trainGraph()->dataCount(), 30);
        QCOMPARE(loss->validationGraph()->dataCount(), 30);
        QCOMPARE(graphValues(loss->trainGraph()), run.outcome.trainLoss);

        // Overlay: one point per test target, equal to the report's predictions.
        const nlohmann::json report = runReport(run.outcome);
        const std::vector<double> reported = report.at("test_predictions").get<std::vector<double>>();
        const QCPGraph* test = w.resultsPanel()->overlay()->predictionGraph(Part::Test);
        QCOMPARE(std::size_t(test->dataCount()), reported.size());
        QCOMPARE(graphValues(test), reported);
        QCOMPARE(std::size_t(w.resultsPanel()->overlay()->predictionGraph(Part::Train)->dataCount()),
                 run.outcome.train.prediction.predicted.size());

        // The same as the core's (the CLI's) pipeline with the same data, config and seed.
        const RunOutcome reference = coreRun(kAirline, config);
        QCOMPARE(run.outcome.trainLoss, reference.trainLoss);
        QCOMPARE(run.outcome.test.prediction.predicted, reference.test.prediction.predicted);

        // Metrics table and run list.
        QTableWidget* metrics = w.resultsPanel()->metricsTable();
        QCOMPARE(metrics->item(TestRow, RmseColumn)->text(), QString::number(reference.test.metrics.rmse, 'g', 4));
        QCOMPARE(w.resultsPanel()->runs()->count(), 1);
        QVERIFY(w.actions().train->isEnabled());
    }

    void stopEndsALongTrainingPromptly_data()
    {
        QTest::addColumn<bool>("escape");
        QTest::newRow("Stop button") << false;
        QTest::newRow("Esc key") << true;
    }

    void stopEndsALongTrainingPromptly()
    {
        QFETCH(bool, escape);
        MainWindow w;
        w.setPersistent(false);
        QVERIFY(showActive(w));
        typeInto(spin(w, "epochs"), QStringLiteral("1000000"));
        QSignalSpy epochs(w.controller(), &TrainingController::epochDone);
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QTest::keyClick(&w, Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(epochs.count() >= 3, 30000);

        // Locked while training, with the reason shown.
        QVERIFY(!w.findChild<QComboBox*>(QStringLiteral("columnCombo"))->isEnabled());
        QVERIFY(!spin(w, "window")->isEnabled());
        QVERIFY(w.hyperPanel()->findChild<QLabel*>(QStringLiteral("lockLabel"))->isVisible());
        auto* dataLock = w.dataPanel()->findChild<QLabel*>(QStringLiteral("lockLabel"));
        QVERIFY(dataLock->isVisibleTo(w.dataPanel())); // the Data tab is behind Results now
        QVERIFY(dataLock->text().contains(u"stop it"));
        QVERIFY(!w.actions().open->isEnabled());
        QVERIFY(!w.actions().train->isEnabled());

        QElapsedTimer clock;
        clock.start();
        if (escape)
            QTest::keyClick(&w, Qt::Key_Escape);
        else
            QTest::mouseClick(button(w, "stopButton"), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        qInfo("stop took %lld ms", clock.elapsed());
        const RunRecord run = finished.front().front().value<RunRecord>();
        QCOMPARE(run.outcome.stop, StopReason::Cancelled);
        QVERIFY(run.outcome.trainLoss.size() < 1000000);

        // Usable again: unlocked, and a short training runs to completion.
        QVERIFY(spin(w, "window")->isEnabled());
        QVERIFY(w.actions().open->isEnabled());
        typeInto(spin(w, "epochs"), QStringLiteral("5"));
        QTest::mouseClick(button(w, "trainButton"), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.back().front().value<RunRecord>().outcome.trainLoss.size(), std::size_t(5));
        QCOMPARE(w.resultsPanel()->runs()->count(), 2);
    }

    void stepPauseAndResume()
    {
        MainWindow w;
        w.setPersistent(false);
        QVERIFY(showActive(w));
        typeInto(spin(w, "epochs"), QStringLiteral("20"));
        QSignalSpy epochs(w.controller(), &TrainingController::epochDone);
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QTest::keyClick(&w, Qt::Key_F10); // Step: one epoch, then paused
        QVERIFY(epochs.wait(30000));
        QTRY_COMPARE(w.controller()->state(), TrainingController::State::Paused);
        QTRY_VERIFY(w.actions().step->isEnabled());
        QTest::qWait(100);
        QCOMPARE(epochs.count(), 1);
        QTest::keyClick(&w, Qt::Key_F10);
        QTRY_COMPARE(epochs.count(), 2);
        QTest::qWait(100);
        QCOMPARE(epochs.count(), 2);
        QCOMPARE(w.trainingPanel()->lossChart()->trainGraph()->dataCount(), 2);
        QVERIFY(w.actions().pause->isChecked());
        QTest::keyClick(&w, Qt::Key_F6); // Resume
        QVERIFY(finished.wait(30000));
        const RunRecord run = finished.front().front().value<RunRecord>();
        QCOMPARE(run.outcome.trainLoss.size(), std::size_t(20));
        // Stepping does not change the result: the same losses as an uninterrupted run.
        QCOMPARE(run.outcome.trainLoss, coreRun(kAirline, w.effectiveConfig()).trainLoss);
    }

    void slowSpeedShowsLiveOverlays()
    {
        MainWindow w;
        w.setPersistent(false);
        QVERIFY(showActive(w));
        typeInto(spin(w, "epochs"), QStringLiteral("12"));
        auto* speed = w.findChild<QComboBox*>(QStringLiteral("speedCombo"));
        speed->setCurrentIndex(speed->findData(20.0)); // 20 epochs/s: 0.6 s
        QSignalSpy overlays(w.controller(), &TrainingController::overlayReady);
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(&w, Qt::Key_F5);
        QVERIFY(finished.wait(30000));
        QVERIFY(clock.elapsed() >= 500);
        QVERIFY(overlays.count() >= 1);
        const OverlayUpdate live = overlays.front().front().value<OverlayUpdate>();
        QCOMPARE(live.test.size(),
                 finished.front().front().value<RunRecord>().outcome.test.prediction.predicted.size());
    }

    void closingMidTrainingStopsTheWorker()
    {
        auto* w = new MainWindow;
        w->setPersistent(false);
        QVERIFY(showActive(*w));
        typeInto(spin(*w, "epochs"), QStringLiteral("1000000"));
        QSignalSpy epochs(w->controller(), &TrainingController::epochDone);
        QTest::keyClick(w, Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(epochs.count() >= 2, 30000);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(w->close());
        delete w;
        qInfo("closing took %lld ms", clock.elapsed());
        QVERIFY(clock.elapsed() < 10000);
    }
};

QTEST_MAIN(TestAppTraining)
#include "test_app_training.moc"
