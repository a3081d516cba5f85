#pragma once
// What every rnnwb command shares: argument access, output of JSON, exit codes.
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace rnnwb::cli {

// Exit codes of the CLI contract (README, "Command line").
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

// Removes "--name value" (or "--name=value") from args and returns the value, if present.
std::optional<std::string> takeOption(std::vector<std::string>& args, const std::string& name);
// Removes a bare flag; true when it was there.
bool takeFlag(std::vector<std::string>& args, const std::string& name);
// Throws UsageError when anything is left over.
void requireNoneLeft(const std::vector<std::string>& args);

// Writes JSON to a file (atomically) or, for "-", to standard output.
void writeJson(const std::string& target, const nlohmann::json& json);

} // namespace rnnwb::cli
