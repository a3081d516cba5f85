#include "app/panels/csv_table_model.h"

#include "app/session/qt_text.h"

#include <QBrush>
#include <QFont>
#include <QPalette>

#include <cmath>

namespace rnnwb::app {

namespace {
QString typeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Numeric: return CsvTableModel::tr("number");
    case ColumnType::Date: return CsvTableModel::tr("date");
    case ColumnType::Text: return CsvTableModel::tr("text");
    }
    return {};
}
} // namespace

void CsvTableModel::setTable(std::shared_ptr<const CsvTable> table)
{
    beginResetModel();
    table_ = std::move(table);
    current_ = -1;
    endResetModel();
}

void CsvTableModel::setCurrentColumn(int column)
{
    current_ = column;
    if (columnCount() > 0) {
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::FontRole});
    }
}

int CsvTableModel::rowCount(const QModelIndex& parent) const
{
    return table_ && !parent.isValid() ? int(table_->rowCount()) : 0;
}

int CsvTableModel::columnCount(const QModelIndex& parent) const
{
    return table_ && !parent.isValid() ? int(table_->columns.size()) : 0;
}

QVariant CsvTableModel::data(const QModelIndex& index, int role) const
{
    if (!table_ || !index.isValid())
        return {};
    const Column& column = table_->columns[std::size_t(index.column())];
    const std::size_t row = std::size_t(index.row());
    const bool missing = column.type != ColumnType::Text && std::isnan(column.values[row]);
    switch (role) {
    case Qt::DisplayRole:
        if (column.type == ColumnType::Numeric)
            return missing ? tr("(missing)") : QString::number(column.values[row], 'g', 10);
        return row < column.text.size() ? toQ(column.text[row]) : QString();
    case Qt::TextAlignmentRole:
        return column.type == ColumnType::Numeric ? int(Qt::AlignRight | Qt::AlignVCenter)
                                                  : int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        return missing ? QVariant(QBrush(QPalette().color(QPalette::PlaceholderText))) : QVariant();
    case Qt::FontRole: {
        if (index.column() != current_)
            return {};
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    default: return {};
    }
}

QVariant CsvTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!table_ || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical) // the file line, so warnings can be found
        return QString::number(table_->rowLine[std::size_t(section)]);
    const Column& column = table_->columns[std::size_t(section)];
    return tr("%1\n(%2)").arg(toQ(column.name), typeName(column.type));
}

} // namespace rnnwb::app
