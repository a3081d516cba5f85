#pragma once
// Equal-width histograms, shared by the residual histogram (Results) and the parameter
// histograms (Inside the Network).
#include <vector>

namespace rnnwb::app {

struct Histogram {
    double start = 0.0, width = 1.0; // bin k covers [start + k·width, start + (k+1)·width)
    std::vector<int> counts;
};

// `bins` bins of width (max − min) / bins from the minimum; the maximum falls in the last.
// Constant values sit in the middle bin, the bins then `constantWidth` wide.
Histogram equalWidthHistogram(const std::vector<double>& values, int bins, double constantWidth);

} // namespace rnnwb::app
