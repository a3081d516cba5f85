#pragma once
// The raw text of a CSV file, below the tokenizer: where lines break, whether the bytes are
// text and in which encoding, and the 8-bytes-at-a-time word tricks the hot scans use.
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace rnnwb {

inline bool isLineEnd(char c) { return c == '\n' || c == '\r'; }
// Line breaks in s: "\n", "\r\n" and a lone "\r" each count once.
std::size_t countLineBreaks(std::string_view s);
// The 1-based line that holds byte `offset` of text.
inline std::size_t lineAt(std::string_view text, std::size_t offset)
{
    return 1 + countLineBreaks(text.substr(0, offset));
}

// Throws CsvError (naming source and line) for UTF-16 and binary files, before any parsing.
void checkEncoding(std::string_view text, const std::string& source);
// Offset of the first byte that is not part of a well-formed UTF-8 sequence, or npos.
std::size_t firstInvalidUtf8(std::string_view text);
// Every byte as the Latin-1 (ISO 8859-1) character of that code.
std::string latin1ToUtf8(std::string_view text);

// ---- 8 bytes at a time

inline constexpr std::uint64_t kEveryByte = 0x0101010101010101u; // times c: c in every byte

// The 8 bytes at p as one number, the first byte lowest (what little-endian loads give).
inline std::uint64_t load8(const char* p)
{
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    if constexpr (std::endian::native == std::endian::big)
        word = __builtin_bswap64(word);
    return word;
}

// True when none of the 8 bytes at p has its high bit set.
inline bool isAscii8(const char* p) { return (load8(p) & (kEveryByte * 0x80)) == 0; }

// The classic test for a zero byte: (v - 0x01..01) & ~v & 0x80..80 marks the lowest zero
// byte exactly; a borrow out of it can also mark a higher byte.
inline std::uint64_t zeroBytes(std::uint64_t v) { return (v - kEveryByte) & ~v & (kEveryByte * 0x80); }

// Index of the lowest marked byte, the first in the text (see load8).
inline std::size_t firstMarkedByte(std::uint64_t marks)
{
    return static_cast<std::size_t>(std::countr_zero(marks)) / 8;
}

} // namespace rnnwb
