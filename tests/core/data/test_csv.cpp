// CSV import: dialects, dates, error paths, series extraction and describe.
// One tiny file per case lives in tests/data/csv/; the big inputs are generated here. Each
// _data() table is filled from an array of case structs, one named row per line.
#include "core/data/csv_dates.h"
#include "core/data/csv_reader.h"
#include "core/data/describe.h"
#include "core/data/series.h"

#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <string>
#include <thread>
#include <vector>

using rnnwb::ColumnType;
using rnnwb::CsvError;
using rnnwb::joinText;
using Values = std::vector<double>;
using Lines = std::vector<std::size_t>;
using Strings = std::vector<std::string>;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::string csvPath(const std::string& name) { return joinText(RNNWB_TEST_DATA, "/csv/", name); }
std::string dataPath(const std::string& name) { return joinText(RNNWB_TEST_DATA, "/", name); }
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Values as text, so that NaN equals NaN and QCOMPARE shows both sides on a failure.
QString show(const Values& values)
{
    QStringList parts;
    for (const double v : values)
        parts << QString::number(v, 'g', 17);
    return parts.join(QLatin1Char(' '));
}

// "D" date, "N" numeric, "T" text, one letter per column.
std::string typeLetters(const rnnwb::CsvTable& t)
{
    std::string s;
    for (const rnnwb::Column& c : t.columns)
        s += c.type == ColumnType::Date ? 'D' : c.type == ColumnType::Numeric ? 'N' : 'T';
    return s;
}

Strings columnNames(const rnnwb::CsvTable& t)
{
    Strings out;
    for (const rnnwb::Column& c : t.columns)
        out.push_back(c.name);
    return out;
}

// Asserts that `call` throws a CsvError for `line` whose text names the source and the line.
template <typename Call>
void expectCsvError(Call call, const std::string& source, std::size_t line, const std::string& fragment)
{
    try {
        call();
        QFAIL("no CsvError was thrown");
    } catch (const CsvError& e) {
        const std::string what = e.what();
        QVERIFY2(contains(what, joinText(source, line ? ":" : "", line ? std::to_string(line) : "", ": ")),
                 what.c_str());
        QVERIFY2(contains(what, fragment), what.c_str());
        QCOMPARE(e.line(), line);
        QCOMPARE(e.file(), source);
    }
}

// ---------------------------------------------------------------- cases

// The cases of tests/data/csv/cases.json: one object per named row of a _data() table.
const nlohmann::json& cases()
{
    static const nlohmann::json all = nlohmann::json::parse(std::ifstream(csvPath("cases.json")));
    return all;
}

void addRows(const char* table)
{
    QTest::addColumn<nlohmann::json>("c");
    for (const nlohmann::json& c : cases().at(table))
        QTest::newRow(c.at("name").get<std::string>().c_str()) << c;
}

// A number from the cases: null is NaN, "inf" and "-inf" are infinities.
double number(const nlohmann::json& j)
{
    if (j.is_null())
        return kNaN;
    if (j.is_string())
        return j.get<std::string>() == "inf" ? kInf : -kInf;
    return j.get<double>();
}

Values numbers(const nlohmann::json& array)
{
    Values out;
    for (const nlohmann::json& j : array)
        out.push_back(number(j));
    return out;
}

} // namespace

class TestCsv : public QObject {
    Q_OBJECT

private slots:
    void dialects_data() { addRows("dialects"); }
    void dialects();
    void cells();
    void errors_data() { addRows("errors"); }
    void errors();
    void longLines_data();
    void longLines();
    void seriesErrors_data() { addRows("seriesErrors"); }
    void seriesErrors();
    void series_data() { addRows("series"); }
    void series();
    void datasets_data();
    void datasets();
    void dateCells_data() { addRows("dates"); }
    void dateCells();
    void numberCells_data() { addRows("numbers"); }
    void numberCells();
    void chooseColumns();
    void describeJson();
    void describeTerminal();
    void millionRows();
    void isoDays();
    void timeOfDay_data();
    void timeOfDay();
    void packedCellTexts();
    void cellsAtEveryOffset_data();
    void cellsAtEveryOffset();
    void bigTextColumn();
    void fromPipe();
};

