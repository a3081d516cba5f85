#pragma once
// The outcome of a training run (predictions and metrics of every part) and its JSON report,
// the one `rnnwb train --json` and `rnn-workbench --report` both write.
#include "core/stats/metrics.h"
#include "core/training/baselines.h"
#include "core/training/model.h"
#include "core/training/trainer.h"

#include <nlohmann/json_fwd.hpp>

namespace rnnwb {

struct PartResult {
    PartPrediction prediction;
    Metrics metrics;
};

struct RunOutcome {
    TrainConfig config;
    std::string dataFile;
    std::string column;
    std::size_t rows = 0;
    std::vector<double> trainLoss;
    std::vector<double> validationLoss;
    StopReason stop = StopReason::Completed;
    double trainSeconds = 0.0;
    Scaler scaler;
    PartResult train, validation, test;
    Baselines baselines; // on the test part; their MASE scale is the network's too
    Model model;         // the weights evaluated here, with the test metrics in its metadata
};

// maseScale: seasonality(data).maseScale (baselines.h); without it mase is null.
PartResult evaluatePart(Network<float>& network, const Dataset& data, Part part,
                        std::optional<double> maseScale = std::nullopt);
// Evaluates a network on a dataset into `outcome`: the scaler, every part's predictions and
// metrics, and the baselines on the test part. The one evaluation of trained runs and of
// opened models. season: the seasonal period for seasonal naive and MASE, 0 = detected
// (baselines.h); throws std::invalid_argument when it is not shorter than the training part.
void evaluateNetwork(Network<float>& network, const Dataset& data, int season, RunOutcome& outcome);
// Evaluates the trainer's current weights (evaluateNetwork) and keeps its curves and model.
RunOutcome summarizeRun(Trainer& trainer, const std::string& dataFile, int season = 0);
// A saved model applied to a dataset (scaled and windowed with the model's own scaler and
// config, e.g. Dataset::withScaler): the outcome of a run without training (no loss curves,
// stop "completed"), its model's metrics those measured on this data.
RunOutcome summarizeModel(const Model& model, const Dataset& data, const std::string& dataFile, int season = 0);

// {"count", "mse_scaled", "mse", "rmse", "mae", "mape", "smape", "mase", "r2"}; undefined
// values are null.
nlohmann::json metricsToJson(const Metrics& metrics);
// {"naive": {metrics}, "seasonal_naive": {metrics, "period", "period_source"}, "drift": {…},
//  "linear_ar": {metrics, "weights", "intercept"}}; period_source is "user" or "acf".
nlohmann::json baselinesToJson(const Baselines& baselines);
nlohmann::json runReport(const RunOutcome& outcome);

} // namespace rnnwb
