#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/model_input.h"

#include "core/inspect/inspect.h"
#include "core/training/model.h"
#include "core/training/train_options.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>
#include <iostream>

namespace rnnwb::cli {

namespace {

// --index: a whole number (a usage error otherwise); its range is checked against the data.
long long parseIndex(const std::string& text)
{
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        throw UsageError("--index needs a whole number (a series index, 0-based), not '" + text + "'");
    return value;
}

void printSummary(const Inspection& in, const Dataset& data)
{
    char line[200];
    std::snprintf(line, sizeof line, "target index %zu (%s part): prediction %.10g, actual %.10g\n", in.targetIndex,
                  partName(in.part).c_str(), in.prediction, in.actual);
    std::cout << line;
    std::cout << cellName(in.cell) << ", " << layoutName(in.layout) << " layout: " << in.input.size()
              << " step(s) from a zero state through " << in.layers.size() << " layer(s); input window of "
              << data.split.window << "\n";
    std::cout << "use --json FILE|- for every gate and state\n";
}

} // namespace

// rnnwb inspect --model FILE --csv FILE --index K [--column C] [--json FILE|-]
int runInspect(std::vector<std::string> args)
{
    const ModelInputArgs opts = takeModelInputArgs(args, "inspect");
    const std::optional<std::string> indexText = takeOption(args, "--index");
    requireNoneLeft(args);
    if (!indexText)
        throw UsageError("inspect needs --index K (the series index of the prediction to look inside)");
    const long long index = parseIndex(*indexText);

    const Model model = loadModel(opts.model);
    const Dataset data = datasetForModel(model, opts.csv, opts.column);
    const TargetRange range = inspectableTargets(data);
    if (index < 0 || std::size_t(index) < range.first || std::size_t(index) > range.last)
        throw std::runtime_error(opts.csv + ": --index " + std::to_string(index)
                                 + " has no prediction: the model predicts series indices "
                                 + std::to_string(range.first) + " to " + std::to_string(range.last));
    const Inspection in = inspectTarget(model, data, std::size_t(index));

    if (opts.json)
        writeJson(*opts.json, inspectionToJson(in));
    if (!opts.json || *opts.json != "-")
        printSummary(in, data);
    return kExitOk;
}

} // namespace rnnwb::cli