void TestCsv::dialects()
{
    QFETCH(nlohmann::json, c);
    const std::string path = csvPath(c["file"]);
    const rnnwb::CsvTable t = rnnwb::readCsvFile(path);
    QCOMPARE(t.source, path);
    QCOMPARE(std::string(1, t.delimiter), c["delimiter"].get<std::string>());
    QCOMPARE(t.hasHeader, c["header"].get<bool>());
    QVERIFY(columnNames(t) == c["names"].get<Strings>());
    QCOMPARE(typeLetters(t), c["types"].get<std::string>());
    QVERIFY(t.rowLine == c["rowLines"].get<Lines>());
    QVERIFY(t.warnings.empty());
    for (const rnnwb::Column& column : t.columns) {
        QCOMPARE(column.values.size(), t.rowCount());
        QCOMPARE(column.text.size(), column.type == ColumnType::Numeric ? 0 : t.rowCount());
    }
    QCOMPARE(show(t.columns.at(c["column"]).values), show(numbers(c["values"])));
}

// Cell text kept for Text and Date columns, and a warning for a cell that is not a number.
void TestCsv::cells()
{
    const rnnwb::CsvTable quoted = rnnwb::readCsvFile(csvPath("quoted.csv"));
    QVERIFY(quoted.columns[1].text == (Strings{"he said \"hi\"", "multi\nline, text", "plain"}));
    QCOMPARE(rnnwb::readCsvFile(csvPath("datetime.csv")).columns[0].text[2], std::string("2021-03-04T05:09:00Z"));
    const rnnwb::CsvTable bad = rnnwb::readCsvFile(csvPath("bad_number.csv"));
    QCOMPARE(typeLetters(bad), std::string("NN"));
    QCOMPARE(show(bad.columns[0].values), show({1, kNaN, 4}));
    QCOMPARE(bad.warnings.size(), std::size_t{1});
    QCOMPARE(rnnwb::formatIssue(bad.warnings[0]), std::string("line 3: 'abc' in column 'x' is not a number"));
}

void TestCsv::errors()
{
    QFETCH(nlohmann::json, c);
    const std::string path = csvPath(c["file"]);
    expectCsvError([&] { rnnwb::readCsvFile(path); }, path, c["line"], c["fragment"]);
}

// A single 200 kB line, generated here: handled in linear time wherever it appears.
void TestCsv::longLines_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::size_t>("errorLine"); // 0: parses, into one row
    QTest::addColumn<std::string>("fragment");
    QTest::addColumn<std::size_t>("columns");
    const std::string word(200000, 'x');
    std::string numbers = "0";
    std::size_t count = 1;
    for (; numbers.size() < 200000; ++count)
        numbers += joinText(",", std::to_string(count));
    QTest::newRow("long word: header only") << word << std::size_t{1} << std::string("no data rows") << std::size_t{0};
    QTest::newRow("long ragged row") << joinText("a,b\n1,2\n", numbers, "\n") << std::size_t{3}
                                     << std::string("but line 1 has 2") << std::size_t{0};
    QTest::newRow("long unterminated quote")
        << joinText("a,b\n1,\"", word) << std::size_t{2} << std::string("unterminated") << std::size_t{0};
    QTest::newRow("long quoted cell") << joinText("a,b\n1,\"", word, "\"\n") << std::size_t{0} << std::string()
                                      << std::size_t{2};
    QTest::newRow("wide numeric row") << joinText(numbers, "\n") << std::size_t{0} << std::string() << count;
}

void TestCsv::longLines()
{
    QFETCH(std::string, text);
    QFETCH(std::size_t, errorLine);
    QFETCH(std::string, fragment);
    QFETCH(std::size_t, columns);
    if (errorLine != 0) {
        expectCsvError([&] { rnnwb::parseCsv(text, "long.csv"); }, "long.csv", errorLine, fragment);
        return;
    }
    const rnnwb::CsvTable t = rnnwb::parseCsv(text, "long.csv");
    QCOMPARE(t.columns.size(), columns);
    QCOMPARE(t.rowCount(), std::size_t{1});
}

void TestCsv::seriesErrors()
{
    QFETCH(nlohmann::json, c);
    const std::string path = csvPath(c["file"]);
    const rnnwb::CsvTable t = rnnwb::readCsvFile(path);
    const std::size_t column = rnnwb::findColumn(t, c["column"]);
    expectCsvError([&] { rnnwb::extractSeries(t, column, rnnwb::MissingPolicy::Drop); }, path, c["line"],
                   c["fragment"]);
}

