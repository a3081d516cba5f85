#include "core/training/run.h"

#include "core/training/baselines.h"

#include <stdexcept>

namespace rnnwb {

std::unique_ptr<Trainer> prepareRun(const RunRequest& request)
{
    Dataset data = [&] {
        try {
            Dataset prepared = Dataset::prepare(request.values, request.config, request.lines);
            seasonality(prepared, request.season); // refuses a season the training part cannot hold
            return prepared;
        } catch (const std::invalid_argument& e) {
            throw std::runtime_error(request.dataFile + ": " + e.what());
        }
    }();
    return std::make_unique<Trainer>(std::move(data), request.config, request.columnName);
}

RunOutcome completeRun(Trainer& trainer, const RunRequest& request, const TrainControl& control)
{
    trainer.run(control);
    return summarizeRun(trainer, request.dataFile, request.season);
}

} // namespace rnnwb
