#pragma once
// The small value structs the training worker sends across the thread boundary (queued
// signals copy them; none holds a pointer into the worker's state).
#include "core/dataset.h"
#include "core/model.h"
#include "core/report.h"
#include "core/train_config.h"

#include <QMetaType>

#include <cmath>
#include <string>
#include <vector>

namespace rnnwb::app {

// Everything a run needs, copied at the moment Train is pressed.
struct TrainRequest {
    TrainConfig config;
    std::vector<double> values;
    std::string columnName;
    std::string dataFile; // data.file in the report
};

// The dataset as the worker prepared it: how the series is split into parts.
struct SessionInfo {
    WindowSplit split;
    int epochs = 0;
};

struct EpochUpdate {
    int epoch = 0;  // 1-based
    int epochs = 0; // planned
    double trainLoss = std::nan("");
    double validationLoss = std::nan(""); // NaN without a validation part
    double trainSeconds = 0.0;            // compute time so far
};

// The current weights' predictions of each part, in data units, one per target, and the
// weights themselves (what the teaching views look inside).
struct OverlayUpdate {
    int epoch = 0;
    std::vector<double> train, validation, test;
    Model model;
};

} // namespace rnnwb::app

Q_DECLARE_METATYPE(rnnwb::app::TrainRequest)
Q_DECLARE_METATYPE(rnnwb::app::SessionInfo)
Q_DECLARE_METATYPE(rnnwb::app::EpochUpdate)
Q_DECLARE_METATYPE(rnnwb::app::OverlayUpdate)
Q_DECLARE_METATYPE(rnnwb::RunOutcome)
