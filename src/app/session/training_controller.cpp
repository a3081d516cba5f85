#include "app/session/training_controller.h"

#include "app/session/training_worker.h"

namespace rnnwb::app {

TrainingController::TrainingController(QObject* parent) : QObject(parent), worker_(new TrainingWorker)
{
    thread_.setObjectName(QStringLiteral("training"));
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &TrainingWorker::sessionStarted, this, &TrainingController::sessionStarted);
    connect(worker_, &TrainingWorker::epochDone, this, &TrainingController::onEpochDone);
    connect(worker_, &TrainingWorker::overlayReady, this, &TrainingController::overlayReady);
    connect(worker_, &TrainingWorker::finished, this, [this](const RunOutcome& outcome) {
        onSessionEnded();
        emit finished(outcome);
    });
    connect(worker_, &TrainingWorker::failed, this, [this](const QString& message) {
        onSessionEnded();
        emit failed(message);
    });
    thread_.start();
}

TrainingController::~TrainingController() { shutdown(); }

void TrainingController::shutdown()
{
    if (!thread_.isRunning())
        return;
    worker_->cancel();
    thread_.quit();
    thread_.wait();
}

void TrainingController::start(const RunRequest& request, bool stepOnly)
{
    if (busy() || !thread_.isRunning())
        return;
    stepInFlight_ = stepOnly;
    wallBeforePause_ = 0.0;
    wall_.start();
    setState(stepOnly ? State::Paused : State::Running);
    worker_->setEpochsPerSecond(rate_);
    worker_->arm(stepOnly);
    TrainingWorker* worker = worker_;
    QMetaObject::invokeMethod(
        worker_, [worker, request] { worker->train(request); }, Qt::QueuedConnection);
}

void TrainingController::pause()
{
    if (state_ != State::Running)
        return;
    worker_->pause();
    wallBeforePause_ = elapsedSeconds();
    wall_.invalidate();
    setState(State::Paused);
}

void TrainingController::resume()
{
    if (state_ != State::Paused)
        return;
    stepInFlight_ = false;
    wall_.start();
    worker_->resume();
    setState(State::Running);
}

void TrainingController::step()
{
    if (state_ != State::Paused || stepInFlight_)
        return;
    stepInFlight_ = true;
    wall_.start();
    worker_->step();
    setState(State::Paused); // announce that Step is busy
}

void TrainingController::stop()
{
    if (state_ != State::Running && state_ != State::Paused)
        return;
    worker_->cancel();
    setState(State::Stopping);
}

void TrainingController::setEpochsPerSecond(double rate)
{
    rate_ = rate;
    worker_->setEpochsPerSecond(rate);
}

double TrainingController::elapsedSeconds() const
{
    return wallBeforePause_ + (wall_.isValid() ? double(wall_.nsecsElapsed()) * 1e-9 : 0.0);
}

void TrainingController::onEpochDone(const EpochProgress& update)
{
    if (stepInFlight_) {
        stepInFlight_ = false;
        if (state_ == State::Paused) {
            wallBeforePause_ = elapsedSeconds();
            wall_.invalidate();
            emit stateChanged(state_); // Step is available again
        }
    }
    emit epochDone(update);
}

void TrainingController::onSessionEnded()
{
    wallBeforePause_ = elapsedSeconds();
    wall_.invalidate();
    stepInFlight_ = false;
    setState(State::Idle);
}

void TrainingController::setState(State state)
{
    state_ = state;
    emit stateChanged(state);
}

} // namespace rnnwb::app
