#pragma once
// Measures how responsive the GUI event loop stays: a 10 ms timer notes how late each tick
// fires. The longest lateness is the longest the UI was frozen. For the --measure option and
// benchmarks; nothing asserts on it.
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTimer>

namespace rnnwb::app {

class StallMeter : public QObject {
    Q_OBJECT
public:
    explicit StallMeter(QObject* parent = nullptr, int intervalMs = 10);

    void start();
    void stop();
    double longestStallMs() const { return longest_; }
    // Stalls of at least 30 ms: when (ms after start) and how long (ms).
    const QList<QPair<double, double>>& stalls() const { return stalls_; }
    double meanLatenessMs() const { return ticks_ ? total_ / double(ticks_) : 0.0; }
    long ticks() const { return ticks_; }

private:
    void tick();

    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = 0;
    int interval_;
    double longest_ = 0.0, total_ = 0.0;
    long ticks_ = 0;
    QList<QPair<double, double>> stalls_;
};

} // namespace rnnwb::app
