#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/model_input.h"

#include "core/data/csv_reader.h"
#include "core/data/series.h"
#include "core/training/baselines.h"
#include "core/training/model.h"
#include "core/training/report.h"
#include "core/training/train_options.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace rnnwb::cli {

// rnnwb predict --model FILE --csv FILE [--column C] [--json FILE|-]
int runPredict(std::vector<std::string> args)
{
    const ModelInputArgs opts = takeModelInputArgs(args, "predict");
    requireNoneLeft(args);

    const Model model = loadModel(opts.model);
    const Dataset data = datasetForModel(model, opts.csv, opts.column);
    const std::vector<PartPrediction> parts = predictSeries(model, data);
    const std::optional<double> maseScale = seasonality(data).maseScale;

    nlohmann::json out;
    out["model"] = opts.model;
    out["csv"] = opts.csv;
    out["column"] = opts.column ? *opts.column : model.columnName;
    out["window"] = model.config.window;
    out["index"] = nlohmann::json::array();
    out["predictions"] = nlohmann::json::array();
    out["actual"] = nlohmann::json::array();
    out["part"] = nlohmann::json::array();
    out["metrics"] = nlohmann::json::object();
    for (const PartPrediction& p : parts) {
        for (std::size_t k = 0; k < p.index.size(); ++k) {
            out["index"].push_back(p.index[k]);
            out["predictions"].push_back(p.predicted[k]);
            out["actual"].push_back(p.actual[k]);
            out["part"].push_back(partName(p.part));
        }
        out["metrics"][partName(p.part)]
            = metricsToJson(computeMetrics(p.predicted, p.actual, p.predictedScaled, p.actualScaled, maseScale));
    }
    if (opts.json)
        writeJson(*opts.json, out);
    if (!opts.json || *opts.json != "-") {
        std::cout << "index,prediction,actual,part\n";
        char line[160];
        for (const PartPrediction& p : parts)
            for (std::size_t k = 0; k < p.index.size(); ++k) {
                std::snprintf(line, sizeof line, "%zu,%.10g,%.10g,%s\n", p.index[k], p.predicted[k], p.actual[k],
                              partName(p.part).c_str());
                std::cout << line;
            }
    }
    return kExitOk;
}

} // namespace rnnwb::cli
