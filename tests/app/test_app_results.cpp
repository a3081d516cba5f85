// GUI tests of the Results tab as a forecaster uses it: the forecast band past the end of the
// series, the open / closed loop toggle on the test part, the residual charts, the metrics
// table and bar chart next to the baselines, and runs overlaid for comparison.
#include "app/charts/loss_chart.h"
#include "app/charts/replot_coalescer.h"
#include "app/charts/residual_charts.h"
#include "app/charts/rmse_chart.h"
#include "app/charts/series_plot.h"
#include "app/panels/metrics_table.h"
#include "app/panels/results_panel.h"
#include "app/shell/backtest_dialog.h"
#include "app/shell/main_window.h"
#include "app/shell/sweep_dialog.h"
#include "app_test_support.h"
#include "core/data/csv_reader.h"
#include "core/data/series.h"
#include "core/forecast/forecast.h"
#include "core/training/report.h"
#include "core/training/trainer.h"

#include <qcustomplot.h>

#include "app/shell/app_runner.h"
#include <QApplication>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QtCharts/QAreaSeries>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtTest>

using namespace rnnwb;
using namespace rnnwb::app;
using namespace Qt::StringLiterals;

using rnnwb::test::airlineValues;

namespace {

const QString kAirline = QStringLiteral(RNNWB_APP_DATA "/airline-passengers.csv");

// A run as the app keeps it, trained by the core on the airline data.
RunRecord trainedRun(const TrainConfig& config)
{
    const std::vector<double> values = airlineValues();
    Trainer trainer(Dataset::prepare(values, config), config, "Passengers");
    trainer.run();
    RunRecord run;
    run.dataLabel = u"airline"_s;
    run.outcome = summarizeRun(trainer, kAirline.toStdString());
    run.split = trainer.data().split;
    auto series = std::make_shared<TimedSeries>();
    series->name = u"Passengers"_s;
    for (std::size_t i = 0; i < values.size(); ++i) {
        series->x.push_back(double(i));
        series->y.push_back(values[i]);
    }
    run.series = series;
    return run;
}

TrainConfig quickConfig(int hidden = 12)
{
    TrainConfig config;
    config.epochs = 40;
    config.hidden = hidden;
    config.layers = 1;
    config.valSplit = 0.1;
    return config;
}

std::vector<double> graphValues(const QCPGraph* graph)
{
    std::vector<double> values;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        values.push_back(it->value);
    return values;
}

std::vector<double> graphKeys(const QCPGraph* graph)
{
    std::vector<double> keys;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        keys.push_back(it->key);
    return keys;
}

// Adds the run and waits until its forecast and closed-loop predictions are drawn.
bool addAndProject(ResultsPanel& panel, RunRecord run)
{
    QSignalSpy shown(&panel, &ResultsPanel::projectionShown);
    panel.addRun(std::move(run));
    return shown.wait(30000);
}

} // namespace

