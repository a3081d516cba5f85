#include "core/base/parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace rnnwb {

namespace {

constexpr int kMaxThreads = 64;

// Set while this thread runs a part of a job of several parts: work within a part is not cut
// again (partsFor gives 1), since the other threads are busy with the job's other parts. Set
// whoever runs the part, so the cut never depends on who does.
thread_local bool insideJobPart = false;

// Runs one part of a job of several parts.
void runPart(const std::function<void(int)>& body, int part)
{
    insideJobPart = true;
    try {
        body(part);
    } catch (...) {
        insideJobPart = false;
        throw;
    }
    insideJobPart = false;
}

int threadsFromEnvironment()
{
    if (const char* text = std::getenv("RNNWB_THREADS")) {
        char* end = nullptr;
        const long n = std::strtol(text, &end, 10);
        if (end != text && *end == '\0' && n >= 1 && n <= kMaxThreads)
            return int(n);
    }
    return int(std::clamp(std::thread::hardware_concurrency(), 1u, unsigned(kMaxThreads)));
}

std::atomic<int>& configuredThreads()
{
    static std::atomic<int> count{threadsFromEnvironment()};
    return count;
}

void cpuRelax()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

// Spins until ready() or about kSpinTime has passed; true when ready() was seen. Short waits
// between the jobs of one training step end here, without a trip through the kernel.
template <typename Ready>
bool spinUntil(Ready ready)
{
    constexpr auto kSpinTime = std::chrono::microseconds(50);
    const auto start = std::chrono::steady_clock::now();
    for (int k = 1;; ++k) {
        if (ready())
            return true;
        cpuRelax();
        if (k % 64 == 0 && std::chrono::steady_clock::now() - start > kSpinTime)
            return false;
    }
}

// A fixed set of threads that help the caller run the parts of one job at a time.
//
// A job is published in one 64-bit word: its generation (counts jobs), its part count and the
// next unclaimed part. Every thread, the caller included, claims parts with a compare-and-swap
// on that word, which fails once the job is used up or a newer one replaced it, so claiming
// never waits on a lock (a helper blocked on a mutex the caller holds costs a trip through the
// kernel, as long as a whole small part). The mutex and condition variables serve only
// threads that have spun out and gone to sleep.
class Pool {
public:
    explicit Pool(int helpers)
    {
        for (int k = 0; k < helpers; ++k)
            threads_.emplace_back([this] { helperLoop(); });
    }

    // Runs the job with the pool's help, or returns false at once when another thread's job
    // holds the pool (its caller then runs its parts alone).
    bool tryRun(int parts, const std::function<void(int)>& body)
    {
        if (parts > kMaxParts)
            return false;
        std::unique_lock<std::mutex> submit(submit_, std::try_to_lock);
        if (!submit.owns_lock())
            return false;
        body_ = &body;
        failure_ = nullptr;
        done_.store(0, std::memory_order_relaxed);
        // The next generation, wrapping at 2^32 like the word's field (after ~4 billion jobs).
        const std::uint64_t generation = (generationOf(job_.load(std::memory_order_relaxed)) + 1) & 0xffffffffu;
        job_.store(generation << 32 | std::uint64_t(parts) << 16, std::memory_order_seq_cst);
        if (sleepers_.load(std::memory_order_seq_cst) > 0) {
            std::lock_guard<std::mutex> lock(mutex_); // a sleeper is waiting or checking its predicate
            work_.notify_all();
        }
        runClaimedParts(generation);
        if (!spinUntil([&] { return done_.load(std::memory_order_acquire) == parts; })) {
            std::unique_lock<std::mutex> lock(mutex_);
            finished_.wait(lock, [&] { return done_.load(std::memory_order_acquire) == parts; });
        }
        if (failure_)
            std::rethrow_exception(failure_);
        return true;
    }

private:
    static constexpr int kMaxParts = 0xffff; // what the 16-bit fields of job_ can count
    static std::uint64_t generationOf(std::uint64_t job) { return job >> 32; }
    static int partsOf(std::uint64_t job) { return int((job >> 16) & kMaxParts); }
    static int nextPartOf(std::uint64_t job) { return int(job & kMaxParts); }

