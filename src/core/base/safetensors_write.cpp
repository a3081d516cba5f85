// Safetensors writing: F32 tensors back to back after a JSON header padded to 8 bytes,
// written atomically. See safetensors.h for the format.
#include "core/base/safetensors.h"
#include "core/base/safetensors_text.h"

#include "core/base/atomic_file.h"
#include "core/base/utf8_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <limits>
#include <set>
#include <stdexcept>
#include <string_view>

namespace rnnwb {

namespace safetensors_text {

std::string quoteName(std::string_view s)
{
    constexpr std::size_t kMaxShown = 80;
    const std::size_t shown = utf8Prefix(s, kMaxShown).size();
    std::string out = "'";
    for (std::size_t i = 0; i < shown; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7f) {
            constexpr char kHex[] = "0123456789abcdef";
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 0xf];
        } else {
            out += static_cast<char>(c);
        }
    }
    if (shown < s.size())
        out += "...";
    return out + "'";
}

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string out = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        out += (i ? ", " : "") + std::to_string(shape[i]);
    return out + "]";
}

} // namespace safetensors_text

namespace {

using namespace safetensors_text;

void appendFloatLE(std::vector<std::byte>& out, double value)
{
    const auto bits = std::bit_cast<std::uint32_t>(static_cast<float>(value));
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<std::byte>((bits >> (8 * i)) & 0xffu));
}

// Checks one tensor before it is written; returns its element count.
std::uint64_t checkedElementCount(const NamedTensor& t)
{
    if (t.name.empty())
        throw std::invalid_argument("a tensor has an empty name");
    if (t.name == kMetadataKey)
        throw std::invalid_argument("a tensor cannot be named __metadata__");
    std::uint64_t elements = 1;
    for (const std::int64_t d : t.shape) {
        if (d < 0)
            throw std::invalid_argument("tensor " + quoteName(t.name) + " has a negative dimension");
        const auto u = static_cast<std::uint64_t>(d);
        if (u != 0 && elements > std::numeric_limits<std::uint64_t>::max() / u)
            throw std::invalid_argument("tensor " + quoteName(t.name) + " has too many elements");
        elements *= u;
    }
    if (elements != t.values.size())
        throw std::invalid_argument("tensor " + quoteName(t.name) + " has shape " + shapeText(t.shape) + " but "
                                    + std::to_string(t.values.size()) + " values");
    return elements;
}

std::string headerText(const SafetensorsFile& file)
{
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!file.metadata.empty())
        header[kMetadataKey] = file.metadata;
    std::set<std::string_view> names;
    std::uint64_t offset = 0;
    for (const NamedTensor& t : file.tensors) {
        const std::uint64_t bytes = checkedElementCount(t) * 4;
        if (!names.insert(t.name).second)
            throw std::invalid_argument("two tensors are named " + quoteName(t.name));
        header[t.name] = {{"dtype", "F32"}, {"shape", t.shape}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
    }
    try {
        std::string text = header.dump();
        text.append((8 - text.size() % 8) % 8, ' ');
        return text;
    } catch (const nlohmann::ordered_json::type_error&) {
        throw std::invalid_argument("a tensor name or metadata string is not valid UTF-8");
    }
}

} // namespace

std::vector<std::byte> serializeSafetensors(const SafetensorsFile& file)
{
    const std::string header = headerText(file);
    std::vector<std::byte> out;
    std::size_t values = 0;
    for (const NamedTensor& t : file.tensors)
        values += t.values.size();
    out.reserve(8 + header.size() + 4 * values);

    const auto n = static_cast<std::uint64_t>(header.size());
    for (int i = 0; i < 8; ++i)
        out.push_back(static_cast<std::byte>((n >> (8 * i)) & 0xffu));
    for (const char c : header)
        out.push_back(static_cast<std::byte>(c));
    for (const NamedTensor& t : file.tensors)
        for (const double v : t.values)
            appendFloatLE(out, v);
    return out;
}

void writeSafetensors(const std::string& path, const SafetensorsFile& file)
{
    std::vector<std::byte> bytes;
    try {
        bytes = serializeSafetensors(file);
    } catch (const std::invalid_argument& e) {
        throw FileFormatError(path, std::string("cannot write the model: ") + e.what());
    }
    try {
        writeFileAtomically(path, bytes);
    } catch (const std::runtime_error& e) {
        // writeFileAtomically already says "PATH: reason"; keep its reason only.
        const std::string what = e.what();
        const std::string prefix = path + ": ";
        throw FileFormatError(path, what.starts_with(prefix) ? what.substr(prefix.size()) : what);
    }
}

} // namespace rnnwb