void TestCsv::series()
{
    QFETCH(nlohmann::json, c);
    const auto policy = c["policy"] == "drop" ? rnnwb::MissingPolicy::Drop : rnnwb::MissingPolicy::Interpolate;
    const rnnwb::CsvTable t = rnnwb::readCsvFile(csvPath(c["file"]));
    const rnnwb::Series s = rnnwb::extractSeries(t, rnnwb::defaultColumn(t), policy);
    QCOMPARE(show(s.values), show(numbers(c["values"])));
    QVERIFY(s.line == c["lines"].get<Lines>());
    Strings shown;
    for (const rnnwb::CsvIssue& w : s.warnings)
        shown.push_back(rnnwb::formatIssue(w));
    QVERIFY2(shown == c["warnings"].get<Strings>(), shown.empty() ? "no warnings" : shown.front().c_str());
    QCOMPARE(s.time.size(), s.timeColumn.empty() ? 0 : s.values.size());
}

// The shipped datasets; every value was compared with pandas.read_csv (bit for bit, dates
// as epoch seconds) when this test was written. Row counts and the ends are encoded here.
void TestCsv::datasets_data()
{
    QTest::addColumn<std::string>("file");
    QTest::addColumn<std::string>("column");
    QTest::addColumn<std::size_t>("rows");
    QTest::addColumn<Values>("ends");      // first and last value
    QTest::addColumn<std::string>("time"); // the date column
    QTest::addColumn<Values>("timeEnds");  // its first and last date, seconds since 1970
    using S = std::string;
    QTest::newRow("airline-passengers") << S("airline-passengers.csv") << S("Passengers") << std::size_t{144}
                                        << Values{112, 432} << S("Month") << Values{-662688000, -286675200};
    QTest::newRow("LSTM") << S("LSTM.csv") << S("passengers") << std::size_t{144} << Values{112, 432} << S()
                          << Values{};
    QTest::newRow("monthly-sunspots") << S("monthly-sunspots.csv") << S("Sunspots") << std::size_t{2820}
                                      << Values{58.0, 33.4} << S("Month") << Values{-6974035200, 439084800};
    QTest::newRow("daily-min-temperatures") << S("daily-min-temperatures.csv") << S("Temp") << std::size_t{3650}
                                            << Values{20.7, 13.0} << S("Date") << Values{347155200, 662601600};
}

void TestCsv::datasets()
{
    QFETCH(std::string, file);
    QFETCH(std::string, column);
    QFETCH(std::size_t, rows);
    QFETCH(Values, ends);
    QFETCH(std::string, time);
    QFETCH(Values, timeEnds);
    const rnnwb::CsvTable t = rnnwb::readCsvFile(dataPath(file));
    QCOMPARE(t.rowCount(), rows);
    const std::size_t index = rnnwb::defaultColumn(t);
    QCOMPARE(t.columns[index].name, column);
    const rnnwb::Series s = rnnwb::extractSeries(t, index, rnnwb::MissingPolicy::Drop);
    QCOMPARE(s.values.size(), rows);
    QCOMPARE(show({s.values.front(), s.values.back()}), show(ends));
    QCOMPARE(s.timeColumn, time);
    QCOMPARE(show(s.time.empty() ? Values{} : Values{s.time.front(), s.time.back()}), show(timeEnds));
    QVERIFY(s.warnings.empty());
}

void TestCsv::dateCells()
{
    QFETCH(nlohmann::json, c);
    const double expected = number(c["seconds"]);
    double seconds = kNaN;
    QCOMPARE(rnnwb::parseDateTime(c["text"].get<std::string>(), seconds), !std::isnan(expected));
    QCOMPARE(show({seconds}), show({expected}));
}

void TestCsv::numberCells()
{
    QFETCH(nlohmann::json, c);
    const double expected = number(c["value"]);
    double value = kNaN;
    QCOMPARE(rnnwb::parseNumberCell(c["text"].get<std::string>(), c["decimalComma"], value), !std::isnan(expected));
    if (!std::isnan(expected))
        QCOMPARE(value, expected);
}

