#pragma once
// The app's side of projects (core/formats/project.h holds the format): a session's runs to and from
// the file's runs, and the dataset check on reopening.
#include "app/session/provenance.h"
#include "app/session/run_list_model.h"
#include "core/formats/project.h"

#include <optional>

namespace rnnwb::app {

ProjectRun projectRun(const RunRecord& run);

// A saved run evaluated again on the project's series (its weights applied with its own
// scaler and configuration): predictions and metrics recomputed, curves and timings as
// saved. nullopt with *error when the series does not fit the run's window.
std::optional<RunRecord> restoreRun(const ProjectRun& run, std::shared_ptr<const TimedSeries> series,
                                    const std::string& dataFile, QString* error);

// Where the project's dataset is now: its path, else its path relative to the project's
// folder; empty when neither exists.
QString locateDataset(const Project& project, const QString& projectPath);
// Relative to the project's folder (or empty for a resource).
QString relativeDatasetPath(const QString& datasetPath, const QString& projectPath);

} // namespace rnnwb::app
