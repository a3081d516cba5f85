#pragma once
// The loss chart: training and validation loss per epoch on a QCustomPlot, appended live
// (one point per epoch), redrawn through the coalescer, with a log-scale toggle, zoom and pan.
#include "app/training_types.h"

#include <QObject>

class QCustomPlot;
class QCPGraph;
class QCPItemText;

namespace rnnwb::app {

class ReplotCoalescer;

class LossChart : public QObject {
    Q_OBJECT
public:
    LossChart(QCustomPlot* plot, ReplotCoalescer* coalescer);

    // A new training of `epochs` planned epochs: clears the curves.
    void begin(int epochs);
    void addEpoch(const EpochUpdate& update);
    // Shows a finished run's curves.
    void showCurves(const std::vector<double>& train, const std::vector<double>& validation);
    void setLogScale(bool on);
    bool logScale() const { return log_; }

    QCustomPlot* plot() const { return plot_; }
    QCPGraph* trainGraph() const { return train_; }
    QCPGraph* validationGraph() const { return validation_; }
    void fit(); // follow the data again

private:
    void refresh();
    void rescale();
    void updateLegend();

    QCustomPlot* plot_;
    ReplotCoalescer* coalescer_;
    QCPGraph* train_;
    QCPGraph* validation_;
    QCPItemText* placeholder_; // shown until there is a curve
    bool log_ = false;
    bool follow_ = true; // rescale as data arrives until the user zooms or pans
    int plannedEpochs_ = 0;
};

} // namespace rnnwb::app
