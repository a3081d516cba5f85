#pragma once
// A finished run of the session: what it was trained on, its outcome (configuration, curves,
// predictions, metrics, model) and where its data came from.
#include "app/session/data_document.h"
#include "app/session/data_source.h"
#include "core/training/report.h"

#include <QMetaType>
#include <QString>

#include <memory>

namespace rnnwb::app {

struct RunRecord {
    int number = 0;
    QString dataLabel;
    RunOutcome outcome;
    std::shared_ptr<const TimedSeries> series; // the series it was trained on, for its chart
    WindowSplit split;
    double wallSeconds = 0.0;
    DataSource source; // the file it was trained on (or its model applied to); set as it joins the session
};

} // namespace rnnwb::app

Q_DECLARE_METATYPE(rnnwb::app::RunRecord)
