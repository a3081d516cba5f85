#pragma once
// A chart's header row: its title with the legend laid out horizontally beside it, so the
// legend never covers the curves however small the chart gets.
#include <QString>

class QCustomPlot;
class QCPTextElement;

namespace rnnwb::app {

// Inserts the header row above the axis rect and returns the title element. Without a legend
// the title is centred over the whole chart.
QCPTextElement* addPlotHeader(QCustomPlot* plot, const QString& title, bool withLegend = true);

} // namespace rnnwb::app
