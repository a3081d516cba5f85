#pragma once
// Both cores for the large parts of a training step, with results that never depend on timing.
//
// Work is cut into a number of parts fixed by the configured thread count (never by how busy
// the machine is), and each part always does the same arithmetic in the same order. Who runs a
// part (the calling thread or a pool thread) cannot change a bit of the result, so a run is
// bit-deterministic for a given thread count, and a pool already busy with another training
// (a sweep, the cell comparison) simply means the caller runs all parts itself.
//
// The pool threads spin for a few tens of microseconds after a job (the next one of a training
// step usually follows at once) and then sleep on a condition variable, so an idle or
// busy-elsewhere program costs no CPU.
#include <Eigen/Core>

#include <functional>

namespace rnnwb {

// The configured thread count: RNNWB_THREADS when set to 1…64, else the number of cores.
int threadCount();
// Overrides the configured count (n ≥ 1; tests and `rnnwb bench --threads`). Call it while no
// training runs.
void setThreadCount(int n);

// Runs body(part) for part = 0 … parts − 1 and returns when all are done. Parts may run at the
// same time on different threads, so they must write disjoint memory. Called within a part of
// a job, it runs the parts one after the other on the calling thread.
void runParts(int parts, const std::function<void(int part)>& body);

// Part `part` of `parts` contiguous, near-equal pieces of [0, n).
struct PartRange {
    Eigen::Index begin = 0;
    Eigen::Index size = 0;
};
PartRange partRange(Eigen::Index n, int parts, int part);

// How many parts a job of `flops` floating-point operations over `n` independent pieces
// (columns or rows) is worth cutting into: the thread count, but fewer when a part would get
// under kMinPartFlops (about 20 µs of work; handing a part over costs a few) or under
// `minPiece` pieces. Within a part of a job of several parts: 1 (the other threads are busy
// with the other parts), whichever thread runs the part.
constexpr double kMinPartFlops = 2.0e6;
int partsFor(double flops, Eigen::Index n, Eigen::Index minPiece = 4);

// The usual combination of the three: cuts [0, n) into partsFor(flops, n, minPiece) ranges and
// runs body(PartRange) on each, in parallel where that pays.
template <typename Body>
void forEachPart(double flops, Eigen::Index n, Eigen::Index minPiece, Body body)
{
    const int parts = partsFor(flops, n, minPiece);
    runParts(parts, [&](int k) { body(partRange(n, parts, k)); });
}

} // namespace rnnwb
