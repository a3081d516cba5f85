#pragma once
// Big buffers on 2 MB pages, for the CSV reader's tens of megabytes.
//
// The first write to each 4 kB page of fresh memory is a page fault. On the virtual machines
// the workbench often runs on (shadow page tables), one costs about 15 us: filling 64 MB of
// new memory took 0.2-0.3 s there, far more than parsing the bytes in it. Linux backs memory
// with transparent huge pages (2 MB, 512 times fewer faults: 64 MB in ~10 ms) where a program
// asks for them with madvise(MADV_HUGEPAGE), which is all Debian's default THP mode ("madvise")
// grants. Elsewhere these functions fall back to ordinary memory.
#include <cstddef>
#include <new>
#include <utility>
#include <vector>

namespace rnnwb {

inline constexpr std::size_t kHugePageSize = std::size_t{2} << 20;

// Asks for huge pages for the 2 MB-aligned whole pages inside [data, data + bytes). Call it
// before the memory is first written; the unaligned ends stay on small pages (a std::vector's
// block starts wherever malloc put it). Does nothing for buffers under two huge pages, or where
// the system has no such advice.
void adviseHugePages(void* data, std::size_t bytes);

// reserve(n), then the advice for the vector's whole capacity: for vectors of std::allocator
// (like those a CsvTable hands out), which the reader fills right after.
template <typename T, typename A>
void reserveOnHugePages(std::vector<T, A>& v, std::size_t n)
{
    v.reserve(n);
    adviseHugePages(v.data(), v.capacity() * sizeof(T));
}

// Blocks of 2 MB or more come from a 2 MB-aligned mapping of their own, all on huge pages;
// smaller ones from operator new. Both throw std::bad_alloc when memory is short.
void* allocateHugePages(std::size_t bytes);
void freeHugePages(void* data, std::size_t bytes) noexcept;

// A std::allocator stand-in on allocateHugePages for the reader's own buffers. construct()
// with arguments constructs from them, as std::allocator does, but construct() without any
// default-initializes: resize() of a vector of char or of a trivial struct leaves the bytes
// as they are (a file buffer is overwritten by read() anyway).
template <typename T>
struct HugePageAllocator {
    using value_type = T;

    HugePageAllocator() = default;
    template <typename U>
    HugePageAllocator(const HugePageAllocator<U>&) noexcept
    { }

    T* allocate(std::size_t n)
    {
        if (n > static_cast<std::size_t>(-1) / sizeof(T))
            throw std::bad_array_new_length();
        return static_cast<T*>(allocateHugePages(n * sizeof(T)));
    }
    void deallocate(T* p, std::size_t n) noexcept { freeHugePages(p, n * sizeof(T)); }

    template <typename U>
    void construct(U* p) noexcept
    {
        ::new (static_cast<void*>(p)) U;
    }
    template <typename U, typename... Args>
    void construct(U* p, Args&&... args)
    {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }

    template <typename U>
    bool operator==(const HugePageAllocator<U>&) const noexcept
    {
        return true;
    }
};

// A vector on huge pages (see above: resize() does not clear trivial elements).
template <typename T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

} // namespace rnnwb
