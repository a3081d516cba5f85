#include "core/formats/project.h"

#include "core/base/atomic_file.h"
#include "core/base/enum_names.h"
#include "core/base/safetensors.h"
#include "core/training/report.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

namespace rnnwb {

namespace {

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::uintmax_t kMaxProjectBytes = std::uintmax_t(1) << 30;

// Parameters as F32 little-endian bytes, whatever the host's byte order.
std::vector<unsigned char> parameterBytes(const Vec<float>& parameters)
{
    std::vector<unsigned char> bytes;
    bytes.reserve(std::size_t(parameters.size()) * 4);
    for (Eigen::Index k = 0; k < parameters.size(); ++k) {
        const auto bits = std::bit_cast<std::uint32_t>(parameters[k]);
        for (int b = 0; b < 4; ++b)
            bytes.push_back(static_cast<unsigned char>(bits >> (8 * b)));
    }
    return bytes;
}

nlohmann::json runToJson(const ProjectRun& r)
{
    const Model& m = r.model;
    return {{"label", r.label},
            {"config", configToJson(m.config)},
            {"stop_reason", stopReasonName(r.stop)},
            {"train_seconds", r.trainSeconds},
            {"wall_seconds", r.wallSeconds},
            {"train_loss", r.trainLoss},
            {"val_loss", r.validationLoss},
            {"metrics", r.metrics},
            {"model",
             {{"column", m.columnName},
              {"scaler", {{"kind", scalerName(m.scaler.kind)}, {"offset", m.scaler.offset}, {"scale", m.scaler.scale}}},
              {"parameters", base64Encode(parameterBytes(m.parameters))}}}};
}

// Reading: every accessor names what is wrong; the caller adds the file name.
struct Reader {
    const std::string& path;

    [[noreturn]] void fail(const std::string& why) const { throw FileFormatError(path, why); }

