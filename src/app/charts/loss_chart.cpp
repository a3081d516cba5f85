#include "app/charts/loss_chart.h"

#include "app/charts/plot_header.h"
#include "app/charts/plot_navigator.h"
#include "app/charts/plot_style.h"
#include "app/charts/replot_coalescer.h"
#include "app/charts/series_plot.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace rnnwb::app {

LossChart::LossChart(QCustomPlot* plot, ReplotCoalescer* coalescer) : QObject(plot), plot_(plot), coalescer_(coalescer)
{
    train_ = plot_->addGraph();
    train_->setName(tr("training loss"));
    train_->setPen(QPen(partColor(Part::Train), 1.8));
    validation_ = plot_->addGraph();
    validation_->setName(tr("validation loss"));
    validation_->setPen(QPen(partColor(Part::Validation), 1.8));
    plot_->xAxis->setLabel(tr("epoch"));
    plot_->yAxis->setLabel(tr("MSE (scaled data)"));
    plot_->legend->setVisible(true);
    addPlotHeader(plot_, tr("Loss per epoch"));
    placeholder_ = new QCPItemText(plot_);
    placeholder_->position->setType(QCPItemPosition::ptAxisRectRatio);
    placeholder_->position->setCoords(0.5, 0.5);
    placeholder_->setText(tr("Train (F5) or Step (F10): the loss of each epoch appears here."));
    auto* navigator = new PlotNavigator(plot_, [this] { fit(); });
    connect(navigator, &PlotNavigator::userNavigated, this, [this] { follow_ = false; });
    setLogScale(true);
    restyle();
    followPalette(plot_, [this] { restyle(); });
}

void LossChart::restyle()
{
    stylePlot(plot_);
    placeholder_->setColor(plotColors(plot_->palette()).subtle);
    refresh();
}

void LossChart::begin(int epochs)
{
    plannedEpochs_ = epochs;
    train_->data()->clear();
    validation_->data()->clear();
    clearComparisons();
    follow_ = true;
    refresh();
}

void LossChart::addEpoch(const EpochProgress& u)
{
    plannedEpochs_ = u.epochs;
    if (std::isfinite(u.trainLoss))
        train_->addData(u.epoch, u.trainLoss);
    if (std::isfinite(u.validationLoss))
        validation_->addData(u.epoch, u.validationLoss);
    refresh();
}

void LossChart::showCurves(const std::vector<double>& train, const std::vector<double>& validation)
{
    begin(int(train.size()));
    for (std::size_t e = 0; e < train.size(); ++e)
        train_->addData(double(e + 1), train[e]);
    for (std::size_t e = 0; e < validation.size(); ++e)
        validation_->addData(double(e + 1), validation[e]);
    fit();
}

void LossChart::showComparison(const QList<LossCurves>& runs)
{
    if (runs.isEmpty())
        return;
    showCurves(runs.front().train, runs.front().validation);
    train_->setName(tr("training loss (%1)").arg(runs.front().label));
    for (qsizetype i = 1; i < runs.size(); ++i) {
        QCPGraph* graph = plot_->addGraph();
        graph->setPen(QPen(comparisonColor(int(i - 1)), 1.5, Qt::DashLine));
        graph->setName(tr("training loss (%1)").arg(runs[i].label));
        for (std::size_t e = 0; e < runs[i].train.size(); ++e)
            graph->addData(double(e + 1), runs[i].train[e]);
        comparisons_.push_back(graph);
        plannedEpochs_ = std::max(plannedEpochs_, int(runs[i].train.size()));
    }
    fit();
}

void LossChart::clearComparisons()
{
    for (QCPGraph* graph : comparisons_)
        plot_->removeGraph(graph);
    comparisons_.clear();
    train_->setName(tr("training loss"));
}

void LossChart::setLogScale(bool on)
{
    log_ = on;
    plot_->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on)
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    plot_->yAxis->setNumberFormat(on ? QStringLiteral("eb") : QStringLiteral("gb"));
    plot_->yAxis->setNumberPrecision(on ? 0 : 4);
    fit();
}

void LossChart::rescale()
{
    bool found = false;
    QCPRange y = train_->getValueRange(found, QCP::sdBoth);
    bool foundValidation = false;
    const QCPRange yv = validation_->getValueRange(foundValidation, QCP::sdBoth);
    if (foundValidation)
        y = found ? QCPRange(std::min(y.lower, yv.lower), std::max(y.upper, yv.upper)) : yv;
    for (QCPGraph* graph : comparisons_) {
        bool foundOther = false;
        const QCPRange yo = graph->getValueRange(foundOther, QCP::sdBoth);
        if (foundOther)
            y = found ? QCPRange(std::min(y.lower, yo.lower), std::max(y.upper, yo.upper)) : yo;
        found = found || foundOther;
    }
    if (found || foundValidation) {
        if (log_)
            plot_->yAxis->setRange(y.lower / 1.5, y.upper * 1.5);
        else
            plot_->yAxis->setRange(0, y.upper * 1.05);
    } else {
        plot_->yAxis->setRange(log_ ? 1e-3 : 0.0, 1.0);
    }
    // Room for a quarter more epochs than so far (up to the planned count): the curve fills the
    // chart however long the training is; the progress bar shows how far along it is.
    int done = train_->dataCount();
    for (QCPGraph* graph : comparisons_)
        done = std::max(done, graph->dataCount());
    const int shown = std::max(std::min(plannedEpochs_, std::max(10, done + done / 4)), done);
    plot_->xAxis->setRange(0, std::max(shown, 1) + 1);
}

// Only curves that have points are listed (no "validation loss" without a validation part).
void LossChart::updateLegend()
{
    placeholder_->setVisible(train_->dataCount() == 0);
    if (validation_->dataCount() > 0)
        validation_->addToLegend();
    else
        validation_->removeFromLegend();
}

void LossChart::fit()
{
    follow_ = true;
    rescale();
    updateLegend();
    refresh();
}

void LossChart::refresh()
{
    coalescer_->request(plot_, [this] {
        if (follow_)
            rescale();
        updateLegend();
        plot_->replot();
    });
}

} // namespace rnnwb::app
