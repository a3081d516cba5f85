#include "app/teaching/gradient_flow_chart.h"

#include "app/charts/plot_header.h"
#include "app/charts/plot_palette.h"
#include "app/charts/series_plot.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace rnnwb::app {

using namespace Qt::StringLiterals;

QVector<QPair<double, double>> logAxisPoints(const std::vector<double>& values, double divisor)
{
    QVector<QPair<double, double>> points;
    for (std::size_t t = 0; t < values.size(); ++t) {
        const double y = values[t] / divisor;
        if (std::isfinite(y) && y > 0.0)
            points.append({double(t + 1), y});
    }
    return points;
}

double lastPositive(const std::vector<double>& values)
{
    for (auto it = values.rbegin(); it != values.rend(); ++it)
        if (std::isfinite(*it) && *it > 0.0)
            return *it;
    return 0.0;
}

GradientFlowChart::GradientFlowChart(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"gradientFlowChart"_s);
    plot_ = new QCustomPlot(this);
    plot_->setObjectName(u"gradientFlowPlot"_s);
    plot_->setMinimumSize(160, 120); // never laid out to nothing (QCustomPlot cannot paint 0 px)
    plot_->setAccessibleName(tr("Gradient flow chart"));
    title_ = addPlotHeader(plot_, tr("Gradient flow"));
    plot_->xAxis->setLabel(tr("time step t (the prediction is made at the last step)"));
    plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    plot_->yAxis->setNumberFormat(u"eb"_s);
    plot_->yAxis->setNumberPrecision(0);
    explanation_ = new QLabel(
        tr("How much the loss changes when the hidden state at step t changes. If the curve falls steeply "
           "towards the early steps, the network can hardly learn from that far back: the gradient vanishes."),
        this);
    explanation_->setObjectName(u"gradientFlowExplanation"_s);
    explanation_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(plot_, 1);
    layout->addWidget(explanation_);
    applyPalette(plot_, palette());
    fit();
}

void GradientFlowChart::setExplanationVisible(bool visible) { explanation_->setVisible(visible); }

int GradientFlowChart::graphCount() const { return plot_->graphCount(); }
QCPGraph* GradientFlowChart::graph(int index) const { return plot_->graph(index); }

QCPGraph* GradientFlowChart::addCurve(const QString& name, const std::vector<double>& values, double divisor,
                                      int colour)
{
    QCPGraph* graph = plot_->addGraph();
    graph->setName(name);
    graph->setPen(QPen(comparisonColor(colour), 1.8));
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, values.size() <= 60 ? 4.0 : 0.0));
    for (const auto& [t, y] : logAxisPoints(values, divisor))
        graph->addData(t, y);
    if (graph->dataCount() == 0)
        graph->removeFromLegend(); // nothing a log axis can show
    return graph;
}

void GradientFlowChart::setFlow(const QString& label, const std::vector<std::vector<double>>& norms)
{
    plot_->clearGraphs();
    title_->setText(label.isEmpty() ? tr("Gradient flow ‖∂L/∂h_t‖") : tr("Gradient flow ‖∂L/∂h_t‖: %1").arg(label));
    plot_->yAxis->setLabel(tr("‖∂L/∂h_t‖ (log scale)"));
    for (std::size_t l = 0; l < norms.size(); ++l) {
        const bool top = l + 1 == norms.size() && l > 0;
        addCurve(top ? tr("layer %1 (top)").arg(l + 1) : tr("layer %1").arg(l + 1), norms[l], 1.0, int(l));
    }
    fit();
}

void GradientFlowChart::setComparison(const QList<QPair<QString, std::vector<double>>>& curves)
{
    plot_->clearGraphs();
    title_->setText(tr("Cells compared (top layer)"));
    plot_->yAxis->setLabel(tr("‖∂L/∂h_t‖ ÷ its value at the last step"));
    for (qsizetype i = 0; i < curves.size(); ++i) {
        const double last = lastPositive(curves[i].second);
        addCurve(curves[i].first, last > 0.0 ? curves[i].second : std::vector<double>{}, last, int(i));
    }
    fit();
}

// x over every step drawn; y a decade-aligned span around the drawn points.
void GradientFlowChart::fit()
{
    double lo = 0.0, hi = 0.0, last = 1.0;
    for (int g = 0; g < plot_->graphCount(); ++g) {
        for (auto it = plot_->graph(g)->data()->constBegin(); it != plot_->graph(g)->data()->constEnd(); ++it) {
            lo = lo > 0.0 ? std::min(lo, it->value) : it->value;
            hi = std::max(hi, it->value);
            last = std::max(last, it->key);
        }
    }
    if (hi > 0.0)
        plot_->yAxis->setRange(std::pow(10.0, std::floor(std::log10(lo))),
                               std::pow(10.0, std::ceil(std::log10(hi) + 1e-9)));
    else
        plot_->yAxis->setRange(1e-3, 1.0);
    plot_->xAxis->setRange(0.5, last + 0.5);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void GradientFlowChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPalette(plot_, palette());
        plot_->replot(QCustomPlot::rpQueuedReplot);
    }
}

} // namespace rnnwb::app
