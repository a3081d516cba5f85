#include "core/forecast/backtest.h"

#include "core/training/baselines.h"
#include "core/training/report.h"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace rnnwb {

namespace {

bool cancelled(const BacktestSettings& s) { return s.cancel && s.cancel->load(); }

// Entries first … first + count − 1 of a part's predictions.
PartPrediction slice(const PartPrediction& p, const BacktestBlock& block)
{
    const auto cut = [&](const auto& v) {
        using V = std::decay_t<decltype(v)>;
        return V(v.begin() + std::ptrdiff_t(block.first), v.begin() + std::ptrdiff_t(block.first + block.count));
    };
    PartPrediction s;
    s.part = p.part;
    s.index = cut(p.index);
    s.predicted = cut(p.predicted);
    s.actual = cut(p.actual);
    s.predictedScaled = cut(p.predictedScaled);
    s.actualScaled = cut(p.actualScaled);
    return s;
}

Metrics metricsOf(const PartPrediction& p, std::optional<double> maseScale)
{
    return computeMetrics(p.predicted, p.actual, p.predictedScaled, p.actualScaled, maseScale);
}

// The mean over the origins of each measure; optional ones over the origins that have them.
Metrics meanOf(const std::vector<BacktestOrigin>& origins)
{
    Metrics m;
    if (origins.empty())
        return m;
    const double k = double(origins.size());
    const auto meanOptional = [&](std::optional<double> Metrics::*field) -> std::optional<double> {
        double sum = 0.0;
        int defined = 0;
        for (const BacktestOrigin& o : origins)
            if (const std::optional<double>& x = o.metrics.*field) {
                sum += *x;
                ++defined;
            }
        return defined > 0 ? std::optional<double>(sum / defined) : std::nullopt;
    };
    for (const BacktestOrigin& o : origins) {
        m.count += o.metrics.count;
        m.mseScaled += o.metrics.mseScaled;
        m.mse += o.metrics.mse;
        m.rmse += o.metrics.rmse;
        m.mae += o.metrics.mae;
    }
    m.mseScaled /= k;
    m.mse /= k;
    m.rmse /= k;
    m.mae /= k;
    m.mape = meanOptional(&Metrics::mape);
    m.smape = meanOptional(&Metrics::smape);
    m.mase = meanOptional(&Metrics::mase);
    m.r2 = meanOptional(&Metrics::r2);
    return m;
}

// All blocks' predictions as one.
Metrics pooledOf(const std::vector<BacktestOrigin>& origins, std::optional<double> maseScale)
{
    PartPrediction all;
    for (const BacktestOrigin& o : origins) {
        const PartPrediction& p = o.prediction;
        all.predicted.insert(all.predicted.end(), p.predicted.begin(), p.predicted.end());
        all.actual.insert(all.actual.end(), p.actual.begin(), p.actual.end());
        all.predictedScaled.insert(all.predictedScaled.end(), p.predictedScaled.begin(), p.predictedScaled.end());
        all.actualScaled.insert(all.actualScaled.end(), p.actualScaled.begin(), p.actualScaled.end());
    }
    return metricsOf(all, maseScale);
}

void addOrigin(BacktestResult& r, BacktestOrigin origin, const BacktestSettings& settings)
{
    r.perOrigin.push_back(std::move(origin));
    if (settings.onOrigin)
        settings.onOrigin(r.perOrigin.back(), int(r.perOrigin.size()));
}

void summarize(BacktestResult& r, std::optional<double> maseScale)
{
    r.mean = meanOf(r.perOrigin);
    r.pooled = pooledOf(r.perOrigin, maseScale);
}

// The run's configuration with its split fractions chosen so that a series of `windows`
// windows splits into `train` training and `validation` validation windows, the rest test.
// splitWindows takes ⌊fraction · windows⌋: half a window (a quarter for validation, so the two
// stay below 1 together) keeps floating-point rounding away from the integer.
TrainConfig originConfig(TrainConfig config, std::size_t windows, std::size_t train, std::size_t validation)
{
    config.trainSplit = (double(train) + 0.5) / double(windows);
    config.valSplit = validation > 0 ? (double(validation) + 0.25) / double(windows) : 0.0;
    return config;
}

// Trains origin k's network on the series up to the end of its block and predicts the block.
// Returns false when the training was cancelled.
bool retrainOrigin(std::span<const double> series, const TrainConfig& config, const Dataset& full,
                   const BacktestBlock& block, std::optional<double> maseScale, const BacktestSettings& settings,
                   BacktestOrigin& out)
{
    const std::vector<std::size_t> testWindows = full.windowsOf(Part::Test);
    const std::size_t last = full.split.targetIndex(testWindows[block.first + block.count - 1]);
    const std::size_t later = full.split.test - block.first - block.count; // targets after the block
    const std::size_t windows = full.split.total() - later;
    const std::size_t validation = full.split.validation;
    const TrainConfig c = originConfig(config, windows, windows - validation - block.count, validation);
    Dataset prefix
        = Dataset::prepare(std::vector<double>(series.begin(), series.begin() + std::ptrdiff_t(last + 1)), c);
    if (prefix.split.test != block.count || prefix.split.validation != validation)
        throw std::logic_error("backtest: origin " + std::to_string(out.number) + "'s split does not match its block");

    Trainer trainer(std::move(prefix), c);
    TrainControl control;
    control.cancel = settings.cancel;
    trainer.run(control);
    if (trainer.stopReason() == StopReason::Cancelled)
        return false;
    PartResult r = evaluatePart(trainer.network(), trainer.data(), Part::Test, maseScale);
    if (r.prediction.index.empty() || r.prediction.index.front() != full.split.targetIndex(testWindows[block.first]))
        throw std::logic_error("backtest: origin " + std::to_string(out.number)
                               + " predicts other targets than its block");
    out.origin = r.prediction.index.front();
    out.prediction = std::move(r.prediction);
    out.metrics = r.metrics;
    out.stop = trainer.stopReason();
    out.epochsRun = trainer.epochsRun();
    return true;
}

} // namespace

