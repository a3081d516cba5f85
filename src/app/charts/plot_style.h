#pragma once
// Chart colours from the palette, so every chart reads on the light and the dark scheme
// (color_scheme.h), and one set of series colours that reads on both. Any QCustomPlot or
// QChart in the app styles itself with these helpers, and keeps following the palette with
// followPalette():
//
//     stylePlot(plot);                                    // now
//     followPalette(plot, [plot] { stylePlot(plot); plot->replot(); }); // on every change
//
// High DPI: stylePlot() also matches a QCustomPlot's paint buffers to its screen's device
// pixel ratio, which QCustomPlot reads only once, when it is constructed.
#include <QColor>
#include <QPalette>

#include <functional>

class QCustomPlot;
class QWidget;
QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace rnnwb::app {

// Chart colours derived from a palette: background and text from Base and Text, the rest
// mixed between them so they keep their weight on light and dark alike.
struct PlotColors {
    QColor background; // Base
    QColor text;       // Text: titles, tick labels, axis labels, legend
    QColor axis;       // axis lines and ticks: 55 % of the way from background to text
    QColor grid;       // grid lines: 18 %
    QColor subtle;     // reference lines, placeholders: 45 %
    bool dark = false; // background darker than mid-grey
};
PlotColors plotColors(const QPalette& palette);

// `a` moved `t` (0 … 1) of the way towards `b`, channel by channel.
QColor mixColors(const QColor& a, const QColor& b, double t);

// Series colours (mid-luminance, so they show on white and on near-black): the data itself in
// the text colour; part and run colours from series_plot.h pick from these.
enum class SeriesHue { Blue, Orange, Red, Purple, Green, Brown, Pink, Cyan, Olive, Grey };
QColor seriesColor(SeriesHue hue);
// A colour for text or thin marks on top of its own light fill (shade labels, bar borders):
// darker on a light background, lighter on a dark one.
QColor onBackground(const QColor& color, const PlotColors& colors);

// Background, axes, grid, tick and axis labels, legend and every text element of the layout,
// from the plot's palette (plot_palette.h's applyPalette), and its buffers' device pixel
// ratio. Does not replot.
void stylePlot(QCustomPlot* plot);
// Background, title, legend and every axis (lines, grid, labels, titles) of a Qt chart.
void styleChart(QChart* chart, const QPalette& palette);

// Calls `restyle` whenever the widget's palette changes (the scheme switched, or the
// platform's colours did) and when it moves to a screen with another pixel ratio.
void followPalette(QWidget* widget, std::function<void()> restyle);

} // namespace rnnwb::app
