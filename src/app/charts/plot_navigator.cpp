#include "app/charts/plot_navigator.h"

#include <qcustomplot.h>

#include <QKeyEvent>

namespace rnnwb::app {

PlotNavigator::PlotNavigator(QCustomPlot* plot, std::function<void()> fit)
    : QObject(plot), plot_(plot), fit_(std::move(fit))
{
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->setFocusPolicy(Qt::StrongFocus);
    plot_->installEventFilter(this);
}

bool PlotNavigator::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != plot_)
        return false;
    switch (event->type()) {
    case QEvent::Wheel:
    case QEvent::MouseMove:
        if (event->type() == QEvent::Wheel || static_cast<QMouseEvent*>(event)->buttons() != Qt::NoButton)
            emit userNavigated();
        return false;
    case QEvent::MouseButtonDblClick: fit_(); return true;
    case QEvent::KeyPress: return handleKey(static_cast<QKeyEvent*>(event)->key());
    default: return false;
    }
}

bool PlotNavigator::handleKey(int key)
{
    switch (key) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoom(0.8); break;
    case Qt::Key_Minus: zoom(1.25); break;
    case Qt::Key_Left: pan(-0.1, 0); break;
    case Qt::Key_Right: pan(0.1, 0); break;
    case Qt::Key_Up: pan(0, 0.1); break;
    case Qt::Key_Down: pan(0, -0.1); break;
    case Qt::Key_0:
    case Qt::Key_Home: fit_(); return true;
    default: return false;
    }
    emit userNavigated();
    plot_->replot();
    return true;
}

void PlotNavigator::zoom(double factor)
{
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis})
        axis->scaleRange(factor, axis->range().center());
}

// Moves each axis by a fraction of its length in pixels, which works on log axes too.
void PlotNavigator::pan(double dxFraction, double dyFraction)
{
    const auto shift = [](QCPAxis* axis, double fraction) {
        if (fraction == 0)
            return;
        const QCPRange r = axis->range();
        const double pixels = (axis->coordToPixel(r.upper) - axis->coordToPixel(r.lower)) * fraction;
        axis->setRange(axis->pixelToCoord(axis->coordToPixel(r.lower) + pixels),
                       axis->pixelToCoord(axis->coordToPixel(r.upper) + pixels));
    };
    shift(plot_->xAxis, dxFraction);
    shift(plot_->yAxis, dyFraction);
}

} // namespace rnnwb::app
