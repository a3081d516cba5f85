#pragma once
// Provenance: what a result was made from, written into every export (chart images, chart
// data, prediction CSV): the app, the dataset file and its SHA-256, the column, the
// configuration (hyperparameters, preprocessing, seed) and the metrics of the run.
#include "app/session/run_list_model.h"
#include "core/formats/prediction_csv.h"

#include <QString>

namespace rnnwb::app {

// The file a session's data was read from, as it was when read.
struct DataSource {
    QString path;   // a file or a ":/" resource; empty for generated series
    QString sha256; // lowercase hex of its bytes
    bool operator==(const DataSource&) const = default;
};

// Lowercase hex SHA-256 of a file (or resource); empty when it cannot be read.
QString fileSha256(const QString& path);
DataSource dataSourceOf(const QString& path);

// The provenance of a run (or, without one, of the configuration about to be trained).
Provenance runProvenance(const RunRecord* run, const DataSource& source, const TrainConfig& config,
                         const QString& dataLabel);

} // namespace rnnwb::app
