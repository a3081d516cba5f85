#include "core/interop/pytorch_script.h"
#include "core/interop/pytorch_script_template.h"

#include "core/nn/param_layout.h"
#include "core/training/train_config.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

namespace rnnwb {

namespace {

// The shortest text that reads back as exactly this double (Python's repr does the same).
std::string number(double value)
{
    if (!std::isfinite(value))
        return std::isnan(value) ? "float(\"nan\")" : value > 0 ? "float(\"inf\")" : "-float(\"inf\")";
    char buffer[40];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::strtod(buffer, nullptr) == value)
            break;
    }
    std::string text = buffer;
    if (text.find_first_of(".e") == std::string::npos)
        text += ".0";
    return text;
}

// Text safe inside a """docstring""": backslashes doubled, no run of quotes left unescaped.
std::string docText(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\')
            out += "\\\\";
        else if (c == '"' && (i + 1 == text.size() || text[i + 1] == '"'))
            out += "\\\"";
        else
            out += c;
    }
    return out;
}

// One line of text (a column name may hold anything).
std::string oneLine(std::string text)
{
    for (char& c : text)
        if (c == '\n' || c == '\r')
            c = ' ';
    return text;
}

std::string torchClass(CellType cell)
{
    switch (cell) {
    case CellType::Lstm: return "LSTM";
    case CellType::Gru: return "GRU";
    case CellType::Rnn: return "RNN";
    }
    return "LSTM";
}

} // namespace

std::string pythonStringLiteral(const std::string& text)
{
    std::string out = "\"";
    for (const unsigned char c : text) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '"': out += "\\\""; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\x%02x", unsigned(c));
                out += buffer;
            } else {
                out += char(c); // UTF-8 passes through: Python 3 sources are UTF-8
            }
        }
    }
    return out + "\"";
}

namespace {

// A JSON value as a Python literal (dicts one key per line, in the JSON's sorted key order).
std::string pythonLiteral(const nlohmann::json& j, int indent)
{
    if (j.is_object()) {
        if (j.empty())
            return "{}";
        const std::string pad(std::size_t(indent + 4), ' ');
        std::string out = "{\n";
        for (auto it = j.begin(); it != j.end(); ++it)
            out += pad + pythonStringLiteral(it.key()) + ": " + pythonLiteral(it.value(), indent + 4) + ",\n";
        return out + std::string(std::size_t(indent), ' ') + "}";
    }
    if (j.is_array()) {
        std::string out = "[";
        for (std::size_t i = 0; i < j.size(); ++i)
            out += (i ? ", " : "") + pythonLiteral(j[i], indent);
        return out + "]";
    }
    if (j.is_string())
        return pythonStringLiteral(j.get<std::string>());
    if (j.is_boolean())
        return j.get<bool>() ? "True" : "False";
    if (j.is_number_float())
        return number(j.get<double>());
    if (j.is_number())
        return j.dump();
    return "None";
}

} // namespace

std::string pytorchScript(const Model& model, const std::string& defaultModelFile)
{
    const TrainConfig& c = model.config;
    const std::string cell = cellName(model.shape.cell);
    const std::string torch = torchClass(model.shape.cell);
    const std::string summary
        = "cell " + cell + ", layout " + layoutName(c.layout) + ", window " + std::to_string(c.window) + ", hidden "
          + std::to_string(model.shape.hiddenSize) + ", layers " + std::to_string(model.shape.layers) + ", column \""
          + oneLine(model.columnName) + "\",\n    scaler " + scalerName(model.scaler.kind) + " (offset "
          + number(model.scaler.offset) + ", scale " + number(model.scaler.scale) + "),\n    train split "
          + number(c.trainSplit) + ", validation split " + number(c.valSplit) + ", lr " + number(c.learningRate)
          + ", epochs " + std::to_string(c.epochs) + ", seed " + std::to_string(c.seed) + ",\n    preprocessing "
          + describePreprocessing(c.preprocessing);

    const std::vector<std::pair<std::string, std::string>> fields = {
        {"@SUMMARY@", docText(summary)},
        {"@DEFAULT_MODEL_TEXT@", defaultModelFile.empty()
                                     ? std::string("nothing: --model is required")
                                     : docText(oneLine(defaultModelFile)) + " next to this script"},
        {"@CONFIG@", pythonLiteral(configToJson(c), 0)},
        {"@CELL@", pythonStringLiteral(cell)},
        {"@LAYOUT@", pythonStringLiteral(layoutName(c.layout))},
        {"@WINDOW@", std::to_string(c.window)},
        {"@INPUT_SIZE@", std::to_string(model.shape.inputSize)},
        {"@HIDDEN_SIZE@", std::to_string(model.shape.hiddenSize)},
        {"@NUM_LAYERS@", std::to_string(model.shape.layers)},
        {"@COLUMN@", pythonStringLiteral(model.columnName)},
        {"@SCALER@", pythonStringLiteral(scalerName(model.scaler.kind))},
        {"@SCALER_OFFSET@", number(model.scaler.offset)},
        {"@SCALER_SCALE@", number(model.scaler.scale)},
        {"@PREPROCESSING@", describePreprocessing(c.preprocessing)},
        {"@LOG@", c.preprocessing.log ? "True" : "False"},
        {"@SEASONAL_DIFF@", std::to_string(c.preprocessing.seasonalDifference)},
        {"@DIFF@", c.preprocessing.difference ? "True" : "False"},
        {"@TRAIN_SPLIT@", number(c.trainSplit)},
        {"@VAL_SPLIT@", number(c.valSplit)},
        {"@MISSING@", pythonStringLiteral(missingPolicyName(c.missing))},
        {"@LEARNING_RATE@", number(c.learningRate)},
        {"@BATCH@", std::to_string(c.batch)},
        {"@SEED@", std::to_string(c.seed)},
        {"@DEFAULT_MODEL@", pythonStringLiteral(defaultModelFile)},
        {"@CLASS_NAME@", torch + "_LINEAR"},
        {"@TORCH_CLASS@", torch},
        {"@CELL_NAME@", cell},
    };

    std::string out;
    out.reserve(kPytorchScriptTemplate.size() + 1024);
    std::size_t pos = 0;
    while (pos < kPytorchScriptTemplate.size()) {
        const std::size_t at = kPytorchScriptTemplate.find('@', pos);
        if (at == std::string_view::npos) {
            out.append(kPytorchScriptTemplate.substr(pos));
            break;
        }
        out.append(kPytorchScriptTemplate.substr(pos, at - pos));
        bool replaced = false;
        for (const auto& [key, value] : fields)
            if (kPytorchScriptTemplate.substr(at, key.size()) == key) {
                out += value;
                pos = at + key.size();
                replaced = true;
                break;
            }
        if (!replaced) {
            out += '@';
            pos = at + 1;
        }
    }
    return out;
}

} // namespace rnnwb
