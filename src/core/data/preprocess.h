#pragma once
// Transforms that make real series easier to learn, and their exact inverses.
//
// Applied in this order to the series y_0 … y_{n−1} (data units):
//   log                  a_t = ln y_t              (every y_t must be above 0)   off: a_t = y_t
//   seasonal difference  b_t = a_t − a_{t−m}        (period m ≥ 1; 0 = off)      off: b_t = a_t
//   first difference     z_t = b_t − b_{t−1}                                     off: z_t = b_t
// The network trains on z (then scaled as usual). z_t exists for t ≥ lost() = m + (diff ? 1 : 0):
// the first lost() values have no earlier value to subtract.
//
// Both differences are linear in a, so z_t = a_t − known_t with known_t a combination of
// EARLIER values only (B the backshift, (1 − B)(1 − B^m) = 1 − B − B^m + B^{m+1}):
//   none        known_t = 0
//   diff        known_t = a_{t−1}
//   seasonal m  known_t = a_{t−m}
//   both        known_t = a_{t−1} + a_{t−m} − a_{t−m−1}
// A prediction ẑ_t of z_t is therefore inverted exactly by
//   ŷ_t = exp(ẑ_t + known_t)        (without the log: ŷ_t = ẑ_t + known_t)
//   one step   known_t from the ACTUAL earlier values (what predict and the metrics report);
//   recursive  known_t from the earlier values with the forecasts standing in for the values
//              not known yet (Integrator), so step h builds on the forecasts of steps < h.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace rnnwb {

struct Preprocessing {
    bool log = false;
    int seasonalDifference = 0; // period m; 0 = off
    bool difference = false;

    bool operator==(const Preprocessing&) const = default;
    bool any() const { return log || seasonalDifference > 0 || difference; }
    // The values at the start of the series that have no transformed value: m + (diff ? 1 : 0).
    std::size_t lost() const
    {
        return std::size_t(seasonalDifference > 0 ? seasonalDifference : 0) + (difference ? 1 : 0);
    }
};

// "log, seasonal difference 12, difference", or "none".
std::string describePreprocessing(const Preprocessing& p);

// The level a_t of a value (ln y with the log on, y otherwise) and back. fromLevel caps the
// exponent at ln(kMaxSeriesMagnitude), so an exploded forecast stays finite.
double toLevel(const Preprocessing& p, double y);
double fromLevel(const Preprocessing& p, double level);

// known_t = Σ weight · a_{t−lag}: the expanded differencing polynomial without its lag-0 term.
struct LagWeight {
    std::size_t lag = 0;
    double weight = 0.0;
};
std::vector<LagWeight> knownTerms(const Preprocessing& p);

// z_{lost()} … z_{n−1}: n − lost() values (none when the series is not longer than lost()).
// With the log on, throws std::invalid_argument naming the first value that is not above 0
// by its series index and, when `lines` (Series::line) is given, its file line.
std::vector<double> transformSeries(std::span<const double> values, const Preprocessing& p,
                                    std::span<const std::size_t> lines = {});

// One step, with the actual values before t (values[0 … t−1] are used; t ≥ lost()):
// invertOneStep maps a prediction ẑ_t to ŷ_t in data units; transformOneStep maps a value y
// standing at t to its z (a value not above 0 under the log counts as the smallest positive
// double, so the result stays finite).
double invertOneStep(const Preprocessing& p, std::span<const double> values, std::size_t t, double zHat);
double transformOneStep(const Preprocessing& p, std::span<const double> values, std::size_t t, double y);

// Undoes the transforms step after step past a known stretch of the series: each next(z)
// returns the value in data units and keeps its level as the newest earlier value, so a
// recursive forecast integrates its own forecasts.
class Integrator {
public:
    // history: the values just before the first step, data units (the last lost() are used;
    // there must be at least that many).
    Integrator(const Preprocessing& p, std::span<const double> history);
    double next(double z);

private:
    Preprocessing preprocessing_;
    std::vector<LagWeight> terms_;
    std::vector<double> levels_; // the last lost() levels, oldest first
};

// The whole series from its first lost() values and z (the exact inverse of transformSeries).
std::vector<double> invertSeries(const Preprocessing& p, std::span<const double> head, std::span<const double> z);

} // namespace rnnwb
