#pragma once
// A read-only table model over a parsed CSV table, for the Data panel's preview.
#include "core/data/csv_reader.h"

#include <QAbstractTableModel>

#include <memory>

namespace rnnwb::app {

class CsvTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setTable(std::shared_ptr<const CsvTable> table);
    // Highlights the column being forecast.
    void setCurrentColumn(int column);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const CsvTable> table_;
    int current_ = -1;
};

} // namespace rnnwb::app
