#pragma once
// UTF-8 helpers for text shown to a user or written as JSON (which must be valid UTF-8).
#include <cstddef>
#include <string_view>

namespace rnnwb {

// The longest prefix of s of at most maxBytes bytes that does not end inside a UTF-8
// sequence: backs up over continuation bytes (10xxxxxx) so a cut multi-byte character is
// dropped whole.
inline std::string_view utf8Prefix(std::string_view s, std::size_t maxBytes)
{
    if (s.size() <= maxBytes)
        return s;
    std::size_t n = maxBytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
        --n;
    return s.substr(0, n);
}

} // namespace rnnwb
