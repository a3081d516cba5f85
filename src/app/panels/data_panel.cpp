#include "app/panels/data_panel.h"

#include "app/charts/series_plot.h"
#include "app/panels/csv_table_model.h"
#include "app/session/data_document.h"
#include "app/session/qt_text.h"
#include "ui_data_panel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QMenu>

namespace rnnwb::app {

namespace {
QString formatTime(double seconds, bool withDay)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000.0), Qt::UTC);
    return t.toString(withDay ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("yyyy-MM"));
}
} // namespace

DataPanel::DataPanel(DataDocument* document, ReplotCoalescer* coalescer, QWidget* parent)
    : QWidget(parent), ui_(std::make_unique<Ui::DataPanel>()), document_(document)
{
    ui_->setupUi(this);
    model_ = new CsvTableModel(this);
    ui_->tableView->setModel(model_);
    ui_->tableView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    plot_ = new SeriesPlot(ui_->seriesPlot, coalescer, false);
    ui_->splitter->setStretchFactor(0, 3);
    ui_->splitter->setStretchFactor(1, 2);
    ui_->lockLabel->setStyleSheet(QStringLiteral("color: palette(highlight); font-weight: bold;"));
    ui_->hintLabel->setStyleSheet(QStringLiteral("font-style: italic;"));
    setFocusProxy(ui_->columnCombo); // Ctrl+1

    connect(ui_->openButton, &QPushButton::clicked, this, &DataPanel::openRequested);
    connect(ui_->columnCombo, &QComboBox::activated, this,
            [this](int row) { document_->setColumn(ui_->columnCombo->itemData(row).toInt()); });
    connect(ui_->missingCombo, &QComboBox::activated, this, [this](int row) {
        document_->setMissingPolicy(row == 0 ? MissingPolicy::Drop : MissingPolicy::Interpolate);
    });
    connect(document_, &DataDocument::dataChanged, this, &DataPanel::onDataChanged);
    connect(document_, &DataDocument::seriesChanged, this, &DataPanel::onSeriesChanged);
    if (document_->hasTable()) {
        onDataChanged();
        onSeriesChanged();
    }
}

DataPanel::~DataPanel() = default;

void DataPanel::setSamplesMenu(QMenu* menu) { ui_->samplesButton->setMenu(menu); }

void DataPanel::setSplit(const std::optional<WindowSplit>& split) { plot_->setSplit(split); }

void DataPanel::setLocked(bool locked, const QString& reason)
{
    for (QWidget* w : {static_cast<QWidget*>(ui_->openButton), static_cast<QWidget*>(ui_->samplesButton),
                       static_cast<QWidget*>(ui_->columnCombo), static_cast<QWidget*>(ui_->missingCombo)}) {
        w->setEnabled(!locked);
    }
    ui_->lockLabel->setText(reason);
    ui_->lockLabel->setVisible(locked && !reason.isEmpty());
}

void DataPanel::onDataChanged()
{
    model_->setTable(document_->sharedTable());
    fillColumns();
    ui_->hintLabel->setText(document_->hint());
    ui_->hintLabel->setVisible(!document_->hint().isEmpty());
}

void DataPanel::fillColumns()
{
    ui_->columnCombo->clear();
    const CsvTable& table = document_->table();
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        if (table.columns[c].type == ColumnType::Numeric)
            ui_->columnCombo->addItem(toQ(table.columns[c].name), int(c));
}

void DataPanel::onSeriesChanged()
{
    ui_->columnCombo->setCurrentIndex(ui_->columnCombo->findData(document_->column()));
    ui_->missingCombo->setCurrentIndex(document_->missingPolicy() == MissingPolicy::Drop ? 0 : 1);
    model_->setCurrentColumn(document_->column());
    fillWarnings();
    const bool ok = document_->series() != nullptr;
    ui_->infoLabel->setText(ok ? describeSeries() : tr("%1: %2").arg(document_->label(), document_->seriesError()));
    ui_->infoLabel->setStyleSheet(ok ? QString() : QStringLiteral("color: #c00000;"));
    plot_->setTitle(ok ? tr("%1 — %2").arg(document_->columnName(), document_->label()) : QString());
    plot_->setSeries(document_->plotSeries());
}

void DataPanel::fillWarnings()
{
    ui_->warningsList->clear();
    std::vector<CsvIssue> issues = document_->table().warnings;
    if (const Series* s = document_->series())
        issues.insert(issues.end(), s->warnings.begin(), s->warnings.end());
    for (const CsvIssue& issue : issues)
        ui_->warningsList->addItem(toQ(formatIssue(issue)));
    const int tab = ui_->detailTabs->indexOf(ui_->warningsTab);
    ui_->detailTabs->setTabText(tab, issues.empty() ? tr("Warnings") : tr("Warnings (%1)").arg(issues.size()));
}

QString DataPanel::describeSeries() const
{
    const CsvTable& table = document_->table();
    const Series& s = *document_->series();
    QString text = tr("<b>%1</b> — %2 rows, %3 columns")
                       .arg(document_->label().toHtmlEscaped())
                       .arg(table.rowCount())
                       .arg(table.columns.size());
    text += tr("; forecasting <b>%1</b>: %2 values").arg(toQ(s.name).toHtmlEscaped()).arg(s.values.size());
    const std::shared_ptr<const TimedSeries> plot = document_->plotSeries();
    if (plot && plot->dates && !plot->x.empty()) {
        const bool days = plot->x.size() > 1 && (plot->x[1] - plot->x[0]) < 20 * 86400;
        text += tr(", %1 to %2 (from column %3)")
                    .arg(formatTime(plot->x.front(), days), formatTime(plot->x.back(), days),
                         toQ(s.timeColumn).toHtmlEscaped());
    }
    const std::size_t warnings = table.warnings.size() + s.warnings.size();
    if (warnings > 0)
        text += tr(" — <span style='color:#b05000'>%n import warning(s), see Warnings</span>", nullptr, int(warnings));
    return text;
}

} // namespace rnnwb::app
