#pragma once
// Runs the trainings of a sweep in parallel on a thread pool sized to the cores.
//
// Each run is a Trainer on its own copy of the data, so runs share nothing but one cancel
// flag: stop() sets it, every running training ends after its current minibatch (its run is
// kept, "stopped by the user", as a single training's Stop keeps it) and the runs still queued
// are dropped. Results come back on the GUI thread: runFinished for each run that trained,
// runFailed for one that could not, progress(done, total) after each, and allFinished once no
// run is left running or queued.
#include "app/session/run_list_model.h"
#include "app/session/sweep_plan.h"
#include "app/session/training_types.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace rnnwb::app {

class SweepRunner : public QObject {
    Q_OBJECT
public:
    explicit SweepRunner(QObject* parent = nullptr);
    ~SweepRunner() override; // stops the sweep and waits for its runs to end

    // What every run record carries besides its outcome (the data it was trained on).
    void setRunContext(const QString& dataLabel, std::shared_ptr<const TimedSeries> series);
    // Parallel runs at most (default QThread::idealThreadCount()).
    void setMaxParallel(int runs) { pool_.setMaxThreadCount(runs); }
    int maxParallel() const { return pool_.maxThreadCount(); }

    // Starts the runs on `data` (its config is replaced by each run's). Not while running.
    void start(const RunRequest& data, const std::vector<SweepRun>& runs);
    void stop();
    bool running() const { return ended_ < total_; }
    int total() const { return total_; }
    int done() const { return done_; }

signals:
    void runFinished(const rnnwb::app::RunRecord& run);
    void runFailed(const QString& runLabel, const QString& message);
    void progress(int done, int total);
    void allFinished();

private:
    struct Job; // what every run of the started sweep shares, read-only
    void runOne(const std::shared_ptr<const Job>& job, const SweepRun& run);
    void onRunEnded(std::optional<RunRecord> record, const QString& label, const QString& error);

    QThreadPool pool_;
    std::atomic<bool> cancel_{false};
    QString dataLabel_;
    std::shared_ptr<const TimedSeries> series_;
    int total_ = 0;
    int done_ = 0;  // runs that trained or failed
    int ended_ = 0; // runs done or dropped
};

} // namespace rnnwb::app
