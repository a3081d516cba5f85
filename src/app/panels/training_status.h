#pragma once
// The status bar's training display: progress bar, epoch, loss, elapsed time and ETA.
#include "app/session/training_types.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace rnnwb::app {

class TrainingStatus : public QWidget {
    Q_OBJECT
public:
    explicit TrainingStatus(QWidget* parent = nullptr);

    void begin(int epochs);
    // The latest epoch and the wall-clock seconds spent so far.
    void update(const EpochProgress& update, double elapsedSeconds);
    void setStateText(const QString& text);

    QProgressBar* progressBar() const { return progress_; }
    QString text() const; // everything shown, for tests and accessibility

private:
    QLabel* state_;
    QProgressBar* progress_;
    QLabel* epoch_;
    QLabel* loss_;
    QLabel* time_;
};

// "1:05", "12.3 s"
QString formatDuration(double seconds);

} // namespace rnnwb::app
