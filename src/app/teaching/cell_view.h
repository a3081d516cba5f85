#pragma once
// The cell view: one recurrent cell drawn as the tutorial draws the LSTM
// (seed/rnn-lstm-tutorial.md), with the live values of one layer at one time step of an
// Inspection (core/inspect/inspect.h) and PyTorch's equations beside it.
//
// Each gate shows its activation: the mean over the H units as a number, a level bar and a
// colour (σ gates 0 … 1 on one hue; tanh values and the states −1 … 1 on a diverging scale,
// clamped), and a strip of the per-unit values. c_t, h_t and the values entering the step
// (c_{t−1}, h_{t−1}: zero at the first step, as PyTorch starts) are shown likewise. Without a
// state the diagram is drawn in neutral colours.
#include "core/inspect/inspect.h"

#include <QString>
#include <QWidget>

#include <map>
#include <span>
#include <vector>

class QPainter;

namespace rnnwb::app {

struct CellDiagram;

class CellView : public QWidget {
    Q_OBJECT
public:
    explicit CellView(QWidget* parent = nullptr);

    // Draws this cell; a different type than the state's clears the state.
    void setCellType(CellType cell);
    CellType cellType() const { return cell_; }
    // The values of `layer` (0 = bottom) at `step` (0-based) of the inspection, whose cell type
    // the view takes. Indices outside the inspection clear the state.
    void setState(const Inspection& inspection, int layer, int step);
    void clearState();
    bool hasState() const { return hasState_; }

    // The mean shown for a gate or state: "i", "f", "g", "o" / "r", "z", "n" / "c", "h" at t,
    // "c_prev", "h_prev" at t − 1; "–" without a state or for a name the cell lacks.
    QString valueText(const QString& gate) const;
    // The equations beside the diagram (rich text).
    QString equationsHtml() const;

    QSize sizeHint() const override { return {800, 450}; }
    QSize minimumSizeHint() const override { return {560, 220}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::span<const double> values(const QString& key, bool previous) const;
    QString title() const;
    void paintDiagram(QPainter& p, const CellDiagram& diagram) const;
    void paintGates(QPainter& p, const CellDiagram& diagram) const;
    void paintStates(QPainter& p, const CellDiagram& diagram) const;
    void paintSide(QPainter& p, qreal canvasWidth) const; // equations and colour scales
    void updateDescription();

    CellType cell_ = CellType::Lstm;
    bool hasState_ = false;
    std::map<QString, std::vector<double>> current_, previous_;
    int layer_ = 0, layers_ = 0, step_ = 0, steps_ = 0;
    std::size_t target_ = 0;
};

} // namespace rnnwb::app
