#include "core/nn/kernels.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

namespace rnnwb {

// The sets core/nn/kernel_set.cpp was compiled into (CMake defines RNNWB_KERNEL_SETS_X86 when the
// AVX2 and AVX-512 copies are built: x86-64, not a native build).
namespace baseline {
extern const KernelSet set;
}
#ifdef RNNWB_KERNEL_SETS_X86
namespace avx2 {
extern const KernelSet set;
}
namespace avx512 {
extern const KernelSet set;
}
#endif

namespace {

// Each check names every extension the set's -m flags allow the compiler to use
// (src/core/CMakeLists.txt); __builtin_cpu_supports also requires the OS to save the registers.
std::vector<const KernelSet*> findRunnableSets()
{
    std::vector<const KernelSet*> sets{&baseline::set};
#ifdef RNNWB_KERNEL_SETS_X86
    __builtin_cpu_init();
    const bool hasAvx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    if (hasAvx2)
        sets.push_back(&avx2::set);
    if (hasAvx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")
        && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw"))
        sets.push_back(&avx512::set);
#endif
    return sets;
}

// The fastest runnable set, or the one RNNWB_KERNELS names when the CPU can run it.
const KernelSet& chooseSet()
{
    const std::vector<const KernelSet*> sets = findRunnableSets();
    if (const char* wanted = std::getenv("RNNWB_KERNELS")) {
        for (const KernelSet* set : sets)
            if (std::strcmp(set->name, wanted) == 0)
                return *set;
    }
    return *sets.back();
}

std::atomic<const KernelSet*>& currentSet()
{
    static std::atomic<const KernelSet*> set{&chooseSet()};
    return set;
}

} // namespace

const KernelSet& kernels() { return *currentSet().load(std::memory_order_relaxed); }

void setKernelSet(const KernelSet& set) { currentSet().store(&set); }

std::vector<const KernelSet*> runnableKernelSets() { return findRunnableSets(); }

} // namespace rnnwb
