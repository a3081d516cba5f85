#pragma once
// A hyperparameter sweep: up to two training options, each with a list of values, and the
// runs of their cartesian product.
//
// A value list is typed as the user would say it: "16, 32, 64", "0.01 0.001", "lstm; gru".
// Each value is applied to the configuration exactly as `rnnwb train --OPTION VALUE` would
// apply it (core parseTrainOptions), so the sweep accepts the words and numbers the command
// line accepts and refuses the same mistakes; every combined configuration must then pass
// configProblems (e.g. --batch needs the sequence layout).
#include "core/training/train_config.h"

#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace rnnwb::app {

// The most runs one sweep may start.
inline constexpr std::size_t kMaxSweepRuns = 200;

// An option a sweep can vary: the training option's name without "--", and its label.
struct SweepParameter {
    const char* option;
    const char* label;
};
std::span<const SweepParameter> sweepParameters();

struct SweepAxis {
    std::string option;              // e.g. "hidden"
    std::vector<std::string> values; // as typed, in the user's order
};

struct SweepRun {
    TrainConfig config;
    std::string label; // "hidden 32, lr 0.001"
};

// A mistake in a sweep, said in one sentence naming the parameter.
class SweepError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// The values of a list, split at commas, semicolons and white space.
std::vector<std::string> splitValueList(const std::string& text);

// Sets one option of config as `rnnwb train --option value` does. Throws SweepError.
void applySweepValue(TrainConfig& config, const std::string& option, const std::string& value);

// Reads one parameter's list, checking every value on base. Throws SweepError when the list
// is empty, a value is not valid for the option, or two values give the same configuration.
SweepAxis parseSweepAxis(const std::string& option, const std::string& text, const TrainConfig& base);

// The cartesian product (the first axis varies slowest). Throws SweepError when no axis is
// given, two axes vary the same option, a combination is not a valid configuration, or there
// would be more than kMaxSweepRuns runs.
std::vector<SweepRun> sweepRuns(const TrainConfig& base, const std::vector<SweepAxis>& axes);

} // namespace rnnwb::app
