// Safetensors model files: reading (validated, never trusting the input) and writing (F32).
//
// Layout of a file:
//   [u64 little-endian N] [N bytes of JSON header, possibly padded with spaces] [raw data]
// The header is a JSON object. Every key except "__metadata__" names a tensor:
//   "NAME": {"dtype": "F32", "shape": [48, 5], "data_offsets": [begin, end]}
// with offsets relative to the first byte after the header. "__metadata__", when present,
// maps strings to strings.
//
// The reader checks every bound before it touches a byte, so any input, however damaged
// or hostile, ends either in a SafetensorsFile or in a FileFormatError (a fuzz target).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace rnnwb {

// One tensor: shape and row-major values (converted to double whatever the stored dtype).
struct NamedTensor {
    std::string name;
    std::vector<std::int64_t> shape;
    std::vector<double> values;
};

struct SafetensorsFile {
    std::map<std::string, std::string> metadata;
    std::vector<NamedTensor> tensors; // in data-offset order when read from a file

    // The tensor called `name`, or nullptr.
    const NamedTensor* find(const std::string& name) const;
};

// A file that cannot be read or written, or whose content is not a valid safetensors file.
// what() is "FILE: message"; file() is FILE alone.
class FileFormatError : public std::runtime_error {
public:
    FileFormatError(std::string file, std::string what);
    const std::string& file() const { return file_; }

private:
    std::string file_;
};

// Reads and validates the file at `path`. Throws FileFormatError naming the path.
SafetensorsFile readSafetensors(const std::string& path);

// Validates and decodes an in-memory file; `sourceName` names it in error messages.
// Accepts dtypes F32, F64, F16 and BF16. Throws FileFormatError and nothing else
// (short of std::bad_alloc).
SafetensorsFile parseSafetensors(std::span<const std::byte> bytes, const std::string& sourceName);

// Encodes `file` with every tensor as F32 (values rounded to float), in the given order,
// contiguous, header padded with spaces to a multiple of 8 bytes. Throws
// std::invalid_argument if a tensor's shape does not match its value count, a dimension is
// negative, a name is empty, repeated or "__metadata__", or a string is not valid UTF-8.
std::vector<std::byte> serializeSafetensors(const SafetensorsFile& file);

// serializeSafetensors + writeFileAtomically. Throws FileFormatError naming the path on
// any failure (invalid content or I/O); an existing file at `path` is then left intact.
void writeSafetensors(const std::string& path, const SafetensorsFile& file);

} // namespace rnnwb
