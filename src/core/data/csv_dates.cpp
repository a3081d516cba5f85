#include "core/data/csv_dates.h"

#include "core/base/huge_pages.h"
#include "core/base/utf8_text.h"
#include "core/data/fast_decimal.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace rnnwb {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kWarningsPerColumn = 10; // bad cells reported one by one, then summed up
constexpr std::size_t kHeaderProbeRows = 20;   // rows compared with the first one

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);                // [0, 399]
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; // [0, 365]
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month, day;
};

// The inverse: year, month, day of a day count since 1970-01-01 (civil_from_days).
Civil civilFromDays(std::int64_t z)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

bool isLeap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned daysInMonth(std::int64_t y, unsigned m)
{
    static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// A cursor over the cell: each read consumes what it matched and reports success.
struct Cursor {
    std::string_view s;
    std::size_t pos = 0;

    bool done() const { return pos == s.size(); }
    bool accept(char c)
    {
        if (pos < s.size() && s[pos] == c) {
            ++pos;
            return true;
        }
        return false;
    }
    // Reads between minDigits and maxDigits decimal digits.
    bool digits(std::size_t minDigits, std::size_t maxDigits, unsigned& out)
    {
        std::size_t n = 0;
        out = 0;
        while (n < maxDigits && pos < s.size() && isDigit(s[pos])) {
            out = out * 10 + static_cast<unsigned>(s[pos++] - '0');
            ++n;
        }
        return n >= minDigits;
    }
};

// "YYYY-MM-DD", the form of nearly every date column, read at its fixed positions (no cursor,
// no number parse tried first). Anything else, including an impossible day, is left to the
// general parser below, which rejects the impossible days too.
bool parseIsoDay(std::string_view s, double& seconds)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!isDigit(s[i]))
            return false;
    const auto number = [&](std::size_t at, std::size_t count) {
        unsigned n = 0;
        for (std::size_t i = at; i < at + count; ++i)
            n = n * 10 + static_cast<unsigned>(s[i] - '0');
        return n;
    };
    const unsigned year = number(0, 4), month = number(5, 2), day = number(8, 2);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return false;
    seconds = static_cast<double>(daysFromCivil(year, month, day) * kSecondsPerDay);
    return true;
}

// "HH:MM[:SS[.fff]]" -> seconds into the day.
bool parseTime(Cursor& c, double& secondsOfDay)
{
    unsigned h = 0, m = 0, s = 0;
    if (!c.digits(1, 2, h) || !c.accept(':') || !c.digits(2, 2, m) || h > 23 || m > 59)
        return false;
    double frac = 0;
    if (c.accept(':')) {
        if (!c.digits(2, 2, s) || s > 59)
            return false;
        if (c.accept('.')) {
            double scale = 0.1;
            const std::size_t start = c.pos;
            for (; !c.done() && isDigit(c.s[c.pos]); ++c.pos, scale /= 10)
                frac += (c.s[c.pos] - '0') * scale;
            if (c.pos == start)
                return false;
        }
    }
    secondsOfDay = h * 3600.0 + m * 60.0 + s + frac;
    return true;
}

// std::from_chars (after its exact fast path for plain decimals) plus a leading '+' and
// out-of-range magnitudes (see parseNumberCell).
bool parsePlainNumber(std::string_view s, double& out)
{
    if (s.size() > 1 && s.front() == '+' && s[1] != '-' && s[1] != '+')
        s.remove_prefix(1);
    if (parseFastDecimal(s, out))
        return true;
    if (s.empty())
        return false;
    const char* end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, out);
    if (ptr != end)
        return false;
    if (ec == std::errc::result_out_of_range)
        out = std::strtod(std::string(s).c_str(), nullptr); // rare: strtod gives +-inf or 0
    return ec == std::errc() || ec == std::errc::result_out_of_range;
}

// A thousands separator sits after a digit and before exactly three digits.
bool validGroupSeparator(std::string_view s, std::size_t i)
{
    if (i == 0 || !isDigit(s[i - 1]) || i + 3 >= s.size() || !isDigit(s[i + 1]) || !isDigit(s[i + 2])
        || !isDigit(s[i + 3]))
        return false;
    return i + 4 == s.size() || !isDigit(s[i + 4]);
}

// Numbers with separators: "1,234.5" in a ',' file (necessarily quoted there), and in the
// other dialects a decimal comma: "1,5" or "1.234,5". The last of ',' and '.' is the decimal
// point, the other one groups thousands.
bool parseSeparatedNumber(std::string_view s, bool decimalComma, double& out)
{
    const std::size_t lastComma = s.rfind(',');
    if (lastComma == std::string_view::npos)
        return false;
    const std::size_t lastDot = s.rfind('.');
    const bool commaIsDecimal = decimalComma && (lastDot == std::string_view::npos || lastComma > lastDot);
    const char group = commaIsDecimal ? '.' : ',';
    std::array<char, 64> buf;
    std::size_t len = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == group) {
            if (!validGroupSeparator(s, i))
                return false;
        } else if (len == buf.size()) {
            return false;
        } else {
            buf[len++] = commaIsDecimal && s[i] == ',' ? '.' : s[i];
        }
    }
    return parsePlainNumber(std::string_view(buf.data(), len), out);
}

