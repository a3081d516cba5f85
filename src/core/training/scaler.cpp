#include "core/training/scaler.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace rnnwb {

Scaler Scaler::fit(ScalerKind kind, std::span<const double> values)
{
    if (values.empty())
        throw std::invalid_argument("cannot fit a scaler to no values");
    Scaler s;
    s.kind = kind;
    if (kind == ScalerKind::MinMax) {
        const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
        s.offset = *lo;
        s.scale = *hi - *lo;
    } else {
        double sum = 0.0;
        for (double v : values)
            sum += v;
        s.offset = sum / double(values.size());
        double squares = 0.0;
        for (double v : values)
            squares += (v - s.offset) * (v - s.offset);
        s.scale = std::sqrt(squares / double(values.size()));
    }
    if (!(s.scale > 0.0) || !std::isfinite(s.scale))
        s.scale = 1.0;
    return s;
}

} // namespace rnnwb
