#include "core/training/train_config.h"

#include "core/base/enum_names.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <stdexcept>

namespace rnnwb {

namespace {

// A value as the user typed it: whole numbers without ".0", NaN as "nan".
std::string numberText(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isfinite(value) && value == std::floor(value) && std::abs(value) < 1e15)
        return std::to_string(static_cast<long long>(value));
    return nlohmann::json(value).dump();
}

void requireRange(std::vector<std::string>& problems, const char* option, double value, double lo, double hi,
                  const char* why)
{
    if (!(value >= lo && value <= hi))
        problems.push_back(std::string(option) + " " + numberText(value) + " is out of range: " + why);
}

} // namespace

std::string layoutName(Layout l) { return l == Layout::Features ? "features" : "sequence"; }
std::string scalerName(ScalerKind k) { return k == ScalerKind::MinMax ? "minmax" : "zscore"; }
std::string scalerFitName(ScalerFit f) { return f == ScalerFit::WholeSeries ? "series" : "train"; }
std::string missingPolicyName(MissingPolicy m) { return m == MissingPolicy::Drop ? "drop" : "interpolate"; }

Layout parseLayout(const std::string& t)
{
    static const Layout all[] = {Layout::Features, Layout::Sequence};
    return parseEnumName(t, all, layoutName, "layout");
}
ScalerKind parseScalerKind(const std::string& t)
{
    static const ScalerKind all[] = {ScalerKind::MinMax, ScalerKind::ZScore};
    return parseEnumName(t, all, scalerName, "scaler");
}
ScalerFit parseScalerFit(const std::string& t)
{
    static const ScalerFit all[] = {ScalerFit::WholeSeries, ScalerFit::TrainingPart};
    return parseEnumName(t, all, scalerFitName, "scaler fit");
}
MissingPolicy parseMissingPolicy(const std::string& t)
{
    static const MissingPolicy all[] = {MissingPolicy::Drop, MissingPolicy::Interpolate};
    return parseEnumName(t, all, missingPolicyName, "missing-value policy");
}

std::vector<std::string> configProblems(const TrainConfig& c)
{
    std::vector<std::string> p;
    requireRange(p, "--window", c.window, 1, 10000, "a window holds 1 to 10000 values");
    requireRange(p, "--hidden", c.hidden, 1, 4096, "a layer has 1 to 4096 hidden units");
    requireRange(p, "--layers", c.layers, 1, 16, "the network has 1 to 16 layers");
    requireRange(p, "--lr", c.learningRate, 1e-9, 100, "the learning rate must be above 0 and at most 100");
    requireRange(p, "--epochs", c.epochs, 1, 1000000, "train for 1 to 1000000 epochs");
    requireRange(p, "--momentum", c.momentum, 0, 0.999999, "momentum is in [0, 1)");
    requireRange(p, "--batch", c.batch, 0, 1e9, "the batch size is 0 (all windows) or a positive count");
    requireRange(p, "--train-split", c.trainSplit, 1e-9, 1 - 1e-9, "the training part is a fraction in (0, 1)");
    requireRange(p, "--val-split", c.valSplit, 0, 1 - 1e-9, "the validation part is a fraction in [0, 1)");
    requireRange(p, "--patience", c.patience, 0, 1000000, "patience counts epochs (0 = off)");
    requireRange(p, "--clip", c.clip, 0, 1e12, "the clipping norm is 0 (off) or positive");
    requireRange(p, "--seasonal-diff", c.preprocessing.seasonalDifference, 0, 100000,
                 "the seasonal-difference period is 0 (off) or a positive number of steps");
    if (c.trainSplit + c.valSplit >= 1.0)
        p.push_back("--train-split + --val-split must be below 1, or no test part is left");
    if (c.patience > 0 && c.valSplit <= 0)
        p.push_back("--patience needs a validation part (--val-split above 0) to watch");
    if (c.batch > 0 && c.layout == Layout::Features)
        p.push_back(
            "--batch needs the sequence layout: the features layout trains the training windows as one sequence");
    return p;
}

NetworkShape networkShape(const TrainConfig& c)
{
    return {c.cell, c.layout == Layout::Features ? c.window : 1, c.hidden, c.layers};
}

OptimizerSettings optimizerSettings(const TrainConfig& c)
{
    OptimizerSettings s;
    s.kind = c.optimizer;
    s.learningRate = c.learningRate;
    s.momentum = c.momentum;
    return s;
}

nlohmann::json configToJson(const TrainConfig& c)
{
    return {{"column", c.column},
            {"cell", cellName(c.cell)},
            {"layout", layoutName(c.layout)},
            {"window", c.window},
            {"hidden", c.hidden},
            {"layers", c.layers},
            {"lr", c.learningRate},
            {"epochs", c.epochs},
            {"optimizer", optimizerName(c.optimizer)},
            {"momentum", c.momentum},
            {"batch", c.batch},
            {"train_split", c.trainSplit},
            {"val_split", c.valSplit},
            {"patience", c.patience},
            {"clip", c.clip},
            {"seed", c.seed},
            {"scaler", scalerName(c.scaler)},
            {"scaler_fit", scalerFitName(c.scalerFit)},
            {"missing", missingPolicyName(c.missing)},
            {"log", c.preprocessing.log},
            {"diff", c.preprocessing.difference},
            {"seasonal_diff", c.preprocessing.seasonalDifference},
            {"init_weights", c.initWeights}};
}

TrainConfig configFromJson(const nlohmann::json& j)
{
    TrainConfig c;
    auto text = [&](const char* key, auto parse, auto& field) {
        if (j.contains(key))
            field = parse(j.at(key).template get<std::string>());
    };
    auto number = [&](const char* key, auto& field) {
        if (j.contains(key))
            j.at(key).get_to(field);
    };
    number("column", c.column);
    text("cell", parseCellType, c.cell);
    text("layout", parseLayout, c.layout);
    number("window", c.window);
    number("hidden", c.hidden);
    number("layers", c.layers);
    number("lr", c.learningRate);
    number("epochs", c.epochs);
    text("optimizer", parseOptimizerKind, c.optimizer);
    number("momentum", c.momentum);
    number("batch", c.batch);
    number("train_split", c.trainSplit);
    number("val_split", c.valSplit);
    number("patience", c.patience);
    number("clip", c.clip);
    number("seed", c.seed);
    text("scaler", parseScalerKind, c.scaler);
    text("scaler_fit", parseScalerFit, c.scalerFit);
    text("missing", parseMissingPolicy, c.missing);
    number("log", c.preprocessing.log);
    number("diff", c.preprocessing.difference);
    number("seasonal_diff", c.preprocessing.seasonalDifference);
    number("init_weights", c.initWeights);
    return c;
}

} // namespace rnnwb
