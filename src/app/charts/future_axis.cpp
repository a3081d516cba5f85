#include "app/charts/future_axis.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace rnnwb::app {

namespace {

// The median spacing of the last (up to 25) intervals: robust to a gap or a doubled row.
double typicalStep(const std::vector<double>& x)
{
    std::vector<double> steps;
    for (std::size_t i = x.size() > 26 ? x.size() - 25 : 1; i < x.size(); ++i)
        steps.push_back(x[i] - x[i - 1]);
    if (steps.empty())
        return 1.0;
    std::nth_element(steps.begin(), steps.begin() + std::ptrdiff_t(steps.size() / 2), steps.end());
    const double step = steps[steps.size() / 2];
    return step > 0 ? step : 1.0;
}

constexpr double kDay = 86400.0;

} // namespace

QVector<double> futureX(const TimedSeries& series, int count)
{
    QVector<double> out;
    if (series.x.empty() || count <= 0)
        return out;
    const double last = series.x.back();
    const double step = typicalStep(series.x);
    const double days = step / kDay;
    // Calendar rhythms: a month is 28–31 days, a quarter 89–92, a year 365–366.
    const int months = !series.dates                  ? 0
                       : (days >= 28 && days <= 31)   ? 1
                       : (days >= 89 && days <= 92)   ? 3
                       : (days >= 365 && days <= 366) ? 12
                                                      : 0;
    const QDateTime origin = QDateTime::fromMSecsSinceEpoch(qint64(std::llround(last * 1000.0)), Qt::UTC);
    out.reserve(count);
    for (int k = 1; k <= count; ++k)
        out.push_back(months > 0 ? double(origin.addMonths(months * k).toMSecsSinceEpoch()) / 1000.0 : last + step * k);
    return out;
}

} // namespace rnnwb::app
