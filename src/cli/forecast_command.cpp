#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/model_input.h"

#include "core/forecast/forecast.h"
#include "core/training/model.h"
#include "core/training/train_options.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>
#include <iostream>

namespace rnnwb::cli {

namespace {

int parseHorizon(const std::string& text)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 1)
        throw UsageError("--horizon needs a whole number of steps of at least 1, not '" + text + "'");
    return value;
}

double parseCoverage(const std::string& text)
{
    std::size_t used = 0;
    double value = 0.0;
    try {
        value = std::stod(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || !(value > 0.0 && value < 1.0))
        throw UsageError("--interval needs a coverage between 0 and 1 (e.g. 0.9), not '" + text + "'");
    return value;
}

} // namespace

// rnnwb forecast --model FILE --csv FILE --horizon N [--interval 0.9] [--column C] [--json FILE|-]
int runForecast(std::vector<std::string> args)
{
    const ModelInputArgs opts = takeModelInputArgs(args, "forecast");
    const std::optional<std::string> horizonText = takeOption(args, "--horizon");
    const std::optional<std::string> intervalText = takeOption(args, "--interval");
    requireNoneLeft(args);
    if (!horizonText)
        throw UsageError("forecast needs --horizon N (steps past the end of the data)");
    const int horizon = parseHorizon(*horizonText);
    const double coverage = intervalText ? parseCoverage(*intervalText) : 0.9;

    const Model model = loadModel(opts.model);
    const Dataset data = datasetForModel(model, opts.csv, opts.column);
    const Forecast f = forecastWithIntervals(model, data, horizon, coverage);

    nlohmann::json out;
    out["model"] = opts.model;
    out["csv"] = opts.csv;
    out["column"] = opts.column ? *opts.column : model.columnName;
    out["last_index"] = data.values.size() - 1;
    out["horizon"] = f.horizon;
    out["index"] = f.index;
    out["forecast"] = f.forecast;
    out["lower"] = f.lower;
    out["upper"] = f.upper;
    out["interval"] = f.coverage;
    out["interval_origins"] = f.origins;
    out["interval_empirical_horizon"] = f.empiricalHorizon;
    if (opts.json)
        writeJson(*opts.json, out);
    if (!opts.json || *opts.json != "-") {
        std::cout << "index,forecast,lower,upper\n";
        char line[160];
        for (std::size_t k = 0; k < f.index.size(); ++k) {
            std::snprintf(line, sizeof line, "%zu,%.10g,%.10g,%.10g\n", f.index[k], f.forecast[k], f.lower[k],
                          f.upper[k]);
            std::cout << line;
        }
    }
    return kExitOk;
}

} // namespace rnnwb::cli
