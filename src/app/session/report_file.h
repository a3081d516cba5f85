#pragma once
// Writes a run's JSON report (core's runReport, the same as `rnnwb train --json`) atomically.
#include "core/training/report.h"

#include <QString>

namespace rnnwb::app {

bool writeRunReport(const RunOutcome& outcome, const QString& path, QString* error = nullptr);

} // namespace rnnwb::app
