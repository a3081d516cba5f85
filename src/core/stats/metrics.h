#pragma once
// Forecast error measures in the data's own units.
//
// Key names are the same everywhere (C++ members, JSON keys, the app's tables):
//   mse_scaled  mean (p − a)² on the scaled data the network trains on
//   mse         mean (p − a)²
//   rmse        √mse
//   mae         mean |p − a|
//   mape        100 · mean |p − a| / |a| over the targets with a ≠ 0; null when every a = 0
//   smape       100 · mean 2 |p − a| / (|p| + |a|) over the targets with |p| + |a| ≠ 0
//               (0/0 terms are perfect forecasts and left out); null when there is none
//   mase        mae / (in-sample seasonal-naive MAE of the training part, period m);
//               null when that scale is 0 or not known
//   r2          1 − Σ(p − a)² / Σ(a − ā)²; null when the actual values are constant
// Values that are undefined are std::nullopt and JSON null: never NaN in output.
#include <cstddef>
#include <optional>
#include <span>

namespace rnnwb {

struct Metrics {
    std::size_t count = 0;
    double mseScaled = 0.0; // on the scaled data the network trains on
    double mse = 0.0;
    double rmse = 0.0;
    double mae = 0.0;
    std::optional<double> mape;  // percent
    std::optional<double> smape; // percent, 0 … 200
    std::optional<double> mase;
    std::optional<double> r2;
};

// The MASE denominator: mean |y_t − y_{t−m}| over t = m … n−1 of the training values (the
// in-sample one-step seasonal-naive MAE). std::nullopt when m < 1, n ≤ m, or the mean is 0
// (a series that repeats exactly: no scale to compare with).
std::optional<double> seasonalNaiveScale(std::span<const double> training, int period);

// All measures of predictions against actual values (spans of equal length). `maseScale` is
// seasonalNaiveScale() of the training part; without it mase is null.
Metrics computeMetrics(std::span<const double> predicted, std::span<const double> actual,
                       std::span<const double> predictedScaled, std::span<const double> actualScaled,
                       std::optional<double> maseScale = std::nullopt);

} // namespace rnnwb
