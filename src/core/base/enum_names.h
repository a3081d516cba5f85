#pragma once
// Reading an enum from the word that names it, with an error that lists the choices.
#include <stdexcept>
#include <string>

namespace rnnwb {

template <typename E, std::size_t N>
E parseEnumName(const std::string& text, const E (&values)[N], std::string (*name)(E), const char* what)
{
    std::string expected;
    for (E v : values) {
        if (text == name(v))
            return v;
        expected += (expected.empty() ? "" : ", ") + name(v);
    }
    throw std::invalid_argument("unknown " + std::string(what) + " '" + text + "' (expected " + expected + ")");
}

} // namespace rnnwb
