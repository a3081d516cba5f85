#pragma once
// Re-run and Verify: a finished run trained again from its own configuration and series, and
// the verdict on whether the new loss curve equals the original bit for bit (same data,
// configuration, seed and build must give the same bits).
#include "app/session/run_record.h"
#include "core/training/run.h"

#include <QString>

#include <optional>
#include <vector>

namespace rnnwb::app {

// The run being verified: its number and its loss curve.
struct Verification {
    int run = 0;
    std::vector<double> trainLoss;
};

// What trains `run` again, and what to compare the new run with; nullopt with the reason when
// the run cannot be re-run (a model opened from a file has no loss curve).
struct Rerun {
    RunRequest request;
    Verification original;
};
std::optional<Rerun> prepareRerun(const RunRecord* run, QString* reason);

struct VerificationResult {
    bool identical = false;
    QString message; // one sentence: identical, the first epoch that differs, or the lengths
};
// The verdict on `outcome`, the re-run of `original` that became run `newRun`.
VerificationResult verifyRerun(const Verification& original, int newRun, const RunOutcome& outcome);

} // namespace rnnwb::app
