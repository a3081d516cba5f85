#pragma once
// The Results panel: the real series with the model's fit and predictions drawn over it (live
// while training), the test part open or closed loop, the forecast past the end with its band,
// the metrics of each part next to the baselines', the residuals, and the runs of the session
// (select several to overlay their predictions and compare them).
#include "app/session/run_list_model.h"
#include "app/session/run_projection.h"
#include "app/session/training_types.h"

#include <QWidget>

#include <memory>
#include <optional>

class QTableWidget;

namespace Ui {
class ResultsPanel;
}

namespace rnnwb::app {

class ReplotCoalescer;
class ResidualCharts;
class RmseChart;
class RunSortProxy;
class SeriesPlot;

class ResultsPanel : public QWidget {
    Q_OBJECT
public:
    ResultsPanel(ReplotCoalescer* coalescer, QWidget* parent = nullptr);
    ~ResultsPanel() override;

    // Before any run is shown: the current series and parts, no predictions.
    void showSeries(std::shared_ptr<const TimedSeries> series, const std::optional<WindowSplit>& split);
    // A training started: predictions will follow.
    void beginLive(std::shared_ptr<const TimedSeries> series, const WindowSplit& split, const QString& description);
    void showOverlay(const OverlayUpdate& update);
    // Keeps a finished run and shows it.
    void addRun(RunRecord record);
    // Forgets every run (a project replacing the session): no run is shown.
    void clearRuns();
    // While training, the run list cannot switch the view.
    void setLocked(bool locked);

    // The test part's predictions: one step with real inputs, or closed loop.
    void setClosedLoop(bool closed);
    bool closedLoop() const;
    void setHorizon(int steps); // 0: no forecast
    int horizon() const;
    void setCoverage(double coverage);
    double coverage() const;

    SeriesPlot* overlay() const { return overlay_; }
    RunListModel* runs() const { return runs_; }
    QTableWidget* metricsTable() const;
    RmseChart* rmseChart() const { return rmse_; }
    ResidualCharts* residualCharts() const { return residuals_; }
    bool hasRunShown() const { return shown_ >= 0; }
    const RunRecord* shownRun() const { return shown_ >= 0 ? &runs_->run(shown_) : nullptr; }
    // The forecast and closed-loop predictions of the shown run, once computed.
    const std::optional<RunProjection>& projection() const { return projection_; }
    // A run is shown whose forecast is still being computed.
    bool projectionPending() const { return shownRun() && !projection_; }
    // Selects these runs (rows of runs(), in run order; the first becomes the shown run).
    void selectRuns(const QList<int>& rows);

signals:
    // The run shown changed (its loss curves can be shown with it).
    void runShown(const rnnwb::app::RunRecord& run);
    // The runs selected in the list, shown run first: their loss curves can be overlaid.
    void runsSelected(const QList<const rnnwb::app::RunRecord*>& runs);
    // The shown run's projection arrived and is drawn.
    void projectionShown();

private:
    void onSelectionChanged();
    void showRun(const RunRecord& run);
    void requestProjection();
    void onProjection(const RunProjection& projection);
    void drawTestPredictions();
    void drawComparisons(const QList<const RunRecord*>& selected);
    QList<const RunRecord*> selectedRuns() const;
    int modelRow(const QModelIndex& viewIndex) const;
    int viewRow(int modelRow) const;

    std::unique_ptr<Ui::ResultsPanel> ui_;
    SeriesPlot* overlay_;
    RunListModel* runs_;
    RunSortProxy* sortedRuns_; // what the run list's view shows
    RmseChart* rmse_;
    ResidualCharts* residuals_;
    ProjectionJob* projectionJob_;
    std::optional<RunProjection> projection_;
    QString runText_; // the shown run's one-line description
    int shown_ = -1;
};

} // namespace rnnwb::app
