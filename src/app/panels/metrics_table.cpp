#include "app/panels/metrics_table.h"

#include "app/charts/plot_style.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QTableWidget>

#include <array>

namespace rnnwb::app {

namespace {

// The translation context of this file's texts.
struct MetricsTable {
    Q_DECLARE_TR_FUNCTIONS(MetricsTable)
};

// Four significant digits: enough to compare, narrow enough for eight columns.
QString number(double v) { return QString::number(v, 'g', 4); }
QString optional(const std::optional<double>& v) { return v ? number(*v) : QStringLiteral("—"); }

// The row's metrics, or nullptr when the run has none for it.
const Metrics* rowMetrics(const RunOutcome& o, int row)
{
    switch (row) {
    case TrainRow: return &o.train.metrics;
    case ValidationRow: return &o.validation.metrics;
    case TestRow: return &o.test.metrics;
    case NaiveRow: return &o.baselines.naive.metrics;
    case SeasonalNaiveRow: return &o.baselines.seasonalNaive.metrics;
    case DriftRow: return &o.baselines.drift.metrics;
    case LinearArRow: return &o.baselines.linearAr.metrics;
    }
    return nullptr;
}

std::array<QString, MetricsColumnCount> cells(const Metrics& m)
{
    if (m.count == 0)
        return {QStringLiteral("—")};
    return {QString::number(m.count), number(m.rmse),   number(m.mae),  optional(m.mape),
            optional(m.smape),        optional(m.mase), optional(m.r2), number(m.mse)};
}

QString rowLabel(int row, const RunOutcome& o)
{
    switch (row) {
    case TrainRow: return MetricsTable::tr("Training");
    case ValidationRow: return MetricsTable::tr("Validation");
    case TestRow: return MetricsTable::tr("Test");
    case NaiveRow: return MetricsTable::tr("Naive");
    case SeasonalNaiveRow:
        return o.baselines.season.period > 1 ? MetricsTable::tr("Seasonal naive, m = %1").arg(o.baselines.season.period)
                                             : MetricsTable::tr("Seasonal naive");
    case DriftRow: return MetricsTable::tr("Drift");
    case LinearArRow: return MetricsTable::tr("Linear AR");
    }
    return {};
}

// The baselines' rows in the palette's placeholder grey: context, not the result.
void greyBaselineRows(QTableWidget* table)
{
    const QColor grey = table->palette().color(QPalette::PlaceholderText);
    for (int row = NaiveRow; row < MetricsRowCount; ++row)
        for (int c = 0; c < MetricsColumnCount; ++c)
            if (QTableWidgetItem* item = table->item(row, c))
                item->setForeground(grey);
}

} // namespace

void setUpMetricsTable(QTableWidget* table)
{
    table->setColumnCount(MetricsColumnCount);
    table->setHorizontalHeaderLabels({MetricsTable::tr("Targets"), MetricsTable::tr("RMSE"), MetricsTable::tr("MAE"),
                                      MetricsTable::tr("MAPE %"), MetricsTable::tr("sMAPE %"), MetricsTable::tr("MASE"),
                                      MetricsTable::tr("R²"), MetricsTable::tr("MSE")});
    table->setRowCount(MetricsRowCount);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 4);
    table->setToolTip(
        MetricsTable::tr("Errors of one-step predictions in the data's own units: the network on each part, "
                         "then (in grey) four simple forecasts of the same test targets. A network worth having beats "
                         "them.\nRMSE: root mean squared error; MAE: mean absolute error; MAPE / sMAPE: "
                         "(symmetric) mean absolute percentage error; MASE: MAE divided by the seasonal-naive "
                         "MAE on the training part (below 1 beats it); R²: share of the variance explained."));
    fillMetricsTable(table, RunOutcome{});
    followPalette(table, [table] { greyBaselineRows(table); });
}

void fillMetricsTable(QTableWidget* table, const RunOutcome& o)
{
    // The best RMSE among the network's and the baselines' test predictions.
    int best = -1;
    for (int row = TestRow; row < MetricsRowCount; ++row) {
        const Metrics* m = rowMetrics(o, row);
        if (m->count > 0 && (best < 0 || m->rmse < rowMetrics(o, best)->rmse))
            best = row;
    }
    QStringList labels;
    for (int row = 0; row < MetricsRowCount; ++row) {
        labels << rowLabel(row, o);
        const std::array<QString, MetricsColumnCount> text = cells(*rowMetrics(o, row));
        for (int c = 0; c < MetricsColumnCount; ++c) {
            auto* item = new QTableWidgetItem(text[std::size_t(c)]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (row == best && c == RmseColumn) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setToolTip(MetricsTable::tr("The lowest test RMSE of the network and the baselines"));
            }
            table->setItem(row, c, item);
        }
    }
    table->setVerticalHeaderLabels(labels);
    greyBaselineRows(table);
}

} // namespace rnnwb::app
