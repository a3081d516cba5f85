#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/model_input.h"

#include "core/data/csv_reader.h"
#include "core/data/series.h"
#include "core/forecast/backtest.h"
#include "core/training/baselines.h"
#include "core/training/report.h"
#include "core/training/run.h"
#include "core/training/train_options.h"
#include "core/training/trainer.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <iostream>

namespace rnnwb::cli {

namespace {

std::atomic<bool> interrupted{false};

extern "C" void onInterrupt(int) { interrupted.store(true); }

// Ctrl+C stops training after the current minibatch; the run is reported as cancelled.
struct InterruptGuard {
    InterruptGuard() { previous = std::signal(SIGINT, onInterrupt); }
    ~InterruptGuard() { std::signal(SIGINT, previous); }
    void (*previous)(int);
};

void printSummary(const RunOutcome& o, bool quietStdout)
{
    std::ostream& out = quietStdout ? std::cerr : std::cout;
    char line[256];
    std::snprintf(line, sizeof line, "%s: %zu epochs (%s) in %.3f s, final train loss %.6g\n", o.dataFile.c_str(),
                  o.trainLoss.size(), stopReasonName(o.stop).c_str(), o.trainSeconds,
                  o.trainLoss.empty() ? 0.0 : o.trainLoss.back());
    out << line;
    const Metrics& t = o.test.metrics;
    std::snprintf(line, sizeof line, "test (%zu targets): mse_scaled %.6g  mse %.6g  rmse %.6g  mae %.6g  mape %s%%\n",
                  t.count, t.mseScaled, t.mse, t.rmse, t.mae, t.mape ? std::to_string(*t.mape).c_str() : "n/a");
    out << line;
    const Baselines& b = o.baselines;
    std::snprintf(line, sizeof line,
                  "test mae of the baselines: naive %.6g  seasonal naive (m=%d) %.6g  drift %.6g  linear AR %.6g\n",
                  b.naive.metrics.mae, b.season.period, b.seasonalNaive.metrics.mae, b.drift.metrics.mae,
                  b.linearAr.metrics.mae);
    out << line;
}

// A whole number of at least 1 for option (absent: 0).
int parseCount(const std::optional<std::string>& text, const std::string& option, const std::string& meaning)
{
    if (!text)
        return 0;
    int value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size() || value < 1)
        throw UsageError(option + " needs " + meaning + ", not '" + *text + "'");
    return value;
}

// --backtest K [--backtest-retrain]: K = 0 when absent.
BacktestSettings parseBacktest(std::vector<std::string>& rest, const std::atomic<bool>* cancel)
{
    BacktestSettings s;
    s.origins = parseCount(takeOption(rest, "--backtest"), "--backtest", "a number of origins of at least 1");
    s.retrain = takeFlag(rest, "--backtest-retrain");
    if (s.retrain && s.origins == 0)
        throw UsageError("--backtest-retrain needs --backtest K");
    s.cancel = cancel;
    return s;
}

std::string optionalText(const std::optional<double>& x)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", x.value_or(0.0));
    return x ? text : "n/a";
}

void printMetricsRow(std::ostream& out, const std::string& label, const std::string& index, const Metrics& m)
{
    char line[256];
    std::snprintf(line, sizeof line, "  %-7s %7s %7zu %11.5g %11.5g %9s %9s\n", label.c_str(), index.c_str(), m.count,
                  m.rmse, m.mae, optionalText(m.mape).c_str(), optionalText(m.mase).c_str());
    out << line;
}

// One row per origin, then the mean and the pooled measures.
void printBacktest(const BacktestResult& r, bool quietStdout)
{
    std::ostream& out = quietStdout ? std::cerr : std::cout;
    out << "backtest, " << r.origins << " origins "
        << (r.retrain ? "(retrained at each origin)" : "(one trained network)")
        << (r.cancelled ? ", cancelled after " + std::to_string(r.perOrigin.size()) + " done" : std::string()) << ":\n";
    out << "  origin    index targets        rmse         mae     mape%      mase\n";
    for (const BacktestOrigin& o : r.perOrigin)
        printMetricsRow(out, std::to_string(o.number + 1), std::to_string(o.origin), o.metrics);
    printMetricsRow(out, "mean", "", r.mean);
    printMetricsRow(out, "pooled", "", r.pooled);
}

BacktestResult runBacktestOf(Trainer& trainer, const std::vector<double>& values, const BacktestSettings& settings)
{
    return settings.retrain ? backtestRetrained(values, trainer.config(), settings)
                            : backtestTrained(trainer.network(), trainer.data(), settings);
}

} // namespace

// rnnwb train --csv FILE [training options] [--season M] [--backtest K [--backtest-retrain]]
//             [--save-model FILE] [--json FILE|-]
int runTrain(std::vector<std::string> args)
{
    TrainConfig config;
    std::vector<std::string> rest = parseTrainOptions(args, config);
    const std::optional<std::string> csv = takeOption(rest, "--csv");
    const std::optional<std::string> json = takeOption(rest, "--json");
    const std::optional<std::string> modelPath = takeOption(rest, "--save-model");
    const int season = parseCount(takeOption(rest, "--season"), "--season", "a period of at least 1 step");
    BacktestSettings backtest = parseBacktest(rest, &interrupted);
    backtest.season = season;
    requireNoneLeft(rest);
    if (!csv)
        throw UsageError("train needs --csv FILE");
    if (const std::vector<std::string> problems = configProblems(config); !problems.empty())
        throw UsageError(problems.front());

    Series series = readSeries(*csv, config.column, config.missing);
    const RunRequest request{config, std::move(series.values), std::move(series.line), series.name, *csv, season};
    const std::unique_ptr<Trainer> trainer = prepareRun(request);
    if (backtest.origins > 0) {
        try {
            backtestBlocks(trainer->data().split.test, backtest.origins); // refuses a K the test part cannot hold
        } catch (const std::invalid_argument& e) {
            throw std::runtime_error(*csv + ": " + e.what());
        }
    }
    InterruptGuard guard;
    TrainControl control;
    control.cancel = &interrupted;
    const RunOutcome outcome = completeRun(*trainer, request, control);
    if (modelPath)
        saveModel(*modelPath, outcome.model);
    std::optional<BacktestResult> backtested;
    if (backtest.origins > 0)
        backtested = runBacktestOf(*trainer, request.values, backtest);
    if (json) {
        nlohmann::json report = runReport(outcome);
        if (backtested)
            report["backtest"] = backtestToJson(*backtested);
        writeJson(*json, report);
    }
    printSummary(outcome, json && *json == "-");
    if (backtested)
        printBacktest(*backtested, json && *json == "-");
    if (outcome.stop == StopReason::Diverged || outcome.stop == StopReason::Cancelled)
        std::cerr << "rnnwb: " << stopReasonExplanation(outcome.stop, int(outcome.trainLoss.size())) << "\n";
    return kExitOk;
}

} // namespace rnnwb::cli
