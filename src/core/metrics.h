#pragma once
// Forecast error measures in the data's own units.
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
    std::optional<double> mape; // percent; absent when every actual value is 0
};

// MSE = mean (p − a)², RMSE = √MSE, MAE = mean |p − a|, MAPE = 100 · mean |p − a| / |a| over
// the targets with a ≠ 0.
Metrics computeMetrics(std::span<const double> predicted, std::span<const double> actual,
                       std::span<const double> predictedScaled, std::span<const double> actualScaled);

} // namespace rnnwb
