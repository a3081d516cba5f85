#include "app/charts/residual_charts.h"

#include "app/charts/plot_style.h"
#include "app/charts/series_plot.h"

#include <QtCharts/QAreaSeries>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <cmath>

namespace rnnwb::app {

Histogram histogram(const std::vector<double>& values)
{
    const int bins = std::clamp(int(std::ceil(std::sqrt(double(values.size())))), 5, 40);
    return equalWidthHistogram(values, bins, 1.0);
}

namespace {

QChart* newChart(QChartView* view, const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    QChart* placeholder = view->chart(); // QChartView makes one; setChart releases it unowned
    view->setChart(chart);
    delete placeholder;
    view->setRenderHint(QPainter::Antialiasing);
    return chart;
}

void attach(QChart* chart, QAbstractSeries* series, QValueAxis* x, QValueAxis* y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

std::pair<QValueAxis*, QValueAxis*> newAxes(QChart* chart, const QString& xTitle, const QString& yTitle)
{
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    x->setTitleText(xTitle);
    y->setTitleText(yTitle);
    x->setLabelFormat(QStringLiteral("%.4g"));
    y->setLabelFormat(QStringLiteral("%.3g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    return {x, y};
}

} // namespace

ResidualCharts::ResidualCharts(QChartView* overTime, QChartView* histogramView)
    : QObject(overTime), overTime_(overTime), histogram_(histogramView)
{
    newChart(overTime_, tr("Test residuals (actual − prediction)"));
    newChart(histogram_, tr("Distribution of the test residuals"));
    clear();
    // Colours come from the palette when drawn: a new palette redraws the shown residuals.
    followPalette(overTime_, [this] { show(ResidualSeries(shown_)); });
}

QChart* ResidualCharts::overTimeChart() const { return overTime_->chart(); }
QChart* ResidualCharts::histogramChart() const { return histogram_->chart(); }

void ResidualCharts::clear()
{
    for (QChart* chart : {overTimeChart(), histogramChart()}) {
        chart->removeAllSeries();
        for (QAbstractAxis* axis : chart->axes())
            chart->removeAxis(axis), delete axis;
        styleChart(chart, overTime_->palette());
    }
    shown_ = {};
}

void ResidualCharts::show(const ResidualSeries& r)
{
    clear();
    if (r.residual.empty())
        return;
    shown_ = r;
    const PlotColors colors = plotColors(overTime_->palette());
    const QColor test = partColor(Part::Test), testEdge = onBackground(test, colors);
    overTimeChart()->setTitle(tr("Residuals of the %1 predictions (actual − prediction)").arg(r.label));
    {
        QChart* chart = overTimeChart();
        auto [x, y] = newAxes(chart, tr("series index"), tr("residual"));
        auto* points = new QScatterSeries;
        points->setMarkerSize(6);
        points->setColor(test);
        points->setBorderColor(testEdge);
        double lo = 0, hi = 0;
        for (std::size_t i = 0; i < r.residual.size(); ++i) {
            points->append(double(r.index[i]), r.residual[i]);
            lo = std::min(lo, r.residual[i]);
            hi = std::max(hi, r.residual[i]);
        }
        auto* zero = new QLineSeries;
        zero->setPen(QPen(colors.subtle, 1, Qt::DashLine));
        zero->append(double(r.index.front()), 0.0);
        zero->append(double(r.index.back()), 0.0);
        attach(chart, zero, x, y);
        attach(chart, points, x, y);
        const double pad = std::max(1.0, double(r.index.back() - r.index.front()) * 0.02);
        x->setRange(double(r.index.front()) - pad, double(r.index.back()) + pad);
        const double margin = (hi - lo) * 0.08 + 1e-12;
        y->setRange(lo - margin, hi + margin);
    }
    {
        QChart* chart = histogramChart();
        auto [x, y] = newAxes(chart, tr("residual"), tr("targets"));
        y->setLabelFormat(QStringLiteral("%d"));
        const Histogram h = histogram(r.residual);
        // A step outline over the bins, filled down to zero.
        auto* upper = new QLineSeries;
        auto* lower = new QLineSeries;
        int top = 0;
        for (std::size_t b = 0; b < h.counts.size(); ++b) {
            const double left = h.start + h.width * double(b);
            upper->append(left, h.counts[b]);
            upper->append(left + h.width, h.counts[b]);
            top = std::max(top, h.counts[b]);
        }
        lower->append(h.start, 0);
        lower->append(h.start + h.width * double(h.counts.size()), 0);
        auto* area = new QAreaSeries(upper, lower);
        upper->setParent(area); // the area does not own its outlines: without this they leak
        lower->setParent(area);
        QColor fill = test;
        fill.setAlpha(110);
        area->setBrush(fill);
        area->setPen(QPen(testEdge, 1));
        attach(chart, area, x, y);
        auto* zero = new QLineSeries;
        zero->setPen(QPen(colors.subtle, 1, Qt::DashLine));
        zero->append(0.0, 0.0);
        zero->append(0.0, top * 1.1);
        attach(chart, zero, x, y);
        x->setRange(std::min(h.start, 0.0) - h.width / 2,
                    std::max(h.start + h.width * double(h.counts.size()), 0.0) + h.width / 2);
        y->setRange(0, std::max(1.0, top * 1.1));
        y->applyNiceNumbers();
    }
    for (QChart* chart : {overTimeChart(), histogramChart()})
        styleChart(chart, overTime_->palette());
}

} // namespace rnnwb::app
