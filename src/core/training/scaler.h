#pragma once
// Scaling of a series into the range the network trains on, with its exact inverse:
//   scaled = (x − offset) / scale,   x = scaled · scale + offset
// min-max: offset = min, scale = max − min (the seed's); z-score: offset = mean, scale = σ.
// A constant series (zero range) gets scale 1, so nothing divides by zero.
#include "core/training/train_config.h"

#include <span>

namespace rnnwb {

struct Scaler {
    ScalerKind kind = ScalerKind::MinMax;
    double offset = 0.0;
    double scale = 1.0;

    static Scaler fit(ScalerKind kind, std::span<const double> values);
    double apply(double x) const { return (x - offset) / scale; }
    double invert(double scaled) const { return scaled * scale + offset; }
};

} // namespace rnnwb