void TestCsv::chooseColumns()
{
    const rnnwb::CsvTable airline = rnnwb::readCsvFile(dataPath("airline-passengers.csv"));
    QCOMPARE(rnnwb::defaultColumn(airline), std::size_t{1}); // the date column is skipped
    QCOMPARE(rnnwb::findColumn(airline, "Month"), std::size_t{0});
    QCOMPARE(rnnwb::findColumn(airline, "1"), std::size_t{1});
    try {
        rnnwb::findColumn(airline, "Sales");
        QFAIL("no exception for an unknown column");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(contains(e.what(), "'Sales'") && contains(e.what(), "0 'Month', 1 'Passengers'"), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rnnwb::findColumn(airline, "2"));
    QCOMPARE(rnnwb::findColumn(rnnwb::readCsvFile(csvPath("no_header.csv")), "1"), std::size_t{1});
    const std::string textOnly = csvPath("text_only.csv");
    expectCsvError([&] { rnnwb::defaultColumn(rnnwb::readCsvFile(textOnly)); }, textOnly, 0, "no numeric column");
}

void TestCsv::describeJson()
{
    const nlohmann::json d = rnnwb::describeTable(rnnwb::readCsvFile(dataPath("daily-min-temperatures.csv")));
    QCOMPARE(d["file"].get<std::string>(), dataPath("daily-min-temperatures.csv"));
    QCOMPARE(d["delimiter"].get<std::string>(), std::string(","));
    QCOMPARE(d["header"].get<bool>(), true);
    QCOMPARE(d["rows"].get<int>(), 3650);
    const nlohmann::json& date = d["columns"][0];
    QCOMPARE(date["type"].get<std::string>(), std::string("date"));
    QCOMPARE(date["first"].get<std::string>(), std::string("1981-01-01"));
    QCOMPARE(date["last"].get<std::string>(), std::string("1990-12-31"));
    QCOMPARE(date["gaps"].get<int>(), 2); // 1984-12-31 and 1988-12-31 are absent
    const nlohmann::json& temp = d["columns"][1];
    QCOMPARE(temp["type"].get<std::string>(), std::string("numeric"));
    QCOMPARE(temp["count"].get<int>(), 3650);
    QCOMPARE(temp["missing"].get<int>(), 0);
    QCOMPARE(temp["min"].get<double>(), 0.0);
    QCOMPARE(temp["max"].get<double>(), 26.3);
    QVERIFY(d["warnings"].empty());

    const nlohmann::json bad = rnnwb::describeTable(rnnwb::readCsvFile(csvPath("bad_number.csv")));
    QCOMPARE(bad["columns"][0]["missing"].get<int>(), 1);
    QCOMPARE(bad["warnings"][0]["line"].get<int>(), 3);
    const nlohmann::json markers = rnnwb::describeTable(rnnwb::readCsvFile(csvPath("missing_markers.csv")));
    QCOMPARE(markers["columns"][1]["type"].get<std::string>(), std::string("text"));
    QCOMPARE(markers["columns"][1]["count"].get<int>(), 11);
}

void TestCsv::describeTerminal()
{
    const std::string text = rnnwb::describeText(rnnwb::readCsvFile(csvPath("bad_number.csv")));
    QVERIFY2(contains(text, "rows       3\n"), text.c_str());
    QVERIFY2(contains(text, "0  x       numeric      2        1    1    4\n"), text.c_str());
    QVERIFY2(contains(text, "line 3: 'abc' in column 'x' is not a number"), text.c_str());
    const std::string dated = rnnwb::describeText(rnnwb::readCsvFile(csvPath("datetime.csv")));
    QVERIFY2(contains(dated, "2021-03-04 05:06:00  2021-03-04 05:10:00"), dated.c_str());
}

// 1,000,000 rows of "date,value": correctness only (speed is measured by benchmarks).
void TestCsv::millionRows()
{
    constexpr int kRows = 1000000;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("million.csv")).toStdString();
    {
        std::ofstream out(path, std::ios::binary);
        out << "date,value\n";
        const std::chrono::sys_days start{std::chrono::year{1900} / 1 / 1};
        for (int i = 0; i < kRows; ++i) {
            const std::chrono::year_month_day day{start + std::chrono::days{i}};
            char line[48];
            std::snprintf(line, sizeof line, "%04d-%02u-%02u,%g\n", static_cast<int>(day.year()),
                          static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()),
                          (i % 1000) * 0.25 - 7.5);
            out << line;
        }
    }
    const rnnwb::CsvTable t = rnnwb::readCsvFile(path);
    QCOMPARE(t.rowCount(), std::size_t{kRows});
    QCOMPARE(typeLetters(t), std::string("DN"));
    QVERIFY(t.warnings.empty());
    const double day0 = -2208988800.0; // 1900-01-01
    QCOMPARE(t.columns[0].values.front(), day0);
    QCOMPARE(t.columns[0].values.back(), day0 + (kRows - 1) * 86400.0);
    QCOMPARE(t.columns[1].values[123456], 456 * 0.25 - 7.5);
    QCOMPARE(t.rowLine.back(), std::size_t{kRows + 1});
    QCOMPARE(rnnwb::extractSeries(t, rnnwb::defaultColumn(t), rnnwb::MissingPolicy::Drop).values.size(),
             std::size_t{kRows});
}

