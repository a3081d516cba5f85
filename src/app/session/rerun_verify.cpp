#include "app/session/rerun_verify.h"

#include "app/session/run_list_model.h"

#include <QCoreApplication>

#include <bit>
#include <cstdint>

namespace rnnwb::app {

namespace {

// The context lupdate records for tr() calls in this namespace.
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("rnnwb::app", text, disambiguation, n);
}

// The first epoch whose loss differs in its bits, or -1 (NaN equals the same NaN).
int firstDifference(const std::vector<double>& a, const std::vector<double>& b)
{
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t k = 0; k < n; ++k)
        if (std::bit_cast<std::uint64_t>(a[k]) != std::bit_cast<std::uint64_t>(b[k]))
            return int(k);
    return a.size() == b.size() ? -1 : int(n);
}

} // namespace

std::optional<Rerun> prepareRerun(const RunRecord* run, QString* reason)
{
    if (!run || run->outcome.trainLoss.empty() || !run->series) {
        if (reason)
            *reason = tr("show a trained run first (a model opened from a file has no loss curve to compare)");
        return std::nullopt;
    }
    const RunOutcome& o = run->outcome;
    Rerun rerun;
    rerun.request.config = o.config;
    rerun.request.values = run->series->y;
    rerun.request.columnName = o.column;
    rerun.request.dataFile = o.dataFile;
    rerun.original = {run->number, o.trainLoss};
    return rerun;
}

VerificationResult verifyRerun(const Verification& original, int newRun, const RunOutcome& outcome)
{
    const int at = firstDifference(original.trainLoss, outcome.trainLoss);
    VerificationResult result;
    result.identical = at < 0;
    if (result.identical)
        result.message = tr("Run %1 re-trained as run %2: the loss curve is identical, bit for bit, over all %n "
                            "epoch(s).",
                            nullptr, int(outcome.trainLoss.size()))
                             .arg(original.run)
                             .arg(newRun);
    else if (std::size_t(at) < std::min(original.trainLoss.size(), outcome.trainLoss.size()))
        result.message = tr("Run %1 re-trained as run %2: the loss curves differ from epoch %3 (%4 before, %5 now).")
                             .arg(original.run)
                             .arg(newRun)
                             .arg(at + 1)
                             .arg(original.trainLoss[std::size_t(at)], 0, 'g', 17)
                             .arg(outcome.trainLoss[std::size_t(at)], 0, 'g', 17);
    else
        result.message = tr("Run %1 re-trained as run %2: the runs lasted %3 and %4 epochs (%5).")
                             .arg(original.run)
                             .arg(newRun)
                             .arg(original.trainLoss.size())
                             .arg(outcome.trainLoss.size())
                             .arg(stopReasonText(outcome.stop));
    return result;
}

} // namespace rnnwb::app
