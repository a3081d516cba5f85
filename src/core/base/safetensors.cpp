// Safetensors reading. See safetensors.h for the format (writing: safetensors_write.cpp).
//
// Reading is organised as a chain of checks, each on data the previous one has proven
// sound: the 8-byte length, the header bounds, the JSON syntax (with duplicate keys and
// runaway nesting refused while parsing), each tensor entry on its own (dtype, shape,
// offsets, byte count), then the entries together (overlaps). Only then are bytes decoded.
#include "core/base/safetensors.h"
#include "core/base/safetensors_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <string_view>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rnnwb {

FileFormatError::FileFormatError(std::string file, std::string what)
    : std::runtime_error(file + ": " + what), file_(std::move(file))
{ }

const NamedTensor* SafetensorsFile::find(const std::string& name) const
{
    for (const NamedTensor& t : tensors)
        if (t.name == name)
            return &t;
    return nullptr;
}

namespace {

using namespace safetensors_text;
using Json = nlohmann::json;

constexpr std::uint64_t kMaxHeaderBytes = 100'000'000; // same cap as the Rust reference
constexpr int kMaxJsonDepth = 64;                      // a valid header needs 3 (root, entry, shape)

// ---------------------------------------------------------------------------------------
// Message helpers: names come from the file, so they are quoted, escaped and shortened
// before they go into a message.

[[noreturn]] void fail(const std::string& source, std::string message)
{
    throw FileFormatError(source, std::move(message));
}

[[noreturn]] void failTensor(const std::string& source, const std::string& name, const std::string& problem)
{
    fail(source, "tensor " + quoteName(name) + " " + problem);
}

// ---------------------------------------------------------------------------------------
// Little-endian loads and number conversions (independent of the host's byte order).

template <typename U>
U loadLittleEndian(const std::byte* p)
{
    U v = 0;
    for (std::size_t i = 0; i < sizeof(U); ++i)
        v |= static_cast<U>(std::to_integer<unsigned>(p[i])) << (8 * i);
    return v;
}

// IEEE 754 binary16 -> double, exactly (every half value is representable).
double halfToDouble(std::uint16_t h)
{
    const bool negative = (h & 0x8000u) != 0;
    const int exponent = (h >> 10) & 0x1f;
    const int mantissa = h & 0x3ff;
    double magnitude;
    if (exponent == 0) // zero or subnormal: mantissa * 2^-24
        magnitude = std::ldexp(static_cast<double>(mantissa), -24);
    else if (exponent == 0x1f)
        magnitude = mantissa ? std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::infinity();
    else // normal: (1024 + mantissa) * 2^(exponent - 25)
        magnitude = std::ldexp(static_cast<double>(1024 + mantissa), exponent - 25);
    return negative ? -magnitude : magnitude;
}

// bfloat16 is the upper half of a binary32.
double bf16ToDouble(std::uint16_t b) { return std::bit_cast<float>(static_cast<std::uint32_t>(b) << 16); }

double decodeF16(const std::byte* p) { return halfToDouble(loadLittleEndian<std::uint16_t>(p)); }
double decodeBF16(const std::byte* p) { return bf16ToDouble(loadLittleEndian<std::uint16_t>(p)); }
double decodeF32(const std::byte* p) { return std::bit_cast<float>(loadLittleEndian<std::uint32_t>(p)); }
double decodeF64(const std::byte* p) { return std::bit_cast<double>(loadLittleEndian<std::uint64_t>(p)); }

struct DType {
    std::string_view name;
    std::uint64_t size;                 // bytes per element
    double (*decode)(const std::byte*); // nullptr: known to the format but not supported
};

// Every dtype the format defines, so a known-but-unsupported one gets a precise message.
constexpr std::array<DType, 15> kDTypes{{
    {"F64", 8, decodeF64},
    {"F32", 4, decodeF32},
    {"F16", 2, decodeF16},
    {"BF16", 2, decodeBF16},
    {"I64", 8, nullptr},
    {"I32", 4, nullptr},
    {"I16", 2, nullptr},
    {"I8", 1, nullptr},
    {"U64", 8, nullptr},
    {"U32", 4, nullptr},
    {"U16", 2, nullptr},
    {"U8", 1, nullptr},
    {"BOOL", 1, nullptr},
    {"F8_E4M3", 1, nullptr},
    {"F8_E5M2", 1, nullptr},
}};

const DType* findDType(std::string_view name)
{
    for (const DType& d : kDTypes)
        if (d.name == name)
            return &d;
    return nullptr;
}

// ---------------------------------------------------------------------------------------
// Header JSON. nlohmann's object keeps the last of two equal keys and would happily nest
// a million arrays, so the parse callback watches for both and stops early.

struct DuplicateOrDeep {
    std::string message;
};

class HeaderWatcher {
public:
    bool operator()(int depth, Json::parse_event_t event, Json& parsed)
    {
        using E = Json::parse_event_t;
        if (event == E::object_start || event == E::array_start) {
            if (depth >= kMaxJsonDepth)
                throw DuplicateOrDeep{"the header nests JSON deeper than " + std::to_string(kMaxJsonDepth) + " levels"};
            if (event == E::object_start)
                openKeys_.emplace_back();
        } else if (event == E::object_end && !openKeys_.empty()) {
            openKeys_.pop_back();
        } else if (event == E::key && !openKeys_.empty()) {
            onKey(depth, parsed.get_ref<const std::string&>());
        }
        return true;
    }

private:
    void onKey(int depth, const std::string& key)
    {
        if (depth == 1)
            topKey_ = key;
        if (openKeys_.back().insert(key).second)
            return;
        if (depth == 1)
            throw DuplicateOrDeep{key == kMetadataKey ? "the header has two '__metadata__' entries"
                                                      : "the header has two tensors named " + quoteName(key)};
        throw DuplicateOrDeep{"the header entry " + quoteName(topKey_) + " has the key " + quoteName(key) + " twice"};
    }

