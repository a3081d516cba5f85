#pragma once
// Training a configured run on a series: the one use case behind `rnnwb train`, the app's
// Train and Step, the sweep and Re-run. Front ends translate their arguments into a
// RunRequest and show the RunOutcome; the preparation, the checks and their messages, the
// training and the evaluation are the same everywhere.
#include "core/training/report.h"
#include "core/training/trainer.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace rnnwb {

struct RunRequest {
    TrainConfig config;
    std::vector<double> values;     // the series, in its own units
    std::vector<std::size_t> lines; // the file line of each value (empty: errors name no line)
    std::string columnName;
    std::string dataFile; // names the data in errors and in the outcome
    int season = 0;       // seasonal period of seasonal naive and MASE; 0 = detected
};

// A trainer ready to run the request: the dataset prepared (a value the preprocessing
// refuses is named with its file line) and the season checked against the training part.
// Throws std::runtime_error "FILE: why" when the data cannot make this run.
std::unique_ptr<Trainer> prepareRun(const RunRequest& request);

// Runs the prepared trainer until it stops (control's cancel included), then evaluates it:
// predictions and metrics of every part, the baselines with the request's season.
RunOutcome completeRun(Trainer& trainer, const RunRequest& request, const TrainControl& control = {});

} // namespace rnnwb
