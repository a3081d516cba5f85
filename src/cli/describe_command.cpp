#include "cli/cli_common.h"
#include "cli/commands.h"

#include "core/data/csv_reader.h"
#include "core/data/describe.h"
#include "core/training/train_options.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace rnnwb::cli {

// rnnwb describe --csv FILE [--json FILE|-]
int runDescribe(std::vector<std::string> args)
{
    const std::optional<std::string> csv = takeOption(args, "--csv");
    const std::optional<std::string> json = takeOption(args, "--json");
    requireNoneLeft(args);
    if (!csv)
        throw UsageError("describe needs --csv FILE");
    const CsvTable table = readCsvFile(*csv);
    if (json)
        writeJson(*json, describeTable(table));
    if (!json || *json != "-")
        std::cout << describeText(table);
    return kExitOk;
}

} // namespace rnnwb::cli
