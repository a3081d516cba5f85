#pragma once
// The Results panel: the real series with the model's fit and predictions drawn over it (live
// while training), the metrics of each part, an RMSE bar chart and the runs of the session.
#include "app/run_list_model.h"
#include "app/training_types.h"

#include <QWidget>

#include <memory>

class QTableWidget;

namespace Ui { class ResultsPanel; }

namespace rnnwb::app {

class ReplotCoalescer;
class RmseChart;
class SeriesPlot;

class ResultsPanel : public QWidget {
    Q_OBJECT
public:
    ResultsPanel(ReplotCoalescer* coalescer, QWidget* parent = nullptr);
    ~ResultsPanel() override;

    // Before any run is shown: the current series and parts, no predictions.
    void showSeries(std::shared_ptr<const PlotSeries> series, const std::optional<WindowSplit>& split);
    // A training started: predictions will follow.
    void beginLive(std::shared_ptr<const PlotSeries> series, const WindowSplit& split, const QString& description);
    void showOverlay(const OverlayUpdate& update);
    // Keeps a finished run and shows it.
    void addRun(RunRecord record);
    // While training, the run list cannot switch the view.
    void setLocked(bool locked);

    SeriesPlot* overlay() const { return overlay_; }
    RunListModel* runs() const { return runs_; }
    QTableWidget* metricsTable() const;
    RmseChart* rmseChart() const { return rmse_; }
    bool hasRunShown() const { return shown_ >= 0; }
    const RunRecord* shownRun() const { return shown_ >= 0 ? &runs_->run(shown_) : nullptr; }

signals:
    // The run shown changed (its loss curves can be shown with it).
    void runShown(const rnnwb::app::RunRecord& run);

private:
    void onSelectionChanged();
    void showRun(const RunRecord& run);
    void fillMetrics(const RunOutcome& outcome);

    std::unique_ptr<Ui::ResultsPanel> ui_;
    SeriesPlot* overlay_;
    RunListModel* runs_;
    RmseChart* rmse_;
    int shown_ = -1;
};

} // namespace rnnwb::app
