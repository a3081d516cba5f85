#pragma once
// The rnnwb subcommands. Each takes its arguments (after the command word) and returns an
// exit code; usage errors are thrown as UsageError, other failures as std::exception.
#include <optional>
#include <string>
#include <vector>

namespace rnnwb {
struct Dataset;
struct Model;
} // namespace rnnwb

namespace rnnwb::cli {

int runDescribe(std::vector<std::string> args);
int runTrain(std::vector<std::string> args);
int runPredict(std::vector<std::string> args);
int runForecast(std::vector<std::string> args);
int runInspect(std::vector<std::string> args);
int runBench(std::vector<std::string> args);
int runExportScript(std::vector<std::string> args);

// predict and forecast: the series of a CSV file the model is applied to (its column, or
// `column`), scaled and windowed as the model was trained. Errors name the file.
Dataset datasetForModel(const Model& model, const std::string& csv, const std::optional<std::string>& column);

} // namespace rnnwb::cli
