#pragma once
// What the commands that read data share: a CSV column as a series (with its import
// warnings on stderr), and the arguments and inputs of the commands that apply a saved model
// (predict, forecast, inspect).
#include "core/data/series.h"
#include "core/training/dataset.h"
#include "core/training/model.h"

#include <optional>
#include <string>
#include <vector>

namespace rnnwb::cli {

// The column (name or 0-based index; empty: the first numeric one) of a CSV file.
Series readSeries(const std::string& csv, const std::string& column, MissingPolicy missing);

// --model FILE --csv FILE [--column C] [--json FILE|-], taken out of args.
struct ModelInputArgs {
    std::string model;
    std::string csv;
    std::optional<std::string> column;
    std::optional<std::string> json;
};
// Throws UsageError naming `command` when --model or --csv is missing.
ModelInputArgs takeModelInputArgs(std::vector<std::string>& args, const std::string& command);

// The series of a CSV file the model is applied to (its column, or `column`), scaled and
// windowed as the model was trained. Errors name the file.
Dataset datasetForModel(const Model& model, const std::string& csv, const std::optional<std::string>& column);

} // namespace rnnwb::cli