    // Runs as long as the process: waits for a new job, helps with it, waits again.
    [[noreturn]] void helperLoop()
    {
        std::uint64_t seen = 0;
        for (;;) {
            const auto isNew = [&] { return generationOf(job_.load(std::memory_order_acquire)) != seen; };
            if (!spinUntil(isNew)) {
                std::unique_lock<std::mutex> lock(mutex_);
                sleepers_.fetch_add(1, std::memory_order_seq_cst);
                work_.wait(lock, isNew);
                sleepers_.fetch_sub(1, std::memory_order_relaxed);
            }
            seen = generationOf(job_.load(std::memory_order_acquire));
            runClaimedParts(seen);
        }
    }

    // Claims the next part of job `generation`; −1 when none is left (or a newer job replaced it).
    int claimPart(std::uint64_t generation)
    {
        std::uint64_t job = job_.load(std::memory_order_acquire);
        for (;;) {
            const int next = nextPartOf(job);
            if (generationOf(job) != generation || next >= partsOf(job))
                return -1;
            if (job_.compare_exchange_weak(job, job + 1, std::memory_order_acq_rel))
                return next;
        }
    }

    void runClaimedParts(std::uint64_t generation)
    {
        for (int part; (part = claimPart(generation)) >= 0;) {
            // body_ belongs to this job: the next job cannot be published before this part is done.
            try {
                runPart(*body_, part);
            } catch (...) {
                std::lock_guard<std::mutex> lock(mutex_);
                if (!failure_)
                    failure_ = std::current_exception();
            }
            if (done_.fetch_add(1, std::memory_order_acq_rel) + 1 == partsOf(job_.load(std::memory_order_relaxed))) {
                std::lock_guard<std::mutex> lock(mutex_); // the caller may be between its check and its wait
                finished_.notify_all();
            }
        }
    }

    std::mutex submit_; // held by the caller whose job the pool is running
    std::mutex mutex_;  // for sleeping threads and failure_
    std::condition_variable work_, finished_;
    // generation << 32 | parts << 16 | next unclaimed part
    std::atomic<std::uint64_t> job_{0};
    std::atomic<int> done_{0};     // parts of the current job finished
    std::atomic<int> sleepers_{0}; // helpers asleep on work_ (or about to be)
    const std::function<void(int)>* body_ = nullptr;
    std::exception_ptr failure_;
    std::vector<std::thread> threads_;
};

Pool& pool()
{
    // Created on first use and never destroyed: its threads sleep until the process ends, so
    // no training can outlive it at exit.
    static Pool* instance
        = new Pool(int(std::clamp(std::thread::hardware_concurrency(), 2u, unsigned(kMaxThreads))) - 1);
    return *instance;
}

} // namespace

int threadCount() { return configuredThreads().load(std::memory_order_relaxed); }

void setThreadCount(int n) { configuredThreads().store(std::clamp(n, 1, kMaxThreads)); }

void runParts(int parts, const std::function<void(int)>& body)
{
    if (parts == 1 || insideJobPart) {
        for (int part = 0; part < parts; ++part)
            body(part);
        return;
    }
    if (pool().tryRun(parts, body))
        return;
    for (int part = 0; part < parts; ++part)
        runPart(body, part);
}

PartRange partRange(Eigen::Index n, int parts, int part)
{
    // The first n % parts parts get one piece more.
    const Eigen::Index base = n / parts, extra = n % parts;
    const Eigen::Index begin = part * base + std::min<Eigen::Index>(part, extra);
    return {begin, base + (part < extra ? 1 : 0)};
}

int partsFor(double flops, Eigen::Index n, Eigen::Index minPiece)
{
    if (insideJobPart)
        return 1;
    const double byWork = flops / kMinPartFlops;
    const Eigen::Index byPieces = n / std::max<Eigen::Index>(minPiece, 1);
    const double parts = std::min({double(threadCount()), byWork, double(byPieces)});
    return std::max(1, int(parts));
}

} // namespace rnnwb