// A cell as quoted in a message: clipped, so a 200 kB cell does not make a 200 kB warning.
std::string quoteCell(std::string_view s)
{
    constexpr std::size_t kMax = 40;
    return joinText("'", utf8Prefix(s, kMax), s.size() > kMax ? "...'" : "'");
}

// One pass over a column's cells: every cell is parsed once. The value vectors are only
// allocated (NaN-filled) when a cell of their kind turns up, so a date column never pays
// for a numbers vector and vice versa.
struct ColumnScan {
    std::vector<double> numbers; // NaN where not a number
    std::vector<double> dates;   // NaN where not a date
    std::size_t numberCount = 0, dateCount = 0, textCount = 0;
};

void store(std::vector<double>& values, std::size_t size, std::size_t i, double value)
{
    if (values.empty()) {
        reserveOnHugePages(values, size);
        values.assign(size, kNaN);
    }
    values[i] = value;
}

ColumnScan scanColumn(const CellGrid& grid, std::size_t col, std::size_t firstRow, bool decimalComma)
{
    ColumnScan s;
    const std::size_t n = grid.rows - firstRow;
    for (std::size_t i = 0; i < n; ++i) {
        double number = 0, date = 0;
        switch (classifyCell(grid.at(firstRow + i, col), decimalComma, number, date)) {
        case CellKind::Missing: break;
        case CellKind::Number:
            store(s.numbers, n, i, number);
            ++s.numberCount;
            break;
        case CellKind::Date:
            store(s.dates, n, i, date);
            ++s.dateCount;
            break;
        case CellKind::Text: ++s.textCount; break;
        }
    }
    return s;
}

// The text of column `col` from row `firstRow` on, in a buffer sized to fit in one go.
CellTexts cellTexts(const CellGrid& grid, std::size_t col, std::size_t firstRow)
{
    std::size_t bytes = 0;
    for (std::size_t r = firstRow; r < grid.rows; ++r)
        bytes += grid.at(r, col).size();
    CellTexts texts;
    texts.reserve(grid.rows - firstRow, bytes);
    for (std::size_t r = firstRow; r < grid.rows; ++r)
        texts.push_back(grid.at(r, col));
    return texts;
}

// Date when (nearly) all present cells are dates, Numeric when most are numbers (the others
// become NaN with a warning each), Text otherwise. A column with nothing in it is Numeric.
ColumnType decideType(const ColumnScan& s)
{
    const std::size_t present = s.numberCount + s.dateCount + s.textCount;
    if (present > 0 && s.dateCount * 10 >= present * 9)
        return ColumnType::Date;
    if (present == 0 || s.numberCount * 2 > present)
        return ColumnType::Numeric;
    return ColumnType::Text;
}

// A warning for each present cell of a Numeric or Date column that is not of its type (the
// first few one by one, then one line for the rest).
void reportBadCells(const Column& column, const CellGrid& grid, std::size_t col, std::size_t firstRow,
                    std::vector<CsvIssue>& warnings)
{
    if (column.type == ColumnType::Text)
        return;
    const char* what = column.type == ColumnType::Numeric ? "a number" : "a date";
    std::size_t bad = 0, firstUnlisted = 0;
    for (std::size_t i = 0; i < column.values.size(); ++i) {
        if (!std::isnan(column.values[i]))
            continue;
        const std::string_view cell = trimCell(grid.at(firstRow + i, col));
        if (isMissingCell(cell))
            continue;
        const std::size_t line = grid.lines[firstRow + i];
        if (++bad <= kWarningsPerColumn)
            warnings.push_back({line, joinText(quoteCell(cell), " in column '", column.name, "' is not ", what)});
        else if (bad == kWarningsPerColumn + 1)
            firstUnlisted = line;
    }
    if (bad > kWarningsPerColumn)
        warnings.push_back({firstUnlisted, joinText(std::to_string(bad - kWarningsPerColumn), " more cells in column '",
                                                    column.name, "' are not ", what, " (from this line on)")});
}

} // namespace

bool parseDateTime(std::string_view text, double& seconds)
{
    if (parseIsoDay(text, seconds))
        return true;
    // Cheap rejection first: every accepted form starts with four digits and a separator.
    if (text.size() < 6 || (text[4] != '-' && text[4] != '/'))
        return false;
    Cursor c{text};
    unsigned year = 0, month = 0, day = 1;
    if (!c.digits(4, 4, year))
        return false;
    const char sep = text[4];
    c.accept(sep);
    if (!c.digits(1, 2, month) || month < 1 || month > 12)
        return false;
    if (c.accept(sep) && (!c.digits(1, 2, day) || day < 1 || day > daysInMonth(year, month)))
        return false;
    double secondsOfDay = 0;
    if (c.pos < text.size() && (text[c.pos] == ' ' || text[c.pos] == 'T')) {
        ++c.pos;
        if (!parseTime(c, secondsOfDay))
            return false;
        c.accept('Z');
    }
    if (!c.done())
        return false;
    seconds = static_cast<double>(daysFromCivil(year, month, day) * kSecondsPerDay) + secondsOfDay;
    return true;
}

