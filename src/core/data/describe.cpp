#include "core/data/describe.h"

#include "core/base/huge_pages.h"
#include "core/data/csv_dates.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

namespace rnnwb {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const char* typeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Numeric: return "numeric";
    case ColumnType::Date: return "date";
    case ColumnType::Text: return "text";
    }
    return "?";
}

// How many of the steps between consecutive dates are not positive or are off the median step
// by more than half of it. Tolerant enough for months (28-31 days), strict enough to see a
// missing day. Reorders `steps` (finding the median), which does not change the count.
std::size_t irregularSteps(HugeVector<double>& steps)
{
    if (steps.empty())
        return 0;
    const auto middle = steps.begin() + static_cast<std::ptrdiff_t>(steps.size() / 2);
    std::nth_element(steps.begin(), middle, steps.end());
    const double median = *middle;
    return static_cast<std::size_t>(std::count_if(steps.begin(), steps.end(), [median](double step) {
        return step <= 0 || std::abs(step - median) > 0.5 * median;
    }));
}

// JSON has no NaN or infinity: those become null.
nlohmann::json jsonNumber(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

nlohmann::json describeNumericColumn(const Column& column, nlohmann::json j)
{
    std::size_t count = 0;
    double lo = kNaN, hi = kNaN;
    for (const double v : column.values) {
        if (std::isnan(v))
            continue;
        lo = count == 0 ? v : std::min(lo, v);
        hi = count == 0 ? v : std::max(hi, v);
        ++count;
    }
    j["count"] = count;
    j["missing"] = column.values.size() - count;
    j["min"] = jsonNumber(lo);
    j["max"] = jsonNumber(hi);
    return j;
}

// One pass over the present dates: how many, the first and the last, whether any has a time
// of day, and the steps between consecutive ones.
nlohmann::json describeDateColumn(const Column& column, nlohmann::json j)
{
    HugeVector<double> steps;
    steps.reserve(column.values.size());
    std::size_t count = 0;
    double first = kNaN, last = kNaN;
    bool withTime = false;
    for (const double v : column.values) {
        if (std::isnan(v))
            continue;
        if (count++ == 0)
            first = v;
        else
            steps.push_back(v - last);
        last = v;
        withTime = withTime || hasTimeOfDay(v);
    }
    j["count"] = count;
    j["missing"] = column.values.size() - count;
    j["first"] = count == 0 ? nlohmann::json(nullptr) : nlohmann::json(formatDateTime(first, withTime));
    j["last"] = count == 0 ? nlohmann::json(nullptr) : nlohmann::json(formatDateTime(last, withTime));
    j["gaps"] = irregularSteps(steps);
    return j;
}

nlohmann::json describeTextColumn(const Column& column, nlohmann::json j)
{
    std::size_t present = 0;
    for (std::size_t i = 0; i < column.text.size(); ++i)
        present += !isMissingCell(trimCell(column.text.view(i)));
    j["count"] = present;
    j["missing"] = column.text.size() - present;
    return j;
}

nlohmann::json describeColumn(const Column& column)
{
    nlohmann::json j = {{"name", column.name}, {"type", typeName(column.type)}};
    switch (column.type) {
    case ColumnType::Numeric: return describeNumericColumn(column, std::move(j));
    case ColumnType::Date: return describeDateColumn(column, std::move(j));
    case ColumnType::Text: return describeTextColumn(column, std::move(j));
    }
    return j;
}

// ---------------------------------------------------------------- text form

// A JSON value as a table cell: numbers compactly, null and absent keys as "".
std::string cellText(const nlohmann::json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", it->get<double>());
    return buf;
}

// Rows of cells padded into aligned columns, separated by two spaces; columns flagged in
// `right` are right-aligned (numbers). Trailing blanks are trimmed.
std::string alignRows(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right)
{
    std::vector<std::size_t> width(right.size(), 0);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c)
            width[c] = std::max(width[c], row[c].size());
    std::string out;
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::string pad(width[c] - row[c].size(), ' ');
            line += joinText(c ? "  " : "", right[c] ? pad : "", row[c], right[c] ? "" : pad);
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out += joinText(line, "\n");
    }
    return out;
}

std::string delimiterName(char d) { return d == '\t' ? "tab" : std::string("'") + d + "'"; }

} // namespace

nlohmann::json describeTable(const CsvTable& table)
{
    nlohmann::json columns = nlohmann::json::array();
    for (const Column& c : table.columns)
        columns.push_back(describeColumn(c));
    nlohmann::json warnings = nlohmann::json::array();
    for (const CsvIssue& w : table.warnings)
        warnings.push_back({{"line", w.line}, {"message", w.message}});
    return {{"file", table.source},      {"delimiter", std::string(1, table.delimiter)},
            {"header", table.hasHeader}, {"rows", table.rowCount()},
            {"columns", columns},        {"warnings", warnings}};
}

// Built from describeTable's JSON, so both forms always say the same thing.
std::string describeText(const CsvTable& table)
{
    const nlohmann::json d = describeTable(table);
    std::string out = alignRows({{"file", table.source},
                                 {"delimiter", delimiterName(table.delimiter)},
                                 {"header", table.hasHeader ? "yes" : "no (columns are numbered)"},
                                 {"rows", std::to_string(table.rowCount())}},
                                {false, false});
    static constexpr const char* kKeys[] = {"name", "type", "count", "missing", "min", "max", "first", "last", "gaps"};
    std::vector<std::vector<std::string>> rows
        = {{"#", "column", "type", "count", "missing", "min", "max", "first", "last", "gaps"}};
    for (std::size_t i = 0; i < d["columns"].size(); ++i) {
        rows.push_back({std::to_string(i)});
        for (const char* key : kKeys)
            rows.back().push_back(cellText(d["columns"][i], key));
    }
    out += "\n";
    out += alignRows(rows, {true, false, false, true, true, true, true, false, false, true});
    if (!table.warnings.empty()) {
        out += joinText("\nwarnings (", std::to_string(table.warnings.size()), ")\n");
        for (const CsvIssue& w : table.warnings)
            out += joinText("  ", formatIssue(w), "\n");
    }
    return out;
}

} // namespace rnnwb
