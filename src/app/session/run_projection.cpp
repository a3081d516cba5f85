#include "app/session/run_projection.h"

namespace rnnwb::app {

RunProjection projectRun(const ProjectionRequest& request)
{
    RunProjection out;
    out.runNumber = request.runNumber;
    try {
        const std::vector<double>& values = request.series->y;
        const Dataset data = Dataset::withScaler(values, request.model.config, request.model.scaler);
        const std::unique_ptr<Network<float>> network = request.model.makeNetwork();
        if (request.horizon > 0)
            out.forecast = forecastWithIntervals(*network, data, request.horizon, request.coverage);
        out.closedLoopTest = closedLoopPredictions(*network, data, Part::Test);
    } catch (const std::exception& e) {
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

ProjectionJob::ProjectionJob(QObject* parent)
    : QObject(parent), job_(this, projectRun, [this](const RunProjection& projection) { emit ready(projection); })
{
    qRegisterMetaType<RunProjection>();
}

} // namespace rnnwb::app
