#pragma once
// The exported PyTorch script's text, placeholders and all (see pytorch_script.cpp).
#include <string_view>

namespace rnnwb {

extern const std::string_view kPytorchScriptTemplate;

} // namespace rnnwb
