#pragma once
// What the teaching views show for one model and one chosen prediction, computed off the GUI
// thread: the inside of the network on the way to that prediction (core/inspect/inspect.h) and the
// gradient flow over the training part (core/inspect/gradient_flow.h).
#include "app/session/data_document.h"
#include "core/inspect/gradient_flow.h"
#include "core/inspect/inspect.h"
#include "core/training/model.h"

#include <QMetaType>
#include <QString>

#include <cstddef>
#include <memory>
#include <optional>

namespace rnnwb::app {

struct TeachingRequest {
    std::shared_ptr<const TimedSeries> series; // the values the model was trained on
    Model model;
    // The series index whose prediction to look inside; none: the last one (the end of the
    // last part, as the Results chart ends).
    std::optional<std::size_t> target;
    QString source; // "run 3", "epoch 120 of the running session": said above the views
};

struct TeachingSnapshot {
    std::shared_ptr<const Model> model;
    std::optional<Inspection> inspection;
    std::optional<GradientFlow> flow;
    TargetRange targets; // the indices that can be chosen
    QString source;
    QString error; // why nothing could be computed
};

// Runs on any thread. A target outside the range is moved to its nearest end.
TeachingSnapshot computeTeachingSnapshot(const TeachingRequest& request);

} // namespace rnnwb::app

Q_DECLARE_METATYPE(rnnwb::app::TeachingSnapshot)
