#include "app/charts/plot_palette.h"

#include "app/charts/plot_style.h"

#include <qcustomplot.h>

namespace rnnwb::app {

namespace {

void paintAxis(QCPAxis* axis, const QColor& text, const QColor& grid)
{
    axis->setBasePen(QPen(text, 1));
    axis->setTickPen(QPen(text, 1));
    axis->setSubTickPen(QPen(text, 1));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    axis->grid()->setZeroLinePen(Qt::NoPen);
}

} // namespace

void applyPalette(QCustomPlot* plot, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor grid = mixColors(base, text, 0.25);
    plot->setBackground(base);
    for (QCPLayoutElement* element : plot->plotLayout()->elements(true)) {
        if (auto* rect = qobject_cast<QCPAxisRect*>(element)) {
            for (QCPAxis* axis : rect->axes())
                paintAxis(axis, text, grid);
        } else if (auto* scale = qobject_cast<QCPColorScale*>(element)) {
            paintAxis(scale->axis(), text, grid);
        } else if (auto* title = qobject_cast<QCPTextElement*>(element)) {
            title->setTextColor(text);
        } else if (auto* legend = qobject_cast<QCPLegend*>(element)) {
            legend->setBrush(base);
            legend->setTextColor(text); // and of every item already in it
        }
    }
}

QCPColorGradient sequentialGradient()
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, QColor(0x44, 0x01, 0x54));
    gradient.setColorStopAt(0.25, QColor(0x3b, 0x52, 0x8b));
    gradient.setColorStopAt(0.5, QColor(0x21, 0x91, 0x8c));
    gradient.setColorStopAt(0.75, QColor(0x5e, 0xc9, 0x62));
    gradient.setColorStopAt(1.0, QColor(0xfd, 0xe7, 0x25));
    return gradient;
}

QCPColorGradient divergingGradient()
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, QColor(0x21, 0x66, 0xac));
    gradient.setColorStopAt(0.25, QColor(0x67, 0xa9, 0xcf));
    gradient.setColorStopAt(0.5, QColor(0xf7, 0xf7, 0xf7));
    gradient.setColorStopAt(0.75, QColor(0xef, 0x8a, 0x62));
    gradient.setColorStopAt(1.0, QColor(0xb2, 0x18, 0x2b));
    return gradient;
}

} // namespace rnnwb::app
