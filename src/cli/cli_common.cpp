#include "cli/cli_common.h"

#include "core/base/atomic_file.h"
#include "core/training/train_options.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace rnnwb::cli {

std::optional<std::string> takeOption(std::vector<std::string>& args, const std::string& name)
{
    for (std::size_t k = 0; k < args.size(); ++k) {
        if (args[k] == name) {
            if (k + 1 >= args.size())
                throw UsageError(name + " needs a value");
            std::string value = args[k + 1];
            args.erase(args.begin() + std::ptrdiff_t(k), args.begin() + std::ptrdiff_t(k) + 2);
            return value;
        }
        if (args[k].rfind(name + "=", 0) == 0) {
            std::string value = args[k].substr(name.size() + 1);
            args.erase(args.begin() + std::ptrdiff_t(k));
            return value;
        }
    }
    return std::nullopt;
}

bool takeFlag(std::vector<std::string>& args, const std::string& name)
{
    for (std::size_t k = 0; k < args.size(); ++k)
        if (args[k] == name) {
            args.erase(args.begin() + std::ptrdiff_t(k));
            return true;
        }
    return false;
}

void requireNoneLeft(const std::vector<std::string>& args)
{
    if (!args.empty())
        throw UsageError("unknown argument '" + args.front() + "' (see rnnwb --help)");
}

void writeJson(const std::string& target, const nlohmann::json& json)
{
    // NaN and infinity never reach the output: nlohmann writes them as null. A string that
    // is not UTF-8 (a file name in another encoding) gets U+FFFD instead of failing the write.
    const std::string text = json.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    if (target == "-")
        std::cout << text << std::flush;
    else
        writeFileAtomically(target, std::string_view(text));
}

} // namespace rnnwb::cli
