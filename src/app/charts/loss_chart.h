#pragma once
// The loss chart: training and validation loss per epoch on a QCustomPlot, appended live
// (one point per epoch), redrawn through the coalescer, with a log-scale toggle, zoom and pan.
#include "app/session/training_types.h"

#include <QList>
#include <QObject>

class QCustomPlot;
class QCPGraph;
class QCPItemText;

namespace rnnwb::app {

class ReplotCoalescer;

// One run's loss curves, to compare runs.
struct LossCurves {
    QString label;
    std::vector<double> train, validation;
};

class LossChart : public QObject {
    Q_OBJECT
public:
    LossChart(QCustomPlot* plot, ReplotCoalescer* coalescer);

    // A new training of `epochs` planned epochs: clears the curves.
    void begin(int epochs);
    void addEpoch(const EpochProgress& update);
    // Shows a finished run's curves.
    void showCurves(const std::vector<double>& train, const std::vector<double>& validation);
    // Several runs: the first as showCurves does, the others' training loss dashed, one colour
    // each (the colours of their prediction curves).
    void showComparison(const QList<LossCurves>& runs);
    void setLogScale(bool on);
    bool logScale() const { return log_; }

    QCustomPlot* plot() const { return plot_; }
    QCPGraph* trainGraph() const { return train_; }
    QCPGraph* validationGraph() const { return validation_; }
    const std::vector<QCPGraph*>& comparisonGraphs() const { return comparisons_; }
    void fit(); // follow the data again

private:
    void restyle();
    void refresh();
    void rescale();
    void updateLegend();
    void clearComparisons();

    QCustomPlot* plot_;
    ReplotCoalescer* coalescer_;
    QCPGraph* train_;
    QCPGraph* validation_;
    QCPItemText* placeholder_; // shown until there is a curve
    std::vector<QCPGraph*> comparisons_;
    bool log_ = false;
    bool follow_ = true; // rescale as data arrives until the user zooms or pans
    int plannedEpochs_ = 0;
};

} // namespace rnnwb::app
