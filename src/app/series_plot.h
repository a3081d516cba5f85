#pragma once
// A time-series view on a QCustomPlot: the series (dates on the x axis when the table has
// them), its training / validation / test parts shaded, and optionally the model's predictions
// of each part drawn over it.
#include "app/data_document.h"
#include "core/dataset.h"

#include <QObject>

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

class SeriesPlot : public QObject {
    Q_OBJECT
public:
    SeriesPlot(QCustomPlot* plot, ReplotCoalescer* coalescer, bool withPredictions);

    void setTitle(const QString& title);
    // A new series: predictions are cleared and the axes fitted.
    void setSeries(std::shared_ptr<const PlotSeries> series);
    // The parts to shade; none when the configuration does not fit the series.
    void setSplit(const std::optional<WindowSplit>& split);
    // The predictions of one part in data units, one per target (ignored if the count differs).
    void setPrediction(Part part, const std::vector<double>& predicted);
    void clearPredictions();

    QCustomPlot* plot() const { return plot_; }
    QCPGraph* seriesGraph() const { return series_; }
    QCPGraph* predictionGraph(Part part) const { return predictions_[std::size_t(part)]; }
    void fit();     // axes to the data
    void refresh(); // replot at the next coalesced tick

private:
    void setUpAxes();
    void updateShading();
    double boundary(std::size_t index) const; // half-way between values index-1 and index

    QCustomPlot* plot_;
    ReplotCoalescer* coalescer_;
    QCPTextElement* title_ = nullptr;
    QCPGraph* series_ = nullptr;
    std::array<QCPGraph*, 3> predictions_{};
    std::array<QCPItemRect*, 3> shades_{};
    std::array<QCPItemText*, 3> shadeLabels_{};
    std::shared_ptr<const PlotSeries> data_;
    std::optional<WindowSplit> split_;
};

QColor partColor(Part part);

} // namespace rnnwb::app
