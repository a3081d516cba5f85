#pragma once
// Rolling-origin backtest: how well a configuration forecasts one step ahead from several
// points in time, instead of from the single test split.
//
// Blocks and origins. The test part's T targets are cut into K consecutive blocks: block k
// (k = 0 … K−1) holds the targets at positions ⌊k·T/K⌋ … ⌊(k+1)·T/K⌋ − 1 of the test part (the
// sizes differ by at most one) and origin k is the first target of block k (reported by its
// series index). 1 ≤ K ≤ T, so that every block has at least one target.
//
// Without retraining, the network trained on the run's split predicts every block one step
// ahead (open loop: real values as inputs) exactly as predictPart predicts the test part, so
// block k's predictions are the test predictions at its positions. (Features layout: the test
// part runs as one sequence, so a later block starts from the state the earlier ones left.)
//
// With retraining, every origin gets its own network: the same configuration (same seed, same
// initial weights) trained from scratch on the series up to the end of block k only, i.e.
// values 0 … (series index of the last target of block k). That prefix is split so that
//   test part        = block k,
//   validation part  = as many windows as the run's,
//   training part    = every window before those (an expanding window: it grows with k),
// and goes through Dataset::prepare like any run (scaling, and whatever preprocessing the
// configuration asks for, fitted on the prefix only: nothing after block k is seen). Block k
// is then predicted by predictPart on that prefix's test part (from a zero state).
//
// Metrics per block (metrics.h, data units). MASE has one scale for every origin, the run's:
// the in-sample seasonal-naive MAE of the run's training part, which precedes every origin, so
// the origins compare. Two summaries:
//   mean    the mean over the origins of each measure (rmse is the mean of the blocks' rmse, not
//           √ of the mean mse); an optional measure is averaged over the origins where it is
//           defined (r2 of a one-target block is not) and null when none is. count: all targets.
//   pooled  every measure over all blocks' predictions at once. Without retraining these are
//           the run's test metrics.
// (With retraining, each origin's mse_scaled is on that origin's own scaling.)
#include "core/stats/metrics.h"
#include "core/training/dataset.h"
#include "core/training/model.h"
#include "core/training/trainer.h"

#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <functional>
#include <span>
#include <vector>

namespace rnnwb {

// The positions of block k in the test part: first … first + count − 1.
struct BacktestBlock {
    std::size_t first = 0;
    std::size_t count = 0;
};

// The K blocks of T test targets. Throws std::invalid_argument unless 1 ≤ K ≤ T.
std::vector<BacktestBlock> backtestBlocks(std::size_t testTargets, int origins);

struct BacktestOrigin {
    int number = 0;            // k, 0-based
    std::size_t origin = 0;    // series index of the block's first target
    PartPrediction prediction; // the block's targets, predictions and actual values
    Metrics metrics;
    // With retraining: how this origin's training ended.
    StopReason stop = StopReason::Completed;
    int epochsRun = 0;
};

struct BacktestResult {
    int origins = 0; // K asked for
    bool retrain = false;
    bool cancelled = false;                // stopped before every origin was done
    std::vector<BacktestOrigin> perOrigin; // the origins done, in time order
    Metrics mean, pooled;                  // over perOrigin
};

struct BacktestSettings {
    int origins = 1; // K
    bool retrain = false;
    int season = 0; // the period of the MASE scale, 0 = detected (as summarizeRun's)
    // Checked by every training and between origins; a cancelled origin is left out.
    const std::atomic<bool>* cancel = nullptr;
    // Called after each origin (on the calling thread), with the number done so far.
    std::function<void(const BacktestOrigin& origin, int done)> onOrigin;
};

// Without retraining: `network` as trained on `data` predicts every block.
BacktestResult backtestTrained(Network<float>& network, const Dataset& data, const BacktestSettings& settings);

// With retraining: `series` is what Dataset::prepare was given for the run (data units, before
// any preprocessing), `config` the run's configuration. Throws what Dataset::prepare and
// Trainer throw, std::invalid_argument for a bad K.
BacktestResult backtestRetrained(std::span<const double> series, const TrainConfig& config,
                                 const BacktestSettings& settings);

// Either, from the series and configuration alone: without retraining the configuration is
// first trained once on the whole series (cancelled too by settings.cancel).
BacktestResult runBacktest(std::span<const double> series, const TrainConfig& config, const BacktestSettings& settings);

// {"origins", "retrain", "cancelled", "per_origin": [{"origin", "targets", "index",
//  "predictions", metrics… (+ "stop_reason", "epochs_run" with retraining)}], "mean", "pooled"}
nlohmann::json backtestToJson(const BacktestResult& result);

} // namespace rnnwb
