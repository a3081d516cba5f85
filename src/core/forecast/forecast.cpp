#include "core/forecast/forecast.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace rnnwb {

// ---------------------------------------------------------------------------------------------
// StepRunner

StepRunner::StepRunner(Network<float>& network) : network_(network) { reset(1); }

void StepRunner::reset(int batch)
{
    const NetworkShape& shape = network_.shape();
    batch_ = batch;
    state_.h.assign(std::size_t(shape.layers), Mat<float>::Zero(shape.hiddenSize, batch));
    state_.c.clear();
    if (shape.cell == CellType::Lstm)
        state_.c.assign(std::size_t(shape.layers), Mat<float>::Zero(shape.hiddenSize, batch));
}

void StepRunner::setState(const InitialState<float>& state)
{
    state_ = state;
    batch_ = state_.h.empty() ? 1 : int(state_.h.front().cols());
}

const Mat<float>& StepRunner::step(const Mat<float>& inputs)
{
    const Mat<float>& out = network_.forward(inputs, 1, batch_, OutputSteps::All, &state_);
    for (int l = 0; l < network_.layerCount(); ++l) {
        const RecurrentLayer<float>& layer = network_.layer(l);
        state_.h[std::size_t(l)] = layer.finalHidden();
        if (!state_.c.empty())
            state_.c[std::size_t(l)] = layer.cellStates().rightCols(batch_);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Closed loop

namespace {

// Window j of the series (values j … j+w−1, scaled) into column `column` of a w-row matrix.
void copyWindow(const Dataset& data, std::size_t window, Mat<float>& X, Eigen::Index column)
{
    for (int i = 0; i < data.split.window; ++i)
        X(i, column) = float(data.scaled[window + std::size_t(i)]);
}

// Features layout: the states just before the given origin windows (ascending, all in one
// part), reached by running the windows from partStart on, one step at a time from a zero
// state. Written into columns column0 … of `states` (H x K per layer).
void collectStates(StepRunner& runner, const Dataset& data, std::size_t partStart, std::span<const std::size_t> origins,
                   InitialState<float>& states, Eigen::Index column0)
{
    runner.reset(1);
    Mat<float> X(data.split.window, 1);
    std::size_t next = 0;
    for (std::size_t j = partStart; next < origins.size(); ++j) {
        for (; next < origins.size() && origins[next] == j; ++next) {
            const Eigen::Index column = column0 + Eigen::Index(next);
            for (std::size_t l = 0; l < states.h.size(); ++l)
                states.h[l].col(column) = runner.state().h[l];
            for (std::size_t l = 0; l < states.c.size(); ++l)
                states.c[l].col(column) = runner.state().c[l];
        }
        if (next < origins.size()) {
            copyWindow(data, j, X, 0);
            runner.step(X);
        }
    }
}

InitialState<float> zeroStates(const NetworkShape& shape, Eigen::Index columns)
{
    InitialState<float> s;
    s.h.assign(std::size_t(shape.layers), Mat<float>::Zero(shape.hiddenSize, columns));
    if (shape.cell == CellType::Lstm)
        s.c.assign(std::size_t(shape.layers), Mat<float>::Zero(shape.hiddenSize, columns));
    return s;
}

// Closed-loop forecasts from the origin windows (ascending, in the validation or test part;
// window N = the last w values is allowed), all origins as one batch. Returns steps x K
// scaled forecasts.
Mat<double> closedLoop(Network<float>& network, const Dataset& data, std::span<const std::size_t> origins, int steps)
{
    const int w = data.split.window;
    const Eigen::Index K = Eigen::Index(origins.size());
    // buffer row r of column k: the scaled transformed value at position origins[k] + r (series
    // index origins[k] + r + offset), known for r < w, then the forecasts of steps 1, 2, …
    Mat<double> buffer(w + steps, K);
    for (Eigen::Index k = 0; k < K; ++k)
        for (int i = 0; i < w; ++i)
            buffer(i, k) = data.scaled[origins[std::size_t(k)] + std::size_t(i)];

    if (data.layout == Layout::Features) {
        InitialState<float> states = zeroStates(network.shape(), K);
        StepRunner runner(network);
        // Origins in the validation part continue its sequence; those in the test part (and
        // the origin past the end) the test part's.
        const std::size_t testStart = data.split.first(Part::Test);
        const std::size_t inValidation
            = std::size_t(std::lower_bound(origins.begin(), origins.end(), testStart) - origins.begin());
        if (inValidation > 0)
            collectStates(runner, data, data.split.first(Part::Validation), origins.first(inValidation), states, 0);
        if (inValidation < origins.size())
            collectStates(runner, data, testStart, origins.subspan(inValidation), states, Eigen::Index(inValidation));
        runner.setState(states);
        Mat<float> X(w, K);
        for (int s = 0; s < steps; ++s) {
            X = buffer.middleRows(s, w).cast<float>();
            buffer.row(w + s) = runner.step(X).cast<double>();
        }
    } else {
        Mat<float> X(1, Eigen::Index(w) * K); // column t*K + k: value t of origin k's window
        for (int s = 0; s < steps; ++s) {
            for (int t = 0; t < w; ++t)
                X.middleCols(Eigen::Index(t) * K, K) = buffer.row(s + t).cast<float>();
            buffer.row(w + s)
                = network.forward(X, w, int(K), OutputSteps::Last, nullptr, LayerStates::NotNeeded).cast<double>();
        }
    }
    return buffer.bottomRows(steps);
}

// Scaled closed-loop forecasts of series indices first, first+1, … in data units: the scaler's
// inverse, then the preprocessing undone step by step from the actual values before `first`,
// each forecast standing in for its value in the steps after it (Integrator, preprocess.h).
std::vector<double> toDataUnits(const Dataset& data, const Eigen::Ref<const Eigen::VectorXd>& scaled, std::size_t first)
{
    Integrator integrator(data.preprocessing, std::span<const double>(data.values).first(first));
    std::vector<double> out(static_cast<std::size_t>(scaled.size()));
    for (Eigen::Index s = 0; s < scaled.size(); ++s)
        out[std::size_t(s)] = integrator.next(data.scaler.invert(scaled[s]));
    return out;
}

// How many of the origins have an actual value h steps ahead (origin window j: target j+w+h−1).
std::size_t errorsAt(const Dataset& data, std::span<const std::size_t> origins, int h)
{
    const std::size_t last = data.split.total(); // origin j has h steps of actuals iff j + h <= N
    return std::size_t(
        std::count_if(origins.begin(), origins.end(), [&](std::size_t j) { return j + std::size_t(h) <= last; }));
}

} // namespace

std::vector<std::size_t> intervalOrigins(const Dataset& data)
{
    const std::size_t first = data.split.first(Part::Validation);
    const std::size_t K = data.split.total() - first;
    std::vector<std::size_t> origins;
    if (K <= kMaxIntervalOrigins) {
        for (std::size_t j = first; j < first + K; ++j)
            origins.push_back(j);
        return origins;
    }
    for (std::size_t i = 0; i < kMaxIntervalOrigins; ++i) // evenly spread, first and last included
        origins.push_back(first + (i * (K - 1) + (kMaxIntervalOrigins - 1) / 2) / (kMaxIntervalOrigins - 1));
    return origins;
}

std::vector<double> recursiveForecast(Network<float>& network, const Dataset& data, int horizon)
{
    if (horizon < 1)
        return {};
    const std::size_t end[] = {data.split.total()}; // window N: the last w values
    const Mat<double> f = closedLoop(network, data, end, horizon);
    return toDataUnits(data, f.col(0), data.values.size());
}

std::vector<std::vector<double>> closedLoopErrors(Network<float>& network, const Dataset& data, int maxHorizon)
{
    const std::vector<std::size_t> origins = intervalOrigins(data);
    if (maxHorizon < 1 || origins.empty())
        return {};
    const int steps = std::min(maxHorizon, int(data.split.total() - origins.front()));
    const Mat<double> f = closedLoop(network, data, origins, steps);
    std::vector<std::vector<double>> errors(static_cast<std::size_t>(steps));
    for (Eigen::Index k = 0; k < f.cols(); ++k) {
        const std::size_t origin = data.split.targetIndex(origins[std::size_t(k)]); // series index of step 1
        const std::vector<double> forecast = toDataUnits(data, f.col(k), origin);
        for (int s = 0; s < steps && origin + std::size_t(s) < data.values.size(); ++s)
            errors[std::size_t(s)].push_back(data.values[origin + std::size_t(s)] - forecast[std::size_t(s)]);
    }
    return errors;
}

std::vector<double> closedLoopPredictions(Network<float>& network, const Dataset& data, Part part)
{
    if (part == Part::Train)
        throw std::invalid_argument("closed-loop predictions start in the validation or test part");
    const std::size_t count = data.split.count(part);
    if (count == 0)
        return {};
    const std::size_t origin[] = {data.split.first(part)}; // the part's first window: all known
    const Mat<double> f = closedLoop(network, data, origin, int(count));
    return toDataUnits(data, f.col(0), data.split.targetIndex(origin[0]));
}

double empiricalQuantile(std::vector<double> values, double q)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const double position = std::clamp(q, 0.0, 1.0) * double(values.size() - 1);
    const std::size_t below = std::size_t(std::floor(position));
    const std::size_t above = std::min(below + 1, values.size() - 1);
    const double fraction = position - double(below);
    return values[below] + fraction * (values[above] - values[below]);
}

Forecast forecastWithIntervals(Network<float>& network, const Dataset& data, int horizon, double coverage)
{
    if (horizon < 1)
        throw std::invalid_argument("the horizon must be at least 1 step (got " + std::to_string(horizon) + ")");
    if (!(coverage > 0.0 && coverage < 1.0))
        throw std::invalid_argument("the interval coverage must be between 0 and 1 (got " + std::to_string(coverage)
                                    + ")");
    Forecast f;
    f.horizon = horizon;
    f.coverage = coverage;
    const std::size_t n = data.values.size();
    for (int s = 0; s < horizon; ++s)
        f.index.push_back(n + std::size_t(s));
    f.forecast = recursiveForecast(network, data, horizon);

    const std::vector<std::size_t> origins = intervalOrigins(data);
    f.origins = origins.size();
    const std::size_t enough = std::min<std::size_t>(kMinIntervalErrors, origins.size());
    f.empiricalHorizon = 1;
    while (f.empiricalHorizon < kMaxMeasuredHorizon && errorsAt(data, origins, f.empiricalHorizon + 1) >= enough)
        ++f.empiricalHorizon;
    const std::vector<std::vector<double>> errors
        = closedLoopErrors(network, data, std::min(horizon, f.empiricalHorizon));
    const double alpha = (1.0 - coverage) / 2.0;
    double low = 0.0, high = 0.0, lastLow = 0.0, lastHigh = 0.0;
    for (int s = 0; s < horizon; ++s) {
        double qLow, qHigh;
        if (std::size_t(s) < errors.size()) {
            f.errorCount.push_back(errors[std::size_t(s)].size());
            qLow = lastLow = empiricalQuantile(errors[std::size_t(s)], alpha);
            qHigh = lastHigh = empiricalQuantile(errors[std::size_t(s)], 1.0 - alpha);
        } else {
            const double growth = std::sqrt(double(s + 1) / double(std::max<std::size_t>(errors.size(), 1)));
            qLow = lastLow * growth;
            qHigh = lastHigh * growth;
        }
        low = std::min({0.0, qLow, low});
        high = std::max({0.0, qHigh, high});
        f.lower.push_back(f.forecast[std::size_t(s)] + low);
        f.upper.push_back(f.forecast[std::size_t(s)] + high);
    }
    return f;
}

Forecast forecastWithIntervals(const Model& model, const Dataset& data, int horizon, double coverage)
{
    const std::unique_ptr<Network<float>> network = model.makeNetwork();
    return forecastWithIntervals(*network, data, horizon, coverage);
}

} // namespace rnnwb