    std::vector<std::set<std::string>> openKeys_; // keys seen in each open object
    std::string topKey_;                          // the tensor being parsed
};

// "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error while
// parsing value - invalid literal; last read: '{} x'; expected end of input"
// -> "syntax error while parsing value - invalid literal; expected end of input".
// The "last read" part echoes raw header bytes (possibly not UTF-8), so it is dropped.
std::string jsonReason(const std::string& what)
{
    const std::size_t column = what.find("column ");
    const std::size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
    std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    const std::size_t lastRead = reason.find("; last read: ");
    if (lastRead != std::string::npos) {
        const std::size_t expected = reason.rfind("; expected ");
        reason = reason.substr(0, lastRead)
                 + (expected != std::string::npos && expected > lastRead ? reason.substr(expected) : std::string());
    }
    return reason;
}

Json parseHeaderJson(std::span<const std::byte> header, const std::string& source)
{
    const auto* first = reinterpret_cast<const char*>(header.data());
    Json root;
    try {
        root = Json::parse(first, first + header.size(), HeaderWatcher{});
    } catch (const DuplicateOrDeep& e) {
        fail(source, e.message);
    } catch (const Json::parse_error& e) {
        fail(source, "the header is not valid JSON (at byte " + std::to_string(e.byte)
                         + " of the header: " + jsonReason(e.what()) + ")");
    } catch (const Json::exception& e) {
        fail(source, std::string("the header cannot be read as JSON: ") + e.what());
    }
    if (!root.is_object())
        fail(source, "the header is not a JSON object");
    return root;
}

std::map<std::string, std::string> parseMetadata(const Json& meta, const std::string& source)
{
    std::map<std::string, std::string> out;
    if (meta.is_null())
        return out;
    if (!meta.is_object())
        fail(source, "the header's __metadata__ is not a JSON object");
    for (const auto& [key, value] : meta.items()) {
        if (!value.is_string())
            fail(source, "the __metadata__ value of " + quoteName(key) + " is not a string");
        out.emplace(key, value.get<std::string>());
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// One tensor entry, validated on its own against the size of the data section.

struct Entry {
    std::string name;
    const DType* dtype = nullptr;
    std::vector<std::int64_t> shape;
    std::uint64_t elements = 0;
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
};

const DType* entryDType(const Json& spec, const std::string& name, const std::string& source)
{
    const auto it = spec.find("dtype");
    if (it == spec.end())
        failTensor(source, name, "has no dtype");
    if (!it->is_string())
        failTensor(source, name, "has a dtype that is not a string");
    const std::string& text = it->get_ref<const std::string&>();
    const DType* dtype = findDType(text);
    if (!dtype)
        failTensor(source, name, "has the unknown dtype " + quoteName(text));
    if (!dtype->decode)
        failTensor(source, name,
                   "has the dtype " + quoteName(text) + ", which is not supported "
                       + "(model files hold F32, F64, F16 or BF16)");
    return dtype;
}

// The shape, and its element count computed without overflow.
std::pair<std::vector<std::int64_t>, std::uint64_t> entryShape(const Json& spec, const std::string& name,
                                                               const std::string& source)
{
    const auto it = spec.find("shape");
    if (it == spec.end())
        failTensor(source, name, "has no shape");
    if (!it->is_array())
        failTensor(source, name, "has a shape that is not an array");
    std::vector<std::int64_t> shape;
    std::uint64_t elements = 1;
    constexpr auto kMaxDim = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    for (const Json& dim : *it) {
        if (dim.is_number_integer() && !dim.is_number_unsigned())
            failTensor(source, name, "has a negative dimension in its shape");
        if (!dim.is_number_unsigned())
            failTensor(source, name, "has a shape dimension that is not a whole number");
        const auto d = dim.get<std::uint64_t>();
        if (d > kMaxDim || (d != 0 && elements > std::numeric_limits<std::uint64_t>::max() / d))
            failTensor(source, name, "has a shape whose element count overflows");
        elements *= d;
        shape.push_back(static_cast<std::int64_t>(d));
    }
    return {std::move(shape), elements};
}

std::pair<std::uint64_t, std::uint64_t> entryOffsets(const Json& spec, const std::string& name,
                                                     const std::string& source, std::uint64_t dataSize)
{
    const auto it = spec.find("data_offsets");
    if (it == spec.end())
        failTensor(source, name, "has no data_offsets");
    if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number_unsigned() || !(*it)[1].is_number_unsigned())
        failTensor(source, name, "has data_offsets that are not two non-negative integers");
    const auto begin = (*it)[0].get<std::uint64_t>();
    const auto end = (*it)[1].get<std::uint64_t>();
    if (begin > end)
        failTensor(source, name,
                   "has data_offsets [" + std::to_string(begin) + ", " + std::to_string(end)
                       + "] whose begin is after its end");
    if (end > dataSize)
        failTensor(source, name,
                   "has data_offsets [" + std::to_string(begin) + ", " + std::to_string(end)
                       + "] out of range: the data section " + "holds only " + std::to_string(dataSize) + " bytes");
    return {begin, end};
}

Entry parseEntry(const std::string& name, const Json& spec, const std::string& source, std::uint64_t dataSize)
{
    if (!spec.is_object())
        failTensor(source, name, "is not described by a JSON object");
    Entry e;
    e.name = name;
    e.dtype = entryDType(spec, name, source);
    std::tie(e.shape, e.elements) = entryShape(spec, name, source);
    std::tie(e.begin, e.end) = entryOffsets(spec, name, source, dataSize);
    // Compare by division first so that elements * size cannot overflow.
    const std::uint64_t have = e.end - e.begin;
    if (e.elements > have / e.dtype->size || e.elements * e.dtype->size != have) {
        const bool huge = e.elements > std::numeric_limits<std::uint64_t>::max() / e.dtype->size;
        const std::string need
            = huge ? "more bytes than a 64-bit size can count" : std::to_string(e.elements * e.dtype->size) + " bytes";
        failTensor(source, name,
                   "has a size mismatch: shape " + shapeText(e.shape) + " of " + std::string(e.dtype->name) + " needs "
                       + need + " but its data_offsets span " + std::to_string(have) + " bytes");
    }
    return e;
}

// Sorts entries into data order and refuses any two that share a byte.
void sortAndCheckOverlaps(std::vector<Entry>& entries, const std::string& source)
{
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    const Entry* last = nullptr; // the non-empty entry reaching furthest so far
    for (const Entry& e : entries) {
        if (e.begin == e.end)
            continue; // an empty tensor occupies no bytes
        if (last && e.begin < last->end)
            fail(source,
                 "tensors " + quoteName(last->name) + " and " + quoteName(e.name) + " overlap in the data section");
        if (!last || e.end > last->end)
            last = &e;
    }
}

NamedTensor decodeEntry(const Entry& e, const std::byte* data)
{
    NamedTensor t;
    t.name = e.name;
    t.shape = e.shape;
    t.values.resize(static_cast<std::size_t>(e.elements));
    const std::byte* p = data + e.begin;
    for (double& v : t.values) {
        v = e.dtype->decode(p);
        p += e.dtype->size;
    }
    return t;
}

// The 8-byte length and the header bounds; returns the header length.
std::uint64_t checkedHeaderLength(std::span<const std::byte> bytes, const std::string& source)
{
    if (bytes.empty())
        fail(source, "the file is empty, not a safetensors file");
    if (bytes.size() < 8)
        fail(source,
             "the file is " + std::to_string(bytes.size()) + " bytes long, too short for the 8-byte header length");
    const auto n = loadLittleEndian<std::uint64_t>(bytes.data());
    const std::uint64_t available = bytes.size() - 8;
    if (n > available)
        fail(source, "the header length " + std::to_string(n) + " runs past the end of the " + "file (only "
                         + std::to_string(available) + " bytes follow it)");
    if (n > kMaxHeaderBytes)
        fail(source, "the header length " + std::to_string(n) + " exceeds the limit of "
                         + std::to_string(kMaxHeaderBytes) + " bytes");
    return n;
}

} // namespace

// ---------------------------------------------------------------------------------------

SafetensorsFile parseSafetensors(std::span<const std::byte> bytes, const std::string& sourceName)
{
    const std::uint64_t headerLength = checkedHeaderLength(bytes, sourceName);
    const auto headerBytes = bytes.subspan(8, static_cast<std::size_t>(headerLength));
    const auto data = bytes.subspan(8 + static_cast<std::size_t>(headerLength));
    const Json root = parseHeaderJson(headerBytes, sourceName);

    SafetensorsFile file;
    std::vector<Entry> entries;
    for (const auto& [key, value] : root.items()) {
        if (key == kMetadataKey)
            file.metadata = parseMetadata(value, sourceName);
        else
            entries.push_back(parseEntry(key, value, sourceName, data.size()));
    }
    sortAndCheckOverlaps(entries, sourceName);

    file.tensors.reserve(entries.size());
    for (const Entry& e : entries)
        file.tensors.push_back(decodeEntry(e, data.data()));
    return file;
}

namespace {

// The whole regular file at `path`, or a FileFormatError saying why not.
std::vector<std::byte> readWholeFile(const std::string& path)
{
    auto systemError = [&](const std::string& what) {
        fail(path, what + ": " + std::error_code(errno, std::generic_category()).message());
    };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        systemError("cannot open the file");
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};

    struct stat st { };
    if (::fstat(fd, &st) != 0)
        systemError("cannot read the file");
    if (!S_ISREG(st.st_mode))
        fail(path, "cannot read the file: it is not a regular file");

    std::vector<std::byte> bytes(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            systemError("cannot read the file");
        if (n == 0)
            break; // the file shrank while we read it: parse what is there
        got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);
    return bytes;
}

} // namespace

SafetensorsFile readSafetensors(const std::string& path)
{
    const std::vector<std::byte> bytes = readWholeFile(path);
    return parseSafetensors(bytes, path);
}

} // namespace rnnwb
