#include "core/training/train_options.h"

#include <charconv>
#include <functional>
#include <map>

namespace rnnwb {

namespace {

template <typename T>
T parseNumber(const std::string& option, const std::string& text)
{
    T value{};
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end)
        throw UsageError(option + " expects a number, not '" + text + "'");
    return value;
}

template <typename E>
E parseChoice(const std::string& option, const std::string& text, E (*parse)(const std::string&))
{
    try {
        return parse(text);
    } catch (const std::invalid_argument& e) {
        throw UsageError(option + ": " + e.what());
    }
}

using Setter = std::function<void(TrainConfig&, const std::string& option, const std::string& value)>;

struct OptionInfo {
    Setter set;
    const char* help;
    bool flag = false; // takes no value ("--log")
};

const std::map<std::string, OptionInfo>& options()
{
    static const std::map<std::string, OptionInfo> table = {
        {"--column",
         {[](TrainConfig& c, auto&, auto& v) { c.column = v; },
          "NAME|INDEX  column to forecast (first numeric column)"}},
        {"--cell",
         {[](TrainConfig& c, auto& o, auto& v) { c.cell = parseChoice(o, v, parseCellType); },
          "lstm|gru|rnn  recurrent cell (lstm)"}},
        {"--layout",
         {[](TrainConfig& c, auto& o, auto& v) { c.layout = parseChoice(o, v, parseLayout); },
          "features|sequence  how windows enter the network (features)"}},
        {"--window",
         {[](TrainConfig& c, auto& o, auto& v) { c.window = parseNumber<int>(o, v); },
          "N  values per input window (5)"}},
        {"--hidden",
         {[](TrainConfig& c, auto& o, auto& v) { c.hidden = parseNumber<int>(o, v); },
          "N  hidden units per layer (45)"}},
        {"--layers",
         {[](TrainConfig& c, auto& o, auto& v) { c.layers = parseNumber<int>(o, v); },
          "N  stacked recurrent layers (2)"}},
        {"--lr",
         {[](TrainConfig& c, auto& o, auto& v) { c.learningRate = parseNumber<double>(o, v); },
          "X  learning rate (0.01)"}},
        {"--epochs",
         {[](TrainConfig& c, auto& o, auto& v) { c.epochs = parseNumber<int>(o, v); }, "N  training epochs (200)"}},
        {"--optimizer",
         {[](TrainConfig& c, auto& o, auto& v) { c.optimizer = parseChoice(o, v, parseOptimizerKind); },
          "adam|sgd|rmsprop  (adam)"}},
        {"--momentum",
         {[](TrainConfig& c, auto& o, auto& v) { c.momentum = parseNumber<double>(o, v); }, "X  SGD momentum (0)"}},
        {"--batch",
         {[](TrainConfig& c, auto& o, auto& v) { c.batch = parseNumber<int>(o, v); },
          "N  windows per minibatch, sequence layout (0 = all)"}},
        {"--train-split",
         {[](TrainConfig& c, auto& o, auto& v) { c.trainSplit = parseNumber<double>(o, v); },
          "X  fraction of windows for training (0.7)"}},
        {"--val-split",
         {[](TrainConfig& c, auto& o, auto& v) { c.valSplit = parseNumber<double>(o, v); },
          "X  fraction of windows for validation (0)"}},
        {"--patience",
         {[](TrainConfig& c, auto& o, auto& v) { c.patience = parseNumber<int>(o, v); },
          "N  early-stopping patience in epochs (0 = off)"}},
        {"--clip",
         {[](TrainConfig& c, auto& o, auto& v) { c.clip = parseNumber<double>(o, v); },
          "X  gradient-norm clipping (0 = off)"}},
        {"--seed",
         {[](TrainConfig& c, auto& o, auto& v) { c.seed = parseNumber<std::uint64_t>(o, v); }, "N  random seed (0)"}},
        {"--scaler",
         {[](TrainConfig& c, auto& o, auto& v) { c.scaler = parseChoice(o, v, parseScalerKind); },
          "minmax|zscore  (minmax)"}},
        {"--scaler-fit",
         {[](TrainConfig& c, auto& o, auto& v) { c.scalerFit = parseChoice(o, v, parseScalerFit); },
          "series|train  fit the scaler on the whole series or the training part (series)"}},
        {"--missing",
         {[](TrainConfig& c, auto& o, auto& v) { c.missing = parseChoice(o, v, parseMissingPolicy); },
          "drop|interpolate  missing values (drop)"}},
        {"--log",
         {[](TrainConfig& c, auto&, auto&) { c.preprocessing.log = true; },
          " forecast the log of the series (every value must be above 0)", true}},
        {"--seasonal-diff",
         {[](TrainConfig& c, auto& o, auto& v) { c.preprocessing.seasonalDifference = parseNumber<int>(o, v); },
          "M  train on y_t - y_{t-M}, after --log (0 = off)"}},
        {"--diff",
         {[](TrainConfig& c, auto&, auto&) { c.preprocessing.difference = true; },
          " train on the first difference y_t - y_{t-1}, after --log and --seasonal-diff", true}},
        {"--init-weights",
         {[](TrainConfig& c, auto&, auto& v) { c.initWeights = v; }, "FILE.safetensors  start from these weights"}},
    };
    return table;
}

} // namespace

std::vector<std::string> parseTrainOptions(const std::vector<std::string>& args, TrainConfig& config)
{
    std::vector<std::string> rest;
    for (std::size_t k = 0; k < args.size(); ++k) {
        std::string name = args[k];
        std::string value;
        bool inlineValue = false;
        if (const std::size_t eq = name.find('='); name.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            inlineValue = true;
        }
        const auto it = options().find(name);
        if (it == options().end()) {
            rest.push_back(args[k]);
            continue;
        }
        if (it->second.flag) {
            if (inlineValue)
                throw UsageError(name + " takes no value");
        } else if (!inlineValue) {
            if (k + 1 >= args.size())
                throw UsageError(name + " needs a value");
            value = args[++k];
        }
        it->second.set(config, name, value);
    }
    return rest;
}

std::string trainOptionsHelp()
{
    std::string text;
    for (const auto& [name, info] : options())
        text += "  " + name + " " + info.help + "\n";
    return text;
}

} // namespace rnnwb
