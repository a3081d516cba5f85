#pragma once
// CSV import for the workbench: one call turns a file (or text) into typed columns.
//
// The reader guesses what a user's spreadsheet export looks like, the way pandas.read_csv
// does with its defaults, and adds the few dialects pandas needs options for:
//   - delimiter: ',' ';' tab or '|', chosen by the most consistent field count over the
//     first ~50 records (quoted text ignored);
//   - header: the first row is a header when it is mostly non-numeric text sitting over
//     numeric or date columns (or when the whole table is text, like pandas); without a
//     header the columns are named "0", "1", ...;
//   - UTF-8 BOM; LF, CRLF and CR line ends; RFC 4180 quoting (doubled quotes, delimiters
//     and newlines inside quotes);
//   - numbers: decimal commas in ';', tab and '|' files ("1,5" -> 1.5, "1.234,5" -> 1234.5),
//     thousands separators in quoted fields of ',' files ("1,234.5" -> 1234.5);
//   - missing markers: empty, NA, N/A, NaN, null, - (any case);
//   - ISO dates and date-times (see csv_dates.h) make a Date column.
// Anything the reader cannot make sense of is a CsvError naming the file and the line.
//
// Speed: a million-row file is read with one read() into a buffer on huge pages (huge_pages.h),
// cells are views into it, numbers are parsed with std::from_chars and ISO dates by a fixed-format
// fast path; only Date and Text columns copy their cells' text (packed, cell_texts.h).
#include "core/data/cell_texts.h"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace rnnwb {

enum class ColumnType { Numeric, Date, Text };

struct Column {
    std::string name;
    ColumnType type = ColumnType::Numeric;
    // Numeric: the number, NaN where missing or not a number.
    // Date: seconds since 1970-01-01 UTC, NaN where missing. Text: all NaN.
    std::vector<double> values;
    // The original cell text, filled for Date and Text columns only (empty for Numeric).
    CellTexts text;
};

struct CsvIssue {
    std::size_t line = 0; // 1-based physical line in the file (0: the whole file)
    std::string message;  // without the "line N: " prefix
};

struct CsvTable {
    std::string source; // the file name given to the reader
    char delimiter = ',';
    bool hasHeader = true;
    std::vector<Column> columns;
    std::vector<std::size_t> rowLine; // 1-based file line where each data row starts
    std::vector<CsvIssue> warnings;   // sorted by line
    std::size_t rowCount() const { return rowLine.size(); }
};

// Every import failure. what() is "FILE:LINE: message", or "FILE: message" when line == 0.
class CsvError : public std::runtime_error {
public:
    CsvError(std::string file, std::size_t line, std::string what);
    const std::string& file() const { return file_; }
    std::size_t line() const { return line_; }
    const std::string& message() const { return message_; } // without the "FILE:LINE: " prefix

private:
    std::string file_;
    std::size_t line_;
    std::string message_;
};

// Parses CSV text already in memory; sourceName is used in messages and CsvTable::source.
CsvTable parseCsv(std::string_view text, const std::string& sourceName);
// Reads the whole file in one go and parses it. Throws CsvError (also when unreadable).
CsvTable readCsvFile(const std::string& path);

// "line 7: message", or just the message for line 0: how warnings are shown to a user.
std::string formatIssue(const CsvIssue& issue);

// Joins pieces of text (std::string, string_view, const char*) by appending. Messages are
// built with it because GCC 12 warns falsely (-Wrestrict) on `"literal" + std::string` chains.
template <typename... Parts>
std::string joinText(const Parts&... parts)
{
    std::string out;
    (out.append(std::string_view(parts)), ...);
    return out;
}

} // namespace rnnwb
