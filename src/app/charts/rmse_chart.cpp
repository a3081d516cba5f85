#include "app/charts/rmse_chart.h"

#include "app/charts/plot_style.h"
#include "app/charts/series_plot.h"
#include "app/session/run_list_model.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QValueAxis>

#include <algorithm>

namespace rnnwb::app {

RmseChart::RmseChart(QChartView* view) : QObject(view), view_(view)
{
    auto* chart = new QChart;
    chart->setTitle(tr("Test RMSE: network vs baselines (data units)"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    forecasters_ = new QBarCategoryAxis;
    rmse_ = new QValueAxis;
    rmse_->setLabelFormat(QStringLiteral("%.3g"));
    chart->addAxis(forecasters_, Qt::AlignBottom);
    chart->addAxis(rmse_, Qt::AlignLeft);
    QChart* placeholder = view_->chart(); // QChartView makes one; setChart releases it unowned
    view_->setChart(chart);
    delete placeholder;
    view_->setRenderHint(QPainter::Antialiasing);
    setRuns({});
    followPalette(view_, [this] { restyle(); });
}

// The frame from the palette; the value labels above the bars in the text colour.
void RmseChart::restyle()
{
    QChart* c = chart();
    styleChart(c, view_->palette());
    const QColor text = plotColors(view_->palette()).text;
    for (QAbstractSeries* series : c->series())
        if (auto* bars = qobject_cast<QBarSeries*>(series))
            for (QBarSet* set : bars->barSets())
                set->setLabelColor(text);
}

QChart* RmseChart::chart() const { return view_->chart(); }

// Test RMSE of the network, then of each baseline on the same targets: one bar set per run.
void RmseChart::setRuns(const QList<const RunRecord*>& runs)
{
    QChart* c = chart();
    c->removeAllSeries();
    const QStringList categories{tr("network"), tr("naive"), tr("seasonal"), tr("drift"), tr("AR")};

    auto* series = new QBarSeries;
    double top = 0;
    for (const RunRecord* run : runs) {
        auto* set = new QBarSet(tr("run %1").arg(run->number));
        const RunOutcome& o = run->outcome;
        const Baselines& b = o.baselines;
        for (const Metrics* m :
             {&o.test.metrics, &b.naive.metrics, &b.seasonalNaive.metrics, &b.drift.metrics, &b.linearAr.metrics})
            *set << (m->count > 0 ? m->rmse : 0.0);
        for (int i = 0; i < set->count(); ++i)
            top = std::max(top, set->at(i));
        if (runs.size() == 1)
            set->setColor(partColor(Part::Test));
        series->append(set);
    }
    series->setLabelsVisible(runs.size() <= 2);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(4);
    c->addSeries(series);
    forecasters_->clear();
    forecasters_->append(categories);
    rmse_->setRange(0, top > 0 ? top * 1.1 : 1.0);
    rmse_->applyNiceNumbers();
    series->attachAxis(forecasters_);
    series->attachAxis(rmse_);
    c->legend()->setVisible(runs.size() > 1);
    restyle();
}

} // namespace rnnwb::app
