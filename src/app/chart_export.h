#pragma once
// Saves charts as PNG, SVG and PDF, each file written atomically (QSaveFile). QCustomPlot
// charts render through QCPPainter, Qt Charts views through QPainter.
#include <QList>
#include <QString>
#include <QStringList>

class QWidget;

namespace rnnwb::app {

struct ChartRef {
    QString name;     // file name without extension: "loss", "forecast", ...
    QWidget* widget;  // a QCustomPlot or a QChartView
};

// Writes DIR/NAME.png, .svg and .pdf for every chart (creating DIR). Returns the files written;
// on failure returns what was written so far and sets *error.
QStringList exportCharts(const QList<ChartRef>& charts, const QString& directory, QString* error = nullptr);

// Saves a widget's current look (QWidget::grab) as an image; the format follows the suffix.
bool saveScreenshot(QWidget* widget, const QString& path, QString* error = nullptr);

} // namespace rnnwb::app
