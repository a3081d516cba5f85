#include "app/results_panel.h"

#include "app/qt_text.h"
#include "app/rmse_chart.h"
#include "app/series_plot.h"
#include "ui_results_panel.h"

#include <QHeaderView>
#include <QItemSelectionModel>

namespace rnnwb::app {

namespace {
const Part kParts[] = {Part::Train, Part::Validation, Part::Test};

QString format(double v) { return QString::number(v, 'g', 5); }
} // namespace

ResultsPanel::ResultsPanel(ReplotCoalescer* coalescer, QWidget* parent)
    : QWidget(parent), ui_(std::make_unique<Ui::ResultsPanel>())
{
    ui_->setupUi(this);
    overlay_ = new SeriesPlot(ui_->overlayPlot, coalescer, true);
    rmse_ = new RmseChart(ui_->rmseChart);
    runs_ = new RunListModel(this);
    ui_->runsView->setModel(runs_);
    ui_->runsView->verticalHeader()->hide();
    ui_->runsView->horizontalHeader()->setStretchLastSection(true);
    ui_->runsView->resizeColumnsToContents();
    ui_->verticalSplitter->setStretchFactor(0, 3);
    ui_->verticalSplitter->setStretchFactor(1, 2);
    ui_->verticalSplitter->setSizes({650, 350});
    ui_->bottomSplitter->setStretchFactor(0, 3);
    ui_->bottomSplitter->setStretchFactor(1, 2);
    ui_->bottomSplitter->setSizes({600, 400});
    ui_->runsView->setMinimumHeight(50);
    ui_->runsView->verticalHeader()->setDefaultSectionSize(ui_->runsView->fontMetrics().height() + 6);
    setFocusProxy(ui_->runsView);

    QTableWidget* table = ui_->metricsTable;
    table->setColumnCount(5);
    table->setHorizontalHeaderLabels({tr("Targets"), tr("MSE"), tr("RMSE"), tr("MAE"), tr("MAPE %")});
    table->setRowCount(3);
    table->setVerticalHeaderLabels({tr("Training"), tr("Validation"), tr("Test")});
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->setFixedHeight(table->horizontalHeader()->sizeHint().height()
                          + 3 * table->verticalHeader()->defaultSectionSize() + 2 * table->frameWidth());

    connect(ui_->runsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ResultsPanel::onSelectionChanged);
    ui_->runLabel->setText(tr("Not trained yet: press <b>Train</b> (F5) to see the model's fit and forecast here."));
}

ResultsPanel::~ResultsPanel() = default;

QTableWidget* ResultsPanel::metricsTable() const { return ui_->metricsTable; }

void ResultsPanel::showSeries(std::shared_ptr<const PlotSeries> series, const std::optional<WindowSplit>& split)
{
    if (shown_ >= 0)
        return;
    overlay_->setTitle(series ? tr("%1: forecast").arg(series->name) : QString());
    overlay_->setSeries(std::move(series));
    overlay_->setSplit(split);
}

void ResultsPanel::beginLive(std::shared_ptr<const PlotSeries> series, const WindowSplit& split,
                             const QString& description)
{
    shown_ = -1;
    {
        const QSignalBlocker block(ui_->runsView->selectionModel());
        ui_->runsView->clearSelection();
    }
    overlay_->setTitle(series ? tr("%1: forecast (training…)").arg(series->name) : QString());
    overlay_->setSeries(std::move(series));
    overlay_->setSplit(split);
    ui_->runLabel->setText(tr("Training: %1").arg(description.toHtmlEscaped()));
    fillMetrics(RunOutcome{});
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
    ui_->runsView->selectRow(row); // shows it
    if (shown_ != row)
        showRun(runs_->run(row));
    shown_ = row;
}

void ResultsPanel::setLocked(bool locked) { ui_->runsView->setEnabled(!locked); }

void ResultsPanel::onSelectionChanged()
{
    const QModelIndexList rows = ui_->runsView->selectionModel()->selectedRows();
    QList<const RunRecord*> selected;
    for (const QModelIndex& index : rows)
        selected << &runs_->run(index.row());
    std::sort(selected.begin(), selected.end(), [](auto* a, auto* b) { return a->number < b->number; });
    rmse_->setRuns(selected);
    const QModelIndex current = ui_->runsView->selectionModel()->currentIndex();
    const int row = current.isValid() && ui_->runsView->selectionModel()->isRowSelected(current.row())
                        ? current.row()
                        : (rows.isEmpty() ? -1 : rows.back().row());
    if (row >= 0 && row != shown_) {
        shown_ = row;
        showRun(runs_->run(row));
    }
}

void ResultsPanel::showRun(const RunRecord& run)
{
    const RunOutcome& o = run.outcome;
    overlay_->setTitle(tr("%1: forecast of run %2").arg(toQ(o.column)).arg(run.number));
    overlay_->setSeries(run.series);
    overlay_->setSplit(run.split);
    overlay_->setPrediction(Part::Train, o.train.prediction.predicted);
    overlay_->setPrediction(Part::Validation, o.validation.prediction.predicted);
    overlay_->setPrediction(Part::Test, o.test.prediction.predicted);
    ui_->runLabel->setText(tr("<b>Run %1</b> on %2: %3 — %4 after %n epoch(s), %5 s", nullptr, int(o.trainLoss.size()))
                               .arg(run.number)
                               .arg(run.dataLabel.toHtmlEscaped(), describeConfig(o.config).toHtmlEscaped(),
                                    stopReasonText(o.stop), QString::number(o.trainSeconds, 'f', 2)));
    fillMetrics(o);
    emit runShown(run);
}

void ResultsPanel::fillMetrics(const RunOutcome& o)
{
    QTableWidget* table = ui_->metricsTable;
    for (Part part : kParts) {
        const PartResult& r = part == Part::Train ? o.train : part == Part::Validation ? o.validation : o.test;
        const Metrics& m = r.metrics;
        const bool has = m.count > 0;
        const QString cells[] = {has ? QString::number(m.count) : QStringLiteral("—"),
                                 has ? format(m.mse) : QString(), has ? format(m.rmse) : QString(),
                                 has ? format(m.mae) : QString(),
                                 has && m.mape ? format(*m.mape) : QString()};
        for (int c = 0; c < 5; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(int(part), c, item);
        }
    }
}

} // namespace rnnwb::app
