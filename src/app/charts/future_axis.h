#pragma once
// x positions past the end of a plotted series, for forecasts: the next row numbers, or the
// next dates in the series' own rhythm (months stay on the same day of the month, years on the
// same date, anything else keeps the usual spacing).
#include "app/session/data_document.h"

#include <QVector>

namespace rnnwb::app {

QVector<double> futureX(const TimedSeries& series, int count);

} // namespace rnnwb::app
