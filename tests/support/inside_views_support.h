#pragma once
// Helpers shared by the inside-view tests (test_app_inside_views) and the tool that saves the
// views as pictures (tests/tools/teaching_grabs.cpp): small trained models, their inspection,
// and widgets shown at a fixed size.
#include "core/inspect/inspect.h"
#include "core/training/trainer.h"

#include "app_test_support.h"

#include <qcustomplot.h>

#include <QPoint>
#include <QTest>
#include <QWidget>

#include <cmath>
#include <memory>
#include <vector>

namespace rnnwb::test {

inline TrainConfig tinyConfig(CellType cell, Layout layout, int hidden = 6, int layers = 2)
{
    TrainConfig config;
    config.cell = cell;
    config.layout = layout;
    config.hidden = hidden;
    config.layers = layers;
    config.epochs = 3;
    return config;
}

// A trainer that has run its epochs, on `values` (the airline data by default).
inline std::unique_ptr<Trainer> trained(const TrainConfig& config, std::vector<double> values = airlineValues())
{
    auto trainer = std::make_unique<Trainer>(Dataset::prepare(std::move(values), config), config, "Passengers");
    trainer->run();
    return trainer;
}

inline Inspection inspectLast(const Trainer& trainer)
{
    return inspectTarget(trainer.model(), trainer.data(), inspectableTargets(trainer.data()).last);
}

// Shows the widget at 800x450 and lays its plots out (pixel positions become valid); false if
// the window never appeared.
[[nodiscard]] inline bool showAt800x450(QWidget& w)
{
    w.resize(800, 450);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        return false;
    for (QCustomPlot* plot : w.findChildren<QCustomPlot*>())
        plot->replot();
    return true;
}

// The pixel centre of map cell (step, unit) (0-based indices into the inspection).
inline QPoint cellCentre(const QCPColorMap* map, int step, int unit)
{
    return QPoint(int(std::lround(map->keyAxis()->coordToPixel(step + 1))),
                  int(std::lround(map->valueAxis()->coordToPixel(unit + 1))));
}

} // namespace rnnwb::test
