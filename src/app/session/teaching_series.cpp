#include "app/session/teaching_series.h"

#include <cmath>
#include <numbers>

namespace rnnwb::app {

namespace {

// SplitMix64: a tiny, fully specified generator.
class SplitMix {
public:
    explicit SplitMix(std::uint64_t seed) : state_(seed) { }
    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in (0, 1).
    double uniform() { return (double(next() >> 11) + 0.5) * 0x1.0p-53; }
    // Standard normal by Box–Muller (one value per call; simple beats fast here).
    double normal()
    {
        const double u1 = uniform(), u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }

private:
    std::uint64_t state_;
};

} // namespace

std::vector<double> sineWithNoise(std::size_t length, double period, double noise, std::uint64_t seed)
{
    SplitMix random(seed);
    std::vector<double> values(length);
    for (std::size_t t = 0; t < length; ++t)
        values[t] = std::sin(2.0 * std::numbers::pi * double(t) / period) + noise * random.normal();
    return values;
}

std::vector<double> longMemory(std::size_t length, std::size_t lag, std::uint64_t seed)
{
    SplitMix random(seed);
    std::vector<double> values(length);
    for (std::size_t t = 0; t < length; ++t) {
        const double innovation = 2.0 * random.uniform() - 1.0;
        values[t] = (t >= lag ? 0.9 * values[t - lag] : 0.0) + 0.45 * innovation;
    }
    return values;
}

} // namespace rnnwb::app
