#include "core/stats/metrics.h"

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

// A value that is finite, or nothing (never NaN or infinity in a report).
std::optional<double> finiteOrNone(double x) { return std::isfinite(x) ? std::optional<double>(x) : std::nullopt; }

std::optional<double> coefficientOfDetermination(std::span<const double> predicted, std::span<const double> actual)
{
    double mean = 0.0;
    for (const double a : actual)
        mean += a;
    mean /= double(actual.size());
    double residual = 0.0, total = 0.0;
    for (std::size_t k = 0; k < actual.size(); ++k) {
        residual += (predicted[k] - actual[k]) * (predicted[k] - actual[k]);
        total += (actual[k] - mean) * (actual[k] - mean);
    }
    if (!(total > 0.0))
        return std::nullopt;
    return finiteOrNone(1.0 - residual / total);
}

} // namespace

std::optional<double> seasonalNaiveScale(std::span<const double> training, int period)
{
    if (period < 1 || training.size() <= std::size_t(period))
        return std::nullopt;
    const std::size_t m = std::size_t(period);
    double sum = 0.0;
    for (std::size_t t = m; t < training.size(); ++t)
        sum += std::abs(training[t] - training[t - m]);
    const double scale = sum / double(training.size() - m);
    if (!(scale > 0.0))
        return std::nullopt;
    return finiteOrNone(scale);
}

Metrics computeMetrics(std::span<const double> predicted, std::span<const double> actual,
                       std::span<const double> predictedScaled, std::span<const double> actualScaled,
                       std::optional<double> maseScale)
{
    Metrics m;
    m.count = predicted.size();
    if (m.count == 0)
        return m;
    m.mseScaled = meanSquaredDifference(predictedScaled, actualScaled);
    m.mse = meanSquaredDifference(predicted, actual);
    m.rmse = std::sqrt(m.mse);
    double absolute = 0.0, percent = 0.0, symmetric = 0.0;
    std::size_t nonZero = 0, symmetricCount = 0;
    for (std::size_t k = 0; k < m.count; ++k) {
        const double error = std::abs(predicted[k] - actual[k]);
        absolute += error;
        if (actual[k] != 0.0) {
            percent += error / std::abs(actual[k]);
            ++nonZero;
        }
        const double magnitude = std::abs(predicted[k]) + std::abs(actual[k]);
        if (magnitude > 0.0) {
            symmetric += 2.0 * error / magnitude;
            ++symmetricCount;
        }
    }
    m.mae = absolute / double(m.count);
    if (nonZero > 0)
        m.mape = finiteOrNone(100.0 * percent / double(nonZero));
    if (symmetricCount > 0)
        m.smape = finiteOrNone(100.0 * symmetric / double(symmetricCount));
    if (maseScale && *maseScale > 0.0)
        m.mase = finiteOrNone(m.mae / *maseScale);
    m.r2 = coefficientOfDetermination(predicted, actual);
    return m;
}

} // namespace rnnwb
