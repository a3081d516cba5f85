#pragma once
// The Training panel: the training actions as buttons, the speed control, why Train is not
// available (when it is not), and the live loss chart.
#include <QWidget>

#include <memory>

class QAction;

namespace Ui {
class TrainingPanel;
}

namespace rnnwb::app {

class LossChart;
class ReplotCoalescer;

class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    TrainingPanel(ReplotCoalescer* coalescer, QWidget* parent = nullptr);
    ~TrainingPanel() override;

    void setActions(QAction* train, QAction* pause, QAction* stop, QAction* step);
    // Why training cannot start; empty when it can (the note is then hidden).
    void setBlockedReason(const QString& reason);
    QString blockedReason() const;
    LossChart* lossChart() const { return chart_; }
    double epochsPerSecond() const; // 0 = as fast as possible

signals:
    void speedChanged(double epochsPerSecond);

private:
    std::unique_ptr<Ui::TrainingPanel> ui_;
    LossChart* chart_;
};

} // namespace rnnwb::app
