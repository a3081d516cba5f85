#pragma once
// `rnnwb describe`: what the reader made of a CSV file, as JSON and as a terminal table.
#include "core/data/csv_reader.h"

#include <nlohmann/json.hpp>

#include <string>

namespace rnnwb {

// {"file", "delimiter" (one character, "\t" for tab), "header" (bool), "rows",
//  "columns": [{"name", "type": "numeric" | "date" | "text", "count" (present cells), "missing",
//               numeric: "min", "max" (null when there are no values);
//               date: "first", "last" (ISO text of the first and last present dates),
//                     "gaps" (steps between consecutive dates that are not positive or differ from
//                             the median step by more than half of it: missing days, months, ...)}],
//  "warnings": [{"line", "message"}]}
nlohmann::json describeTable(const CsvTable& table);

// The same as a readable, aligned table for a terminal (ends with a newline).
std::string describeText(const CsvTable& table);

} // namespace rnnwb
