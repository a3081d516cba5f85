#pragma once
// Provenance: what a result was made from, written into every export (chart images, chart
// data, prediction CSV): the app, the dataset file and its SHA-256, the column, the
// configuration (hyperparameters, preprocessing, seed) and the metrics of the run.
#include "app/session/data_source.h"
#include "app/session/run_record.h"
#include "core/formats/prediction_csv.h"

#include <QString>

namespace rnnwb::app {

// The provenance of a run (or, without one, of the configuration about to be trained).
Provenance runProvenance(const RunRecord* run, const DataSource& source, const TrainConfig& config,
                         const QString& dataLabel);

} // namespace rnnwb::app
