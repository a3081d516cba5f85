#pragma once
// The Data panel: where the series comes from (file, bundled dataset, teaching series), the
// column and missing-value policy, what the import warned about, a table preview and the series
// plot with its parts shaded.
#include "core/training/dataset.h"

#include <QWidget>

#include <memory>
#include <optional>

class QMenu;

namespace Ui {
class DataPanel;
}

namespace rnnwb::app {

class CsvTableModel;
class DataDocument;
class ReplotCoalescer;
class SeriesPlot;

class DataPanel : public QWidget {
    Q_OBJECT
public:
    DataPanel(DataDocument* document, ReplotCoalescer* coalescer, QWidget* parent = nullptr);
    ~DataPanel() override;

    void setSamplesMenu(QMenu* menu);
    // The parts of the current configuration, shaded on the plot (none when it does not fit).
    void setSplit(const std::optional<WindowSplit>& split);
    // While training: nothing here may change, and the reason is shown.
    void setLocked(bool locked, const QString& reason = {});
    SeriesPlot* seriesPlot() const { return plot_; }

signals:
    void openRequested();

private:
    void onDataChanged();
    void onSeriesChanged();
    void fillColumns();
    void fillWarnings();
    QString describeSeries() const;

    std::unique_ptr<Ui::DataPanel> ui_;
    DataDocument* document_;
    CsvTableModel* model_;
    SeriesPlot* plot_;
};

} // namespace rnnwb::app
