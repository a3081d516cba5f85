// rnnwb: train, evaluate and describe recurrent forecasting models from the command line.
#include "cli/cli_common.h"
#include "cli/commands.h"

#include "core/training/train_options.h"

#include <exception>
#include <iostream>
#include <string>

namespace {

void printUsage(std::ostream& out)
{
    out << "usage: rnnwb COMMAND [options]\n\n"
           "commands:\n"
           "  describe --csv FILE [--json FILE|-]   columns, types, rows, gaps, ranges\n"
           "  train    --csv FILE [options] [--save-model FILE.safetensors] [--season M] [--json FILE|-]\n"
           "           [--backtest K [--backtest-retrain]]   metrics from K rolling origins over the test part\n"
           "  predict  --model FILE --csv FILE [--column C] [--json FILE|-]   one-step predictions\n"
           "  forecast --model FILE --csv FILE --horizon N [--interval 0.9] [--column C] [--json FILE|-]\n"
           "           recursive forecast past the end of the data, with a prediction interval\n"
           "  inspect  --model FILE --csv FILE --index K [--column C] [--json FILE|-]   gates and states behind one "
           "prediction\n"
           "  export-script --model FILE --out SCRIPT.py   standalone PyTorch script (numpy + torch) of a model\n"
           "  bench    [--config seed|seq5|long10k|wide256|all] [--json FILE|-]   training speed\n\n"
           "training options:\n"
        << rnnwb::trainOptionsHelp() << "\nexit codes: 0 success, 1 failure, 2 usage error\n";
}

// An error as one line of stderr: a line break inside it (a quoted CSV name or cell can hold
// one) is shown as a space, so scripts reading the first line get the whole message.
void printError(const char* what)
{
    std::string line = what;
    for (char& c : line)
        if (c == '\n' || c == '\r')
            c = ' ';
    std::cerr << "rnnwb: " << line << "\n";
}

int dispatch(const std::string& command, std::vector<std::string> args)
{
    using namespace rnnwb::cli;
    if (command == "describe")
        return runDescribe(std::move(args));
    if (command == "train")
        return runTrain(std::move(args));
    if (command == "predict")
        return runPredict(std::move(args));
    if (command == "forecast")
        return runForecast(std::move(args));
    if (command == "inspect")
        return runInspect(std::move(args));
    if (command == "export-script")
        return runExportScript(std::move(args));
    if (command == "bench")
        return runBench(std::move(args));
    throw rnnwb::UsageError("unknown command '" + command
                            + "' (expected describe, train, predict, forecast, inspect, export-script or bench)");
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        printUsage(args.empty() ? std::cerr : std::cout);
        return args.empty() ? rnnwb::cli::kExitUsage : rnnwb::cli::kExitOk;
    }
    if (args[0] == "--version") {
        std::cout << "rnnwb " RNNWB_VERSION "\n";
        return rnnwb::cli::kExitOk;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    try {
        return dispatch(command, std::move(args));
    } catch (const rnnwb::UsageError& e) {
        printError(e.what());
        return rnnwb::cli::kExitUsage;
    } catch (const std::exception& e) {
        printError(e.what());
        return rnnwb::cli::kExitFailure;
    }
}
