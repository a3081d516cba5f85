#pragma once
// Simple forecasts to measure a network against, on the same targets as the network.
//
// Every baseline is one-step-ahead, like the network's predictions of a part: the forecast of
// target t uses the actual values before t (and parameters from the training part only).
// With y the series in its own units and L = training windows + window the number of values
// the training part touches (its windows and targets):
//   naive           ŷ_t = y_{t−1}                              (the last value)
//   seasonal naive  ŷ_t = y_{t−m}                              (the same season's last value)
//   drift           ŷ_t = y_{t−1} + (y_{L−1} − y_0) / (L − 1)  (the line through the first and
//                                                              last training values, extended
//                                                              from the last value)
//   linear AR       ŷ_t = invert(c + Σ_i a_i s_{t−w+i})        (least squares on the training
//                                                              windows in scaled units s, same
//                                                              window w as the network, intercept c)
// With preprocessing (preprocess.h) the first three stay on the series in data units; the
// linear AR sees what the network sees, the scaled transformed series s, and `invert` is then
// the scaler's inverse followed by the preprocessing's one-step inverse (with the actual
// earlier values). Their scaled values are in the network's units too: the transformed series,
// scaled, the forecast transformed with the actual earlier values (Dataset::toScaled). Targets
// are the network's (series index t = window + w + offset), and L counts the values differencing
// uses up as well: L = offset + training windows + window.
// The period m is the user's (--season M) or the lag in [2, L/2] with the highest peak of the
// training part's autocorrelation (after removing its least-squares line); 1 (seasonal naive =
// naive) when the ACF has no peak.
// MASE of the baselines and of the network uses the same scale: the training part's in-sample
// seasonal-naive MAE with that m (metrics.h).
#include "core/stats/acf.h"
#include "core/stats/metrics.h"
#include "core/training/dataset.h"

#include <optional>
#include <span>
#include <vector>

namespace rnnwb {

// The values the training part touches: indices 0 … L−1.
std::span<const double> trainingValues(const Dataset& data);

struct Seasonality {
    int period = 1;
    bool fromUser = false;
    std::optional<double> maseScale; // seasonalNaiveScale(trainingValues, period)
};

// season > 0: the user's period (throws std::invalid_argument unless it is below L);
// season == 0: detected on the training part.
Seasonality seasonality(const Dataset& data, int season = 0);

// A least-squares linear autoregression on windows of the scaled series.
struct LinearAr {
    std::vector<double> weights; // one per window position, oldest value first
    double intercept = 0.0;
    double predict(std::span<const double> windowScaled) const;
};
// Fits on the first `windows` windows of `scaled` (window k: values k … k+w−1, target k+w).
// Rank-deficient designs (e.g. a constant series) get the minimum-norm solution.
LinearAr fitLinearAr(std::span<const double> scaled, std::size_t windows, int window);

struct BaselineForecast {
    std::vector<double> predicted; // data units, one per target
    std::vector<double> predictedScaled;
    Metrics metrics;
};

struct Baselines {
    Part part = Part::Test;
    std::vector<std::size_t> index; // series index of each target (as PartPrediction::index)
    std::vector<double> actual;
    Seasonality season;
    BaselineForecast naive, seasonalNaive, drift, linearAr;
    LinearAr ar;
};

// The four baselines on the targets of one part. Targets earlier than the period (possible in
// the training part only) get the naive value as their seasonal-naive forecast.
Baselines computeBaselines(const Dataset& data, Part part = Part::Test, int season = 0);

} // namespace rnnwb
