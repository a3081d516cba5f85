#include "cli/model_input.h"

#include "cli/cli_common.h"

#include "core/data/csv_reader.h"
#include "core/forecast/apply_model.h"
#include "core/training/train_options.h"

#include <iostream>
#include <stdexcept>

namespace rnnwb::cli {

namespace {

void printWarnings(const std::string& csv, const Series& series)
{
    for (const CsvIssue& w : series.warnings)
        std::cerr << "rnnwb: warning: " << csv << ":" << w.line << ": " << w.message << "\n";
}

} // namespace

Series readSeries(const std::string& csv, const std::string& column, MissingPolicy missing)
{
    const CsvTable table = readCsvFile(csv);
    Series series = extractSeries(table, chosenColumn(table, column), missing);
    printWarnings(csv, series);
    return series;
}

ModelInputArgs takeModelInputArgs(std::vector<std::string>& args, const std::string& command)
{
    const std::optional<std::string> model = takeOption(args, "--model");
    const std::optional<std::string> csv = takeOption(args, "--csv");
    ModelInputArgs in{model.value_or(""), csv.value_or(""), takeOption(args, "--column"), takeOption(args, "--json")};
    if (!model)
        throw UsageError(command + " needs --model FILE");
    if (!csv)
        throw UsageError(command + " needs --csv FILE");
    return in;
}

Dataset datasetForModel(const Model& model, const std::string& csv, const std::optional<std::string>& column)
{
    try {
        const Series series = modelSeries(model, readCsvFile(csv), column.value_or(""));
        printWarnings(csv, series);
        return modelDataset(model, series);
    } catch (const ModelDataError& e) {
        const std::string message = e.what();
        throw std::runtime_error(message.find(csv) == std::string::npos ? csv + ": " + message : message);
    }
}

} // namespace rnnwb::cli
