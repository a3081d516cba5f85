#pragma once
// The small value structs the training worker sends across the thread boundary (queued
// signals copy them; none holds a pointer into the worker's state).
#include "core/training/dataset.h"
#include "core/training/model.h"
#include "core/training/report.h"
#include "core/training/run.h"

#include <QMetaType>

#include <vector>

namespace rnnwb::app {

// The dataset as the worker prepared it: how the series is split into parts.
struct SessionInfo {
    WindowSplit split;
    int epochs = 0;
};

// The current weights' predictions of each part, in data units, one per target, and the
// weights themselves (what the teaching views look inside).
struct OverlayUpdate {
    int epoch = 0;
    std::vector<double> train, validation, test;
    Model model;
};

} // namespace rnnwb::app

Q_DECLARE_METATYPE(rnnwb::RunRequest)
Q_DECLARE_METATYPE(rnnwb::EpochProgress)
Q_DECLARE_METATYPE(rnnwb::app::SessionInfo)
Q_DECLARE_METATYPE(rnnwb::app::OverlayUpdate)
Q_DECLARE_METATYPE(rnnwb::RunOutcome)
