#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace rnnwb {

namespace {

constexpr int kMaxThreads = 64;

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

// A fixed set of threads that help the caller run the parts of one job at a time. Every
// thread, the caller included, claims the next unclaimed part under the mutex until none is
// left; parts are coarse (≥ kMinPartFlops), so the lock is never contended for long.
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
        std::unique_lock<std::mutex> submit(submit_, std::try_to_lock);
        if (!submit.owns_lock())
            return false;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            body_ = &body;
            parts_ = parts;
            next_ = 0;
            done_.store(0);
            failure_ = nullptr;
            pending_.store(true);
        }
        work_.notify_all();
        runUnclaimedParts();
        if (!spinUntil([&] { return done_.load(std::memory_order_acquire) == parts; })) {
            std::unique_lock<std::mutex> lock(mutex_);
            finished_.wait(lock, [&] { return done_.load() == parts; });
        }
        std::lock_guard<std::mutex> lock(mutex_);
        if (failure_)
            std::rethrow_exception(failure_);
        return true;
    }

private:
    // Runs as long as the process: waits for a job, helps with it, waits again.
    [[noreturn]] void helperLoop()
    {
        for (;;) {
            spinUntil([&] { return pending_.load(std::memory_order_acquire); });
            {
                std::unique_lock<std::mutex> lock(mutex_);
                work_.wait(lock, [&] { return next_ < parts_; });
            }
            runUnclaimedParts();
        }
    }

    void runUnclaimedParts()
    {
        for (;;) {
            const std::function<void(int)>* body = nullptr;
            int part = 0;
            {
                std::lock_guard<std::mutex> lock(mutex_);
                if (next_ >= parts_) {
                    pending_.store(false);
                    return;
                }
                part = next_++;
                body = body_;
            }
            std::exception_ptr failure;
            try {
                (*body)(part);
            } catch (...) {
                failure = std::current_exception();
            }
            std::lock_guard<std::mutex> lock(mutex_);
            if (failure && !failure_)
                failure_ = failure;
            if (done_.fetch_add(1, std::memory_order_acq_rel) + 1 == parts_)
                finished_.notify_all();
        }
    }

    std::mutex submit_; // held by the caller whose job the pool is running
    std::mutex mutex_;  // guards the job below
    std::condition_variable work_, finished_;
    const std::function<void(int)>* body_ = nullptr;
    int parts_ = 0, next_ = 0;
    std::atomic<int> done_{0};
    std::atomic<bool> pending_{false}; // unclaimed parts exist (read while spinning)
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
    if (parts > 1 && pool().tryRun(parts, body))
        return;
    for (int part = 0; part < parts; ++part)
        body(part);
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
    const double byWork = flops / kMinPartFlops;
    const Eigen::Index byPieces = n / std::max<Eigen::Index>(minPiece, 1);
    const double parts = std::min({double(threadCount()), byWork, double(byPieces)});
    return std::max(1, int(parts));
}

} // namespace rnnwb
