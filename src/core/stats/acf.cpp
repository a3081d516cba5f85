#include "core/stats/acf.h"

#include <algorithm>

namespace rnnwb {

std::vector<double> autocorrelation(std::span<const double> values, int maxLag)
{
    const std::size_t n = values.size();
    if (n == 0)
        return {};
    const std::size_t lags = std::min<std::size_t>(std::size_t(std::max(maxLag, 0)), n - 1);
    double mean = 0.0;
    for (const double y : values)
        mean += y;
    mean /= double(n);
    double variance = 0.0;
    for (const double y : values)
        variance += (y - mean) * (y - mean);
    std::vector<double> r(lags + 1, 0.0);
    r[0] = 1.0;
    if (!(variance > 0.0))
        return r;
    for (std::size_t k = 1; k <= lags; ++k) {
        double sum = 0.0;
        for (std::size_t t = 0; t + k < n; ++t)
            sum += (values[t] - mean) * (values[t + k] - mean);
        r[k] = sum / variance;
    }
    return r;
}

namespace {

// The values minus their least-squares line (a trend would make every ACF lag look alike).
std::vector<double> detrended(std::span<const double> values)
{
    const std::size_t n = values.size();
    const double meanT = double(n - 1) / 2.0;
    double meanY = 0.0;
    for (const double y : values)
        meanY += y;
    meanY /= double(n);
    double sxy = 0.0, sxx = 0.0;
    for (std::size_t t = 0; t < n; ++t) {
        sxy += (double(t) - meanT) * (values[t] - meanY);
        sxx += (double(t) - meanT) * (double(t) - meanT);
    }
    const double slope = sxx > 0.0 ? sxy / sxx : 0.0;
    std::vector<double> out(n);
    for (std::size_t t = 0; t < n; ++t)
        out[t] = values[t] - meanY - slope * (double(t) - meanT);
    return out;
}

} // namespace

int detectSeasonalPeriod(std::span<const double> values)
{
    if (values.size() < 4)
        return 1;
    const int maxLag = int(values.size() / 2);
    const std::vector<double> r = autocorrelation(detrended(values), maxLag + 1);
    int best = 1;
    double bestValue = 0.0;
    double trough = r.size() > 1 ? r[1] : 0.0; // lowest r_j for 1 <= j < k
    for (int k = 2; k <= maxLag && std::size_t(k) < r.size(); ++k) {
        const double rk = r[std::size_t(k)];
        const bool rises = rk > r[std::size_t(k - 1)];
        const bool peak = std::size_t(k + 1) >= r.size() || rk >= r[std::size_t(k + 1)];
        if (rises && peak && rk - trough >= kMinPeakProminence && rk > bestValue) {
            best = k;
            bestValue = rk;
        }
        trough = std::min(trough, rk);
    }
    return best;
}

} // namespace rnnwb
