#include "core/metrics.h"

#include <cmath>

namespace rnnwb {

namespace {

double meanSquaredDifference(std::span<const double> a, std::span<const double> b)
{
    double sum = 0.0;
    for (std::size_t k = 0; k < a.size(); ++k)
        sum += (a[k] - b[k]) * (a[k] - b[k]);
    return a.empty() ? 0.0 : sum / double(a.size());
}

} // namespace

Metrics computeMetrics(std::span<const double> predicted, std::span<const double> actual,
                       std::span<const double> predictedScaled, std::span<const double> actualScaled)
{
    Metrics m;
    m.count = predicted.size();
    if (m.count == 0)
        return m;
    m.mseScaled = meanSquaredDifference(predictedScaled, actualScaled);
    m.mse = meanSquaredDifference(predicted, actual);
    m.rmse = std::sqrt(m.mse);
    double absolute = 0.0, percent = 0.0;
    std::size_t nonZero = 0;
    for (std::size_t k = 0; k < m.count; ++k) {
        const double error = std::abs(predicted[k] - actual[k]);
        absolute += error;
        if (actual[k] != 0.0) {
            percent += error / std::abs(actual[k]);
            ++nonZero;
        }
    }
    m.mae = absolute / double(m.count);
    if (nonZero > 0)
        m.mape = 100.0 * percent / double(nonZero);
    return m;
}

} // namespace rnnwb
