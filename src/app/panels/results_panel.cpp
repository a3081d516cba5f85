#include "app/panels/results_panel.h"

#include "app/charts/future_axis.h"
#include "app/charts/residual_charts.h"
#include "app/charts/rmse_chart.h"
#include "app/charts/series_plot.h"
#include "app/panels/metrics_table.h"
#include "app/session/qt_text.h"
#include "app/session/run_sort_proxy.h"
#include "ui_results_panel.h"

#include <QHeaderView>
#include <QItemSelectionModel>

#include <algorithm>

namespace rnnwb::app {

namespace {
constexpr double kCoverages[] = {0.5, 0.8, 0.9, 0.95, 0.99};
constexpr int kDefaultCoverage = 2; // 90 %

// A run's one-step predictions of every part, in series order, at their x positions.
ComparisonCurve comparisonCurve(const RunRecord& run)
{
    ComparisonCurve curve;
    curve.label = ResultsPanel::tr("run %1").arg(run.number);
    const std::vector<double>& x = run.series->x;
    for (const PartResult* part : {&run.outcome.train, &run.outcome.validation, &run.outcome.test}) {
        const PartPrediction& p = part->prediction;
        for (std::size_t j = 0; j < p.predicted.size() && p.index[j] < std::size_t(x.size()); ++j) {
            curve.x << x[p.index[j]];
            curve.y << p.predicted[j];
        }
    }
    return curve;
}
} // namespace

ResultsPanel::ResultsPanel(ReplotCoalescer* coalescer, QWidget* parent)
    : QWidget(parent), ui_(std::make_unique<Ui::ResultsPanel>())
{
    ui_->setupUi(this);
    overlay_ = new SeriesPlot(ui_->overlayPlot, coalescer, true);
    rmse_ = new RmseChart(ui_->rmseChart);
    residuals_ = new ResidualCharts(ui_->residualChart, ui_->histogramChart);
    projectionJob_ = new ProjectionJob(this);
    runs_ = new RunListModel(this);
    sortedRuns_ = new RunSortProxy(this);
    sortedRuns_->setSourceModel(runs_);
    ui_->runsView->setModel(sortedRuns_);
    ui_->runsView->setSortingEnabled(true);
    ui_->runsView->sortByColumn(RunListModel::Number, Qt::AscendingOrder);
    ui_->runsView->verticalHeader()->hide();
    ui_->runsView->horizontalHeader()->setStretchLastSection(true);
    ui_->runsView->resizeColumnsToContents();
    ui_->verticalSplitter->setStretchFactor(0, 3);
    ui_->verticalSplitter->setStretchFactor(1, 2);
    ui_->verticalSplitter->setSizes({600, 400});
    ui_->bottomSplitter->setStretchFactor(0, 3);
    ui_->bottomSplitter->setStretchFactor(1, 2);
    ui_->bottomSplitter->setSizes({600, 400});
    ui_->runsView->setMinimumHeight(50);
    ui_->runsView->verticalHeader()->setDefaultSectionSize(ui_->runsView->fontMetrics().height() + 6);
    setFocusProxy(ui_->runsView);
    setUpMetricsTable(ui_->metricsTable);

    for (double c : kCoverages)
        ui_->coverageCombo->addItem(tr("%1%").arg(c * 100), c);
    ui_->coverageCombo->setCurrentIndex(kDefaultCoverage);

    connect(ui_->runsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ResultsPanel::onSelectionChanged);
    connect(ui_->closedLoopButton, &QRadioButton::toggled, this, &ResultsPanel::drawTestPredictions);
    connect(ui_->horizonSpin, &QSpinBox::valueChanged, this, &ResultsPanel::requestProjection);
    connect(ui_->coverageCombo, &QComboBox::currentIndexChanged, this, &ResultsPanel::requestProjection);
    connect(projectionJob_, &ProjectionJob::ready, this, &ResultsPanel::onProjection);
    ui_->runLabel->setText(tr("Not trained yet: press <b>Train</b> (F5) to see the model's fit and forecast here."));
}

ResultsPanel::~ResultsPanel() = default;

QTableWidget* ResultsPanel::metricsTable() const { return ui_->metricsTable; }

void ResultsPanel::setClosedLoop(bool closed)
{
    (closed ? ui_->closedLoopButton : ui_->openLoopButton)->setChecked(true);
}
bool ResultsPanel::closedLoop() const { return ui_->closedLoopButton->isChecked(); }
void ResultsPanel::setHorizon(int steps) { ui_->horizonSpin->setValue(steps); }
int ResultsPanel::horizon() const { return ui_->horizonSpin->value(); }
double ResultsPanel::coverage() const { return ui_->coverageCombo->currentData().toDouble(); }

void ResultsPanel::setCoverage(double coverage)
{
    const int index = ui_->coverageCombo->findData(coverage);
    if (index >= 0)
        ui_->coverageCombo->setCurrentIndex(index);
}

void ResultsPanel::showSeries(std::shared_ptr<const TimedSeries> series, const std::optional<WindowSplit>& split)
{
    if (shown_ >= 0)
        return;
    overlay_->setTitle(series ? tr("%1: forecast").arg(series->name) : QString());
    overlay_->setSeries(std::move(series));
    overlay_->setSplit(split);
}

void ResultsPanel::beginLive(std::shared_ptr<const TimedSeries> series, const WindowSplit& split,
                             const QString& description)
{
    shown_ = -1;
    projection_.reset();
    {
        const QSignalBlocker block(ui_->runsView->selectionModel());
        ui_->runsView->clearSelection();
    }
    overlay_->setTitle(series ? tr("%1: forecast (training…)").arg(series->name) : QString());
    overlay_->setSeries(std::move(series));
    overlay_->setSplit(split);
    ui_->runLabel->setText(tr("Training: %1").arg(description.toHtmlEscaped()));
    fillMetricsTable(ui_->metricsTable, RunOutcome{});
    residuals_->clear();
}

void ResultsPanel::showOverlay(const OverlayUpdate& update)
{
    overlay_->setPrediction(Part::Train, update.train);
    overlay_->setPrediction(Part::Validation, update.validation);
    overlay_->setPrediction(Part::Test, update.test);
}

void ResultsPanel::addRun(RunRecord record)
{
    const int row = runs_->add(std::move(record));
    ui_->runsView->resizeColumnsToContents();
    ui_->runsView->selectRow(viewRow(row)); // shows it
    if (shown_ != row) {
        shown_ = row;
        showRun(runs_->run(row));
    }
}

// The run list's view may be sorted: its rows are mapped to the model's (run order) and back.
int ResultsPanel::modelRow(const QModelIndex& viewIndex) const { return sortedRuns_->mapToSource(viewIndex).row(); }
int ResultsPanel::viewRow(int modelRow) const { return sortedRuns_->mapFromSource(runs_->index(modelRow, 0)).row(); }

void ResultsPanel::clearRuns()
{
    shown_ = -1;
    projection_.reset();
    runs_->clear();
    overlay_->clearPredictions();
    fillMetricsTable(ui_->metricsTable, RunOutcome{});
    residuals_->clear();
    rmse_->setRuns({});
    ui_->runLabel->setText(tr("No run yet: press <b>Train</b> (F5) to see the model's fit and forecast here."));
}

void ResultsPanel::setLocked(bool locked) { ui_->runsView->setEnabled(!locked); }

void ResultsPanel::selectRuns(const QList<int>& rows)
{
    QItemSelectionModel* selection = ui_->runsView->selectionModel();
    const QSignalBlocker block(selection);
    selection->clearSelection();
    for (int row : rows)
        selection->select(sortedRuns_->mapFromSource(runs_->index(row, 0)),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
    if (!rows.isEmpty())
        selection->setCurrentIndex(sortedRuns_->mapFromSource(runs_->index(rows.front(), 0)),
                                   QItemSelectionModel::NoUpdate);
    onSelectionChanged();
}

// The selected runs, the current (shown) one first, the others in run order.
QList<const RunRecord*> ResultsPanel::selectedRuns() const
{
    QList<const RunRecord*> selected;
    for (const QModelIndex& index : ui_->runsView->selectionModel()->selectedRows())
        selected << &runs_->run(modelRow(index));
    std::sort(selected.begin(), selected.end(), [](auto* a, auto* b) { return a->number < b->number; });
    if (const RunRecord* shown = shownRun(); shown && selected.removeOne(shown))
        selected.prepend(shown);
    return selected;
}

void ResultsPanel::onSelectionChanged()
{
    const QItemSelectionModel* selection = ui_->runsView->selectionModel();
    const QModelIndexList rows = selection->selectedRows();
    const QModelIndex current = selection->currentIndex();
    const int row = current.isValid() && selection->isRowSelected(current.row())
                        ? modelRow(current)
                        : (rows.isEmpty() ? -1 : modelRow(rows.back()));
    if (row >= 0 && row != shown_) {
        shown_ = row;
        showRun(runs_->run(row));
    }
    QList<const RunRecord*> selected = selectedRuns();
    QList<const RunRecord*> byNumber = selected;
    std::sort(byNumber.begin(), byNumber.end(), [](auto* a, auto* b) { return a->number < b->number; });
    rmse_->setRuns(byNumber);
    drawComparisons(selected);
    if (!selected.isEmpty())
        emit runsSelected(selected);
}

void ResultsPanel::showRun(const RunRecord& run)
{
    const RunOutcome& o = run.outcome;
    projection_.reset();
    overlay_->setTitle(tr("%1: forecast of run %2").arg(toQ(o.column)).arg(run.number));
    overlay_->setSeries(run.series);
    overlay_->setSplit(run.split);
    overlay_->setPrediction(Part::Train, o.train.prediction.predicted);
    overlay_->setPrediction(Part::Validation, o.validation.prediction.predicted);
    runText_ = tr("<b>Run %1</b> on %2: %3 — %4 after %n epoch(s), %5 s", nullptr, int(o.trainLoss.size()))
                   .arg(run.number)
                   .arg(run.dataLabel.toHtmlEscaped(), describeConfig(o.config).toHtmlEscaped(), stopReasonText(o.stop),
                        QString::number(o.trainSeconds, 'f', 2));
    ui_->runLabel->setText(runText_);
    fillMetricsTable(ui_->metricsTable, o);
    drawTestPredictions();
    requestProjection();
    emit runShown(run);
}

void ResultsPanel::drawComparisons(const QList<const RunRecord*>& selected)
{
    QList<ComparisonCurve> curves;
    for (const RunRecord* run : selected)
        if (run != shownRun() && run->series)
            curves << comparisonCurve(*run);
    overlay_->setComparisons(curves);
}

void ResultsPanel::requestProjection()
{
    const RunRecord* run = shownRun();
    if (!run || !run->series || run->outcome.model.parameters.size() == 0)
        return;
    projectionJob_->request({run->number, run->series, run->outcome.model, horizon(), coverage()});
}

void ResultsPanel::onProjection(const RunProjection& projection)
{
    const RunRecord* run = shownRun();
    if (!run || projection.runNumber != run->number)
        return; // another run is shown now
    projection_ = projection;
    ui_->runLabel->setText(projection.error.isEmpty()
                               ? runText_
                               : runText_ + tr("<br>No forecast: %1").arg(projection.error.toHtmlEscaped()));
    const Forecast& f = projection.forecast;
    if (f.horizon > 0)
        overlay_->setForecast(futureX(*run->series, f.horizon), f.forecast, f.lower, f.upper, f.coverage);
    else
        overlay_->clearForecast();
    drawTestPredictions();
    overlay_->fit(); // the forecast reaches past the series
    emit projectionShown();
}

// The test part as the toggle asks: one step (the run's own predictions) or closed loop (once
// the projection has it); the residual charts follow.
void ResultsPanel::drawTestPredictions()
{
    const RunRecord* run = shownRun();
    if (!run)
        return;
    const PartPrediction& test = run->outcome.test.prediction;
    const bool closed = closedLoop() && projection_ && projection_->closedLoopTest.size() == test.predicted.size();
    const std::vector<double>& predicted = closed ? projection_->closedLoopTest : test.predicted;
    overlay_->setPrediction(Part::Test, predicted);
    overlay_->setTestLabel(closed ? tr("prediction (test, closed loop)") : tr("prediction (test, one step)"));
    ResidualSeries residuals;
    residuals.label = closed ? tr("closed-loop test") : tr("one-step test");
    residuals.index = test.index;
    for (std::size_t j = 0; j < predicted.size(); ++j)
        residuals.residual.push_back(test.actual[j] - predicted[j]);
    residuals_->show(residuals);
}

} // namespace rnnwb::app
