#pragma once
// From a parsed table to the one series the networks train on: choose a column, deal with
// its missing values, and refuse values the numerics could not survive.
#include "core/data/csv_reader.h"
#include "core/data/missing_policy.h"

#include <cstddef>
#include <string>
#include <vector>

namespace rnnwb {

// Largest magnitude a series value may have: squares and sums of such values stay finite.
inline constexpr double kMaxSeriesMagnitude = 1e150;

struct Series {
    std::string name;               // the column's name
    std::vector<double> values;     // all finite, |x| <= kMaxSeriesMagnitude
    std::vector<double> time;       // the table's first date column, in seconds (NaN where that cell
                                    // is missing); empty when the table has no date column
    std::vector<std::size_t> line;  // the file line of each value
    std::vector<CsvIssue> warnings; // rows dropped or filled in
    std::string timeColumn;         // the date column's name, "" when there is none
};

// The first Numeric column (dates are their own type) that has at least one value.
// Throws CsvError(file, 0, "no numeric column ...") when there is none.
std::size_t defaultColumn(const CsvTable& table);

// A column by exact name first, else by 0-based index. Throws std::invalid_argument with a
// message naming the available columns.
std::size_t findColumn(const CsvTable& table, const std::string& nameOrIndex);

// The column a configuration names (--column): findColumn, or defaultColumn when it names none.
std::size_t chosenColumn(const CsvTable& table, const std::string& nameOrIndex);

// The column's values as a series.
//   Drop (the default, like pandas' dropna on that column): rows whose value is missing are
//     left out, with one warning naming their lines ("dropped 3 rows with missing values
//     (lines 5, 9, 12)").
//   Interpolate: a missing value between two present ones is filled in linearly by row
//     position (pandas' interpolate()); missing values at the start or end are dropped.
// Throws CsvError when the column is not Numeric, has no values, or holds a value that is
// infinite or larger in magnitude than kMaxSeriesMagnitude (naming its line);
// std::invalid_argument when `column` is out of range.
Series extractSeries(const CsvTable& table, std::size_t column, MissingPolicy policy = MissingPolicy::Drop);

} // namespace rnnwb
