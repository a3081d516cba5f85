#include "app/charts/chart_export.h"

#include "app/session/qt_text.h"

#include <qcustomplot.h>

#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QtCharts/QChartView>

#include <cmath>

namespace rnnwb::app {

namespace {

// Paints the chart onto `device` at `size` (logical units: points for SVG/PDF, 96-dpi pixels
// for images, the painter's transform scaling them).
void paintChart(QWidget* widget, QPaintDevice& device, QSize size, double scale = 1.0, bool vector = true)
{
    if (auto* plot = qobject_cast<QCustomPlot*>(widget)) {
        QCPPainter painter(&device);
        painter.setMode(QCPPainter::pmVectorized, vector);
        painter.setMode(QCPPainter::pmNoCaching);
        painter.scale(scale, scale);
        plot->toPainter(&painter, size.width(), size.height());
    } else if (auto* view = qobject_cast<QChartView*>(widget)) {
        // Lay the chart out at the export size (the view may be hidden or small), render its
        // scene, and give it back its size.
        QChart* chart = view->chart();
        const QSizeF before = chart->size();
        chart->resize(size);
        QPainter painter(&device);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(scale, scale);
        view->scene()->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), QRectF(QPointF(0, 0), chart->size()));
        painter.end();
        chart->resize(before);
    }
}

// XMP packet naming the PDF's title and subject (dc:description), which Qt's Info dictionary
// cannot hold.
QByteArray xmpMetadata(const ChartProvenance& p)
{
    const auto alt = [](const QString& text) {
        return QStringLiteral("<rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt>")
            .arg(text.toHtmlEscaped());
    };
    const QString xmp = QStringLiteral("<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                                       "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                                       "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                                       "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                                       "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                                       "<dc:title>%1</dc:title>\n<dc:description>%2</dc:description>\n"
                                       "<dc:creator><rdf:Seq><rdf:li>RNN Workbench</rdf:li></rdf:Seq></dc:creator>\n"
                                       "<pdf:Producer>RNN Workbench %3</pdf:Producer>\n"
                                       "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>")
                            .arg(alt(p.title), alt(p.description()), QStringLiteral(RNNWB_VERSION));
    return xmp.toUtf8();
}

bool writePng(QWidget* widget, const QString& path, const ChartProvenance& p, const ImageOptions& o, QString* error)
{
    const QImage image = chartImage(widget, p, o);
    return saveAtomically(
        path, [&](QIODevice& d) { return QImageWriter(&d, "png").write(image); }, error);
}

bool writeSvg(QWidget* widget, const QString& path, const ChartProvenance& p, const ImageOptions& o, QString* error)
{
    return saveAtomically(
        path,
        [&](QIODevice& d) {
            QSvgGenerator svg;
            svg.setOutputDevice(&d);
            svg.setSize(o.size);
            svg.setViewBox(QRect(QPoint(0, 0), o.size));
            svg.setTitle(p.title);
            svg.setDescription(p.description());
            paintChart(widget, svg, o.size);
            return true;
        },
        error);
}

bool writePdf(QWidget* widget, const QString& path, const ChartProvenance& p, const ImageOptions& o, QString* error)
{
    return saveAtomically(
        path,
        [&](QIODevice& d) {
            QPdfWriter pdf(&d);
            pdf.setTitle(p.title);
            pdf.setCreator(QStringLiteral("RNN Workbench %1").arg(QStringLiteral(RNNWB_VERSION)));
            pdf.setDocumentXmpMetadata(xmpMetadata(p));
            pdf.setResolution(72);
            pdf.setPageSize(QPageSize(QSizeF(o.size), QPageSize::Point));
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
            paintChart(widget, pdf, o.size);
            return true;
        },
        error);
}

} // namespace

QString ChartProvenance::description() const
{
    QStringList lines;
    for (const auto& [key, value] : fields)
        lines << QStringLiteral("%1: %2").arg(toQ(key), toQ(value));
    return lines.join(u'\n');
}

bool isChart(const QWidget* widget)
{
    return qobject_cast<const QCustomPlot*>(widget) || qobject_cast<const QChartView*>(widget);
}

QImage chartImage(QWidget* widget, const ChartProvenance& p, const ImageOptions& o)
{
    // At dpi d the drawing is laid out at size · 96/d and scaled by d/96: more pixels per
    // character, the same look.
    const double scale = std::max(0.1, o.dpi / 96.0);
    const QSize logical(std::max(1, int(std::lround(o.size.width() / scale))),
                        std::max(1, int(std::lround(o.size.height() / scale))));
    QImage image(o.size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    paintChart(widget, image, logical, scale, false);
    const int dotsPerMeter = int(std::lround(o.dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    image.setText(QStringLiteral("Title"), p.title);
    image.setText(QStringLiteral("Description"), p.description());
    image.setText(QStringLiteral("Software"), QStringLiteral("RNN Workbench %1").arg(QStringLiteral(RNNWB_VERSION)));
    for (const auto& [key, value] : p.fields)
        image.setText(toQ(key), toQ(value));
    return image;
}

bool exportChartImage(QWidget* chart, const QString& path, const ChartProvenance& p, const ImageOptions& o,
                      QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"png")
        return writePng(chart, path, p, o, error);
    if (suffix == u"svg")
        return writeSvg(chart, path, p, o, error);
    if (suffix == u"pdf")
        return writePdf(chart, path, p, o, error);
    if (error)
        *error = QObject::tr("%1: choose a .png, .svg or .pdf file name").arg(QDir::toNativeSeparators(path));
    return false;
}

QStringList exportCharts(const QList<ChartRef>& charts, const QString& directory, const ProvenanceProvider& provenance,
                         QString* error)
{
    QStringList written;
    if (!QDir().mkpath(directory)) {
        if (error)
            *error = QObject::tr("cannot create the folder %1").arg(QDir::toNativeSeparators(directory));
        return written;
    }
    const QDir dir(directory);
    for (const ChartRef& chart : charts) {
        const ChartProvenance p = provenance ? provenance(chart.name) : ChartProvenance{chart.name, {}};
        for (const char* suffix : {".png", ".svg", ".pdf"}) {
            const QString path = dir.filePath(chart.name + QLatin1String(suffix));
            if (!exportChartImage(chart.widget, path, p, {}, error))
                return written;
            written << path;
        }
    }
    return written;
}

bool saveScreenshot(QWidget* widget, const QString& path, QString* error)
{
    const QImage image = widget->grab().toImage();
    const QByteArray format = QFileInfo(path).suffix().toLower().toLatin1();
    return saveAtomically(
        path,
        [&](QIODevice& d) { return QImageWriter(&d, format.isEmpty() ? QByteArray("png") : format).write(image); },
        error);
}

bool saveAtomically(const QString& path, const std::function<bool(QIODevice&)>& write, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !write(file) || !file.commit()) {
        if (error)
            *error = QObject::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool saveBytesAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    return saveAtomically(
        path, [&](QIODevice& d) { return d.write(bytes) == bytes.size(); }, error);
}

} // namespace rnnwb::app