std::string formatDateTime(double seconds, bool withTime)
{
    if (!std::isfinite(seconds))
        return {};
    const auto whole = static_cast<std::int64_t>(std::floor(seconds));
    std::int64_t days = whole / kSecondsPerDay;
    std::int64_t rest = whole % kSecondsPerDay;
    if (rest < 0) { // before 1970: keep the time of day positive
        rest += kSecondsPerDay;
        --days;
    }
    const Civil d = civilFromDays(days);
    char buf[48];
    if (withTime)
        std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02lld:%02lld:%02lld", static_cast<long long>(d.year), d.month,
                      d.day, static_cast<long long>(rest / 3600), static_cast<long long>(rest / 60 % 60),
                      static_cast<long long>(rest % 60));
    else
        std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(d.year), d.month, d.day);
    return buf;
}

// fmod(seconds, 86400) != 0 without fmod, whose loop took 4 % of `rnnwb describe` on a million
// dates: a whole number of days is a whole number of seconds divisible by 86400.
bool hasTimeOfDay(double seconds)
{
    if (!std::isfinite(seconds))
        return false;
    if (std::abs(seconds) >= 0x1p62) // beyond int64 (no date has that many seconds)
        return std::fmod(seconds, static_cast<double>(kSecondsPerDay)) != 0;
    const auto whole = static_cast<std::int64_t>(seconds);
    return static_cast<double>(whole) != seconds || whole % kSecondsPerDay != 0;
}

std::string_view trimCell(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool isMissingCell(std::string_view s)
{
    if (s.size() > 4)
        return false;
    static constexpr std::array<std::string_view, 10> kMarkers
        = {"", "na", "n/a", "nan", "null", "-", "#n/a", "#na", "<na>", "-nan"};
    char lower[4] = {};
    for (std::size_t i = 0; i < s.size(); ++i)
        lower[i] = static_cast<char>(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
    const std::string_view folded(lower, s.size());
    return std::find(kMarkers.begin(), kMarkers.end(), folded) != kMarkers.end();
}

bool parseNumberCell(std::string_view s, bool decimalComma, double& out)
{
    return parsePlainNumber(s, out) || parseSeparatedNumber(s, decimalComma, out);
}

CellKind classifyCell(std::string_view raw, bool decimalComma, double& number, double& date)
{
    const std::string_view s = trimCell(raw);
    if (parseIsoDay(s, date)) // first: never a number or a missing marker, and the commonest date
        return CellKind::Date;
    if (isMissingCell(s))
        return CellKind::Missing;
    if (parseNumberCell(s, decimalComma, number))
        return CellKind::Number;
    if (parseDateTime(s, date))
        return CellKind::Date;
    return CellKind::Text;
}

bool firstRowIsHeader(const CellGrid& grid, bool decimalComma)
{
    const auto kindAt = [&](std::size_t row, std::size_t col) {
        double number = 0, date = 0;
        return classifyCell(grid.at(row, col), decimalComma, number, date);
    };
    const auto isData = [](CellKind k) { return k == CellKind::Number || k == CellKind::Date; };
    std::vector<CellKind> top(grid.width);
    std::size_t text = 0, data = 0;
    for (std::size_t c = 0; c < grid.width; ++c) {
        top[c] = kindAt(0, c);
        text += top[c] == CellKind::Text;
        data += isData(top[c]);
    }
    if (text <= data)
        return false;
    const std::size_t probeEnd = std::min<std::size_t>(grid.rows, kHeaderProbeRows + 1);
    bool allText = true;
    for (std::size_t c = 0; c < grid.width; ++c) {
        std::size_t present = 0, dataBelow = 0;
        for (std::size_t r = 1; r < probeEnd; ++r) {
            const CellKind k = kindAt(r, c);
            present += k != CellKind::Missing;
            dataBelow += isData(k);
        }
        const bool dataColumn = dataBelow * 2 > present;
        if (dataColumn && top[c] == CellKind::Text)
            return true;
        allText = allText && !dataColumn;
    }
    return allText;
}

Column makeColumn(std::string name, const CellGrid& grid, std::size_t col, std::size_t firstRow, bool decimalComma,
                  std::vector<CsvIssue>& warnings)
{
    const std::size_t n = grid.rows - firstRow;
    ColumnScan scan = scanColumn(grid, col, firstRow, decimalComma);
    Column column;
    column.name = std::move(name);
    column.type = decideType(scan);
    std::vector<double>& values = column.type == ColumnType::Date ? scan.dates : scan.numbers;
    column.values
        = column.type == ColumnType::Text || values.empty() ? std::vector<double>(n, kNaN) : std::move(values);
    if (column.type != ColumnType::Numeric) // Date and Text keep their cells' text
        column.text = cellTexts(grid, col, firstRow);
    reportBadCells(column, grid, col, firstRow, warnings);
    return column;
}

} // namespace rnnwb
