#pragma once
// Saves charts as PNG, SVG and PDF and their data as CSV, each file written atomically
// (QSaveFile), every file carrying the provenance of what it shows: PNG text chunks, the SVG's
// <title> and <desc>, the PDF's title and subject (XMP dc:title / dc:description), `#` lines
// in the CSV. Works for any QCustomPlot (rendered through QCPPainter; its data read from every
// one-dimensional plottable) and any QChartView (its scene rendered; its data read from every
// XY, bar and pie series), so a new chart needs no export code of its own.
#include "core/formats/prediction_csv.h"

#include <QIODevice>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

namespace rnnwb::app {

struct ChartRef {
    QString name;    // file name without extension: "loss", "forecast", ...
    QWidget* widget; // a QCustomPlot or a QChartView
};

// What a chart shows: dataset (and its SHA-256), column, hyperparameters, seed, metrics, app.
struct ChartProvenance {
    QString title;               // e.g. "RNN Workbench: loss of run 3"
    Provenance fields;           // key, value (UTF-8)
    QString description() const; // "key: value" lines
};
using ProvenanceProvider = std::function<ChartProvenance(const QString& chartName)>;

struct ImageOptions {
    QSize size{1000, 560}; // pixels (PNG) or points (SVG, PDF)
    double dpi = 96.0;     // PNG: the drawing is scaled by dpi / 96 within `size`, and the
                           // image says this resolution
};

// True for a QCustomPlot or a QChartView.
bool isChart(const QWidget* widget);

// The chart as an image with the provenance as text keys ("Title", "Description", one per field).
QImage chartImage(QWidget* chart, const ChartProvenance& provenance, const ImageOptions& options = {});
// Writes PNG, SVG or PDF (by the path's suffix; anything else is refused).
bool exportChartImage(QWidget* chart, const QString& path, const ChartProvenance& provenance,
                      const ImageOptions& options = {}, QString* error = nullptr);
// The data drawn: "series,x,y" rows (x as an ISO date on a date axis, a category for bars).
QString chartDataCsv(QWidget* chart, const ChartProvenance& provenance);
bool exportChartData(QWidget* chart, const QString& path, const ChartProvenance& provenance, QString* error = nullptr);

// Writes DIR/NAME.png, .svg and .pdf for every chart (creating DIR). Returns the files written;
// on failure returns what was written so far and sets *error.
QStringList exportCharts(const QList<ChartRef>& charts, const QString& directory, const ProvenanceProvider& provenance,
                         QString* error = nullptr);

// Saves a widget's current look (QWidget::grab) as an image; the format follows the suffix.
bool saveScreenshot(QWidget* widget, const QString& path, QString* error = nullptr);

// Opens a QSaveFile, lets `write` fill it and commits; false with *error ("cannot write FILE:
// reason") on any failure. The one atomic write of the app's files.
bool saveAtomically(const QString& path, const std::function<bool(QIODevice&)>& write, QString* error);
bool saveBytesAtomically(const QString& path, const QByteArray& bytes, QString* error);

} // namespace rnnwb::app
