#include "core/data/preprocess.h"

#include "core/data/series.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace rnnwb {

std::string describePreprocessing(const Preprocessing& p)
{
    std::string text;
    const auto add = [&text](const std::string& step) { text += (text.empty() ? "" : ", ") + step; };
    if (p.log)
        add("log");
    if (p.seasonalDifference > 0)
        add("seasonal difference " + std::to_string(p.seasonalDifference));
    if (p.difference)
        add("difference");
    return text.empty() ? "none" : text;
}

double toLevel(const Preprocessing& p, double y)
{
    return p.log ? std::log(std::max(y, std::numeric_limits<double>::min())) : y;
}

double fromLevel(const Preprocessing& p, double level)
{
    static const double maxLevel = std::log(kMaxSeriesMagnitude);
    return p.log ? std::exp(std::min(level, maxLevel)) : level;
}

std::vector<LagWeight> knownTerms(const Preprocessing& p)
{
    // c: the coefficients of (1 − B^m)(1 − B) (each factor when on), c[lag] for B^lag.
    std::vector<double> c = {1.0};
    const auto multiplyByOneMinusBackshift = [&c](std::size_t lag) {
        std::vector<double> product(c.size() + lag, 0.0);
        for (std::size_t k = 0; k < c.size(); ++k) {
            product[k] += c[k];
            product[k + lag] -= c[k];
        }
        c = std::move(product);
    };
    if (p.seasonalDifference > 0)
        multiplyByOneMinusBackshift(std::size_t(p.seasonalDifference));
    if (p.difference)
        multiplyByOneMinusBackshift(1);
    // z_t = Σ c[lag] a_{t−lag} = a_t − known_t  ⇒  known_t = Σ_{lag ≥ 1} (−c[lag]) a_{t−lag}
    std::vector<LagWeight> terms;
    for (std::size_t lag = 1; lag < c.size(); ++lag)
        if (c[lag] != 0.0)
            terms.push_back({lag, -c[lag]});
    return terms;
}

namespace {

// known_t from the levels of the values before t (levels[t − lag] for every lag).
double known(const std::vector<LagWeight>& terms, std::span<const double> levels, std::size_t t)
{
    double sum = 0.0;
    for (const LagWeight& term : terms)
        sum += term.weight * levels[t - term.lag];
    return sum;
}

// known_t from the actual values before t.
double knownFromValues(const Preprocessing& p, std::span<const double> values, std::size_t t)
{
    if (p.lost() == 0)
        return 0.0; // no difference: nothing is known before t
    double sum = 0.0;
    for (const LagWeight& term : knownTerms(p))
        sum += term.weight * toLevel(p, values[t - term.lag]);
    return sum;
}

std::string formatValue(double value)
{
    std::ostringstream text;
    text.precision(10);
    text << value;
    return text.str();
}

} // namespace

std::vector<double> transformSeries(std::span<const double> values, const Preprocessing& p,
                                    std::span<const std::size_t> lines)
{
    std::vector<double> levels(values.size());
    for (std::size_t t = 0; t < values.size(); ++t) {
        if (p.log && !(values[t] > 0.0)) {
            const std::string line = t < lines.size() ? ", line " + std::to_string(lines[t]) : "";
            throw std::invalid_argument("--log needs values above 0, but the value at series index " + std::to_string(t)
                                        + line + " is " + formatValue(values[t]));
        }
        levels[t] = toLevel(p, values[t]);
    }
    const std::vector<LagWeight> terms = knownTerms(p);
    std::vector<double> z;
    for (std::size_t t = p.lost(); t < values.size(); ++t)
        z.push_back(levels[t] - known(terms, levels, t)); // z_t = a_t − known_t
    return z;
}

double invertOneStep(const Preprocessing& p, std::span<const double> values, std::size_t t, double zHat)
{
    return fromLevel(p, zHat + knownFromValues(p, values, t)); // ŷ_t = exp(ẑ_t + known_t)
}

double transformOneStep(const Preprocessing& p, std::span<const double> values, std::size_t t, double y)
{
    return toLevel(p, y) - knownFromValues(p, values, t); // z_t = a_t − known_t
}

Integrator::Integrator(const Preprocessing& p, std::span<const double> history)
    : preprocessing_(p), terms_(knownTerms(p))
{
    const std::size_t lost = p.lost();
    if (history.size() < lost)
        throw std::invalid_argument("undoing the differencing needs the " + std::to_string(lost)
                                    + " values before the first step, not " + std::to_string(history.size()));
    for (const double y : history.last(lost))
        levels_.push_back(toLevel(p, y));
}

double Integrator::next(double z)
{
    // levels_ holds a_{t−lost} … a_{t−1}: a_{t−lag} is levels_[lost − lag].
    const std::size_t lost = levels_.size();
    double level = z;
    for (const LagWeight& term : terms_)
        level += term.weight * levels_[lost - term.lag]; // a_t = z_t + known_t
    if (lost > 0) {
        levels_.erase(levels_.begin());
        levels_.push_back(level);
    }
    return fromLevel(preprocessing_, level);
}

std::vector<double> invertSeries(const Preprocessing& p, std::span<const double> head, std::span<const double> z)
{
    std::vector<double> series(head.begin(), head.end());
    Integrator integrator(p, head);
    for (const double value : z)
        series.push_back(integrator.next(value));
    return series;
}

} // namespace rnnwb
