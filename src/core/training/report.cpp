#include "core/training/report.h"

#include <nlohmann/json.hpp>

namespace rnnwb {

PartResult evaluatePart(Network<float>& network, const Dataset& data, Part part, std::optional<double> maseScale)
{
    PartResult r;
    r.prediction = predictPart(network, data, part);
    const PartPrediction& p = r.prediction;
    r.metrics = computeMetrics(p.predicted, p.actual, p.predictedScaled, p.actualScaled, maseScale);
    return r;
}

void evaluateNetwork(Network<float>& network, const Dataset& data, int season, RunOutcome& o)
{
    o.rows = data.values.size();
    o.scaler = data.scaler;
    o.baselines = computeBaselines(data, Part::Test, season);
    const std::optional<double> scale = o.baselines.season.maseScale;
    o.train = evaluatePart(network, data, Part::Train, scale);
    o.validation = evaluatePart(network, data, Part::Validation, scale);
    o.test = evaluatePart(network, data, Part::Test, scale);
}

namespace {
void recordTestMetrics(RunOutcome& o)
{
    o.model.extraMetadata["metrics"] = nlohmann::json{{"test", metricsToJson(o.test.metrics)}}.dump();
}
} // namespace

RunOutcome summarizeRun(Trainer& trainer, const std::string& dataFile, int season)
{
    RunOutcome o;
    o.config = trainer.config();
    o.dataFile = dataFile;
    o.column = trainer.model().columnName;
    o.trainLoss = trainer.trainLoss();
    o.validationLoss = trainer.validationLoss();
    o.stop = trainer.stopReason();
    o.trainSeconds = trainer.trainSeconds();
    evaluateNetwork(trainer.network(), trainer.data(), season, o);
    o.model = trainer.model();
    recordTestMetrics(o);
    return o;
}

RunOutcome summarizeModel(const Model& model, const Dataset& data, const std::string& dataFile, int season)
{
    RunOutcome o;
    o.config = model.config;
    o.dataFile = dataFile;
    o.column = model.columnName;
    o.stop = StopReason::Completed;
    const std::unique_ptr<Network<float>> network = model.makeNetwork();
    evaluateNetwork(*network, data, season, o);
    o.model = model;
    recordTestMetrics(o);
    return o;
}

nlohmann::json metricsToJson(const Metrics& m)
{
    nlohmann::json j
        = {{"count", m.count}, {"mse_scaled", m.mseScaled}, {"mse", m.mse}, {"rmse", m.rmse}, {"mae", m.mae}};
    const auto optional
        = [](const std::optional<double>& x) { return x ? nlohmann::json(*x) : nlohmann::json(nullptr); };
    j["mape"] = optional(m.mape);
    j["smape"] = optional(m.smape);
    j["mase"] = optional(m.mase);
    j["r2"] = optional(m.r2);
    return j;
}

nlohmann::json baselinesToJson(const Baselines& b)
{
    nlohmann::json seasonal = metricsToJson(b.seasonalNaive.metrics);
    seasonal["period"] = b.season.period;
    seasonal["period_source"] = b.season.fromUser ? "user" : "acf";
    nlohmann::json ar = metricsToJson(b.linearAr.metrics);
    ar["weights"] = b.ar.weights;
    ar["intercept"] = b.ar.intercept;
    return {{"naive", metricsToJson(b.naive.metrics)},
            {"seasonal_naive", seasonal},
            {"drift", metricsToJson(b.drift.metrics)},
            {"linear_ar", ar}};
}

nlohmann::json runReport(const RunOutcome& o)
{
    nlohmann::json j;
    j["config"] = configToJson(o.config);
    j["data"]
        = {{"file", o.dataFile},
           {"column", o.column},
           {"rows", o.rows},
           {"scaler", {{"kind", scalerName(o.scaler.kind)}, {"offset", o.scaler.offset}, {"scale", o.scaler.scale}}}};
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
    j["baselines"] = baselinesToJson(o.baselines);
    j["test_index"] = o.test.prediction.index;
    j["test_predictions"] = o.test.prediction.predicted;
    j["test_actual"] = o.test.prediction.actual;
    return j;
}

} // namespace rnnwb
