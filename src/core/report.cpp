#include "core/report.h"

#include <nlohmann/json.hpp>

namespace rnnwb {

PartResult evaluatePart(Network<float>& network, const Dataset& data, Part part)
{
    PartResult r;
    r.prediction = predictPart(network, data, part);
    const PartPrediction& p = r.prediction;
    r.metrics = computeMetrics(p.predicted, p.actual, p.predictedScaled, p.actualScaled);
    return r;
}

RunOutcome summarizeRun(Trainer& trainer, const std::string& dataFile)
{
    RunOutcome o;
    o.config = trainer.config();
    o.dataFile = dataFile;
    o.column = trainer.model().columnName;
    o.rows = trainer.data().values.size();
    o.trainLoss = trainer.trainLoss();
    o.validationLoss = trainer.validationLoss();
    o.stop = trainer.stopReason();
    o.trainSeconds = trainer.trainSeconds();
    o.scaler = trainer.data().scaler;
    o.train = evaluatePart(trainer.network(), trainer.data(), Part::Train);
    o.validation = evaluatePart(trainer.network(), trainer.data(), Part::Validation);
    o.test = evaluatePart(trainer.network(), trainer.data(), Part::Test);
    return o;
}

nlohmann::json metricsToJson(const Metrics& m)
{
    nlohmann::json j = {{"count", m.count}, {"mse_scaled", m.mseScaled}, {"mse", m.mse},
                        {"rmse", m.rmse}, {"mae", m.mae}};
    j["mape"] = m.mape ? nlohmann::json(*m.mape) : nlohmann::json(nullptr);
    return j;
}

nlohmann::json runReport(const RunOutcome& o)
{
    nlohmann::json j;
    j["config"] = configToJson(o.config);
    j["data"] = {{"file", o.dataFile}, {"column", o.column}, {"rows", o.rows},
                 {"scaler", {{"kind", scalerName(o.scaler.kind)}, {"offset", o.scaler.offset},
                             {"scale", o.scaler.scale}}}};
    j["train_loss"] = o.trainLoss;
    if (o.validation.metrics.count > 0)
        j["val_loss"] = o.validationLoss;
    j["epochs_run"] = o.trainLoss.size();
    j["stop_reason"] = stopReasonName(o.stop);
    j["train_seconds"] = o.trainSeconds;
    j["train"] = metricsToJson(o.train.metrics);
    if (o.validation.metrics.count > 0)
        j["validation"] = metricsToJson(o.validation.metrics);
    j["test"] = metricsToJson(o.test.metrics);
    j["test_index"] = o.test.prediction.index;
    j["test_predictions"] = o.test.prediction.predicted;
    j["test_actual"] = o.test.prediction.actual;
    return j;
}

} // namespace rnnwb
