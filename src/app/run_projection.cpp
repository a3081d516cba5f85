#include "app/run_projection.h"

#include <QtConcurrent/QtConcurrentRun>

namespace rnnwb::app {

RunProjection projectRun(const ProjectionRequest& request)
{
    RunProjection out;
    out.runNumber = request.runNumber;
    try {
        const std::vector<double> values(request.series->y.begin(), request.series->y.end());
        const Dataset data = Dataset::withScaler(values, request.model.config, request.model.scaler);
        Network<float> network(request.model.shape);
        request.model.loadInto(network);
        if (request.horizon > 0)
            out.forecast = forecastWithIntervals(network, data, request.horizon, request.coverage);
        out.closedLoopTest = closedLoopPredictions(network, data, Part::Test);
    } catch (const std::exception& e) {
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

ProjectionJob::ProjectionJob(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<RunProjection>();
    connect(&watcher_, &QFutureWatcher<RunProjection>::finished, this, [this] {
        if (pending_) { // stale: a newer request is waiting
            start();
            return;
        }
        emit ready(watcher_.result());
    });
}

ProjectionJob::~ProjectionJob() { watcher_.waitForFinished(); }

void ProjectionJob::request(ProjectionRequest request)
{
    pending_ = std::move(request);
    if (!watcher_.isRunning())
        start();
}

void ProjectionJob::start()
{
    ProjectionRequest request = std::move(*pending_);
    pending_.reset();
    watcher_.setFuture(QtConcurrent::run([request = std::move(request)] { return projectRun(request); }));
}

} // namespace rnnwb::app
