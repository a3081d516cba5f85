#include "app/charts/chart_menu.h"

#include "app/shell/app_settings.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QMenu>
#include <QMessageBox>
#include <QSpinBox>

namespace rnnwb::app {

namespace {

class ChartMenuFilter : public QObject {
public:
    ChartMenuFilter(QWidget* chart, QString name, ProvenanceProvider provenance)
        : QObject(chart), chart_(chart), name_(std::move(name)), provenance_(std::move(provenance))
    { }

    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() != QEvent::ContextMenu)
            return false;
        QMenu* menu = createChartMenu(chart_, name_, provenance_);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(static_cast<QContextMenuEvent*>(event)->globalPos());
        return true;
    }

private:
    QWidget* chart_;
    QString name_;
    ProvenanceProvider provenance_;
};

void warn(QWidget* parent, const QString& message)
{
    QMessageBox::warning(parent, QObject::tr("Export failed"), message);
}

void exportImageInteractively(QWidget* chart, const QString& name, const ProvenanceProvider& provenance)
{
    const QString png = QObject::tr("PNG image (*.png)"), svg = QObject::tr("SVG image (*.svg)"),
                  pdf = QObject::tr("PDF document (*.pdf)");
    QString filter = png;
    QString path = QFileDialog::getSaveFileName(chart, QObject::tr("Export Chart Image"),
                                                QDir(lastDirectory()).filePath(name + QStringLiteral(".png")),
                                                QStringList{png, svg, pdf}.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    path = pathWithSuffix(chart, path,
                          filter == svg   ? QStringLiteral("svg")
                          : filter == pdf ? QStringLiteral("pdf")
                                          : QStringLiteral("png"));
    if (path.isEmpty())
        return;
    ImageOptions options;
    if (QFileInfo(path).suffix().toLower() == u"png" && !askImageOptions(chart, options))
        return;
    setLastDirectory(QFileInfo(path).absolutePath());
    QString error;
    if (!exportChartImage(chart, path, provenance(name), options, &error))
        warn(chart, error);
}

void exportDataInteractively(QWidget* chart, const QString& name, const ProvenanceProvider& provenance)
{
    const QString chosen = QFileDialog::getSaveFileName(chart, QObject::tr("Export Chart Data"),
                                                        QDir(lastDirectory()).filePath(name + QStringLiteral(".csv")),
                                                        QObject::tr("CSV files (*.csv)"));
    const QString path = chosen.isEmpty() ? QString() : pathWithSuffix(chart, chosen, QStringLiteral("csv"));
    if (path.isEmpty())
        return;
    setLastDirectory(QFileInfo(path).absolutePath());
    QString error;
    if (!exportChartData(chart, path, provenance(name), &error))
        warn(chart, error);
}

} // namespace

void installChartMenu(QWidget* chart, const QString& name, ProvenanceProvider provenance)
{
    const QString marker = QStringLiteral("chartMenuFilter");
    if (chart->findChild<QObject*>(marker, Qt::FindDirectChildrenOnly))
        return; // installed already
    auto* filter = new ChartMenuFilter(chart, name, std::move(provenance));
    filter->setObjectName(marker);
    chart->installEventFilter(filter);
    if (auto* area = qobject_cast<QAbstractScrollArea*>(chart)) // QChartView: events reach the viewport
        area->viewport()->installEventFilter(filter);
}

QMenu* createChartMenu(QWidget* chart, const QString& name, const ProvenanceProvider& provenance)
{
    auto* menu = new QMenu(chart);
    menu->setObjectName(QStringLiteral("chartMenu"));
    QAction* image = menu->addAction(QObject::tr("Export &Image…"), chart,
                                     [=] { exportImageInteractively(chart, name, provenance); });
    image->setObjectName(QStringLiteral("exportImage"));
    image->setStatusTip(QObject::tr("Save this chart as PNG (choose size and DPI), SVG or PDF"));
    QAction* copy = menu->addAction(QObject::tr("&Copy Image"), chart,
                                    [=] { QApplication::clipboard()->setImage(chartImage(chart, provenance(name))); });
    copy->setObjectName(QStringLiteral("copyImage"));
    QAction* data = menu->addAction(QObject::tr("Export &Data as CSV…"), chart,
                                    [=] { exportDataInteractively(chart, name, provenance); });
    data->setObjectName(QStringLiteral("exportData"));
    return menu;
}

QString pathWithSuffix(QWidget* parent, QString path, const QString& suffix)
{
    if (!QFileInfo(path).suffix().isEmpty() || suffix.isEmpty())
        return path;
    path += u'.' + suffix;
    return confirmReplace(parent, path) ? path : QString();
}

bool confirmReplace(QWidget* parent, const QString& path)
{
    return !QFileInfo::exists(path)
           || QMessageBox::question(parent, QObject::tr("Replace File?"),
                                    QObject::tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(path)),
                                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
                  == QMessageBox::Yes;
}

bool askImageOptions(QWidget* parent, ImageOptions& options)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("PNG Size"));
    auto* form = new QFormLayout(&dialog);
    const auto spin = [&](int min, int max, int value, const QString& suffix) {
        auto* box = new QSpinBox(&dialog);
        box->setRange(min, max);
        box->setValue(value);
        box->setSuffix(suffix);
        return box;
    };
    QSpinBox* width = spin(50, 20000, options.size.width(), QObject::tr(" px"));
    QSpinBox* height = spin(50, 20000, options.size.height(), QObject::tr(" px"));
    QSpinBox* dpi = spin(24, 1200, int(options.dpi), QObject::tr(" dpi"));
    dpi->setToolTip(QObject::tr("96 dpi draws the chart as on screen; 192 dpi draws it twice as fine in the same "
                                "number of pixels"));
    form->addRow(QObject::tr("Width:"), width);
    form->addRow(QObject::tr("Height:"), height);
    form->addRow(QObject::tr("Resolution:"), dpi);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    options.size = QSize(width->value(), height->value());
    options.dpi = dpi->value();
    return true;
}

} // namespace rnnwb::app
