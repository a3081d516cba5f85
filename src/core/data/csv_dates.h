#pragma once
// Type detection for the CSV reader: what one cell means (a date/time, a number, a missing
// marker or text), and from its cells, what a column is (Numeric, Date or Text). Nothing here
// knows about delimiters, quoting or files; cells arrive as views into the CSV text.
//
// Dates and times: the ISO-like forms spreadsheets and pandas write.
//   YYYY-MM-DD   YYYY-MM   YYYY/MM/DD   YYYY/MM
//   YYYY-MM-DD HH:MM   YYYY-MM-DD HH:MM:SS[.fff]   (a 'T' instead of the space; a final 'Z')
// Month and day may have one or two digits ("2020-1-5"). A month without a day means the
// first of the month. Times are taken as UTC: the workbench only needs a monotone time axis.
#include "core/data/csv_reader.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rnnwb {

// Parses one trimmed cell. On success stores seconds since 1970-01-01 00:00 UTC in `seconds`.
// Rejects anything else, including impossible dates such as 2021-02-30.
bool parseDateTime(std::string_view text, double& seconds);

// ISO text for seconds since the epoch: "YYYY-MM-DD", or "YYYY-MM-DD HH:MM:SS" when
// withTime is true. NaN gives "".
std::string formatDateTime(double seconds, bool withTime);

// True when `seconds` is not midnight (so a column needs its times shown).
bool hasTimeOfDay(double seconds);

// Leading and trailing spaces and tabs removed.
std::string_view trimCell(std::string_view cell);

// Missing markers, compared without case on a trimmed cell: empty, NA, N/A, NaN, null, -,
// and pandas' #N/A, #NA, <NA>, -NaN.
bool isMissingCell(std::string_view trimmed);

// A number in a trimmed cell, parsed with std::from_chars. Also accepted: a leading '+';
// "inf"/"infinity" (any case); magnitudes beyond double's range (they become +-inf, as in
// pandas, so that later checks can name them); thousands separators ("1,234.5", only possible
// in a quoted field of a ',' file); with decimalComma, a decimal comma ("1,5", "1.234,5").
bool parseNumberCell(std::string_view trimmed, bool decimalComma, double& out);

enum class CellKind { Missing, Number, Date, Text };

// What a raw (untrimmed) cell holds; sets `number` or `date` to match. Numbers win over
// dates, so "2020" is a number and "2020-01" a date.
CellKind classifyCell(std::string_view raw, bool decimalComma, double& number, double& date);

// Where a cell's text is, in 8 bytes (the reader keeps one per cell): `size` bytes at `begin`
// in the CSV text, or, when begin >= the text's size, at begin - size in the reader's buffer of
// rewritten quoted fields (those that had doubled quotes).
struct CellRef {
    std::uint32_t begin = 0;
    std::uint32_t size = 0;
};

// The reader's records: rows x width cells, row-major, every row the same width.
struct CellGrid {
    const CellRef* cells = nullptr;
    std::size_t width = 0;
    std::size_t rows = 0;
    const std::size_t* lines = nullptr; // the file line where each row starts
    std::string_view text;              // the CSV text the cells point into
    std::string_view rewritten;         // the rewritten quoted fields

    std::string_view at(std::size_t row, std::size_t col) const
    {
        const CellRef c = cells[row * width + col];
        return c.begin < text.size() ? text.substr(c.begin, c.size) : rewritten.substr(c.begin - text.size(), c.size);
    }
};

// The first row is a header when it is mostly text (not numbers or dates) and some column
// with text on top holds mostly numbers or dates below. A table of text throughout also
// gets a header, since pandas assumes one.
bool firstRowIsHeader(const CellGrid& grid, bool decimalComma);

// Types and converts column `col` from row `firstRow` on (what each type stores: see Column
// in csv_reader.h). Date when (nearly) all present cells are dates, Numeric when most are
// numbers, Text otherwise; an empty column is Numeric. Cells of a Numeric or Date column that
// do not fit become NaN and get a warning naming their line (the first 10, then one for the rest).
Column makeColumn(std::string name, const CellGrid& grid, std::size_t col, std::size_t firstRow, bool decimalComma,
                  std::vector<CsvIssue>& warnings);

} // namespace rnnwb
