#pragma once
// Generated series for teaching, deterministic (same values on every machine and run: no
// std::normal_distribution, whose algorithm the standard leaves to the library).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace rnnwb::app {

// sin(2πt / period) + noise·N(0, 1): a smooth pattern any cell learns; the noise sets the floor
// of the achievable loss.
std::vector<double> sineWithNoise(std::size_t length = 400, double period = 25.0, double noise = 0.1,
                                  std::uint64_t seed = 1);

// x_t = 0.9·x_{t−lag} + 0.45·ε_t, ε uniform noise: the next value depends on the value `lag`
// steps back and on nothing nearer. With the sequence layout and a window just over the lag,
// the network must carry one value across `lag` steps: an LSTM (or GRU) learns it, a plain
// tanh RNN's gradient fades over that distance and it settles near the mean.
std::vector<double> longMemory(std::size_t length = 600, std::size_t lag = 24, std::uint64_t seed = 2);

} // namespace rnnwb::app
