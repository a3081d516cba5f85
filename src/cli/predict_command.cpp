#include "cli/cli_common.h"
#include "cli/commands.h"

#include "core/baselines.h"
#include "core/csv_reader.h"
#include "core/forecast.h"
#include "core/model.h"
#include "core/report.h"
#include "core/series.h"
#include "core/train_options.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace rnnwb::cli {

Dataset datasetForModel(const Model& model, const std::string& csv, const std::optional<std::string>& column)
{
    const CsvTable table = readCsvFile(csv);
    const std::string wanted = column ? *column : model.columnName;
    try {
        const std::size_t index = wanted.empty() ? defaultColumn(table) : findColumn(table, wanted);
        Series series = extractSeries(table, index, model.config.missing);
        for (const CsvIssue& w : series.warnings)
            std::cerr << "rnnwb: warning: " << csv << ":" << w.line << ": " << w.message << "\n";
        return Dataset::withScaler(std::move(series.values), model.config, model.scaler);
    } catch (const CsvError&) {
        throw;
    } catch (const std::invalid_argument& e) {
        const std::string message = e.what();
        throw std::runtime_error(message.find(csv) == std::string::npos ? csv + ": " + message : message);
    }
}

// rnnwb predict --model FILE --csv FILE [--column C] [--json FILE|-]
int runPredict(std::vector<std::string> args)
{
    const std::optional<std::string> modelPath = takeOption(args, "--model");
    const std::optional<std::string> csv = takeOption(args, "--csv");
    const std::optional<std::string> column = takeOption(args, "--column");
    const std::optional<std::string> json = takeOption(args, "--json");
    requireNoneLeft(args);
    if (!modelPath)
        throw UsageError("predict needs --model FILE");
    if (!csv)
        throw UsageError("predict needs --csv FILE");

    const Model model = loadModel(*modelPath);
    const Dataset data = datasetForModel(model, *csv, column);
    const std::vector<PartPrediction> parts = predictSeries(model, data);
    const std::optional<double> maseScale = seasonality(data).maseScale;

    nlohmann::json out;
    out["model"] = *modelPath;
    out["csv"] = *csv;
    out["column"] = column ? *column : model.columnName;
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
        out["metrics"][partName(p.part)] =
            metricsToJson(computeMetrics(p.predicted, p.actual, p.predictedScaled, p.actualScaled, maseScale));
    }
    if (json)
        writeJson(*json, out);
    if (!json || *json != "-") {
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
