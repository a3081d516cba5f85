#include "app/session/sweep_runner.h"

#include "app/session/qt_text.h"
#include "core/training/run.h"

#include <QElapsedTimer>
#include <QThread>

namespace rnnwb::app {

struct SweepRunner::Job {
    RunRequest data;
    QString dataLabel;
    std::shared_ptr<const TimedSeries> series;
};

SweepRunner::SweepRunner(QObject* parent) : QObject(parent) { pool_.setMaxThreadCount(QThread::idealThreadCount()); }

SweepRunner::~SweepRunner()
{
    cancel_.store(true);
    pool_.waitForDone();
}

void SweepRunner::setRunContext(const QString& dataLabel, std::shared_ptr<const TimedSeries> series)
{
    dataLabel_ = dataLabel;
    series_ = std::move(series);
}

void SweepRunner::start(const RunRequest& data, const std::vector<SweepRun>& runs)
{
    if (running())
        return;
    cancel_.store(false);
    total_ = int(runs.size());
    done_ = ended_ = 0;
    emit progress(0, total_);
    if (runs.empty()) {
        emit allFinished();
        return;
    }
    const auto job = std::make_shared<const Job>(Job{data, dataLabel_, series_});
    for (const SweepRun& run : runs)
        pool_.start([this, job, run] { runOne(job, run); });
}

void SweepRunner::stop() { cancel_.store(true); }

// On a pool thread: trains one configuration on its own copy of the data.
void SweepRunner::runOne(const std::shared_ptr<const Job>& job, const SweepRun& run)
{
    std::optional<RunRecord> record;
    QString error;
    if (!cancel_.load()) {
        try {
            QElapsedTimer wall;
            wall.start();
            RunRequest request = job->data;
            request.config = run.config;
            const std::unique_ptr<Trainer> trainer = prepareRun(request);
            TrainControl control;
            control.cancel = &cancel_;
            RunOutcome outcome = completeRun(*trainer, request, control);
            record = RunRecord{0,           job->dataLabel,        std::move(outcome),
                               job->series, trainer->data().split, double(wall.nsecsElapsed()) / 1e9,
                               {}};
        } catch (const std::exception& e) {
            error = toQ(e.what());
        }
    }
    const QString label = toQ(run.label);
    QMetaObject::invokeMethod(
        this, [this, record = std::move(record), label, error] { onRunEnded(record, label, error); },
        Qt::QueuedConnection);
}

// On the GUI thread, once per run: trained (record), failed (error) or dropped (neither).
void SweepRunner::onRunEnded(std::optional<RunRecord> record, const QString& label, const QString& error)
{
    ++ended_;
    if (record || !error.isEmpty()) {
        ++done_;
        if (record)
            emit runFinished(*record);
        else
            emit runFailed(label, error);
        emit progress(done_, total_);
    }
    if (ended_ == total_)
        emit allFinished();
}

} // namespace rnnwb::app