    const nlohmann::json& field(const nlohmann::json& object, const char* key, const char* where) const
    {
        if (!object.is_object() || !object.contains(key))
            fail(std::string(where) + " has no '" + key + "'");
        return object.at(key);
    }
    std::string text(const nlohmann::json& object, const char* key, const char* where) const
    {
        const nlohmann::json& j = field(object, key, where);
        if (!j.is_string())
            fail(std::string(where) + ": '" + key + "' is not a string");
        return j.get<std::string>();
    }
    double number(const nlohmann::json& object, const char* key, const char* where) const
    {
        const nlohmann::json& j = field(object, key, where);
        if (!j.is_number() || !std::isfinite(j.get<double>()))
            fail(std::string(where) + ": '" + key + "' is not a finite number");
        return j.get<double>();
    }
    std::vector<double> numbers(const nlohmann::json& object, const char* key, const char* where) const
    {
        const nlohmann::json& j = field(object, key, where);
        if (!j.is_array())
            fail(std::string(where) + ": '" + key + "' is not a list of numbers");
        std::vector<double> values;
        for (const nlohmann::json& v : j) {
            if (v.is_null()) // a diverged run's last loss (NaN is written as null)
                values.push_back(std::nan(""));
            else if (v.is_number())
                values.push_back(v.get<double>());
            else
                fail(std::string(where) + ": '" + key + "' holds something other than a number");
        }
        return values;
    }
    TrainConfig config(const nlohmann::json& j, const char* where) const
    {
        try {
            TrainConfig c = configFromJson(j);
            const std::vector<std::string> problems = configProblems(c);
            if (!problems.empty())
                fail(std::string(where) + ": " + problems.front());
            return c;
        } catch (const FileFormatError&) {
            throw;
        } catch (const std::exception& e) {
            fail(std::string(where) + ": " + e.what());
        }
    }
};

Vec<float> parametersFromBase64(const Reader& in, const std::string& text, const NetworkShape& shape, const char* where)
{
    std::vector<unsigned char> bytes;
    try {
        bytes = base64Decode(text);
    } catch (const std::invalid_argument& e) {
        in.fail(std::string(where) + ": the weights are damaged (" + e.what() + ")");
    }
    const std::size_t count = parameterCount(shape);
    if (bytes.size() != count * 4)
        in.fail(std::string(where) + ": the weights hold " + std::to_string(bytes.size() / 4)
                + " values, the network has " + std::to_string(count));
    Vec<float> p(static_cast<Eigen::Index>(count));
    for (std::size_t k = 0; k < count; ++k) {
        std::uint32_t bits = 0;
        for (int b = 0; b < 4; ++b)
            bits |= std::uint32_t(bytes[4 * k + std::size_t(b)]) << (8 * b);
        p[Eigen::Index(k)] = std::bit_cast<float>(bits);
        if (!std::isfinite(p[Eigen::Index(k)]))
            in.fail(std::string(where) + ": the weights hold a non-finite value");
    }
    return p;
}

ProjectRun runFromJson(const Reader& in, const nlohmann::json& j, std::size_t number)
{
    const std::string whereText = "run " + std::to_string(number);
    const char* where = whereText.c_str();
    ProjectRun r;
    r.label = in.text(j, "label", where);
    r.model.config = in.config(in.field(j, "config", where), where);
    r.model.shape = networkShape(r.model.config);
    try {
        r.stop = parseEnumName(
            in.text(j, "stop_reason", where),
            {StopReason::Completed, StopReason::EarlyStopping, StopReason::Diverged, StopReason::Cancelled},
            stopReasonName, "stop reason");
    } catch (const std::invalid_argument& e) {
        in.fail(whereText + ": " + e.what());
    }
    r.trainSeconds = in.number(j, "train_seconds", where);
    r.wallSeconds = in.number(j, "wall_seconds", where);
    r.trainLoss = in.numbers(j, "train_loss", where);
    r.validationLoss = in.numbers(j, "val_loss", where);
    r.metrics = in.field(j, "metrics", where);
    const nlohmann::json& model = in.field(j, "model", where);
    r.model.columnName = in.text(model, "column", where);
    const nlohmann::json& scaler = in.field(model, "scaler", where);
    try {
        r.model.scaler.kind = parseScalerKind(in.text(scaler, "kind", where));
    } catch (const std::invalid_argument& e) {
        in.fail(whereText + ": " + e.what());
    }
    r.model.scaler.offset = in.number(scaler, "offset", where);
    r.model.scaler.scale = in.number(scaler, "scale", where);
    if (!(r.model.scaler.scale > 0))
        in.fail(whereText + ": the scaler's scale must be positive");
    r.model.parameters = parametersFromBase64(in, in.text(model, "parameters", where), r.model.shape, where);
    r.model.extraMetadata["metrics"] = nlohmann::json{{"test", r.metrics.value("test", nlohmann::json())}}.dump();
    return r;
}

} // namespace

nlohmann::json projectToJson(const Project& p)
{
    nlohmann::json runs = nlohmann::json::array();
    for (const ProjectRun& r : p.runs)
        runs.push_back(runToJson(r));
    return {{"format", kProjectFormat},
            {"version", kProjectVersion},
            {"app_version", RNNWB_VERSION},
            {"dataset", {{"path", p.datasetPath}, {"relative_path", p.datasetRelative}, {"sha256", p.datasetSha256}}},
            {"config", configToJson(p.config)},
            {"runs", runs}};
}

Project projectFromJson(const nlohmann::json& j, const std::string& path)
{
    const Reader in{path};
    if (!j.is_object() || !j.contains("format") || j["format"] != kProjectFormat)
        in.fail("not an RNN Workbench project (no \"format\": \"" + std::string(kProjectFormat) + "\")");
    const double version = in.number(j, "version", "the project");
    if (version != kProjectVersion)
        in.fail("project version " + j["version"].dump() + " is not supported (this app reads version "
                + std::to_string(kProjectVersion) + "); a newer RNN Workbench wrote it");
    Project p;
    const nlohmann::json& dataset = in.field(j, "dataset", "the project");
    p.datasetPath = in.text(dataset, "path", "the dataset");
    p.datasetRelative = in.text(dataset, "relative_path", "the dataset");
    p.datasetSha256 = in.text(dataset, "sha256", "the dataset");
    p.config = in.config(in.field(j, "config", "the project"), "the project's configuration");
    const nlohmann::json& runs = in.field(j, "runs", "the project");
    if (!runs.is_array())
        in.fail("'runs' is not a list");
    for (const nlohmann::json& run : runs)
        p.runs.push_back(runFromJson(in, run, p.runs.size() + 1));
    return p;
}

void saveProject(const std::string& path, const Project& project)
{
    writeFileAtomically(path, projectToJson(project).dump(1) + "\n");
}

Project loadProject(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw FileFormatError(path, "cannot open the file");
    file.seekg(0, std::ios::end);
    const std::streamoff size = file.tellg();
    if (size < 0 || std::uintmax_t(size) > kMaxProjectBytes)
        throw FileFormatError(path, "not an RNN Workbench project (the file is too large or unreadable)");
    file.seekg(0);
    std::ostringstream text;
    text << file.rdbuf();
    const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
    if (j.is_discarded())
        throw FileFormatError(path, "not an RNN Workbench project (not a JSON file, or a damaged one)");
    return projectFromJson(j, path);
}

std::string base64Encode(std::span<const unsigned char> bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t k = 0; k < bytes.size(); k += 3) {
        // Three bytes → 24 bits → four 6-bit digits; missing bytes become '=' padding.
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - k);
        std::uint32_t bits = std::uint32_t(bytes[k]) << 16;
        if (n > 1)
            bits |= std::uint32_t(bytes[k + 1]) << 8;
        if (n > 2)
            bits |= bytes[k + 2];
        for (std::size_t d = 0; d < 4; ++d)
            out += d <= n ? kBase64[(bits >> (18 - 6 * d)) & 63] : '=';
    }
    return out;
}

std::vector<unsigned char> base64Decode(const std::string& text)
{
    if (text.size() % 4 != 0)
        throw std::invalid_argument("base64 length is not a multiple of 4");
    std::vector<unsigned char> out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t k = 0; k < text.size(); k += 4) {
        std::uint32_t bits = 0;
        int padding = 0;
        for (std::size_t d = 0; d < 4; ++d) {
            const char c = text[k + d];
            const char* at = c == '=' ? nullptr : std::strchr(kBase64, c);
            const bool padAllowed = k + 4 == text.size() && d >= 2 && (c == '=') && (d == 3 || text[k + 3] == '=');
            if (c == '=' ? !padAllowed : (at == nullptr || c == '\0'))
                throw std::invalid_argument("bad base64 character at offset " + std::to_string(k + d));
            padding += c == '=';
            bits = (bits << 6) | std::uint32_t(c == '=' ? 0 : at - kBase64);
        }
        for (int b = 0; b < 3 - padding; ++b)
            out.push_back(static_cast<unsigned char>(bits >> (16 - 8 * b)));
    }
    return out;
}

} // namespace rnnwb
