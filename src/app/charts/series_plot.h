#pragma once
// A time-series view on a QCustomPlot: the series (dates on the x axis when the table has
// them), its training / validation / test parts shaded, and optionally the model's predictions
// of each part drawn over it.
#include "app/session/data_document.h"
#include "core/training/dataset.h"

#include <QList>
#include <QObject>
#include <QVector>

#include <array>
#include <memory>
#include <optional>

class QCustomPlot;
class QCPGraph;
class QCPItemRect;
class QCPItemText;
class QCPTextElement;

namespace rnnwb::app {

class ReplotCoalescer;

// Another run's predictions drawn over this one's, to compare runs.
struct ComparisonCurve {
    QString label;
    QVector<double> x, y;
};

class SeriesPlot : public QObject {
    Q_OBJECT
public:
    SeriesPlot(QCustomPlot* plot, ReplotCoalescer* coalescer, bool withPredictions);

    void setTitle(const QString& title);
    // A new series: predictions are cleared and the axes fitted.
    void setSeries(std::shared_ptr<const TimedSeries> series);
    // The parts to shade; none when the configuration does not fit the series.
    void setSplit(const std::optional<WindowSplit>& split);
    // The predictions of one part in data units, one per target (ignored if the count differs).
    void setPrediction(Part part, const std::vector<double>& predicted);
    void clearPredictions();
    // How the test part's predictions were made, in its legend entry (open or closed loop).
    void setTestLabel(const QString& label);
    // A forecast past the end of the series (x from futureX) with its band at `coverage`.
    void setForecast(const QVector<double>& x, const std::vector<double>& forecast, const std::vector<double>& lower,
                     const std::vector<double>& upper, double coverage);
    void clearForecast();
    // Other runs' predictions, dashed, one colour each (comparisonColor).
    void setComparisons(const QList<ComparisonCurve>& curves);

    QCustomPlot* plot() const { return plot_; }
    QCPGraph* seriesGraph() const { return series_; }
    QCPGraph* predictionGraph(Part part) const { return predictions_[std::size_t(part)]; }
    QCPGraph* forecastGraph() const { return forecast_; }
    QCPGraph* lowerGraph() const { return lower_; }
    QCPGraph* upperGraph() const { return upper_; }
    const std::vector<QCPGraph*>& comparisonGraphs() const { return comparisons_; }
    void fit();     // axes to the data
    void refresh(); // replot at the next coalesced tick

private:
    void restyle();
    void setUpAxes();
    void updateShading();
    void addForecastGraphs();
    double boundary(std::size_t index) const; // half-way between values index-1 and index

    QCustomPlot* plot_;
    ReplotCoalescer* coalescer_;
    QCPTextElement* title_ = nullptr;
    QCPGraph* series_ = nullptr;
    std::array<QCPGraph*, 3> predictions_{};
    QCPGraph* forecast_ = nullptr;
    QCPGraph* lower_ = nullptr;
    QCPGraph* upper_ = nullptr;
    std::vector<QCPGraph*> comparisons_;
    std::array<QCPItemRect*, 3> shades_{};
    std::array<QCPItemText*, 3> shadeLabels_{};
    std::shared_ptr<const TimedSeries> data_;
    std::optional<WindowSplit> split_;
};

QColor partColor(Part part);
QColor forecastColor();
// The colour of the i-th compared run (none of the part or forecast colours).
QColor comparisonColor(int i);

} // namespace rnnwb::app
