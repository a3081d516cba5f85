#pragma once
// The outcome of a training run (predictions and metrics of every part) and its JSON report,
// the one `rnnwb train --json` and `rnn-workbench --report` both write.
#include "core/metrics.h"
#include "core/model.h"
#include "core/trainer.h"

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
};

PartResult evaluatePart(Network<float>& network, const Dataset& data, Part part);
// Evaluates the trainer's current weights on every part.
RunOutcome summarizeRun(Trainer& trainer, const std::string& dataFile);

nlohmann::json metricsToJson(const Metrics& metrics);
nlohmann::json runReport(const RunOutcome& outcome);

} // namespace rnnwb
