#include "app/session/run_sort_proxy.h"

#include <optional>

namespace rnnwb::app {

namespace {

std::optional<double> numberIn(const QVariant& value)
{
    bool ok = false;
    const double x = value.toString().toDouble(&ok);
    return ok ? std::optional<double>(x) : std::nullopt;
}

} // namespace

bool RunSortProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const QVariant a = left.data(sortRole()), b = right.data(sortRole());
    const std::optional<double> x = numberIn(a), y = numberIn(b);
    if (x && y)
        return *x < *y;
    if (x || y) {
        // a number comes first whichever way the column is sorted: descending reverses lessThan
        const bool ascending = sortOrder() == Qt::AscendingOrder;
        return x ? ascending : !ascending;
    }
    if (a.toString().isEmpty() != b.toString().isEmpty())
        return a.toString().isEmpty() != (sortOrder() == Qt::AscendingOrder); // blanks last
    return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
}

} // namespace rnnwb::app
