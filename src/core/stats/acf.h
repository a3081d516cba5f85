#pragma once
// The autocorrelation of a series and the seasonal period it shows.
#include <span>
#include <vector>

namespace rnnwb {

// r_k = Σ_{t<n−k} (y_t − ȳ)(y_{t+k} − ȳ) / Σ_t (y_t − ȳ)² for k = 0 … maxLag (at most n − 1);
// all zeros (r_0 = 1) for a constant series.
std::vector<double> autocorrelation(std::span<const double> values, int maxLag);

// The seasonal period of values: their least-squares line is removed (a trend makes the ACF
// decay slowly and shifts its peaks), then the lag k in [2, n/2] with the highest r_k among the
// peaks wins. A peak is a local maximum (r_k > r_{k−1}, r_k ≥ r_{k+1}), positive, and at least
// kMinPeakProminence above the lowest r_j for 1 ≤ j < k (so a wiggle on a slowly decaying ACF
// does not count). 1 when there is no peak (or fewer than 4 values).
inline constexpr double kMinPeakProminence = 0.1;
int detectSeasonalPeriod(std::span<const double> values);

} // namespace rnnwb
