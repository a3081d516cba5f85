#pragma once
// What this build of the numerical core was made with: compiler, Eigen version and the SIMD
// instruction sets Eigen vectorises with (fixed at compile time by -m flags / -march), and the
// set of the training kernels chosen for this CPU (core/nn/kernels.h). Shown in the app's About
// dialog and useful in bug reports: the same data and seed give bit-identical results only on
// the same build and kernel set.
#include <string>

namespace rnnwb {

std::string compilerDescription(); // e.g. "GCC 12.2.0"
std::string eigenVersion();        // e.g. "3.4.0"
std::string simdInstructionSets(); // e.g. "SSE, SSE2; training kernels: avx512", or "none; …"

} // namespace rnnwb
