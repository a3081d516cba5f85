#include "core/data/series.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace rnnwb {
namespace {

// "0 'Month', 1 'Passengers'", cut short for very wide tables.
std::string listColumns(const CsvTable& table)
{
    constexpr std::size_t kMaxListed = 20;
    std::string out;
    for (std::size_t i = 0; i < table.columns.size() && i < kMaxListed; ++i)
        out += joinText(i ? ", " : "", std::to_string(i), " '", table.columns[i].name, "'");
    if (table.columns.size() > kMaxListed)
        out += joinText(", ... (", std::to_string(table.columns.size()), " columns)");
    return out;
}

// "line 5", "lines 5, 9, 12"; runs become ranges ("lines 5-8, 12"), and long lists end in "...".
std::string describeLines(const std::vector<std::size_t>& lines)
{
    constexpr std::size_t kMaxListed = 10;
    std::string out = lines.size() == 1 ? "line " : "lines ";
    std::size_t listed = 0;
    for (std::size_t i = 0; i < lines.size(); ++listed) {
        std::size_t j = i;
        while (j + 1 < lines.size() && lines[j + 1] == lines[j] + 1)
            ++j;
        if (listed == kMaxListed) {
            out += ", ...";
            break;
        }
        out += joinText(listed ? ", " : "", std::to_string(lines[i]), j > i ? "-" : "",
                        j > i ? std::to_string(lines[j]) : "");
        i = j + 1;
    }
    return out;
}

// One warning about a set of rows, e.g. "dropped 3 rows with missing values (lines 5, 9, 12)".
void warnAboutRows(Series& series, const std::vector<std::size_t>& lines, const std::string& verb,
                   const std::string& what)
{
    if (lines.empty())
        return;
    series.warnings.push_back(
        {lines.front(), joinText(verb, " ", std::to_string(lines.size()), lines.size() == 1 ? " row " : " rows ", what,
                                 " (", describeLines(lines), ")")});
}

std::string formatValue(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// Values the numerics cannot survive are an error, not a warning: the user must fix the file.
void checkMagnitudes(const CsvTable& table, const Column& column)
{
    for (std::size_t i = 0; i < column.values.size(); ++i) {
        const double v = column.values[i];
        if (std::isnan(v) || std::abs(v) <= kMaxSeriesMagnitude)
            continue;
        const std::string what = std::isinf(v)
                                     ? "is not finite"
                                     : joinText("is too large (the limit is ", formatValue(kMaxSeriesMagnitude), ")");
        throw CsvError(table.source, table.rowLine[i],
                       joinText("value ", formatValue(v), " in column '", column.name, "' ", what));
    }
}

const Column* firstDateColumn(const CsvTable& table)
{
    for (const Column& c : table.columns)
        if (c.type == ColumnType::Date)
            return &c;
    return nullptr;
}

// Appends table row `row` to the series, with `value` (the cell's or an interpolated one).
void appendRow(Series& series, const CsvTable& table, const Column* time, std::size_t row, double value)
{
    series.values.push_back(value);
    series.line.push_back(table.rowLine[row]);
    if (time)
        series.time.push_back(time->values[row]);
}

void dropMissing(Series& series, const CsvTable& table, const Column& column, const Column* time)
{
    std::vector<std::size_t> dropped;
    for (std::size_t i = 0; i < column.values.size(); ++i) {
        if (std::isnan(column.values[i]))
            dropped.push_back(table.rowLine[i]);
        else
            appendRow(series, table, time, i, column.values[i]);
    }
    warnAboutRows(series, dropped, "dropped", "with missing values");
}

// Each run of missing values [gap, end) between two present values is filled on the straight
// line joining them; a run at the start or the end has only one neighbour and is dropped.
void interpolateMissing(Series& series, const CsvTable& table, const Column& column, const Column* time)
{
    const std::vector<double>& v = column.values;
    std::vector<std::size_t> filled, dropped;
    for (std::size_t i = 0; i < v.size();) {
        if (!std::isnan(v[i])) {
            appendRow(series, table, time, i, v[i]);
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < v.size() && std::isnan(v[end]))
            ++end;
        const bool inside = i > 0 && end < v.size();
        for (std::size_t k = i; k < end; ++k) {
            (inside ? filled : dropped).push_back(table.rowLine[k]);
            if (inside) {
                const double w = static_cast<double>(k - i + 1) / static_cast<double>(end - i + 1);
                appendRow(series, table, time, k, v[i - 1] + w * (v[end] - v[i - 1]));
            }
        }
        i = end;
    }
    warnAboutRows(series, filled, "interpolated", "with missing values");
    warnAboutRows(series, dropped, "dropped", "with missing values at the start or end");
}

} // namespace

std::size_t defaultColumn(const CsvTable& table)
{
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const Column& c = table.columns[i];
        if (c.type == ColumnType::Numeric)
            for (const double v : c.values)
                if (!std::isnan(v))
                    return i;
    }
    throw CsvError(table.source, 0, joinText("no numeric column (columns: ", listColumns(table), ")"));
}

std::size_t findColumn(const CsvTable& table, const std::string& nameOrIndex)
{
    for (std::size_t i = 0; i < table.columns.size(); ++i)
        if (table.columns[i].name == nameOrIndex)
            return i;
    std::size_t index = 0;
    const char* end = nameOrIndex.data() + nameOrIndex.size();
    const auto [ptr, ec] = std::from_chars(nameOrIndex.data(), end, index);
    if (!nameOrIndex.empty() && ec == std::errc() && ptr == end && index < table.columns.size())
        return index;
    throw std::invalid_argument(
        joinText("no column '", nameOrIndex, "' in ", table.source, "; the columns are ", listColumns(table)));
}

std::size_t chosenColumn(const CsvTable& table, const std::string& nameOrIndex)
{
    return nameOrIndex.empty() ? defaultColumn(table) : findColumn(table, nameOrIndex);
}

Series extractSeries(const CsvTable& table, std::size_t column, MissingPolicy policy)
{
    if (column >= table.columns.size())
        throw std::invalid_argument(joinText("column index ", std::to_string(column),
                                             " is out of range; the columns are ", listColumns(table)));
    const Column& c = table.columns[column];
    if (c.type != ColumnType::Numeric)
        throw CsvError(
            table.source, 0,
            joinText("column '", c.name, "' holds ", c.type == ColumnType::Date ? "dates" : "text", ", not numbers"));
    checkMagnitudes(table, c);
    Series series;
    series.name = c.name;
    const Column* time = firstDateColumn(table);
    if (time)
        series.timeColumn = time->name;
    if (policy == MissingPolicy::Drop)
        dropMissing(series, table, c, time);
    else
        interpolateMissing(series, table, c, time);
    if (series.values.empty())
        throw CsvError(table.source, 0, joinText("column '", c.name, "' has no values"));
    return series;
}

} // namespace rnnwb