std::vector<BacktestBlock> backtestBlocks(std::size_t testTargets, int origins)
{
    if (origins < 1 || std::size_t(origins) > testTargets)
        throw std::invalid_argument("a backtest with " + std::to_string(origins) + " origins needs 1 to "
                                    + std::to_string(testTargets) + " origins: the test part has "
                                    + std::to_string(testTargets) + " targets and every origin needs at least one");
    std::vector<BacktestBlock> blocks;
    const std::size_t k = std::size_t(origins);
    for (std::size_t b = 0; b < k; ++b) {
        const std::size_t first = b * testTargets / k, end = (b + 1) * testTargets / k;
        blocks.push_back({first, end - first});
    }
    return blocks;
}

BacktestResult backtestTrained(Network<float>& network, const Dataset& data, const BacktestSettings& settings)
{
    const std::vector<BacktestBlock> blocks = backtestBlocks(data.split.test, settings.origins);
    const std::optional<double> scale = seasonality(data, settings.season).maseScale;
    const PartPrediction test = predictPart(network, data, Part::Test);
    BacktestResult r;
    r.origins = settings.origins;
    for (std::size_t k = 0; k < blocks.size(); ++k) {
        BacktestOrigin o;
        o.number = int(k);
        o.prediction = slice(test, blocks[k]);
        o.origin = o.prediction.index.front();
        o.metrics = metricsOf(o.prediction, scale);
        addOrigin(r, std::move(o), settings);
    }
    summarize(r, scale);
    return r;
}

BacktestResult backtestRetrained(std::span<const double> series, const TrainConfig& config,
                                 const BacktestSettings& settings)
{
    const Dataset full = Dataset::prepare(std::vector<double>(series.begin(), series.end()), config);
    const std::vector<BacktestBlock> blocks = backtestBlocks(full.split.test, settings.origins);
    const std::optional<double> scale = seasonality(full, settings.season).maseScale;
    BacktestResult r;
    r.origins = settings.origins;
    r.retrain = true;
    for (std::size_t k = 0; k < blocks.size(); ++k) {
        BacktestOrigin o;
        o.number = int(k);
        if (cancelled(settings) || !retrainOrigin(series, config, full, blocks[k], scale, settings, o)) {
            r.cancelled = true;
            break;
        }
        addOrigin(r, std::move(o), settings);
    }
    summarize(r, scale);
    return r;
}

BacktestResult runBacktest(std::span<const double> series, const TrainConfig& config, const BacktestSettings& settings)
{
    if (settings.retrain)
        return backtestRetrained(series, config, settings);
    Dataset data = Dataset::prepare(std::vector<double>(series.begin(), series.end()), config);
    backtestBlocks(data.split.test, settings.origins); // refuses a bad K before training
    Trainer trainer(std::move(data), config);
    TrainControl control;
    control.cancel = settings.cancel;
    trainer.run(control);
    if (trainer.stopReason() == StopReason::Cancelled) {
        BacktestResult r;
        r.origins = settings.origins;
        r.cancelled = true;
        return r;
    }
    return backtestTrained(trainer.network(), trainer.data(), settings);
}

nlohmann::json backtestToJson(const BacktestResult& r)
{
    nlohmann::json perOrigin = nlohmann::json::array();
    for (const BacktestOrigin& o : r.perOrigin) {
        nlohmann::json j = {{"origin", o.origin},
                            {"targets", o.prediction.index.size()},
                            {"index", o.prediction.index},
                            {"predictions", o.prediction.predicted}};
        j.update(metricsToJson(o.metrics));
        if (r.retrain) {
            j["stop_reason"] = stopReasonName(o.stop);
            j["epochs_run"] = o.epochsRun;
        }
        perOrigin.push_back(std::move(j));
    }
    return {{"origins", r.origins},    {"retrain", r.retrain},          {"cancelled", r.cancelled},
            {"per_origin", perOrigin}, {"mean", metricsToJson(r.mean)}, {"pooled", metricsToJson(r.pooled)}};
}

} // namespace rnnwb
