#include "app/teaching/inside_heatmap.h"

#include "app/charts/plot_palette.h"
#include "app/teaching/inside_view.h" // tr()

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace rnnwb::app {

using namespace Qt::StringLiterals;

QString insideValueTitle(const QString& name)
{
    if (name == u"i")
        return InsideView::tr("input gate i");
    if (name == u"f")
        return InsideView::tr("forget gate f");
    if (name == u"g")
        return InsideView::tr("candidate g (tanh)");
    if (name == u"o")
        return InsideView::tr("output gate o");
    if (name == u"c")
        return InsideView::tr("cell state c");
    if (name == u"h")
        return InsideView::tr("hidden state h");
    if (name == u"r")
        return InsideView::tr("reset gate r");
    if (name == u"z")
        return InsideView::tr("update gate z");
    if (name == u"n")
        return InsideView::tr("candidate n (tanh)");
    return name;
}

bool isSigmoidGate(const QString& name)
{
    return name == u"i" || name == u"f" || name == u"o" || name == u"r" || name == u"z";
}

namespace {

// Whole-number ticks only: steps and units are counts.
QSharedPointer<QCPAxisTicker> integerTicker()
{
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    ticker->setTickCount(4);
    return ticker;
}

// QCPColorMap puts cell centres at lower + k · (upper − lower) / (n − 1), so a dimension of one
// cell has no extent. Such a dimension is stored twice, centred ±½ around its one coordinate:
// clipped to the axis range (coordinate ± ½) it shows exactly one cell-wide column or row.
struct GridAxis {
    int cells;
    QCPRange range;
};
GridAxis gridAxis(double firstCoordinate, int count)
{
    if (count == 1)
        return {2, QCPRange(firstCoordinate - 0.5, firstCoordinate + 0.5)};
    return {count, QCPRange(firstCoordinate, firstCoordinate + count - 1)};
}

} // namespace

// One cell of the page's grid: the title over the map, its colour scale at its right.
InsideHeatmap addInsideHeatmap(QCustomPlot* plot, const QString& name, int row, int column)
{
    InsideHeatmap h;
    h.name = name;
    auto* cell = new QCPLayoutGrid;
    plot->plotLayout()->addElement(row, column, cell);
    const QFont base = plot->font();
    auto* title = new QCPTextElement(plot, insideValueTitle(name), QFont(base.family(), base.pointSize(), QFont::Bold));
    title->setMargins(QMargins(0, 2, 0, 0));
    cell->addElement(0, 0, title);
    h.rect = new QCPAxisRect(plot);
    h.rect->setRangeDrag({});
    h.rect->setRangeZoom({});
    cell->addElement(1, 0, h.rect);
    h.scale = new QCPColorScale(plot);
    h.scale->setBarWidth(7);
    cell->addElement(1, 1, h.scale);
    cell->setRowStretchFactor(0, 0.001);
    cell->setColumnStretchFactor(1, 0.001);
    auto* margins = new QCPMarginGroup(plot);
    h.rect->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    h.scale->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    const QFont small(base.family(), std::max(base.pointSize() - 1, 6));
    for (QCPAxis* axis : {h.rect->axis(QCPAxis::atBottom), h.rect->axis(QCPAxis::atLeft), h.scale->axis()}) {
        axis->setTickLabelFont(small);
        axis->setLabelFont(small);
        axis->grid()->setVisible(false);
    }
    for (QCPAxis* axis : {h.rect->axis(QCPAxis::atBottom), h.rect->axis(QCPAxis::atLeft)}) {
        axis->setTicker(integerTicker());
        axis->setSubTicks(false);
    }
    h.rect->axis(QCPAxis::atLeft)->setRangeReversed(true); // unit 1 on top, as a matrix reads
    h.scale->axis()->setNumberFormat(u"g"_s);
    h.map = new QCPColorMap(h.rect->axis(QCPAxis::atBottom), h.rect->axis(QCPAxis::atLeft));
    h.map->setInterpolate(false);
    h.map->setColorScale(h.scale);
    h.map->setGradient(isSigmoidGate(name) ? sequentialGradient() : divergingGradient());
    h.map->setName(insideValueTitle(name));
    // The selected column: a light frame with a dark one on top reads on every colour of both scales.
    for (QCPItemRect** item : {&h.halo, &h.marker}) {
        *item = new QCPItemRect(plot);
        (*item)->setClipAxisRect(h.rect);
        (*item)->setBrush(Qt::NoBrush);
        for (QCPItemPosition* pos : {(*item)->topLeft, (*item)->bottomRight}) {
            pos->setAxes(h.rect->axis(QCPAxis::atBottom), h.rect->axis(QCPAxis::atLeft));
            pos->setAxisRect(h.rect);
            pos->setTypeX(QCPItemPosition::ptPlotCoords);
            pos->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
    }
    h.halo->setPen(QPen(QColor(255, 255, 255, 220), 4));
    h.marker->setPen(QPen(QColor(0, 0, 0), 1.5));
    return h;
}

// Cell (k, u) of the map is trace[first + k], unit u; drawn at x = t = first + k + 1 (the
// 1-based step number), y = u + 1.
void fillInsideHeatmap(const InsideHeatmap& h, const std::vector<StepState>& trace, int first, int steps, int units)
{
    const GridAxis keys = gridAxis(first + 1, steps), values = gridAxis(1, units);
    QCPColorMapData* data = h.map->data();
    data->setSize(keys.cells, values.cells);
    data->setRange(keys.range, values.range);
    const std::string name = h.name.toStdString();
    double largest = 0.0; // max |value|, for the scale of c
    for (int k = 0; k < keys.cells; ++k) {
        const std::vector<double>& column = trace[std::size_t(first + std::min(k, steps - 1))].values.at(name);
        for (int u = 0; u < values.cells; ++u) {
            const double v = column[std::size_t(std::min(u, units - 1))];
            data->setCell(k, u, v);
            largest = std::max(largest, std::abs(v));
        }
    }
    if (isSigmoidGate(h.name))
        h.map->setDataRange(QCPRange(0.0, 1.0));
    else if (h.name == u"c")
        h.map->setDataRange(QCPRange(-std::max(largest, 1e-6), std::max(largest, 1e-6)));
    else
        h.map->setDataRange(QCPRange(-1.0, 1.0));
    h.rect->axis(QCPAxis::atBottom)->setRange(first + 0.5, first + steps + 0.5);
    h.rect->axis(QCPAxis::atLeft)->setRange(0.5, units + 0.5);
}

void markInsideStep(const InsideHeatmap& h, int step)
{
    const double t = step + 1;
    for (QCPItemRect* item : {h.halo, h.marker}) {
        item->topLeft->setCoords(t - 0.5, 0.0);
        item->bottomRight->setCoords(t + 0.5, 1.0);
    }
}

} // namespace rnnwb::app
