#pragma once
// What File ▸ Save Model, Open Model, Export Predictions and Export PyTorch Script do, without
// their dialogs (MainWindow asks for the paths): plain functions on a run, each write atomic,
// each failure a message naming the file.
#include "app/session/run_list_model.h"
#include "core/formats/prediction_csv.h"

#include <optional>

namespace rnnwb::app {

class DataDocument;

// The run's model as safetensors (core saveModel: weights and complete metadata).
bool saveRunModel(const RunRecord& run, const QString& path, QString* error);

// A model file applied to the document's data without training: a run with every part's
// predictions and metrics. The document switches to the model's column and missing-value
// policy. Refused (nullopt, *error naming the file) when the file is not a usable model, the
// data has no such column, or the model's window does not fit the series.
std::optional<RunRecord> runFromModelFile(const QString& path, DataDocument& document, QString* error);

// Every part's one-step predictions and, with horizon > 0, the forecast past the data's end
// with its interval at `coverage`, as CSV (core/formats/prediction_csv.h) with `provenance`.
bool writeRunPredictions(const RunRecord& run, const Provenance& provenance, int horizon, double coverage,
                         const QString& path, QString* error);

// Where a run's PyTorch script keeps its weights: SCRIPT.safetensors beside SCRIPT.py.
QString scriptModelPath(const QString& scriptPath);
// The script (core pytorchScript, as `rnnwb export-script`) and its model beside it.
bool writeRunScript(const RunRecord& run, const QString& scriptPath, QString* error);

} // namespace rnnwb::app
