#include "app/session/training_worker.h"

#include "core/training/run.h"

#include <algorithm>
#include <thread>

namespace rnnwb::app {

TrainingWorker::TrainingWorker()
{
    qRegisterMetaType<SessionInfo>();
    qRegisterMetaType<EpochProgress>();
    qRegisterMetaType<OverlayUpdate>();
    qRegisterMetaType<RunOutcome>();
}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::train(const RunRequest& request)
{
    try {
        trainer_ = prepareRun(request);
        emit sessionStarted({trainer_->data().split, request.config.epochs});
        sinceOverlay_.start();
        lastOverlayMs_ = 0;
        lastEpoch_ = std::chrono::steady_clock::now();
        TrainControl control;
        control.cancel = &cancel_;
        control.pause = &pause_;
        control.onEpoch = [this](const EpochProgress& p) { onEpoch(p); };
        emit finished(completeRun(*trainer_, request, control));
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
    } catch (...) {
        emit failed(tr("training failed with an unknown error"));
    }
    trainer_.reset();
}

void TrainingWorker::onEpoch(const EpochProgress& p)
{
    emit epochDone(p);
    const bool stepping = step_.exchange(false);
    if (stepping)
        pause_.store(true); // Step: one epoch, then wait again
    if (trainer_->finished())
        return; // the final predictions come with finished()
    // Live predictions cost a forward pass over the whole series: wait at least 9 times as
    // long as the last one took, so that they never take more than a tenth of the training.
    const qint64 due = std::max<qint64>(overlayIntervalMs_.load(), 9 * lastOverlayMs_);
    if (stepping || sinceOverlay_.elapsed() >= due) {
        QElapsedTimer cost;
        cost.start();
        sendOverlay(p.epoch);
        lastOverlayMs_ = cost.elapsed();
        sinceOverlay_.restart();
    }
    throttle();
}

// Slows training down to the chosen epochs per second, waking often enough that Stop and
// Pause take effect at once.
void TrainingWorker::throttle()
{
    using namespace std::chrono;
    const double rate = epochsPerSecond_.load();
    if (rate > 0) {
        const auto due = lastEpoch_ + duration_cast<steady_clock::duration>(duration<double>(1.0 / rate));
        while (steady_clock::now() < due && !cancel_.load() && !pause_.load())
            std::this_thread::sleep_for(std::min<steady_clock::duration>(milliseconds(10), due - steady_clock::now()));
    }
    lastEpoch_ = steady_clock::now();
}

void TrainingWorker::sendOverlay(int epoch)
{
    OverlayUpdate update;
    update.epoch = epoch;
    Network<float>& network = trainer_->network();
    const Dataset& data = trainer_->data();
    update.train = evaluatePart(network, data, Part::Train).prediction.predicted;
    if (data.split.validation > 0)
        update.validation = evaluatePart(network, data, Part::Validation).prediction.predicted;
    update.test = evaluatePart(network, data, Part::Test).prediction.predicted;
    update.model = trainer_->model();
    emit overlayReady(update);
}

} // namespace rnnwb::app
