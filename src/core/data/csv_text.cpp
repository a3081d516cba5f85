#include "core/data/csv_text.h"

#include "core/data/csv_reader.h"

#include <algorithm>

namespace rnnwb {

namespace {

constexpr const char* kUtf16 = "UTF-16 text is not supported; save as UTF-8";

// UTF-16 without a BOM shows as NUL bytes in every other position.
bool looksLikeUtf16(std::string_view text)
{
    const std::size_t n = std::min<std::size_t>(text.size(), 4096) & ~std::size_t{1};
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        even += text[i] == '\0';
        odd += text[i + 1] == '\0';
    }
    const std::size_t pairs = n / 2;
    return pairs > 0 && std::max(even, odd) * 10 >= pairs * 3 && std::min(even, odd) * 20 <= pairs;
}

} // namespace

std::size_t countLineBreaks(std::string_view s)
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
        n += s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'));
    return n;
}

// Refuses UTF-16 and binary files before any parsing. A NUL byte anywhere is binary; other
// control characters are only counted in the first 64 kB (a stray one in a cell is fine).
void checkEncoding(std::string_view text, const std::string& source)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    if (text.size() >= 2 && ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF)))
        throw CsvError(source, 1, kUtf16);
    // (memchr must not get the null pointer of an empty view, even for 0 bytes)
    if (const void* nul = text.empty() ? nullptr : std::memchr(text.data(), 0, text.size())) {
        if (looksLikeUtf16(text))
            throw CsvError(source, 1, kUtf16);
        const auto offset = static_cast<std::size_t>(static_cast<const char*>(nul) - text.data());
        throw CsvError(source, lineAt(text, offset), "binary data (a NUL byte): this is not a text file");
    }
    const std::size_t probe = std::min<std::size_t>(text.size(), 65536);
    std::size_t controls = 0, first = 0;
    for (std::size_t i = 0; i < probe; ++i) {
        const unsigned char c = byte(i);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && controls++ == 0)
            first = i;
    }
    if (controls >= 4 && controls * 100 >= probe)
        throw CsvError(source, lineAt(text, first), "binary data (control characters): this is not a text file");
}

// Offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), or npos when the text is valid.
std::size_t firstInvalidUtf8(std::string_view text)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    for (std::size_t i = 0; i < text.size();) {
        if (i + 8 <= text.size() && isAscii8(text.data() + i)) { // the usual case, 8 bytes at a time
            i += 8;
            continue;
        }
        const unsigned char b = byte(i);
        if (b < 0x80) {
            ++i;
            continue;
        }
        // Sequence length and the allowed range of its second byte (Unicode table 3-7).
        std::size_t length = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF)
            length = 2;
        else if (b == 0xE0)
            length = 3, lo = 0xA0;
        else if (b == 0xED)
            length = 3, hi = 0x9F;
        else if (b >= 0xE1 && b <= 0xEF)
            length = 3;
        else if (b == 0xF0)
            length = 4, lo = 0x90;
        else if (b >= 0xF1 && b <= 0xF3)
            length = 4;
        else if (b == 0xF4)
            length = 4, hi = 0x8F;
        if (length == 0 || i + length > text.size() || byte(i + 1) < lo || byte(i + 1) > hi)
            return i;
        for (std::size_t k = 2; k < length; ++k)
            if (byte(i + k) < 0x80 || byte(i + k) > 0xBF)
                return i;
        i += length;
    }
    return std::string_view::npos;
}

// Every byte as the Latin-1 (ISO 8859-1) character of that code: 0x80-0xFF become two bytes.
std::string latin1ToUtf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80) {
            out.push_back(c);
        } else {
            out.push_back(static_cast<char>(0xC0 | (b >> 6)));
            out.push_back(static_cast<char>(0x80 | (b & 0x3F)));
        }
    }
    return out;
}

} // namespace rnnwb
