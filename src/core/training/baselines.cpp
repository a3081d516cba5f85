#include "core/training/baselines.h"

#include <Eigen/Dense>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace rnnwb {

std::span<const double> trainingValues(const Dataset& data)
{
    const std::size_t length
        = std::min(data.values.size(), data.split.train + std::size_t(data.split.window) + data.split.offset);
    return {data.values.data(), length};
}

Seasonality seasonality(const Dataset& data, int season)
{
    const std::span<const double> training = trainingValues(data);
    Seasonality s;
    if (season > 0) {
        if (std::size_t(season) >= training.size())
            throw std::invalid_argument("--season " + std::to_string(season)
                                        + " is not shorter than the training part (" + std::to_string(training.size())
                                        + " values)");
        s.period = season;
        s.fromUser = true;
    } else {
        s.period = detectSeasonalPeriod(training);
    }
    s.maseScale = seasonalNaiveScale(training, s.period);
    return s;
}

double LinearAr::predict(std::span<const double> windowScaled) const
{
    double sum = intercept;
    for (std::size_t i = 0; i < weights.size() && i < windowScaled.size(); ++i)
        sum += weights[i] * windowScaled[i];
    return sum;
}

LinearAr fitLinearAr(std::span<const double> scaled, std::size_t windows, int window)
{
    const Eigen::Index w = window;
    const Eigen::Index n = Eigen::Index(windows);
    Eigen::MatrixXd design(n, w + 1); // [s_k … s_{k+w−1}, 1]
    Eigen::VectorXd target(n);
    for (Eigen::Index k = 0; k < n; ++k) {
        for (Eigen::Index i = 0; i < w; ++i)
            design(k, i) = scaled[std::size_t(k + i)];
        design(k, w) = 1.0;
        target[k] = scaled[std::size_t(k + w)];
    }
    const Eigen::VectorXd solution = design.completeOrthogonalDecomposition().solve(target);
    LinearAr ar;
    ar.weights.assign(solution.data(), solution.data() + w);
    ar.intercept = solution[w];
    return ar;
}

namespace {

// predicted: the forecast of series index t in data units; its scaled value is in the units
// the network trains on (the transformed series, scaled), so its mse_scaled compares with the
// network's.
void addTarget(BaselineForecast& f, const Dataset& data, std::size_t t, double predicted)
{
    f.predicted.push_back(predicted);
    f.predictedScaled.push_back(data.toScaled(t, predicted));
}

void measure(BaselineForecast& f, const Baselines& b, const Dataset& data)
{
    std::vector<double> actualScaled(b.actual.size());
    for (std::size_t k = 0; k < b.actual.size(); ++k)
        actualScaled[k] = data.toScaled(b.index[k], b.actual[k]);
    f.metrics = computeMetrics(f.predicted, b.actual, f.predictedScaled, actualScaled, b.season.maseScale);
}

} // namespace

Baselines computeBaselines(const Dataset& data, Part part, int season)
{
    Baselines b;
    b.part = part;
    b.season = seasonality(data, season);
    const std::span<const double> training = trainingValues(data);
    const std::span<const double> y(data.values);
    const double slope = training.size() > 1 ? (training.back() - training.front()) / double(training.size() - 1) : 0.0;
    b.ar = fitLinearAr(data.scaled, data.split.train, data.split.window);
    const std::size_t m = std::size_t(b.season.period);
    const std::size_t w = std::size_t(data.split.window);
    for (const std::size_t window : data.windowsOf(part)) {
        const std::size_t t = data.split.targetIndex(window);
        b.index.push_back(t);
        b.actual.push_back(y[t]);
        addTarget(b.naive, data, t, y[t - 1]);
        addTarget(b.seasonalNaive, data, t, t >= m ? y[t - m] : y[t - 1]);
        addTarget(b.drift, data, t, y[t - 1] + slope);
        const std::size_t position = data.split.targetPosition(window);
        const double arScaled = b.ar.predict(std::span<const double>(data.scaled).subspan(position - w, w));
        b.linearAr.predicted.push_back(data.toData(t, arScaled));
        b.linearAr.predictedScaled.push_back(arScaled);
    }
    for (BaselineForecast* f : {&b.naive, &b.seasonalNaive, &b.drift, &b.linearAr})
        measure(*f, b, data);
    return b;
}

} // namespace rnnwb
