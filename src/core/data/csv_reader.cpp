#include "core/data/csv_reader.h"

#include "core/base/huge_pages.h"
#include "core/data/csv_dates.h"
#include "core/data/csv_text.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace rnnwb {

CsvError::CsvError(std::string file, std::size_t line, std::string what)
    : std::runtime_error(line ? joinText(file, ":", std::to_string(line), ": ", what) : joinText(file, ": ", what)),
      file_(std::move(file)), line_(line), message_(std::move(what))
{ }

std::string formatIssue(const CsvIssue& issue)
{
    return issue.line ? joinText("line ", std::to_string(issue.line), ": ", issue.message) : issue.message;
}

namespace {

constexpr std::size_t kSniffRecords = 50;        // records looked at to choose the delimiter
constexpr std::size_t kMaxTextSize = 0x7FFFFFFF; // CellRef offsets are 32-bit (text + rewritten)

// ---------------------------------------------------------------- tokenizer

// Splits text into records of fields (RFC 4180 quoting), tracking physical lines. A field is
// a CellRef into the text, or into `rewritten` for the rare quoted field that had to be
// rewritten (doubled quotes, text after the closing quote).
class Tokenizer {
public:
    Tokenizer(std::string_view text, char delimiter, const std::string& source, std::string& rewritten)
        : text_(text), delim_(delimiter), source_(source), rewritten_(rewritten)
    { }

    // Appends the next record's fields to out and returns their count; 0 at the end of the
    // input. Blank lines are skipped, as pandas does.
    std::size_t next(HugeVector<CellRef>& out)
    {
        while (pos_ < text_.size() && isLineEnd(text_[pos_]))
            skipLineEnd();
        if (pos_ == text_.size())
            return 0;
        recordLine_ = line_;
        for (std::size_t count = 1;; ++count) {
            out.push_back(pos_ < text_.size() && text_[pos_] == '"' ? quotedField() : plainField());
            if (pos_ < text_.size() && text_[pos_] == delim_) {
                ++pos_;
                continue;
            }
            if (pos_ < text_.size())
                skipLineEnd();
            return count;
        }
    }
    std::size_t recordLine() const { return recordLine_; } // where the last record started

private:
    static CellRef ref(std::size_t begin, std::size_t size)
    {
        return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(size)};
    }
    // Up to the next delimiter or line end: the hot loop of the reader, 8 bytes at a time.
    std::size_t plainEnd(std::size_t from) const
    {
        const char* p = text_.data() + from;
        const char* end = text_.data() + text_.size();
        for (; end - p >= 8; p += 8) {
            if (const std::uint64_t stops = stopBytes(load8(p)))
                return static_cast<std::size_t>(p - text_.data()) + firstMarkedByte(stops);
        }
        while (p != end && *p != delim_ && *p != '\n' && *p != '\r')
            ++p;
        return static_cast<std::size_t>(p - text_.data());
    }
    // The high bit of each byte of `word` that is the delimiter, '\n' or '\r' (and possibly of
    // bytes after the first such byte, which firstMarkedByte never looks at).
    std::uint64_t stopBytes(std::uint64_t word) const
    {
        return zeroBytes(word ^ delimBytes_) | zeroBytes(word ^ kEveryByte * '\n')
               | zeroBytes(word ^ kEveryByte * '\r');
    }
    CellRef plainField()
    {
        const std::size_t start = pos_;
        pos_ = plainEnd(pos_);
        return ref(start, pos_ - start);
    }
    CellRef quotedField();
    void skipLineEnd()
    {
        if (text_[pos_++] == '\r' && pos_ < text_.size() && text_[pos_] == '\n')
            ++pos_;
        ++line_;
    }

    std::string_view text_;
    char delim_;
    std::uint64_t delimBytes_ = kEveryByte * static_cast<unsigned char>(delim_); // the delimiter in every byte
    const std::string& source_;
    std::string& rewritten_;
    std::size_t pos_ = 0, line_ = 1, recordLine_ = 0;
};

