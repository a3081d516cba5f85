// Fuzz target: the CSV import path a user's file goes through, from bytes to a training series.
//   parseCsv (dialect sniffing, quoting, numbers, dates) -> defaultColumn / findColumn ->
//   extractSeries (both missing-value policies) -> describeTable / describeText.
// Any input must end in a table or a CsvError; a series must hold only finite values within
// kMaxSeriesMagnitude. Anything else (another exception, a crash, UB, a leak) is a finding.
#include "core/data/csv_reader.h"
#include "core/data/describe.h"
#include "core/data/series.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void checkSeries(const rnnwb::Series& series)
{
    if (series.values.empty() || series.values.size() != series.line.size())
        std::abort();
    for (const double v : series.values)
        if (!std::isfinite(v) || std::abs(v) > rnnwb::kMaxSeriesMagnitude)
            std::abort();
}

void extractEveryWay(const rnnwb::CsvTable& table)
{
    for (std::size_t c = 0; c < table.columns.size() && c < 4; ++c) {
        for (const auto policy : {rnnwb::MissingPolicy::Drop, rnnwb::MissingPolicy::Interpolate}) {
            try {
                checkSeries(rnnwb::extractSeries(table, c, policy));
            } catch (const rnnwb::CsvError&) {
            }
        }
    }
    try {
        const std::size_t chosen = rnnwb::defaultColumn(table);
        if (rnnwb::findColumn(table, table.columns[chosen].name) >= table.columns.size())
            std::abort();
    } catch (const rnnwb::CsvError&) {
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    rnnwb::CsvTable table;
    try {
        table = rnnwb::parseCsv(text, "fuzz.csv");
    } catch (const rnnwb::CsvError& e) {
        if (e.message().empty())
            std::abort();
        return 0;
    }
    for (const rnnwb::Column& column : table.columns)
        if (column.values.size() != table.rowCount())
            std::abort();
    extractEveryWay(table);
    (void)rnnwb::describeTable(table).dump();
    (void)rnnwb::describeText(table);
    return 0;
}
