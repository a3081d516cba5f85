#include "app/charts/plot_style.h"

#include "app/charts/plot_palette.h"

#include <qcustomplot.h>

#include <QtCharts/QAbstractAxis>
#include <QtCharts/QChart>
#include <QtCharts/QLegend>

#include <algorithm>
#include <array>

namespace rnnwb::app {

QColor mixColors(const QColor& a, const QColor& b, double t)
{
    // c = a + t·(b − a) in each of r, g, b, t clamped to [0, 1] (sRGB values: close enough
    // for greys and tints)
    const double s = std::clamp(t, 0.0, 1.0);
    const auto mix = [s](double x, double y) { return x + s * (y - x); };
    return QColor::fromRgbF(float(mix(a.redF(), b.redF())), float(mix(a.greenF(), b.greenF())),
                            float(mix(a.blueF(), b.blueF())));
}

PlotColors plotColors(const QPalette& palette)
{
    PlotColors c;
    c.background = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::Text);
    c.axis = mixColors(c.background, c.text, 0.55);
    c.grid = mixColors(c.background, c.text, 0.18);
    c.subtle = mixColors(c.background, c.text, 0.45);
    c.dark = c.background.lightnessF() < 0.5;
    return c;
}

// Lightness between ~45 % and ~60 %: each keeps a contrast of about 3:1 or more as a 1.5 px
// line against white and against the dark scheme's near-black base alike.
QColor seriesColor(SeriesHue hue)
{
    static const std::array<QColor, 10> colors = {
        QColor(0x3b, 0x8e, 0xde), // blue
        QColor(0xe8, 0x87, 0x0e), // orange
        QColor(0xe5, 0x48, 0x4d), // red
        QColor(0x9d, 0x6f, 0xd0), // purple
        QColor(0x2e, 0xa8, 0x4a), // green
        QColor(0xb0, 0x7a, 0x4f), // brown
        QColor(0xe0, 0x6b, 0xb8), // pink
        QColor(0x16, 0xb3, 0xc7), // cyan
        QColor(0xa8, 0xa6, 0x1c), // olive
        QColor(0x8f, 0x8f, 0x8f), // grey
    };
    return colors[std::size_t(hue)];
}

QColor onBackground(const QColor& color, const PlotColors& colors)
{
    return colors.dark ? color.lighter(135) : color.darker(125);
}

void stylePlot(QCustomPlot* plot)
{
    applyPalette(plot, plot->palette()); // axes, grid, labels, titles, legend (plot_palette.h)
    // QCustomPlot reads the pixel ratio once, at construction: text and lines stay sharp at
    // QT_SCALE_FACTOR=2 or on a HiDPI screen only if the buffers follow the widget's screen.
    const double ratio = plot->devicePixelRatioF();
    if (!qFuzzyCompare(plot->bufferDevicePixelRatio(), ratio))
        plot->setBufferDevicePixelRatio(ratio);
}

void styleChart(QChart* chart, const QPalette& palette)
{
    const PlotColors c = plotColors(palette);
    chart->setBackgroundBrush(QBrush(c.background));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setTitleBrush(QBrush(c.text));
    chart->legend()->setLabelColor(c.text);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(c.text);
        axis->setTitleBrush(QBrush(c.text));
        axis->setLinePenColor(c.axis);
        axis->setGridLineColor(c.grid);
        axis->setMinorGridLineColor(mixColors(c.background, c.grid, 0.6));
    }
}

namespace {

// Restyles its parent widget when the palette (or the screen) changes.
class PaletteFollower : public QObject {
public:
    PaletteFollower(QWidget* widget, std::function<void()> restyle) : QObject(widget), restyle_(std::move(restyle))
    {
        widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        switch (event->type()) {
        case QEvent::PaletteChange: // sent after the widget's palette has changed
            restyle_();
            break;
        case QEvent::ApplicationPaletteChange: // before the widget resolves it: look afterwards
        case QEvent::ScreenChangeInternal:     // the pixel ratio may differ on the new screen
            QMetaObject::invokeMethod(
                this, [this] { restyle_(); }, Qt::QueuedConnection);
            break;
        default: break;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> restyle_;
};

} // namespace

void followPalette(QWidget* widget, std::function<void()> restyle) { new PaletteFollower(widget, std::move(restyle)); }

} // namespace rnnwb::app
