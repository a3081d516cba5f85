#pragma once
// The architecture view: the network the current hyperparameters train,
// drawn as the tutorial draws it (seed/rnn-lstm-tutorial.md), with the tensor shapes on the
// arrows.
//
//   Folded      X —U→ S —V→ O with the W loop on S; stacked layers S¹ … S^L, each with its
//               own U and W. U = <cell>.weight_ih_l<k> [G·H × I] (G·H × H above the first
//               layer), W = <cell>.weight_hh_l<k> [G·H × H], V = linear.weight [1 × H] (the
//               head), G the gates of the cell: 4 LSTM (i, f, g, o), 3 GRU (r, z, n), 1 RNN.
//   Unrolled    the same network over time: x₁ … x_T across, the layers stacked, every step
//               reusing the same U, W, V. Long sequences show their first 3 and last 2 steps.
//
// Which time runs across depends on the layout: features, the window's w values enter as the
// w input features of one step and the steps are the samples of the series; sequence, the
// window's values enter one per step and the prediction comes from the last step.
#include "core/training/train_config.h"

#include <QStringList>
#include <QWidget>

namespace rnnwb::app {

struct ArchitectureScene;

class ArchitectureView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Folded, Unrolled };

    explicit ArchitectureView(QWidget* parent = nullptr);

    void setConfig(const TrainConfig& config); // redraws
    const TrainConfig& config() const { return config_; }
    void setMode(Mode mode);
    Mode mode() const { return mode_; }

    // The texts drawn on the arrows, in drawing order (for tests and the accessible description).
    QStringList arrowLabels() const;
    // The sentence saying which way time runs for the configuration's layout.
    QString layoutText() const;

    QSize sizeHint() const override { return {800, 450}; }
    QSize minimumSizeHint() const override { return {560, 220}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    ArchitectureScene scene() const;
    void updateDescription();

    TrainConfig config_;
    Mode mode_ = Mode::Folded;
};

} // namespace rnnwb::app
