#pragma once
// The Samples menu: the bundled datasets and the generated teaching series.
#include <QMenu>

#include <functional>

namespace rnnwb::app {

struct TeachingSeries;

QMenu* createSamplesMenu(QWidget* parent, std::function<void(const QString& resourcePath)> openBundled,
                         std::function<void(const TeachingSeries& series)> generate);

} // namespace rnnwb::app
