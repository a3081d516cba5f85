#pragma once
// One heatmap of the inside view (inside_view.h): a recorded value of one layer ("f", "c", …)
// over time step × hidden unit, with its title, colour scale and the frame marking the selected
// step. Sigmoid gates use a 0 … 1 sequential scale, g, n and h −1 … 1 diverging, and c a
// diverging scale symmetric around 0 at its largest |c|.
#include "core/inspect/inspect.h"

#include <QString>

#include <vector>

class QCPAxisRect;
class QCPColorMap;
class QCPColorScale;
class QCPItemRect;
class QCustomPlot;

namespace rnnwb::app {

// The user-visible title of a recorded value: "forget gate f", "cell state c", …
QString insideValueTitle(const QString& name);
// Whether a recorded value is a sigmoid gate (0 … 1) rather than a tanh value around 0.
bool isSigmoidGate(const QString& name);

struct InsideHeatmap {
    QString name;
    QCPAxisRect* rect = nullptr;
    QCPColorMap* map = nullptr;
    QCPColorScale* scale = nullptr;
    QCPItemRect* halo = nullptr; // a light wide frame under the marker: visible on any colour
    QCPItemRect* marker = nullptr;
};

// Adds the heatmap of `name` in cell (row, column) of the plot's layout: title over the map,
// colour scale at its right, unit 1 on top.
InsideHeatmap addInsideHeatmap(QCustomPlot* plot, const QString& name, int row, int column);
// Shows steps first … first + steps − 1 of the trace (units 0 … units − 1); a step is drawn at
// x = its index + 1, a unit at y = its index + 1.
void fillInsideHeatmap(const InsideHeatmap& heatmap, const std::vector<StepState>& trace, int first, int steps,
                       int units);
// Frames the column of a step (its index into the trace).
void markInsideStep(const InsideHeatmap& heatmap, int step);

} // namespace rnnwb::app
