#include "app/session/run_list_model.h"

#include "app/session/qt_text.h"

namespace rnnwb::app {

namespace {
QString cellText(CellType cell) { return toQ(cellName(cell)).toUpper(); }
QString number(double v) { return QString::number(v, 'g', 4); }
} // namespace

QString describeConfig(const TrainConfig& c)
{
    return RunListModel::tr("%1 %2×%3, window %4, %5 layout, %6 lr %7")
        .arg(cellText(c.cell))
        .arg(c.layers)
        .arg(c.hidden)
        .arg(c.window)
        .arg(toQ(layoutName(c.layout)), toQ(optimizerName(c.optimizer)), number(c.learningRate));
}

QString stopReasonText(StopReason reason)
{
    switch (reason) {
    case StopReason::Running: return RunListModel::tr("running");
    case StopReason::Completed: return RunListModel::tr("completed");
    case StopReason::EarlyStopping: return RunListModel::tr("stopped early");
    case StopReason::Diverged: return RunListModel::tr("diverged");
    case StopReason::Cancelled: return RunListModel::tr("stopped by the user");
    }
    return {};
}

void RunListModel::clear()
{
    beginResetModel();
    runs_.clear();
    endResetModel();
}

int RunListModel::add(RunRecord record)
{
    const int row = count();
    record.number = row + 1;
    beginInsertRows({}, row, row);
    runs_.push_back(std::move(record));
    endInsertRows();
    return row;
}

int RunListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }

int RunListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const RunRecord& run = runs_[std::size_t(index.row())];
    if (role == Qt::DisplayRole)
        return display(run, index.column());
    if (role == Qt::ToolTipRole)
        return tr("Run %1 on %2: %3").arg(run.number).arg(run.dataLabel, describeConfig(run.outcome.config));
    if (role == Qt::TextAlignmentRole && index.column() != Data && index.column() != Stop && index.column() != Cell
        && index.column() != Layout)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RunListModel::display(const RunRecord& run, int column) const
{
    const RunOutcome& o = run.outcome;
    const TrainConfig& c = o.config;
    switch (column) {
    case Number: return run.number;
    case Data: return tr("%1: %2").arg(run.dataLabel, toQ(o.column));
    case Cell: return cellText(c.cell);
    case Layout: return toQ(layoutName(c.layout));
    case Window: return c.window;
    case Hidden: return c.hidden;
    case Layers: return c.layers;
    case LearningRate: return number(c.learningRate);
    case Epochs: return int(o.trainLoss.size());
    case Stop: return stopReasonText(o.stop);
    case TrainRmse: return number(o.train.metrics.rmse);
    case ValidationRmse: return o.validation.metrics.count > 0 ? number(o.validation.metrics.rmse) : QString();
    case TestRmse: return number(o.test.metrics.rmse);
    case Seconds: return QString::number(o.trainSeconds, 'f', 2);
    default: return {};
    }
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number: return tr("#");
    case Data: return tr("Data");
    case Cell: return tr("Cell");
    case Layout: return tr("Layout");
    case Window: return tr("Window");
    case Hidden: return tr("Hidden");
    case Layers: return tr("Layers");
    case LearningRate: return tr("LR");
    case Epochs: return tr("Epochs");
    case Stop: return tr("Ended");
    case TrainRmse: return tr("Train RMSE");
    case ValidationRmse: return tr("Val. RMSE");
    case TestRmse: return tr("Test RMSE");
    case Seconds: return tr("Seconds");
    default: return {};
    }
}

} // namespace rnnwb::app
