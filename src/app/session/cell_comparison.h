#pragma once
// "Compare cells": trains the same configuration as a plain RNN, a GRU and an LSTM on the
// long-memory teaching series (x_t = 0.9·x_{t−24} + noise, teaching_series.h), in parallel,
// and measures each trained network's gradient flow, so the three decay curves can be seen
// side by side: the plain RNN's gradient fades over the 24 steps, the gated cells' does not.
#include "app/session/sweep_runner.h"
#include "core/training/train_config.h"

#include <QObject>

#include <vector>

namespace rnnwb::app {

struct CellComparisonResult {
    CellType cell = CellType::Lstm;
    std::vector<double> topLayerNorms; // ||∂L/∂h_t|| of the top layer, oldest step first
    double finalTrainLoss = 0.0;
    double testRmse = 0.0; // data units
};

class CellComparison : public QObject {
    Q_OBJECT
public:
    explicit CellComparison(QObject* parent = nullptr);

    // The configuration every cell trains: the user's optimizer, learning rate and seed with
    // the shape the series needs (sequence layout, a window of 25 just over the lag of 24, one
    // layer of 32 units, batches of 16, 200 epochs).
    static TrainConfig comparisonConfig(const TrainConfig& user);

    void start(const TrainConfig& user);
    void stop() { runner_.stop(); }
    bool running() const { return runner_.running(); }

signals:
    void progress(int done, int total);
    // In the order RNN, GRU, LSTM (a cell that failed is missing; failed said why).
    void finished(const QList<rnnwb::app::CellComparisonResult>& results);
    void failed(const QString& message);

private:
    void onRunFinished(const RunRecord& run);
    void onAllFinished();

    SweepRunner runner_;
    QList<CellComparisonResult> results_;
};

} // namespace rnnwb::app

Q_DECLARE_METATYPE(rnnwb::app::CellComparisonResult)
