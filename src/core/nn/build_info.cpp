#include "core/nn/build_info.h"

#include "core/nn/kernels.h"

#include <Eigen/Core>

namespace rnnwb {

std::string compilerDescription()
{
#if defined(__clang__)
    return "Clang " __clang_version__;
#elif defined(__GNUC__)
    return "GCC " __VERSION__;
#elif defined(_MSC_VER)
    return "MSVC " + std::to_string(_MSC_VER);
#else
    return "unknown compiler";
#endif
}

std::string eigenVersion()
{
    return std::to_string(EIGEN_WORLD_VERSION) + '.' + std::to_string(EIGEN_MAJOR_VERSION) + '.'
           + std::to_string(EIGEN_MINOR_VERSION);
}

std::string simdInstructionSets()
{
    const std::string sets = Eigen::SimdInstructionSetsInUse();
    return (sets.empty() || sets == "None" ? std::string("none") : sets) + "; training kernels: " + kernels().name;
}

} // namespace rnnwb