// pos_ is on the opening quote. Each search for the next quote starts where the last one
// ended, so a long field is scanned once.
CellRef Tokenizer::quotedField()
{
    const std::size_t openLine = line_;
    const std::size_t start = ++pos_;
    std::size_t kept = start; // the text before this is already rewritten
    std::size_t rewrittenStart = std::string::npos;
    const auto rewrite = [&](std::string_view more) {
        rewrittenStart = rewrittenStart == std::string::npos ? rewritten_.size() : rewrittenStart;
        rewritten_.append(more);
    };
    for (;;) {
        const std::size_t q = text_.find('"', pos_);
        if (q == std::string_view::npos)
            throw CsvError(source_, openLine, "unterminated quoted field (the quote opens on this line)");
        line_ += countLineBreaks(text_.substr(pos_, q - pos_));
        pos_ = q + 1;
        if (pos_ < text_.size() && text_[pos_] == '"') { // "" stands for one quote: keep the first
            rewrite(text_.substr(kept, pos_ - kept));
            kept = ++pos_;
            continue;
        }
        const std::size_t tailEnd = plainEnd(pos_); // text after the closing quote is kept, as pandas does
        if (rewrittenStart == std::string::npos && tailEnd == pos_)
            return ref(start, q - start);
        rewrite(text_.substr(kept, q - kept));
        rewrite(text_.substr(pos_, tailEnd - pos_));
        pos_ = tailEnd;
        return ref(text_.size() + rewrittenStart, rewritten_.size() - rewrittenStart);
    }
}

// ---------------------------------------------------------------- delimiter

// Share of the first records having the most common field count (when that count is at
// least 2; 0 when the delimiter does not split the records).
double delimiterScore(std::string_view text, char delimiter, const std::string& source)
{
    std::string rewritten;
    Tokenizer tokenizer(text, delimiter, source, rewritten);
    HugeVector<CellRef> row;
    std::map<std::size_t, std::size_t> frequency; // field count -> records
    std::size_t records = 0;
    try {
        for (std::size_t n; records < kSniffRecords && (n = tokenizer.next(row)) != 0; ++records) {
            ++frequency[n];
            row.clear();
        }
    } catch (const CsvError&) {
        // an unterminated quote: score the records before it; the real parse reports it
    }
    const auto mode = std::max_element(frequency.begin(), frequency.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    if (mode == frequency.end() || mode->first < 2)
        return 0;
    return static_cast<double>(mode->second) / static_cast<double>(records);
}

// The most consistent splitter wins. On a tie the order below decides: a ';' file with
// decimal commas splits just as consistently on ',', so ',' comes last.
char detectDelimiter(std::string_view text, const std::string& source)
{
    static constexpr std::array<char, 4> kCandidates = {'\t', ';', '|', ','};
    char best = ',';
    for (double bestScore = 0; const char d : kCandidates)
        if (const double score = delimiterScore(text, d, source); score > bestScore)
            std::tie(best, bestScore) = std::pair(d, score);
    return best;
}

// ---------------------------------------------------------------- records

// All records, row-major, each exactly `width` fields wide.
struct Records {
    std::string_view text;
    HugeVector<CellRef> cells;
    std::vector<std::size_t> line; // first physical line of each record (becomes CsvTable::rowLine)
    std::string rewritten;         // rewritten quoted fields, which cells can point into
    std::size_t width = 0;
    bool firstEndsEmpty = false; // the first record ends with a delimiter

    std::size_t rows() const { return line.size(); }
    CellGrid grid() const { return {cells.data(), width, rows(), line.data(), text, rewritten}; }
};

// Tokenizes the whole text. Every record must have the first record's field count, with one
// tolerance for trailing delimiters: a record with one more field, the extra one empty, loses
// it; and when the first record itself ends with a delimiter, a record one field short gets
// an empty one. Anything else is a ragged row.
void readRecords(std::string_view text, char delimiter, const std::string& source, Records& rec)
{
    rec.text = text;
    Tokenizer tokenizer(text, delimiter, source, rec.rewritten);
    rec.width = tokenizer.next(rec.cells);
    if (rec.width == 0)
        return;
    rec.line.push_back(tokenizer.recordLine());
    rec.firstEndsEmpty = rec.width > 1 && rec.cells.back().size == 0;
    const auto lineEstimate = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    rec.cells.reserve(lineEstimate * rec.width);
    reserveOnHugePages(rec.line, lineEstimate);
    while (const std::size_t n = tokenizer.next(rec.cells)) {
        if (n == rec.width + 1 && rec.cells.back().size == 0)
            rec.cells.pop_back();
        else if (n + 1 == rec.width && rec.firstEndsEmpty)
            rec.cells.push_back({});
        else if (n != rec.width)
            throw CsvError(source, tokenizer.recordLine(),
                           joinText("row has ", std::to_string(n), n == 1 ? " field" : " fields", ", but line ",
                                    std::to_string(rec.line[0]), " has ", std::to_string(rec.width)));
        rec.line.push_back(tokenizer.recordLine());
    }
}

// Columns to keep: all but a last one that only exists because of trailing delimiters
// (an empty name and no values).
std::size_t usedWidth(const Records& rec)
{
    if (!rec.firstEndsEmpty)
        return rec.width;
    const CellGrid grid = rec.grid();
    for (std::size_t r = 0; r < grid.rows; ++r)
        if (!isMissingCell(trimCell(grid.at(r, grid.width - 1))))
            return rec.width;
    return rec.width - 1;
}

// ---------------------------------------------------------------- names

// pandas' names: the header text, "Unnamed: i" for an empty one, "x.1", "x.2" for repeats;
// "0", "1", ... without a header.
std::vector<std::string> columnNames(const CellGrid& grid, bool header, std::size_t width)
{
    std::vector<std::string> names;
    std::unordered_set<std::string> used;
    std::unordered_map<std::string, std::size_t> nextSuffix; // keeps renaming linear
    for (std::size_t c = 0; c < width; ++c) {
        std::string base = header ? std::string(grid.at(0, c)) : std::to_string(c);
        if (base.empty())
            base = joinText("Unnamed: ", std::to_string(c));
        std::string name = base;
        for (std::size_t& k = nextSuffix[base]; used.count(name) != 0;)
            name = joinText(base, ".", std::to_string(++k));
        used.insert(name);
        names.push_back(std::move(name));
    }
    return names;
}

// The file's bytes: a regular file with one read() into a buffer on huge pages, left
// uninitialized before (see HugePageAllocator); a pipe or similar in blocks.
HugeVector<char> readWholeFile(const std::string& path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw CsvError(path, 0, "is a directory, not a CSV file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CsvError(path, 0, joinText("cannot open the file: ", std::strerror(errno)));
    HugeVector<char> data;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec) { // a regular file: one read
        data.resize(static_cast<std::size_t>(size));
        in.read(data.data(), static_cast<std::streamsize>(size));
        data.resize(static_cast<std::size_t>(in.gcount()));
    } else { // a pipe or similar: block by block
        constexpr std::size_t kBlock = std::size_t{1} << 16;
        while (in) {
            const std::size_t before = data.size();
            data.resize(before + kBlock);
            in.read(data.data() + before, static_cast<std::streamsize>(kBlock));
            data.resize(before + static_cast<std::size_t>(in.gcount()));
        }
    }
    if (in.bad())
        throw CsvError(path, 0, "cannot read the file");
    return data;
}

} // namespace

