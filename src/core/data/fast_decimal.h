#pragma once
// The exact fast path for plain decimals, the cells of nearly every numeric column
// ("-0.764544", "112", "3.14159"): several times faster than std::from_chars, and bit for bit
// the same double.
//
// Why it is exact (Clinger's fast path): with all the digits read as one integer m and k
// digits after the point, the value is m / 10^k. When m <= 2^53 and k <= 22 both m and 10^k
// are doubles exactly, and IEEE division rounds the exact quotient correctly (to nearest,
// ties to even), which is what std::from_chars promises too. Anything else (an exponent, a
// '+', ".5" or "1.", more digits or decimals than that, ...) returns false and is left to
// std::from_chars.
#include <array>
#include <cstdint>
#include <string_view>

namespace rnnwb {

// Parses `text` when it is exactly -?[0-9]+(\.[0-9]+)? within the limits above.
inline bool parseFastDecimal(std::string_view text, double& out)
{
    static constexpr std::array<double, 23> kPowersOfTen
        = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
           1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    constexpr std::size_t kMaxDigits = 19; // any 19 digits fit in a uint64
    constexpr std::uint64_t kMaxExact = std::uint64_t{1} << 53;
    const char* p = text.data();
    const char* const end = p + text.size();
    const bool negative = p != end && *p == '-';
    if (negative)
        ++p;
    std::uint64_t m = 0;
    const auto readDigits = [&] {
        const char* const start = p;
        for (; p != end && *p >= '0' && *p <= '9'; ++p)
            m = m * 10 + static_cast<unsigned>(*p - '0'); // may wrap past 19 digits: checked below
        return static_cast<std::size_t>(p - start);
    };
    std::size_t digits = readDigits(), decimals = 0;
    if (digits == 0)
        return false;
    if (p != end && *p == '.') {
        ++p;
        decimals = readDigits();
        if (decimals == 0)
            return false;
        digits += decimals;
    }
    if (p != end || digits > kMaxDigits || m > kMaxExact || decimals >= kPowersOfTen.size())
        return false;
    const double value = static_cast<double>(m) / kPowersOfTen[decimals];
    out = negative ? -value : value;
    return true;
}

} // namespace rnnwb
