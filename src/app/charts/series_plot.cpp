#include "app/charts/series_plot.h"

#include "app/charts/plot_header.h"
#include "app/charts/plot_navigator.h"
#include "app/charts/plot_style.h"
#include "app/charts/replot_coalescer.h"

#include <qcustomplot.h>

namespace rnnwb::app {

namespace {
constexpr Part kParts[] = {Part::Train, Part::Validation, Part::Test};

QString partTitle(Part part)
{
    switch (part) {
    case Part::Train: return SeriesPlot::tr("training");
    case Part::Validation: return SeriesPlot::tr("validation");
    case Part::Test: return SeriesPlot::tr("test");
    }
    return {};
}
} // namespace

QColor partColor(Part part)
{
    switch (part) {
    case Part::Train: return seriesColor(SeriesHue::Blue);
    case Part::Validation: return seriesColor(SeriesHue::Orange);
    case Part::Test: return seriesColor(SeriesHue::Red);
    }
    return seriesColor(SeriesHue::Grey);
}

QColor forecastColor() { return seriesColor(SeriesHue::Purple); }

QColor comparisonColor(int i)
{
    static const SeriesHue hues[]
        = {SeriesHue::Green, SeriesHue::Brown, SeriesHue::Pink, SeriesHue::Cyan, SeriesHue::Olive, SeriesHue::Grey};
    return seriesColor(hues[std::size_t(i) % std::size(hues)]);
}

constexpr double kSeriesPenWidth = 1.5;
constexpr double kPredictionPenWidth = 1.8;

// Wide antialiased pens cost QPainter dearly: with 12,000 points a replot took ~180 ms.
// Long series get hairline pens without antialiasing (adaptive sampling does the rest).
static void tuneForLength(QCPGraph* graph, qsizetype points, double width)
{
    constexpr qsizetype kLongSeries = 2000;
    const bool longSeries = points > kLongSeries;
    QPen pen = graph->pen();
    pen.setWidthF(longSeries ? 1.0 : width);
    graph->setPen(pen);
    graph->setAntialiased(!longSeries);
}

SeriesPlot::SeriesPlot(QCustomPlot* plot, ReplotCoalescer* coalescer, bool withPredictions)
    : QObject(plot), plot_(plot), coalescer_(coalescer)
{
    title_ = addPlotHeader(plot_, QString(), withPredictions);
    series_ = plot_->addGraph();
    series_->setName(tr("actual"));
    series_->setPen(QPen(Qt::black, kSeriesPenWidth)); // colour: restyle
    for (Part part : kParts) {
        const std::size_t k = std::size_t(part);
        shades_[k] = new QCPItemRect(plot_);
        shades_[k]->setPen(Qt::NoPen);
        shades_[k]->setLayer(QStringLiteral("background"));
        shadeLabels_[k] = new QCPItemText(plot_);
        shadeLabels_[k]->setText(partTitle(part));
        shadeLabels_[k]->setPositionAlignment(Qt::AlignTop | Qt::AlignHCenter);
        for (QCPItemPosition* pos : {shades_[k]->topLeft, shades_[k]->bottomRight, shadeLabels_[k]->position}) {
            pos->setTypeX(QCPItemPosition::ptPlotCoords);
            pos->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
        if (withPredictions) {
            predictions_[k] = plot_->addGraph();
            predictions_[k]->setPen(QPen(partColor(part), kPredictionPenWidth));
            predictions_[k]->setName(part == Part::Train ? tr("fit (training)")
                                                         : tr("prediction (%1)").arg(partTitle(part)));
        }
    }
    if (withPredictions)
        addForecastGraphs();
    auto* navigator = new PlotNavigator(plot_, [this] { fit(); });
    Q_UNUSED(navigator);
    clearPredictions();
    setSplit(std::nullopt);
    restyle();
    followPalette(plot_, [this] { restyle(); });
}

// The chart's frame from the palette; the data near the text colour, the shade labels in their
// part's colour made to stand out from its own light fill.
void SeriesPlot::restyle()
{
    stylePlot(plot_);
    const PlotColors colors = plotColors(plot_->palette());
    QPen pen = series_->pen();
    pen.setColor(mixColors(colors.background, colors.text, 0.8)); // a step softer than the labels
    series_->setPen(pen);
    for (Part part : kParts) {
        QColor fill = partColor(part);
        fill.setAlpha(colors.dark ? 44 : 28); // a tint: the same weight on either background
        shades_[std::size_t(part)]->setBrush(fill);
        shadeLabels_[std::size_t(part)]->setColor(onBackground(partColor(part), colors));
    }
    refresh();
}

// The band is the area between the lower and upper graphs (upper fills down to lower); both
// stay out of the legend, which lists the band once under the upper graph's name.
void SeriesPlot::addForecastGraphs()
{
    QColor fill = forecastColor();
    fill.setAlpha(60);
    lower_ = plot_->addGraph();
    lower_->setPen(QPen(fill, 1.0));
    upper_ = plot_->addGraph();
    upper_->setPen(QPen(fill, 1.0));
    upper_->setBrush(fill);
    upper_->setChannelFillGraph(lower_);
    forecast_ = plot_->addGraph();
    forecast_->setPen(QPen(forecastColor(), kPredictionPenWidth));
    forecast_->setName(tr("forecast"));
}

void SeriesPlot::setTitle(const QString& title) { title_->setText(title); }

void SeriesPlot::setSeries(std::shared_ptr<const TimedSeries> series)
{
    data_ = std::move(series);
    clearPredictions();
    if (data_) {
        series_->setData(QVector<double>(data_->x.begin(), data_->x.end()),
                         QVector<double>(data_->y.begin(), data_->y.end()), true);
        tuneForLength(series_, data_->x.size(), kSeriesPenWidth);
    } else
        series_->data()->clear();
    setUpAxes();
    updateShading();
    fit();
}

void SeriesPlot::setUpAxes()
{
    const bool dates = data_ && data_->dates;
    if (dates) {
        auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
        ticker->setDateTimeSpec(Qt::UTC);
        const double span = data_->x.empty() ? 0 : data_->x.back() - data_->x.front();
        ticker->setDateTimeFormat(span > 3 * 365.25 * 86400 ? QStringLiteral("yyyy") : QStringLiteral("yyyy-MM-dd"));
        plot_->xAxis->setTicker(ticker);
        plot_->xAxis->setLabel(QString());
    } else {
        plot_->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        plot_->xAxis->setLabel(tr("row"));
    }
    plot_->yAxis->setLabel(data_ ? data_->name : QString());
}

void SeriesPlot::setSplit(const std::optional<WindowSplit>& split)
{
    split_ = split;
    updateShading();
    refresh();
}

double SeriesPlot::boundary(std::size_t index) const
{
    const std::vector<double>& x = data_->x;
    if (index == 0)
        return x.size() > 1 ? x[0] - (x[1] - x[0]) / 2 : x[0] - 0.5;
    if (index >= x.size())
        return x.size() > 1 ? x.back() + (x.back() - x[x.size() - 2]) / 2 : x.back() + 0.5;
    return (x[index - 1] + x[index]) / 2;
}

void SeriesPlot::updateShading()
{
    // The split covers the series: differencing's used-up values, then windows and targets.
    const bool show = data_ && split_
                      && split_->offset + std::size_t(split_->window) + split_->total() == std::size_t(data_->x.size());
    for (Part part : kParts) {
        const std::size_t k = std::size_t(part);
        const bool visible = show && split_->count(part) > 0;
        shades_[k]->setVisible(visible);
        shadeLabels_[k]->setVisible(visible);
        if (!visible)
            continue;
        // The training part starts with the inputs of its first window; the others with their
        // first target.
        const std::size_t first = part == Part::Train ? 0 : split_->targetIndex(split_->first(part));
        const std::size_t end = split_->targetIndex(split_->first(part) + split_->count(part) - 1) + 1;
        const double x0 = boundary(first), x1 = boundary(end);
        shades_[k]->topLeft->setCoords(x0, 0);
        shades_[k]->bottomRight->setCoords(x1, 1);
        shadeLabels_[k]->position->setCoords((x0 + x1) / 2, 0.01);
    }
}

void SeriesPlot::setPrediction(Part part, const std::vector<double>& predicted)
{
    QCPGraph* graph = predictionGraph(part);
    if (!graph || !data_ || !split_ || predicted.size() != split_->count(part))
        return;
    if (predicted.empty()) {
        graph->data()->clear();
        graph->removeFromLegend();
        return;
    }
    QVector<double> x(qsizetype(predicted.size())), y(qsizetype(predicted.size()));
    for (std::size_t j = 0; j < predicted.size(); ++j) {
        const std::size_t target = split_->targetIndex(split_->first(part) + j);
        if (target >= std::size_t(data_->x.size()))
            return;
        x[qsizetype(j)] = data_->x[target];
        y[qsizetype(j)] = predicted[j];
    }
    graph->setData(x, y, true);
    tuneForLength(graph, x.size(), kPredictionPenWidth);
    graph->addToLegend();
    refresh();
}

void SeriesPlot::clearPredictions()
{
    for (QCPGraph* graph : predictions_) {
        if (graph) {
            graph->data()->clear();
            graph->removeFromLegend();
        }
    }
    clearForecast();
    setComparisons({});
    setTestLabel(tr("prediction (%1)").arg(partTitle(Part::Test)));
    refresh();
}

void SeriesPlot::setTestLabel(const QString& label)
{
    if (QCPGraph* graph = predictionGraph(Part::Test))
        graph->setName(label);
    refresh();
}

void SeriesPlot::setForecast(const QVector<double>& x, const std::vector<double>& forecast,
                             const std::vector<double>& lower, const std::vector<double>& upper, double coverage)
{
    if (!forecast_ || x.size() != qsizetype(forecast.size()) || lower.size() != forecast.size()
        || upper.size() != forecast.size() || forecast.empty()) {
        clearForecast();
        return;
    }
    const auto toQ = [](const std::vector<double>& v) { return QVector<double>(v.begin(), v.end()); };
    forecast_->setData(x, toQ(forecast), true);
    lower_->setData(x, toQ(lower), true);
    upper_->setData(x, toQ(upper), true);
    forecast_->addToLegend();
    upper_->setName(tr("%1% interval").arg(qRound(coverage * 100)));
    upper_->addToLegend();
    refresh();
}

void SeriesPlot::clearForecast()
{
    for (QCPGraph* graph : {forecast_, lower_, upper_}) {
        if (graph) {
            graph->data()->clear();
            graph->removeFromLegend();
        }
    }
    refresh();
}

void SeriesPlot::setComparisons(const QList<ComparisonCurve>& curves)
{
    while (comparisons_.size() > std::size_t(curves.size())) {
        plot_->removeGraph(comparisons_.back());
        comparisons_.pop_back();
    }
    while (comparisons_.size() < std::size_t(curves.size())) {
        QPen pen(comparisonColor(int(comparisons_.size())), kPredictionPenWidth, Qt::DashLine);
        comparisons_.push_back(plot_->addGraph());
        comparisons_.back()->setPen(pen);
    }
    for (qsizetype i = 0; i < curves.size(); ++i) {
        QCPGraph* graph = comparisons_[std::size_t(i)];
        graph->setName(curves[i].label);
        graph->setData(curves[i].x, curves[i].y, true);
        tuneForLength(graph, curves[i].x.size(), kPredictionPenWidth);
    }
    refresh();
}

void SeriesPlot::fit()
{
    plot_->rescaleAxes();
    plot_->yAxis->scaleRange(1.08, plot_->yAxis->range().center());
    refresh();
}

void SeriesPlot::refresh()
{
    coalescer_->request(plot_, [plot = plot_] { plot->replot(); });
}

} // namespace rnnwb::app
