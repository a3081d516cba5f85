#include "core/base/huge_pages.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace rnnwb {
namespace {

std::uintptr_t roundDown(std::uintptr_t x) { return x & ~(std::uintptr_t{kHugePageSize} - 1); }
std::uintptr_t roundUp(std::uintptr_t x) { return roundDown(x + kHugePageSize - 1); }

} // namespace

#if defined(__linux__) && defined(MADV_HUGEPAGE)

void adviseHugePages(void* data, std::size_t bytes)
{
    const auto start = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t begin = roundUp(start), end = roundDown(start + bytes);
    if (bytes >= 2 * kHugePageSize && end > begin)
        madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE); // advice: failure is harmless
}

// mmap aligns to 4 kB only: map one huge page more than needed, then unmap the unaligned
// head and the tail beyond the aligned block.
void* allocateHugePages(std::size_t bytes)
{
    if (bytes < kHugePageSize)
        return ::operator new(bytes);
    const std::size_t size = roundUp(bytes);
    if (size < bytes || size + kHugePageSize < size)
        throw std::bad_alloc();
    void* mapped = mmap(nullptr, size + kHugePageSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED)
        throw std::bad_alloc();
    const auto start = reinterpret_cast<std::uintptr_t>(mapped);
    const std::uintptr_t aligned = roundUp(start);
    if (aligned > start)
        munmap(mapped, aligned - start);
    if (const std::uintptr_t tail = start + size + kHugePageSize - (aligned + size); tail > 0)
        munmap(reinterpret_cast<void*>(aligned + size), tail);
    madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);
    return reinterpret_cast<void*>(aligned);
}

void freeHugePages(void* data, std::size_t bytes) noexcept
{
    if (bytes < kHugePageSize)
        ::operator delete(data);
    else if (data)
        munmap(data, roundUp(bytes));
}

#else // no transparent huge pages: ordinary memory

void adviseHugePages(void*, std::size_t) { }
void* allocateHugePages(std::size_t bytes) { return ::operator new(bytes); }
void freeHugePages(void* data, std::size_t) noexcept { ::operator delete(data); }

#endif

} // namespace rnnwb