class TestAppResults : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { rnnwb::test::initGuiTest(); }

    // The band is drawn past the end, holds the forecast, widens with the horizon, and equals
    // the core's forecast of the same model.
    void forecastBandPastTheEnd()
    {
        ReplotCoalescer coalescer;
        ResultsPanel panel(&coalescer);
        panel.setHorizon(36);
        panel.setCoverage(0.8);
        const RunRecord run = trainedRun(quickConfig());
        QVERIFY(addAndProject(panel, run));

        const SeriesPlot* plot = panel.overlay();
        QCOMPARE(plot->forecastGraph()->dataCount(), 36);
        const std::vector<double> keys = graphKeys(plot->forecastGraph());
        QCOMPARE(keys.front(), double(run.series->x.size())); // the next row after the last
        QCOMPARE(keys.back(), double(run.series->x.size() + 35));
        const std::vector<double> f = graphValues(plot->forecastGraph());
        const std::vector<double> lo = graphValues(plot->lowerGraph());
        const std::vector<double> hi = graphValues(plot->upperGraph());
        for (std::size_t h = 0; h < f.size(); ++h) {
            QVERIFY2(lo[h] <= f[h] && f[h] <= hi[h], qPrintable(u"step %1"_s.arg(h + 1)));
            if (h > 0)
                QVERIFY2(hi[h] - lo[h] >= hi[h - 1] - lo[h - 1] - 1e-9, qPrintable(u"step %1 narrows"_s.arg(h + 1)));
        }
        QVERIFY(hi.back() - lo.back() > hi.front() - lo.front()); // honest: wider far ahead

        const Dataset data = Dataset::withScaler(airlineValues(), run.outcome.config, run.outcome.scaler);
        const Forecast reference = forecastWithIntervals(run.outcome.model, data, 36, 0.8);
        QCOMPARE(f, reference.forecast);
        QCOMPARE(lo, reference.lower);
        QVERIFY(plot->upperGraph()->name().contains(u"80%"_s));

        // A horizon of 0 takes the forecast away; a new one brings it back.
        QSignalSpy shown(&panel, &ResultsPanel::projectionShown);
        panel.setHorizon(0);
        QVERIFY(shown.wait(30000));
        QCOMPARE(plot->forecastGraph()->dataCount(), 0);
        QVERIFY(!plot->forecastGraph()->visible() || plot->forecastGraph()->dataCount() == 0);
        panel.setHorizon(12);
        QVERIFY(shown.wait(30000));
        QCOMPARE(plot->forecastGraph()->dataCount(), 12);
    }

    // Closed loop shows the model fed its own predictions from the test part's start: the first
    // target equals the one-step prediction, later ones differ, and the residuals follow.
    void openAndClosedLoopToggle()
    {
        ReplotCoalescer coalescer;
        ResultsPanel panel(&coalescer);
        const RunRecord run = trainedRun(quickConfig());
        QVERIFY(addAndProject(panel, run));
        const std::vector<double> oneStep = run.outcome.test.prediction.predicted;
        const QCPGraph* test = panel.overlay()->predictionGraph(Part::Test);
        QCOMPARE(graphValues(test), oneStep);
        QVERIFY(test->name().contains(u"one step"_s));

        auto* closedButton = panel.findChild<QRadioButton*>(u"closedLoopButton"_s);
        QVERIFY(closedButton);
        QTest::mouseClick(closedButton, Qt::LeftButton);
        QVERIFY(panel.closedLoop());
        const std::vector<double> closed = graphValues(test);
        QCOMPARE(closed, panel.projection()->closedLoopTest);
        QCOMPARE(closed.size(), oneStep.size());
        QVERIFY(test->name().contains(u"closed loop"_s));
        QVERIFY(std::abs(closed.front() - oneStep.front()) <= 1e-3 * std::abs(oneStep.front()));
        double differ = 0;
        for (std::size_t j = 1; j < closed.size(); ++j)
            differ = std::max(differ, std::abs(closed[j] - oneStep[j]));
        QVERIFY2(differ > 1.0, "closed loop should drift away from the one-step predictions");

        // Residuals: one point per test target, actual − shown prediction.
        auto* points = qobject_cast<QScatterSeries*>(panel.residualCharts()->overTimeChart()->series().back());
        QVERIFY(points);
        QCOMPARE(std::size_t(points->count()), closed.size());
        const std::vector<double>& actual = run.outcome.test.prediction.actual;
        QCOMPARE(points->at(3).y(), actual[3] - closed[3]);
        QCOMPARE(points->at(3).x(), double(run.outcome.test.prediction.index[3]));

        QTest::mouseClick(panel.findChild<QRadioButton*>(u"openLoopButton"_s), Qt::LeftButton);
        QCOMPARE(graphValues(test), oneStep);
        points = qobject_cast<QScatterSeries*>(panel.residualCharts()->overTimeChart()->series().back());
        QCOMPARE(points->at(3).y(), actual[3] - oneStep[3]);
    }

    void histogramBins_data()
    {
        QTest::addColumn<std::vector<double>>("values");
        QTest::addColumn<int>("bins");
        QTest::addColumn<std::vector<int>>("counts");
        QTest::newRow("few values: at least 5 bins")
            << std::vector<double>{0, 1, 2, 3, 4, 5} << 5 << std::vector<int>{1, 1, 1, 1, 2};
        QTest::newRow("sqrt(n) bins") << std::vector<double>(49, 0.0) << 7 << std::vector<int>{0, 0, 0, 49, 0, 0, 0};
        QTest::newRow("skewed") << std::vector<double>{-10, 0, 0, 0, 0, 0, 0, 0, 0, 10} << 5
                                << std::vector<int>{1, 0, 8, 0, 1};
    }

    void histogramBins()
    {
        QFETCH(std::vector<double>, values);
        QFETCH(int, bins);
        QFETCH(std::vector<int>, counts);
        const Histogram h = histogram(values);
        QCOMPARE(int(h.counts.size()), bins);
        QCOMPARE(h.counts, counts);
    }

    // The metrics table puts the baselines beside the network; the bar chart shows the same
    // test RMSEs; the best one is bold.
    void comparisonWithBaselines()
    {
        ReplotCoalescer coalescer;
        ResultsPanel panel(&coalescer);
        const RunRecord run = trainedRun(quickConfig());
        QVERIFY(addAndProject(panel, run));
        const RunOutcome& o = run.outcome;
        QTableWidget* table = panel.metricsTable();
        QCOMPARE(table->rowCount(), int(MetricsRowCount));
        const auto rmseText = [](double v) { return QString::number(v, 'g', 4); };
        QCOMPARE(table->item(TestRow, RmseColumn)->text(), rmseText(o.test.metrics.rmse));
        QCOMPARE(table->item(NaiveRow, RmseColumn)->text(), rmseText(o.baselines.naive.metrics.rmse));
        QCOMPARE(table->item(SeasonalNaiveRow, RmseColumn)->text(), rmseText(o.baselines.seasonalNaive.metrics.rmse));
        QCOMPARE(table->item(DriftRow, RmseColumn)->text(), rmseText(o.baselines.drift.metrics.rmse));
        QCOMPARE(table->item(LinearArRow, RmseColumn)->text(), rmseText(o.baselines.linearAr.metrics.rmse));
        QCOMPARE(table->item(NaiveRow, MaseColumn)->text(), rmseText(*o.baselines.naive.metrics.mase));
        QVERIFY(table->verticalHeaderItem(SeasonalNaiveRow)->text().contains(u"m = 12"_s));
        int bold = 0;
        for (int row = TestRow; row < MetricsRowCount; ++row)
            bold += table->item(row, RmseColumn)->font().bold() ? 1 : 0;
        QCOMPARE(bold, 1);

        const QList<QAbstractSeries*> series = panel.rmseChart()->chart()->series();
        QCOMPARE(series.size(), 1);
        const QBarSet* set = qobject_cast<QBarSeries*>(series.front())->barSets().front();
        QCOMPARE(set->count(), 5);
        QCOMPARE(set->at(0), o.test.metrics.rmse);
        QCOMPARE(set->at(1), o.baselines.naive.metrics.rmse);
        QCOMPARE(set->at(2), o.baselines.seasonalNaive.metrics.rmse);
    }

    // Selecting several runs overlays the others' predictions, compares their bars and hands
    // their loss curves on.
    void runsOverlaid()
    {
        ReplotCoalescer coalescer;
        ResultsPanel panel(&coalescer);
        QVERIFY(addAndProject(panel, trainedRun(quickConfig(8))));
        QVERIFY(addAndProject(panel, trainedRun(quickConfig(16))));
        QCOMPARE(panel.overlay()->comparisonGraphs().size(), std::size_t(0));

        QSignalSpy selected(&panel, &ResultsPanel::runsSelected);
        panel.selectRuns({1, 0}); // run 2 shown, run 1 compared
        QCOMPARE(panel.shownRun()->number, 2);
        QCOMPARE(selected.size(), 1);
        const auto runs = selected.front().front().value<QList<const RunRecord*>>();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.front()->number, 2);
        QCOMPARE(runs.back()->number, 1);

        const auto& comparisons = panel.overlay()->comparisonGraphs();
        QCOMPARE(comparisons.size(), std::size_t(1));
        const RunOutcome& first = panel.runs()->run(0).outcome;
        std::vector<double> expected = first.train.prediction.predicted;
        expected.insert(expected.end(), first.validation.prediction.predicted.begin(),
                        first.validation.prediction.predicted.end());
        expected.insert(expected.end(), first.test.prediction.predicted.begin(), first.test.prediction.predicted.end());
        QCOMPARE(graphValues(comparisons.front()), expected);
        QVERIFY(comparisons.front()->name().contains(u"run 1"_s));
        const QBarSeries* bars = qobject_cast<QBarSeries*>(panel.rmseChart()->chart()->series().front());
        QCOMPARE(bars->count(), 2);

        // The loss chart overlays what the panel hands on.
        QCustomPlot plot;
        LossChart loss(&plot, &coalescer);
        QList<LossCurves> curves;
        for (const RunRecord* r : runs)
            curves << LossCurves{u"run %1"_s.arg(r->number), r->outcome.trainLoss, r->outcome.validationLoss};
        loss.showComparison(curves);
        QCOMPARE(loss.comparisonGraphs().size(), std::size_t(1));
        QCOMPARE(graphValues(loss.comparisonGraphs().front()), runs.back()->outcome.trainLoss);
        QCOMPARE(graphValues(loss.trainGraph()), runs.front()->outcome.trainLoss);

        panel.selectRuns({0}); // one run again: no overlay
        QCOMPARE(panel.overlay()->comparisonGraphs().size(), std::size_t(0));
    }

    // Sorting the run list by a metric puts the best run on top; clicking it shows that run.
    void runListSortsByMetric()
    {
        ReplotCoalescer coalescer;
        ResultsPanel panel(&coalescer);
        for (int hidden : {4, 24, 10})
            QVERIFY(addAndProject(panel, trainedRun(quickConfig(hidden))));
        auto* view = panel.findChild<QTableView*>(u"runsView"_s);
        QVERIFY(view);
        view->sortByColumn(RunListModel::ValidationRmse, Qt::AscendingOrder);
        int best = 0;
        for (int row = 1; row < 3; ++row)
            if (panel.runs()->run(row).outcome.validation.metrics.rmse
                < panel.runs()->run(best).outcome.validation.metrics.rmse)
                best = row;
        QCOMPARE(view->model()->index(0, RunListModel::Number).data().toInt(), best + 1);
        view->selectRow(0);
        QCOMPARE(panel.shownRun()->number, best + 1);
        QCOMPARE(graphValues(panel.overlay()->predictionGraph(Part::Validation)),
                 panel.runs()->run(best).outcome.validation.prediction.predicted);
    }

    // A project replacing the session starts the run list afresh.
    void clearRunsForgetsEveryRun()
    {
        ReplotCoalescer coalescer;
        ResultsPanel panel(&coalescer);
        QVERIFY(addAndProject(panel, trainedRun(quickConfig(4))));
        QVERIFY(addAndProject(panel, trainedRun(quickConfig(6))));
        panel.clearRuns();
        QCOMPARE(panel.runs()->count(), 0);
        QVERIFY(!panel.hasRunShown());
        QCOMPARE(panel.overlay()->predictionGraph(Part::Test)->dataCount(), 0);
        QCOMPARE(panel.overlay()->forecastGraph()->dataCount(), 0);
        QCOMPARE(panel.metricsTable()->item(TestRow, RmseColumn)->text(), QString());
        QVERIFY(addAndProject(panel, trainedRun(quickConfig(4))));
        QCOMPARE(panel.shownRun()->number, 1);
    }

    // The Training menu opens the backtest and the sweep on the current data and settings.
    void trainingMenuOpensTheAnalyses()
    {
        MainWindow w;
        w.setPersistent(false);
        w.show();
        QVERIFY(w.openDataFile(kAirline));
        QVERIFY(w.actions().backtest->isEnabled());
        QVERIFY(w.actions().sweep->isEnabled());
        w.actions().backtest->trigger();
        QVERIFY(w.findChild<BacktestDialog*>());
        w.actions().sweep->trigger();
        QVERIFY(w.findChild<SweepDialog*>());
    }
};

QTEST_MAIN(TestAppResults)
#include "test_app_results.moc"
