#pragma once
// Text helpers shared by the safetensors reader and writer (internal to the core).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rnnwb::safetensors_text {

inline constexpr const char* kMetadataKey = "__metadata__";

// A name from a file, quoted for a message: control bytes escaped, cut at 80 bytes
// (never inside a UTF-8 sequence).
std::string quoteName(std::string_view s);
// "[2, 3]"
std::string shapeText(const std::vector<std::int64_t>& shape);

} // namespace rnnwb::safetensors_text
