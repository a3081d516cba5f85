#pragma once
// Trains on its own thread. The core's Trainer::run reports each epoch through a plain
// callback; this worker turns that into queued signals carrying small value structs. The GUI
// thread steers it only through atomic flags (cancel, pause, single step, speed), which the
// core checks between minibatches and epochs. Exceptions stop at this boundary and become
// failed(message).
#include "app/session/training_types.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <chrono>
#include <memory>

namespace rnnwb {
class Trainer;
struct EpochProgress;
} // namespace rnnwb

namespace rnnwb::app {

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    TrainingWorker();
    ~TrainingWorker() override;

    // Runs on the worker thread: prepares the data, trains until done or cancelled, and emits
    // finished (or failed).
    void train(const RunRequest& request);

    // Thread-safe controls, called from the GUI thread. arm() resets the flags before a
    // session is queued (so a Stop pressed before the worker starts is not lost); with
    // stepOnly the session pauses after its first epoch.
    void arm(bool stepOnly)
    {
        cancel_.store(false);
        pause_.store(false);
        step_.store(stepOnly);
    }
    void cancel() { cancel_.store(true); }
    void pause() { pause_.store(true); }
    void resume()
    {
        step_.store(false);
        pause_.store(false);
    }
    void step()
    {
        step_.store(true);
        pause_.store(false);
    }
    // Epochs per second; 0 = as fast as possible.
    void setEpochsPerSecond(double rate) { epochsPerSecond_.store(rate); }
    // How often the current predictions are sent while training (at least this many ms apart).
    void setOverlayInterval(int ms) { overlayIntervalMs_.store(ms); }

signals:
    void sessionStarted(const rnnwb::app::SessionInfo& info);
    void epochDone(const rnnwb::EpochProgress& update);
    void overlayReady(const rnnwb::app::OverlayUpdate& update);
    void finished(const rnnwb::RunOutcome& outcome);
    void failed(const QString& message);

private:
    void onEpoch(const EpochProgress& progress);
    void throttle();
    void sendOverlay(int epoch);

    std::unique_ptr<Trainer> trainer_;
    std::atomic<bool> cancel_{false}, pause_{false}, step_{false};
    std::atomic<double> epochsPerSecond_{0.0};
    std::atomic<int> overlayIntervalMs_{200};
    QElapsedTimer sinceOverlay_;
    qint64 lastOverlayMs_ = 0; // how long the latest live prediction took
    std::chrono::steady_clock::time_point lastEpoch_;
};

} // namespace rnnwb::app