// Every day from 1583 (the first whole Gregorian year) to 2400 as "YYYY-MM-DD", the reader's
// fast path, gives the seconds of the general parser ("YYYY/MM/DD") and of std::chrono;
// impossible days are not dates.
void TestCsv::isoDays()
{
    const std::chrono::sys_days first{std::chrono::year{1583} / 1 / 1}, last{std::chrono::year{2400} / 12 / 31};
    for (std::chrono::sys_days d = first; d <= last; d += std::chrono::days{1}) {
        const std::chrono::year_month_day day{d};
        char iso[16], slashed[16];
        std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", static_cast<int>(day.year()),
                      static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
        std::snprintf(slashed, sizeof slashed, "%04d/%02u/%02u", static_cast<int>(day.year()),
                      static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
        double fast = kNaN, general = kNaN, number = 0, date = kNaN;
        QVERIFY2(rnnwb::parseDateTime(iso, fast) && rnnwb::parseDateTime(slashed, general), iso);
        const double expected = static_cast<double>(d.time_since_epoch().count()) * 86400.0;
        if (fast != expected || general != expected
            || rnnwb::classifyCell(iso, false, number, date) != rnnwb::CellKind::Date || date != expected)
            QFAIL(iso);
    }
    for (const char* impossible : {"2021-02-29", "2100-02-29", "2021-04-31", "2021-00-10", "2021-13-01", "2021-01-00",
                                   "2021-01-32", "20x1-01-01", "2021-01-1x", "2021+01-01"}) {
        double seconds = kNaN, number = 0;
        QVERIFY2(!rnnwb::parseDateTime(impossible, seconds), impossible);
        QVERIFY2(rnnwb::classifyCell(impossible, false, number, seconds) == rnnwb::CellKind::Text, impossible);
    }
    double leap = kNaN;
    QVERIFY(rnnwb::parseDateTime("2000-02-29", leap));
    QCOMPARE(rnnwb::formatDateTime(leap, false), std::string("2000-02-29"));
}

void TestCsv::timeOfDay_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<bool>("hasTime");
    QTest::newRow("epoch") << 0.0 << false;
    QTest::newRow("a day") << 86400.0 << false;
    QTest::newRow("a day before the epoch") << -86400.0 << false;
    QTest::newRow("1900-01-01") << -2208988800.0 << false;
    QTest::newRow("9999-12-31") << 253402214400.0 << false;
    QTest::newRow("an hour") << 3600.0 << true;
    QTest::newRow("a second before the epoch") << -1.0 << true;
    QTest::newRow("a millisecond") << 0.001 << true;
    QTest::newRow("a day and a half") << 129600.0 << true;
    QTest::newRow("NaN") << kNaN << false;
    QTest::newRow("infinity") << kInf << false;
    QTest::newRow("beyond int64, whole days") << 86400.0 * 0x1p60 << false;
}

void TestCsv::timeOfDay()
{
    QFETCH(double, seconds);
    QFETCH(bool, hasTime);
    QCOMPARE(rnnwb::hasTimeOfDay(seconds), hasTime);
}

// Column::text packs the cells into one buffer; each reads back as it went in.
void TestCsv::packedCellTexts()
{
    rnnwb::CellTexts texts;
    QVERIFY(texts.empty());
    const Strings cells = {"", "a", "", "quoted \"text\"", std::string(300, 'x'), "\xC3\xA9t\xC3\xA9", ""};
    for (const std::string& cell : cells)
        texts.push_back(cell);
    QCOMPARE(texts.size(), cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        QCOMPARE(texts[i], cells[i]);
        QCOMPARE(texts.view(i), std::string_view(cells[i]));
    }
    QVERIFY(texts == cells);
    QVERIFY(!(texts == Strings(cells.begin(), cells.end() - 1)));
    rnnwb::CellTexts copy = texts;
    QVERIFY(copy == texts);
    copy.push_back("more");
    QVERIFY(!(copy == texts));
}

