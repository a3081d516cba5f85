#pragma once
// Every finished run of the session (its configuration, metrics, curves and predictions),
// as a table to select and compare.
#include "app/session/run_record.h"
#include "core/training/report.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace rnnwb::app {

class RunListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // The metrics first, so that runs compare at a glance; the long data label last.
    enum Column {
        Number,
        TestRmse,
        ValidationRmse,
        TrainRmse,
        Cell,
        Layers,
        Hidden,
        Window,
        Layout,
        LearningRate,
        Epochs,
        Stop,
        Seconds,
        Data,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    // Adds a run (numbered from 1) and returns its row.
    int add(RunRecord record);
    // Forgets every run; the next one added is run 1 again.
    void clear();
    const RunRecord& run(int row) const { return runs_[std::size_t(row)]; }
    int count() const { return int(runs_.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const RunRecord& run, int column) const;
    std::vector<RunRecord> runs_;
};

// "LSTM 2×45, window 5, features, Adam lr 0.01": a run's configuration in a few words.
QString describeConfig(const TrainConfig& config);
QString stopReasonText(StopReason reason);

} // namespace rnnwb::app

