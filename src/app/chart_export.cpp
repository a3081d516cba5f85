#include "app/chart_export.h"

#include <qcustomplot.h>

#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QtCharts/QChartView>

#include <functional>

namespace rnnwb::app {

namespace {

constexpr int kWidth = 1000, kHeight = 560; // exported size in pixels (points for PDF/SVG)

// Opens a QSaveFile, lets `write` fill it and commits; false with *error on any failure.
bool writeAtomically(const QString& path, const std::function<bool(QIODevice&)>& write, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !write(file) || !file.commit()) {
        if (error)
            *error = QObject::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

// Paints the chart onto a vector `device` (SVG, PDF) at the export size.
void paintChart(QWidget* widget, QPaintDevice& device)
{
    if (auto* plot = qobject_cast<QCustomPlot*>(widget)) {
        QCPPainter painter(&device);
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        plot->toPainter(&painter, kWidth, kHeight);
    } else if (auto* view = qobject_cast<QChartView*>(widget)) {
        // Lay the chart out at the export size (the view may be hidden or small), render its
        // scene, and give it back its size.
        QChart* chart = view->chart();
        const QSizeF before = chart->size();
        chart->resize(kWidth, kHeight);
        QPainter painter(&device);
        painter.setRenderHint(QPainter::Antialiasing);
        view->scene()->render(&painter, QRectF(0, 0, kWidth, kHeight), QRectF(QPointF(0, 0), chart->size()));
        painter.end();
        chart->resize(before);
    }
}

QImage rasterize(QWidget* widget)
{
    if (auto* plot = qobject_cast<QCustomPlot*>(widget))
        return plot->toPixmap(kWidth, kHeight).toImage();
    QImage image(kWidth, kHeight, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    paintChart(widget, image);
    return image;
}

bool writePng(QWidget* widget, const QString& path, QString* error)
{
    const QImage image = rasterize(widget);
    return writeAtomically(path, [&](QIODevice& d) { return QImageWriter(&d, "png").write(image); }, error);
}

bool writeSvg(QWidget* widget, const QString& path, const QString& title, QString* error)
{
    return writeAtomically(path, [&](QIODevice& d) {
        QSvgGenerator svg;
        svg.setOutputDevice(&d);
        svg.setSize(QSize(kWidth, kHeight));
        svg.setViewBox(QRect(0, 0, kWidth, kHeight));
        svg.setTitle(title);
        paintChart(widget, svg);
        return true;
    }, error);
}

bool writePdf(QWidget* widget, const QString& path, const QString& title, QString* error)
{
    return writeAtomically(path, [&](QIODevice& d) {
        QPdfWriter pdf(&d);
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("RNN Workbench"));
        pdf.setResolution(72);
        pdf.setPageSize(QPageSize(QSizeF(kWidth, kHeight), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        paintChart(widget, pdf);
        return true;
    }, error);
}

} // namespace

QStringList exportCharts(const QList<ChartRef>& charts, const QString& directory, QString* error)
{
    QStringList written;
    if (!QDir().mkpath(directory)) {
        if (error)
            *error = QObject::tr("cannot create the folder %1").arg(QDir::toNativeSeparators(directory));
        return written;
    }
    const QDir dir(directory);
    for (const ChartRef& chart : charts) {
        const QString base = dir.filePath(chart.name);
        const QString png = base + QStringLiteral(".png"), svg = base + QStringLiteral(".svg"),
                      pdf = base + QStringLiteral(".pdf");
        if (!writePng(chart.widget, png, error))
            return written;
        written << png;
        if (!writeSvg(chart.widget, svg, chart.name, error))
            return written;
        written << svg;
        if (!writePdf(chart.widget, pdf, chart.name, error))
            return written;
        written << pdf;
    }
    return written;
}

bool saveScreenshot(QWidget* widget, const QString& path, QString* error)
{
    const QImage image = widget->grab().toImage();
    const QByteArray format = QFileInfo(path).suffix().toLower().toLatin1();
    return writeAtomically(path, [&](QIODevice& d) {
        return QImageWriter(&d, format.isEmpty() ? QByteArray("png") : format).write(image);
    }, error);
}

} // namespace rnnwb::app
