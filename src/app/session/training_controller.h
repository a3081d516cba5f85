#pragma once
// Owns the training thread and its worker, and the state the training actions follow:
// Idle → Running ⇄ Paused → (Stopping) → Idle. Lives in the GUI thread.
#include "app/session/training_types.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

namespace rnnwb::app {

class TrainingWorker;

class TrainingController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused, Stopping };
    Q_ENUM(State)

    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override; // stops a running training and joins the thread

    State state() const { return state_; }
    bool busy() const { return state_ != State::Idle; }
    bool stepInFlight() const { return stepInFlight_; }

    // Idle only. With stepOnly, the session pauses after its first epoch (the Step action).
    void start(const RunRequest& request, bool stepOnly = false);
    void pause();
    void resume();
    void step(); // Paused: one more epoch
    void stop(); // ends the session promptly (after the current minibatch); the run is kept
    void setEpochsPerSecond(double rate);
    // Stops training and waits for the thread to end (closing the window).
    void shutdown();

    // Wall-clock seconds spent training in this session (pauses not counted).
    double elapsedSeconds() const;

signals:
    void stateChanged(rnnwb::app::TrainingController::State state);
    void sessionStarted(const rnnwb::app::SessionInfo& info);
    void epochDone(const rnnwb::EpochProgress& update);
    void overlayReady(const rnnwb::app::OverlayUpdate& update);
    void finished(const rnnwb::RunOutcome& outcome);
    void failed(const QString& message);

private:
    void setState(State state);
    void onEpochDone(const EpochProgress& update);
    void onSessionEnded();

    QThread thread_;
    TrainingWorker* worker_; // lives in thread_, deleted when it finishes
    State state_ = State::Idle;
    bool stepInFlight_ = false;
    double rate_ = 0.0;
    QElapsedTimer wall_;
    double wallBeforePause_ = 0.0;
};

} // namespace rnnwb::app
