#pragma once
// The context menu every chart gets (right click): Export Image… (PNG at a chosen size and
// DPI, SVG, PDF), Copy Image, and Export Data as CSV…, each export carrying the provenance the
// provider gives at that moment (chart_export.h). Generic: any QCustomPlot or QChartView.
#include "app/charts/chart_export.h"

class QMenu;

namespace rnnwb::app {

// Installs the menu on `chart` (an event filter owned by the chart; the chart's own context
// menu policy is left alone); a second call does nothing. `name` is the default file name.
void installChartMenu(QWidget* chart, const QString& name, ProvenanceProvider provenance);

// The menu itself (actions "exportImage", "copyImage", "exportData"), for the filter and tests.
QMenu* createChartMenu(QWidget* chart, const QString& name, const ProvenanceProvider& provenance);

// True when nothing is at `path` or the user agrees to replace it (paths not from a save
// dialog, which asks by itself).
bool confirmReplace(QWidget* parent, const QString& path);

// `path` with `.suffix` when it has none. A save dialog asked about the name without it, so
// this asks before replacing a file of the full name; empty when the user declines.
QString pathWithSuffix(QWidget* parent, QString path, const QString& suffix);

// Asks for the PNG size and resolution; false when cancelled.
bool askImageOptions(QWidget* parent, ImageOptions& options);

} // namespace rnnwb::app
