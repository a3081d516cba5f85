#pragma once
// The metrics table of the Results tab: the network on each part, then the four baselines on
// the same test targets, side by side in the data's units, the best test RMSE in bold.
#include "core/training/report.h"

class QTableWidget;

namespace rnnwb::app {

// Rows of the table, in order.
enum MetricsRow {
    TrainRow,
    ValidationRow,
    TestRow,
    NaiveRow,
    SeasonalNaiveRow,
    DriftRow,
    LinearArRow,
    MetricsRowCount
};
// Columns, in order.
enum MetricsColumn {
    TargetsColumn,
    RmseColumn,
    MaeColumn,
    MapeColumn,
    SmapeColumn,
    MaseColumn,
    R2Column,
    MseColumn,
    MetricsColumnCount
};

void setUpMetricsTable(QTableWidget* table);
// An empty outcome (no run) clears every cell.
void fillMetricsTable(QTableWidget* table, const RunOutcome& outcome);

} // namespace rnnwb::app
