#include "cli/cli_common.h"
#include "cli/commands.h"

#include "core/base/atomic_file.h"
#include "core/interop/pytorch_script.h"
#include "core/training/model.h"
#include "core/training/train_options.h"

#include <filesystem>
#include <iostream>

namespace rnnwb::cli {

namespace {

// The model file as the script finds it without --model: relative to the script's directory.
std::string modelPathFromScript(const std::string& model, const std::string& script)
{
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path scriptDir = fs::absolute(fs::path(script), error).parent_path();
    const fs::path relative = fs::absolute(fs::path(model), error).lexically_relative(scriptDir);
    if (error || relative.empty())
        return fs::absolute(fs::path(model), error).generic_string();
    return relative.generic_string();
}

} // namespace

// rnnwb export-script --model FILE.safetensors --out SCRIPT.py
int runExportScript(std::vector<std::string> args)
{
    const std::optional<std::string> modelPath = takeOption(args, "--model");
    const std::optional<std::string> out = takeOption(args, "--out");
    requireNoneLeft(args);
    if (!modelPath)
        throw UsageError("export-script needs --model FILE.safetensors");
    if (!out || out->empty())
        throw UsageError("export-script needs --out FILE.py");

    const Model model = loadModel(*modelPath);
    writeFileAtomically(*out, pytorchScript(model, modelPathFromScript(*modelPath, *out)));
    std::cerr << "rnnwb: wrote " << *out << " (run: /usr/bin/python3 " << *out << " --csv FILE --json -)\n";
    return kExitOk;
}

} // namespace rnnwb::cli
