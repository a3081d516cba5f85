#include "app/rmse_chart.h"

#include "app/run_list_model.h"

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
    chart->setTitle(tr("RMSE per part (data units)"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    parts_ = new QBarCategoryAxis;
    rmse_ = new QValueAxis;
    rmse_->setLabelFormat(QStringLiteral("%.3g"));
    chart->addAxis(parts_, Qt::AlignBottom);
    chart->addAxis(rmse_, Qt::AlignLeft);
    view_->setChart(chart);
    view_->setRenderHint(QPainter::Antialiasing);
    setRuns({});
}

QChart* RmseChart::chart() const { return view_->chart(); }

void RmseChart::setRuns(const QList<const RunRecord*>& runs)
{
    QChart* c = chart();
    c->removeAllSeries();
    const bool validation = std::any_of(runs.begin(), runs.end(), [](const RunRecord* r) {
        return r->outcome.validation.metrics.count > 0;
    });
    QStringList categories{tr("train")};
    if (validation)
        categories << tr("validation");
    categories << tr("test");

    auto* series = new QBarSeries;
    double top = 0;
    for (const RunRecord* run : runs) {
        auto* set = new QBarSet(tr("run %1").arg(run->number));
        const RunOutcome& o = run->outcome;
        *set << o.train.metrics.rmse;
        if (validation)
            *set << (o.validation.metrics.count > 0 ? o.validation.metrics.rmse : 0.0);
        *set << o.test.metrics.rmse;
        for (int i = 0; i < set->count(); ++i)
            top = std::max(top, set->at(i));
        series->append(set);
    }
    series->setLabelsVisible(runs.size() <= 2);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(4);
    c->addSeries(series);
    parts_->clear();
    parts_->append(categories);
    rmse_->setRange(0, top > 0 ? top * 1.1 : 1.0);
    rmse_->applyNiceNumbers();
    series->attachAxis(parts_);
    series->attachAxis(rmse_);
    c->legend()->setVisible(runs.size() > 1);
}

} // namespace rnnwb::app
