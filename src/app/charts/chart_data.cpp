// The data a chart draws, as CSV (chart_export.h): read back from the chart itself, so any
// QCustomPlot or QChartView exports what the user sees without code of its own.
#include "app/charts/chart_export.h"

#include "app/session/qt_text.h"

#include <qcustomplot.h>

#include <QDateTime>
#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QPieSeries>
#include <QtCharts/QXYSeries>

namespace rnnwb::app {

namespace {

QString csvField(const QString& text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    return u'"' + QString(text).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
}

QString number(double v) { return toQ(formatNumber(v)); }

// Seconds (QCustomPlot) or milliseconds (Qt Charts) since the epoch as an ISO date, the time
// only when there is one.
QString isoDate(const QDateTime& t)
{
    return t.time() == QTime(0, 0) ? t.date().toString(Qt::ISODate) : t.toString(Qt::ISODate);
}

void appendRow(QString& csv, const QString& series, const QString& x, double y)
{
    csv += csvField(series) + u',' + csvField(x) + u',' + number(y) + u'\n';
}

void customPlotData(QCustomPlot* plot, QString& csv)
{
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* p = plot->plottable(i);
        QCPPlottableInterface1D* data = p->interface1D();
        if (!data || !p->visible())
            continue;
        const auto dates = qSharedPointerDynamicCast<QCPAxisTickerDateTime>(p->keyAxis()->ticker());
        const QString name = p->name().isEmpty() ? QStringLiteral("series %1").arg(i + 1) : p->name();
        for (int k = 0; k < data->dataCount(); ++k) {
            const double key = data->dataMainKey(k);
            const QString x
                = dates
                      ? isoDate(QDateTime::fromMSecsSinceEpoch(qint64(std::llround(key * 1000)), dates->dateTimeSpec()))
                      : number(key);
            appendRow(csv, name, x, data->dataMainValue(k));
        }
    }
}

QStringList barCategories(QChart* chart, QAbstractSeries* series)
{
    for (QAbstractAxis* axis : chart->axes(Qt::Horizontal | Qt::Vertical, series))
        if (auto* categories = qobject_cast<QBarCategoryAxis*>(axis))
            return categories->categories();
    return {};
}

void chartViewData(QChartView* view, QString& csv)
{
    QChart* chart = view->chart();
    for (QAbstractSeries* s : chart->series()) {
        if (auto* xy = qobject_cast<QXYSeries*>(s)) {
            bool dates = false;
            for (QAbstractAxis* axis : chart->axes(Qt::Horizontal, s))
                dates = dates || qobject_cast<QDateTimeAxis*>(axis);
            for (const QPointF& point : xy->points())
                appendRow(csv, xy->name(),
                          dates ? isoDate(QDateTime::fromMSecsSinceEpoch(qint64(point.x()))) : number(point.x()),
                          point.y());
        } else if (auto* bars = qobject_cast<QAbstractBarSeries*>(s)) {
            const QStringList categories = barCategories(chart, s);
            for (QBarSet* set : bars->barSets())
                for (int k = 0; k < set->count(); ++k)
                    appendRow(csv, set->label(), k < categories.size() ? categories[k] : QString::number(k),
                              set->at(k));
        } else if (auto* pie = qobject_cast<QPieSeries*>(s)) {
            for (QPieSlice* slice : pie->slices())
                appendRow(csv, pie->name(), slice->label(), slice->value());
        }
    }
}

} // namespace

QString chartDataCsv(QWidget* chart, const ChartProvenance& provenance)
{
    Provenance lines = {{"chart", toStd(provenance.title)}};
    lines.insert(lines.end(), provenance.fields.begin(), provenance.fields.end());
    QString csv = toQ(provenanceLines(lines)) + QStringLiteral("series,x,y\n");
    if (auto* plot = qobject_cast<QCustomPlot*>(chart))
        customPlotData(plot, csv);
    else if (auto* view = qobject_cast<QChartView*>(chart))
        chartViewData(view, csv);
    return csv;
}

bool exportChartData(QWidget* chart, const QString& path, const ChartProvenance& provenance, QString* error)
{
    return saveBytesAtomically(path, chartDataCsv(chart, provenance).toUtf8(), error);
}

} // namespace rnnwb::app
