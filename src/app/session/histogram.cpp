#include "app/session/histogram.h"

#include <algorithm>
#include <cmath>

namespace rnnwb::app {

Histogram equalWidthHistogram(const std::vector<double>& values, int bins, double constantWidth)
{
    Histogram h;
    if (values.empty() || bins < 1)
        return h;
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    h.start = *lo;
    h.width = *hi > *lo ? (*hi - *lo) / bins : constantWidth;
    if (*hi == *lo)
        h.start -= h.width * bins / 2; // centred: the value lands in bin ⌊bins / 2⌋
    h.counts.assign(std::size_t(bins), 0);
    for (double v : values) {
        const int bin = std::clamp(int(std::floor((v - h.start) / h.width)), 0, bins - 1); // max in the last
        ++h.counts[std::size_t(bin)];
    }
    return h;
}

} // namespace rnnwb::app