CsvTable parseCsv(std::string_view text, const std::string& sourceName)
{
    checkEncoding(text, sourceName);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") // UTF-8 byte order mark
        text.remove_prefix(3);
    // Names and text cells must be UTF-8 (JSON, Qt). A file that is not is most likely a
    // Latin-1 / Windows-1252 export ("Temp\xE9rature"): read it as Latin-1 and say so.
    std::string decoded;
    std::optional<CsvIssue> encodingWarning;
    if (const std::size_t bad = firstInvalidUtf8(text); bad != std::string_view::npos) {
        encodingWarning = CsvIssue{lineAt(text, bad), "the file is not valid UTF-8: read as Latin-1 (ISO 8859-1); "
                                                      "save it as UTF-8 if names or text look wrong"};
        decoded = latin1ToUtf8(text);
        text = decoded;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw CsvError(sourceName, 0, "the file is empty");
    if (text.size() > kMaxTextSize)
        throw CsvError(sourceName, 0, "the file is larger than 2 GB, which the reader does not support");
    CsvTable table;
    table.source = sourceName;
    table.delimiter = detectDelimiter(text, sourceName);
    const bool decimalComma = table.delimiter != ',';
    Records rec;
    readRecords(text, table.delimiter, sourceName, rec);
    const CellGrid grid = rec.grid();
    table.hasHeader = firstRowIsHeader(grid, decimalComma);
    const std::size_t firstRow = table.hasHeader ? 1 : 0;
    if (rec.rows() <= firstRow)
        throw CsvError(sourceName, rec.line.empty() ? 0 : rec.line[0], "only a header line, no data rows");
    const std::size_t width = usedWidth(rec);
    std::vector<std::string> names = columnNames(grid, table.hasHeader, width);
    table.columns.reserve(width);
    for (std::size_t c = 0; c < width; ++c)
        table.columns.push_back(makeColumn(std::move(names[c]), grid, c, firstRow, decimalComma, table.warnings));
    if (encodingWarning)
        table.warnings.push_back(*encodingWarning);
    table.rowLine = std::move(rec.line); // the columns are built: the lines can move
    table.rowLine.erase(table.rowLine.begin(), table.rowLine.begin() + static_cast<std::ptrdiff_t>(firstRow));
    std::stable_sort(table.warnings.begin(), table.warnings.end(),
                     [](const CsvIssue& a, const CsvIssue& b) { return a.line < b.line; });
    return table;
}

CsvTable readCsvFile(const std::string& path)
{
    const HugeVector<char> data = readWholeFile(path);
    return parseCsv(std::string_view(data.data(), data.size()), path);
}

} // namespace rnnwb
