// Fuzz target: the model loader. Bytes go first through parseSafetensors (header length,
// JSON header, dtypes, shapes, offsets, overlaps); what it accepts is written to a scratch
// file and opened with loadModel, which interprets the metadata (configuration, scaler,
// column) and checks the tensors against the network shape.
// Any input must end in a value or a FileFormatError; anything else is a finding.
#include "core/base/safetensors.h"
#include "core/training/model.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>

#include <unistd.h>

namespace {

// One scratch file per fuzzing process (libFuzzer's -jobs run several).
const std::string& scratchPath()
{
    static const std::string path = [] {
        const char* dir = std::getenv("TMPDIR");
        return std::string(dir && *dir ? dir : "/tmp") + "/rnnwb-fuzz-model-" + std::to_string(::getpid())
               + ".safetensors";
    }();
    return path;
}

bool writeScratch(std::span<const std::byte> bytes)
{
    std::FILE* f = std::fopen(scratchPath().c_str(), "wb");
    if (!f)
        return false;
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    return std::fclose(f) == 0 && ok;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(data), size);
    try {
        const rnnwb::SafetensorsFile file = rnnwb::parseSafetensors(bytes, "fuzz.safetensors");
        for (const rnnwb::NamedTensor& t : file.tensors) {
            std::size_t count = 1;
            for (const std::int64_t d : t.shape)
                count *= static_cast<std::size_t>(d);
            if (count != t.values.size())
                std::abort();
        }
    } catch (const rnnwb::FileFormatError&) {
        return 0;
    }
    if (!writeScratch(bytes))
        return 0;
    try {
        const rnnwb::Model model = rnnwb::loadModel(scratchPath());
        if (!model.parameters.allFinite())
            std::abort(); // a loaded model is usable
        const std::unique_ptr<rnnwb::Network<float>> network = model.makeNetwork();
    } catch (const rnnwb::FileFormatError&) {
    }
    std::remove(scratchPath().c_str());
    return 0;
}
