#pragma once
// Whether a configuration can train on a series, and if not, why, attributed to the option
// (and so the control) each reason concerns.
#include "core/data/series.h"
#include "core/training/dataset.h"
#include "core/training/train_config.h"

#include <QList>
#include <QString>

#include <optional>

namespace rnnwb::app {

struct ConfigProblem {
    QString option;  // the option a reason names ("window", "train-split", ...); empty: the data
    QString message; // the core's sentence
};

struct ConfigCheck {
    QList<ConfigProblem> problems;
    std::optional<WindowSplit> split; // the parts, when window and splits fit the series
    bool ok() const { return problems.isEmpty(); }
};

// configProblems(config), then Dataset::prepare on the series (window too long for the
// series, an empty part, a value --log cannot take, ...). A missing series is itself a problem (seriesError says why).
ConfigCheck checkConfig(const TrainConfig& config, const Series* series, const QString& seriesError = {});

// The first "--option" a message names, without the dashes; a message about the series being
// too short for the window concerns "window".
QString problemOption(const QString& message);

} // namespace rnnwb::app
