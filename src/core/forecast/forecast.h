#pragma once
// Using a trained network past the data: one-step predictions of a whole series, and
// multi-step recursive (closed-loop) forecasts with empirical prediction intervals.
//
// Closed loop: the forecast of step h is fed back as the newest value of the window of step
// h+1, so a forecast from origin o (the first forecast target, values before o known) needs
// nothing after o − 1.
//
// The network's state (features layout). predictPart runs the windows of one part as one
// sequence from a zero state. Forecasts keep to that: the state a forecast from origin o
// starts with is the one the part's sequence reaches just before window o − w, i.e. the part
// that window belongs to is run window by window from a zero state up to window o − w − 1;
// then window o − w (all known values) gives step 1 — exactly the value predictPart gives for
// target o, up to float rounding — and every later step continues the same sequence with
// fed-back windows. The forecast past the end of the series (o = n) continues the test part's
// sequence: the test windows warm up the state, then the window of the last w values gives
// step 1. The sequence layout has no state across windows: every window (known, fed back or
// mixed) is its own sequence from a zero state, as in predictPart.
//
// Preprocessing (preprocess.h). The network forecasts the scaled transformed series; the
// forecasts of one origin are taken back to data units in order, each step's inverse using the
// actual values before the origin and the forecasts of the earlier steps where the actual
// values are not known (a closed loop in data units too). Errors are measured in data units.
//
// Intervals. Closed-loop forecasts are made from every origin whose window lies in the
// model's validation + test part (K origins; a part longer than kMaxIntervalOrigins windows is
// sampled evenly, first and last included, so the cost stays bounded); their h-step-ahead
// errors e = actual − forecast (data units) form, for each h, an empirical distribution (K − h
// + 1 values when every origin is used). At coverage c the band of step h is
// [f_h + q_lo(h), f_h + q_hi(h)] with q the (1 ∓ c)/2 quantiles (linear interpolation between
// order statistics). Quantiles come from the measured errors up to the empirical horizon H_e:
// the largest h (at most kMaxMeasuredHorizon) with at least min(kMinIntervalErrors, K) errors
// (with every origin used: H_e = K − min(10, K) + 1). Beyond H_e the quantiles of H_e grow as
// √(h / H_e) (a random walk's spread). Each side is then made monotone (the band never
// narrows as h grows) and never crosses the forecast:
//   q_lo(h) ← min(0, q_lo(h), q_lo(h−1)),   q_hi(h) ← max(0, q_hi(h), q_hi(h−1)).
#include "core/nn/network.h"
#include "core/training/dataset.h"
#include "core/training/model.h"

#include <span>
#include <vector>

namespace rnnwb {

inline constexpr std::size_t kMaxIntervalOrigins = 200;
inline constexpr std::size_t kMinIntervalErrors = 10;
inline constexpr int kMaxMeasuredHorizon = 250;

// Runs a network one time step at a time, carrying every layer's state from step to step
// (features layout). Each step is Network::forward with T = 1 and the previous step's final
// states as its initial state, so a long forecast never re-runs the sequence.
class StepRunner {
public:
    explicit StepRunner(Network<float>& network);
    // Zero state for `batch` independent sequences.
    void reset(int batch = 1);
    // Sets the state (per layer H x B; c only for the LSTM); the batch becomes B.
    void setState(const InitialState<float>& state);
    const InitialState<float>& state() const { return state_; }
    int batch() const { return batch_; }
    // One step: inputs is inputSize x B. Returns the 1 x B predictions; the state moves on.
    const Mat<float>& step(const Mat<float>& inputs);

private:
    Network<float>& network_;
    InitialState<float> state_;
    int batch_ = 1;
};

// The next `horizon` values after the series' end (series index n … n+horizon−1), data units.
std::vector<double> recursiveForecast(Network<float>& network, const Dataset& data, int horizon);

// The origin windows of the interval errors: every window of the validation + test part, or
// kMaxIntervalOrigins of them evenly spread (first and last included) when there are more.
std::vector<std::size_t> intervalOrigins(const Dataset& data);

// Closed-loop errors (actual − forecast, data units) from the intervalOrigins():
// errors[h−1] holds the h-step-ahead errors, for h = 1 … maxHorizon (fewer when the part is
// shorter than maxHorizon).
std::vector<std::vector<double>> closedLoopErrors(Network<float>& network, const Dataset& data, int maxHorizon);

// Closed-loop predictions of a whole validation or test part: from the part's first window
// (known values only), each prediction is fed back as the newest input of the next window, so
// target j of the part is a (j+1)-step-ahead forecast. Data units, one per target, the same
// targets as predictPart (its open-loop, one-step counterpart). Throws for Part::Train.
std::vector<double> closedLoopPredictions(Network<float>& network, const Dataset& data, Part part);

// The q-quantile (0 ≤ q ≤ 1) of values by linear interpolation between order statistics
// (R's type 7, numpy's default). 0 for no values.
double empiricalQuantile(std::vector<double> values, double q);

struct Forecast {
    int horizon = 0;
    double coverage = 0.9;
    std::vector<std::size_t> index;      // series index of each step: n, n+1, …
    std::vector<double> forecast;        // data units
    std::vector<double> lower, upper;    // the band at `coverage`
    std::size_t origins = 0;             // K: forecasts the errors were measured from
    int empiricalHorizon = 0;            // H_e: steps whose quantiles are measured, not extended
    std::vector<std::size_t> errorCount; // errors measured for h = 1 … min(horizon, H_e)
};

// Throws std::invalid_argument unless horizon ≥ 1 and 0 < coverage < 1.
Forecast forecastWithIntervals(Network<float>& network, const Dataset& data, int horizon, double coverage = 0.9);
Forecast forecastWithIntervals(const Model& model, const Dataset& data, int horizon, double coverage = 0.9);

} // namespace rnnwb
