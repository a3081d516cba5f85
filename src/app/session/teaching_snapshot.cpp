#include "app/session/teaching_snapshot.h"

#include <algorithm>

namespace rnnwb::app {

TeachingSnapshot computeTeachingSnapshot(const TeachingRequest& request)
{
    TeachingSnapshot out;
    out.source = request.source;
    out.model = std::make_shared<const Model>(request.model);
    try {
        const std::vector<double>& values = request.series->y;
        const Dataset data = Dataset::withScaler(values, request.model.config, request.model.scaler);
        out.targets = inspectableTargets(data);
        const std::size_t target
            = std::clamp(request.target.value_or(out.targets.last), out.targets.first, out.targets.last);
        const std::unique_ptr<Network<float>> network = request.model.makeNetwork();
        out.inspection = inspectTarget(*network, data, target);
        out.flow = gradientFlow(*network, data, Part::Train);
    } catch (const std::exception& e) {
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

} // namespace rnnwb::app
