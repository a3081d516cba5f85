#pragma once
// Sorts the run list by any column, numbers as numbers: "0.0123" before "0.1", "9" before
// "10". Cells that are not numbers (a run without a validation part has an empty "Val. RMSE")
// go after every number in either order, so the best runs stay on top; text columns (cell,
// layout, stop reason) sort as text. Install it between the run list model and its view:
//   auto* proxy = new RunSortProxy(view);
//   proxy->setSourceModel(runListModel);
//   view->setModel(proxy);
//   view->setSortingEnabled(true);
//   view->sortByColumn(RunListModel::ValidationRmse, Qt::AscendingOrder);
// and map rows through it (proxy->mapToSource(index).row() is the run's row in the model).
#include <QSortFilterProxyModel>

namespace rnnwb::app {

class RunSortProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

} // namespace rnnwb::app
