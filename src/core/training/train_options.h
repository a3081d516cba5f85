#pragma once
// The training options of `rnnwb train`, shared with `rnn-workbench`'s command line so that
// both accept exactly the same words (README, "Command line").
#include "core/training/train_config.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace rnnwb {

// A usage error: an unknown option, a missing or malformed value.
class UsageError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// Reads every training option from args ("--name value" or "--name=value") into config and
// returns the arguments that are not training options, in order. Throws UsageError.
std::vector<std::string> parseTrainOptions(const std::vector<std::string>& args, TrainConfig& config);

// One line per option with its default, for --help.
std::string trainOptionsHelp();

} // namespace rnnwb
