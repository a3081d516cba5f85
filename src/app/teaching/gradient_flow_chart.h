#pragma once
// Gradient flow: how strongly the loss reacts to the hidden state at each step,
// ‖∂L/∂h_t‖ over t, on a log axis so a decay towards the early steps (vanishing gradients)
// shows as a straight slope. Two uses:
//   setFlow        the current model: one curve per layer.
//   setComparison  the same configuration trained as RNN, GRU and LSTM: the top layer's curve
//                  of each, divided by its value at the last step, so the decays compare.
// Points a log axis cannot show (0, negative, NaN, ±inf) are left out, never drawn.
#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPTextElement;
class QLabel;

namespace rnnwb::app {

class GradientFlowChart : public QWidget {
    Q_OBJECT
public:
    explicit GradientFlowChart(QWidget* parent = nullptr);

    // norms[l][t]: ‖∂L/∂h_t‖ of layer l (bottom first), step t (oldest first).
    void setFlow(const QString& label, const std::vector<std::vector<double>>& norms);
    // One curve per entry (e.g. "RNN", "GRU", "LSTM"), each the top layer's norms over t.
    void setComparison(const QList<QPair<QString, std::vector<double>>>& curves);

    // The short explanation under (or over) the chart; a panel that explains the view itself hides it.
    void setExplanationVisible(bool visible);
    int graphCount() const;
    QCPGraph* graph(int index) const;
    QCustomPlot* plot() const { return plot_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    QCPGraph* addCurve(const QString& name, const std::vector<double>& values, double divisor, int colour);
    void fit();

    QCustomPlot* plot_;
    QCPTextElement* title_;
    QLabel* explanation_;
};

// The points of a curve a log axis can show: t = 1 … n with value / divisor finite and > 0.
QVector<QPair<double, double>> logAxisPoints(const std::vector<double>& values, double divisor = 1.0);
// The last finite, positive value of a curve (what setComparison divides by); 0 when none.
double lastPositive(const std::vector<double>& values);

} // namespace rnnwb::app
