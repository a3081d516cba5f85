#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/model_input.h"

#include "core/baselines.h"
#include "core/csv_reader.h"
#include "core/report.h"
#include "core/series.h"
#include "core/train_options.h"
#include "core/trainer.h"

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
                  t.count, t.mseScaled, t.mse, t.rmse, t.mae,
                  t.mape ? std::to_string(*t.mape).c_str() : "n/a");
    out << line;
    const Baselines& b = o.baselines;
    std::snprintf(line, sizeof line,
                  "test mae of the baselines: naive %.6g  seasonal naive (m=%d) %.6g  drift %.6g  linear AR %.6g\n",
                  b.naive.metrics.mae, b.season.period, b.seasonalNaive.metrics.mae, b.drift.metrics.mae,
                  b.linearAr.metrics.mae);
    out << line;
}

// --season M: the seasonal period of the seasonal-naive baseline and MASE; 0 (absent) = detected.
int parseSeason(const std::optional<std::string>& text)
{
    if (!text)
        return 0;
    int value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size() || value < 1)
        throw UsageError("--season needs a period of at least 1 step, not '" + *text + "'");
    return value;
}

} // namespace

// rnnwb train --csv FILE [training options] [--save-model FILE] [--json FILE|-]
int runTrain(std::vector<std::string> args)
{
    TrainConfig config;
    std::vector<std::string> rest = parseTrainOptions(args, config);
    const std::optional<std::string> csv = takeOption(rest, "--csv");
    const std::optional<std::string> json = takeOption(rest, "--json");
    const std::optional<std::string> modelPath = takeOption(rest, "--save-model");
    const int season = parseSeason(takeOption(rest, "--season"));
    requireNoneLeft(rest);
    if (!csv)
        throw UsageError("train needs --csv FILE");
    if (const std::vector<std::string> problems = configProblems(config); !problems.empty())
        throw UsageError(problems.front());

    const Series series = readSeries(*csv, config.column, config.missing);
    Dataset data = [&] {
        try {
            Dataset prepared = Dataset::prepare(series.values, config);
            seasonality(prepared, season); // refuses a --season the training part cannot hold
            return prepared;
        } catch (const std::invalid_argument& e) {
            throw std::runtime_error(*csv + ": " + e.what());
        }
    }();
    Trainer trainer(std::move(data), config, series.name);
    InterruptGuard guard;
    TrainControl control;
    control.cancel = &interrupted;
    trainer.run(control);

    const RunOutcome outcome = summarizeRun(trainer, *csv, season);
    if (modelPath) {
        Model model = trainer.model();
        model.extraMetadata["metrics"] = nlohmann::json{{"test", metricsToJson(outcome.test.metrics)}}.dump();
        saveModel(*modelPath, model);
    }
    if (json)
        writeJson(*json, runReport(outcome));
    printSummary(outcome, json && *json == "-");
    if (outcome.stop == StopReason::Diverged || outcome.stop == StopReason::Cancelled)
        std::cerr << "rnnwb: " << stopReasonExplanation(outcome.stop, int(outcome.trainLoss.size())) << "\n";
    return kExitOk;
}

} // namespace rnnwb::cli
