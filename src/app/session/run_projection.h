#pragma once
// What a finished run says about the future: its forecast past the end of the series with the
// prediction band, and its closed-loop predictions of the test part (each fed its own earlier
// predictions), computed off the GUI thread, since a large model's interval errors take a while.
#include "app/session/data_document.h"
#include "app/session/latest_job.h"
#include "core/forecast/forecast.h"
#include "core/training/model.h"

#include <QObject>

#include <memory>

namespace rnnwb::app {

struct ProjectionRequest {
    int runNumber = 0;
    std::shared_ptr<const TimedSeries> series; // the values the run was trained on
    Model model;
    int horizon = 0; // 0: no forecast
    double coverage = 0.9;
};

struct RunProjection {
    int runNumber = 0;
    Forecast forecast;                  // empty when horizon was 0
    std::vector<double> closedLoopTest; // one per test target; empty without a test part
    QString error;                      // why nothing could be computed
};

// Runs on any thread.
RunProjection projectRun(const ProjectionRequest& request);

// The latest request wins: a result that a newer request made stale is dropped.
class ProjectionJob : public QObject {
    Q_OBJECT
public:
    explicit ProjectionJob(QObject* parent = nullptr);
    void request(ProjectionRequest request) { job_.request(std::move(request)); }
    bool busy() const { return job_.busy(); }

signals:
    void ready(const rnnwb::app::RunProjection& projection);

private:
    LatestJob<ProjectionRequest, RunProjection> job_;
};

} // namespace rnnwb::app

Q_DECLARE_METATYPE(rnnwb::app::RunProjection)