// Cells of every length from 0 to 19 bytes, so that delimiters and line ends fall on every
// offset of the tokenizer's 8-byte steps; with each delimiter and each line end.
void TestCsv::cellsAtEveryOffset_data()
{
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<std::string>("lineEnd");
    for (const char d : {',', ';', '\t', '|'})
        for (const char* end : {"\n", "\r\n", "\r"})
            QTest::addRow("%s, %s", d == '\t' ? "tab" : std::string(1, d).c_str(),
                          end[0] == '\n' ? "LF"
                          : end[1]       ? "CRLF"
                                         : "CR")
                << d << std::string(end);
}

void TestCsv::cellsAtEveryOffset()
{
    QFETCH(char, delimiter);
    QFETCH(std::string, lineEnd);
    constexpr std::size_t kRows = 60, kColumns = 3;
    const auto cell = [](std::size_t row, std::size_t col) {
        const std::size_t length = (row * 7 + col * 3) % 20;
        std::string s;
        for (std::size_t i = 0; i < length; ++i)
            s += static_cast<char>('a' + (row + col + i) % 26);
        return s;
    };
    std::string text
        = joinText("first", std::string(1, delimiter), "second", std::string(1, delimiter), "third", lineEnd);
    for (std::size_t r = 0; r < kRows; ++r)
        for (std::size_t c = 0; c < kColumns; ++c)
            text += joinText(cell(r, c), c + 1 < kColumns ? std::string(1, delimiter) : lineEnd);
    const rnnwb::CsvTable t = rnnwb::parseCsv(text, "offsets.csv");
    QCOMPARE(t.delimiter, delimiter);
    QCOMPARE(typeLetters(t), std::string("TTT"));
    QCOMPARE(t.rowCount(), kRows);
    for (std::size_t r = 0; r < kRows; ++r)
        for (std::size_t c = 0; c < kColumns; ++c)
            QCOMPARE(t.columns[c].text[r], cell(r, c));
    QCOMPARE(t.rowLine.back(), kRows + 1);
}

// A text column of several megabytes (its buffers on huge pages) keeps every cell.
void TestCsv::bigTextColumn()
{
    constexpr std::size_t kRows = 400000;
    std::string text = "id,value\n";
    for (std::size_t i = 0; i < kRows; ++i)
        text += joinText("station-", std::to_string(i), ",", std::to_string(i % 97), ".5\n");
    const rnnwb::CsvTable t = rnnwb::parseCsv(text, "stations.csv");
    QCOMPARE(typeLetters(t), std::string("TN"));
    QCOMPARE(t.columns[0].text.size(), kRows);
    for (std::size_t i = 0; i < kRows; ++i)
        if (t.columns[0].text.view(i) != joinText("station-", std::to_string(i))
            || t.columns[1].values[i] != i % 97 + 0.5)
            QFAIL(joinText("row ", std::to_string(i)).c_str());
}

// A named pipe has no size: the reader takes it block by block, and gets what a file gives.
void TestCsv::fromPipe()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string fifo = dir.filePath(QStringLiteral("feed.csv")).toStdString();
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    std::string text = "date,value\n";
    for (int i = 0; i < 20000; ++i) // ~400 kB: several blocks
        text += joinText("2020-01-01,", std::to_string(i * 0.125), "\n");
    std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << text; });
    rnnwb::CsvTable piped;
    try {
        piped = rnnwb::readCsvFile(fifo);
    } catch (const CsvError& e) {
        writer.join();
        QFAIL(e.what());
    }
    writer.join();
    const rnnwb::CsvTable parsed = rnnwb::parseCsv(text, fifo);
    QCOMPARE(piped.rowCount(), std::size_t{20000});
    QCOMPARE(show(piped.columns[1].values), show(parsed.columns[1].values));
    QVERIFY(piped.columns[0].text == parsed.columns[0].text);
    QVERIFY(piped.rowLine == parsed.rowLine);
}

QTEST_APPLESS_MAIN(TestCsv)
#include "test_csv.moc"
