#include "app/charts/plot_header.h"

#include <qcustomplot.h>

namespace rnnwb::app {

QCPTextElement* addPlotHeader(QCustomPlot* plot, const QString& title, bool withLegend)
{
    const QFont base = plot->font();
    auto* header = new QCPLayoutGrid;
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, header);
    plot->plotLayout()->setRowStretchFactor(0, 0.001); // as tall as it needs, no more
    auto* text = new QCPTextElement(plot, title, QFont(base.family(), base.pointSize() + 1, QFont::Bold));
    header->addElement(0, 0, text);
    if (!withLegend) {
        plot->legend->setVisible(false);
        return text;
    }
    // Move the legend out of the axis rect into the header, one row of entries.
    plot->axisRect()->insetLayout()->take(plot->legend);
    header->addElement(0, 1, plot->legend);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setFont(QFont(base.family(), base.pointSize() - 1));
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setMargins(QMargins(4, 2, 4, 2));
    plot->legend->setVisible(true);
    header->setColumnStretchFactor(0, 1);
    header->setColumnStretchFactor(1, 0.01); // the legend as narrow as its entries
    return text;
}

} // namespace rnnwb::app
