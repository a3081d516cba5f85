#pragma once
// The rnnwb subcommands. Each takes its arguments (after the command word) and returns an
// exit code; usage errors are thrown as UsageError, other failures as std::exception.
#include <string>
#include <vector>

namespace rnnwb::cli {

int runDescribe(std::vector<std::string> args);
int runTrain(std::vector<std::string> args);
int runPredict(std::vector<std::string> args);
int runForecast(std::vector<std::string> args);
int runInspect(std::vector<std::string> args);
int runBench(std::vector<std::string> args);
int runExportScript(std::vector<std::string> args);

} // namespace rnnwb::cli
