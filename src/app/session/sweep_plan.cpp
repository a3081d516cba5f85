#include "app/session/sweep_plan.h"

#include "core/training/train_options.h"

#include <algorithm>

namespace rnnwb::app {

namespace {

std::string labelOf(const std::string& option)
{
    for (const SweepParameter& p : sweepParameters())
        if (option == p.option)
            return p.label;
    return option;
}

// "hidden 32, lr 0.001": the values one run takes.
std::string runLabel(const std::vector<SweepAxis>& axes, const std::vector<std::size_t>& choice)
{
    std::string label;
    for (std::size_t a = 0; a < axes.size(); ++a)
        label += (a ? ", " : "") + axes[a].option + " " + axes[a].values[choice[a]];
    return label;
}

} // namespace

std::span<const SweepParameter> sweepParameters()
{
    static const SweepParameter parameters[] = {
        {"hidden", "hidden size"},
        {"layers", "layers"},
        {"window", "window"},
        {"lr", "learning rate"},
        {"epochs", "epochs"},
        {"cell", "cell"},
        {"batch", "batch size"},
        {"layout", "layout"},
        {"optimizer", "optimizer"},
        {"momentum", "momentum"},
        {"clip", "gradient clipping"},
        {"patience", "patience"},
        {"train-split", "training split"},
        {"val-split", "validation split"},
        {"seed", "seed"},
    };
    return parameters;
}

std::vector<std::string> splitValueList(const std::string& text)
{
    std::vector<std::string> values;
    std::string current;
    for (const char ch : text + ' ') {
        if (ch == ',' || ch == ';' || ch == ' ' || ch == '\t' || ch == '\n') {
            if (!current.empty())
                values.push_back(current);
            current.clear();
        } else {
            current += ch;
        }
    }
    return values;
}

void applySweepValue(TrainConfig& config, const std::string& option, const std::string& value)
{
    try {
        const std::vector<std::string> rest = parseTrainOptions({"--" + option, value}, config);
        if (!rest.empty())
            throw SweepError("'" + option + "' is not a training option");
    } catch (const UsageError& e) {
        throw SweepError(labelOf(option) + ": " + e.what());
    }
}

SweepAxis parseSweepAxis(const std::string& option, const std::string& text, const TrainConfig& base)
{
    SweepAxis axis{option, splitValueList(text)};
    if (axis.values.empty())
        throw SweepError(labelOf(option) + ": no values (type them like \"16, 32, 64\")");
    std::vector<TrainConfig> seen;
    for (const std::string& value : axis.values) {
        TrainConfig c = base;
        applySweepValue(c, option, value);
        if (const std::vector<std::string> problems = configProblems(c); !problems.empty())
            throw SweepError(labelOf(option) + " " + value + ": " + problems.front());
        if (std::find(seen.begin(), seen.end(), c) != seen.end())
            throw SweepError(labelOf(option) + ": " + value + " is listed twice");
        seen.push_back(c);
    }
    return axis;
}

std::vector<SweepRun> sweepRuns(const TrainConfig& base, const std::vector<SweepAxis>& axes)
{
    if (axes.empty())
        throw SweepError("choose a parameter to sweep");
    std::size_t count = 1;
    for (std::size_t a = 0; a < axes.size(); ++a) {
        for (std::size_t b = 0; b < a; ++b)
            if (axes[a].option == axes[b].option)
                throw SweepError("the two parameters are both " + labelOf(axes[a].option)
                                 + ": choose two different ones");
        if (axes[a].values.empty())
            throw SweepError(labelOf(axes[a].option) + ": no values");
        count *= axes[a].values.size();
        if (count > kMaxSweepRuns)
            throw SweepError("the sweep would start more than " + std::to_string(kMaxSweepRuns)
                             + " runs: shorten the value lists");
    }
    // choice[a]: the value of axis a in the run being built, the last axis counting fastest
    std::vector<SweepRun> runs;
    std::vector<std::size_t> choice(axes.size(), 0);
    for (std::size_t n = 0; n < count; ++n) {
        std::size_t rest = n;
        for (std::size_t a = axes.size(); a-- > 0;) {
            choice[a] = rest % axes[a].values.size();
            rest /= axes[a].values.size();
        }
        SweepRun run{base, runLabel(axes, choice)};
        for (std::size_t a = 0; a < axes.size(); ++a)
            applySweepValue(run.config, axes[a].option, axes[a].values[choice[a]]);
        if (const std::vector<std::string> problems = configProblems(run.config); !problems.empty())
            throw SweepError("the run with " + run.label + ": " + problems.front());
        runs.push_back(std::move(run));
    }
    return runs;
}

} // namespace rnnwb::app
