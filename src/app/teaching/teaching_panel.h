#pragma once
// The "Inside the network" tab: the tutorial's diagrams, alive on the user's model.
//
//   Architecture   the network of the current hyperparameters, folded and unrolled
//   Cell           the LSTM / GRU / RNN cell with the live values of one layer and step
//   Inside         heatmaps (time step × unit) of every gate and state of each layer
//   Gradient flow  ||∂Loss/∂h_t|| over t, and the RNN / GRU / LSTM comparison
//   Parameters     a histogram of each parameter tensor
//
// What it looks inside: the running session's latest weights (every few epochs, and after each
// Step) or, when nothing trains, the run shown in Results. The prediction it follows is chosen
// by clicking a point of the Results chart (or the sample box). The numbers are computed off
// the GUI thread (teaching_snapshot.h); each view carries a short explanation.
#include "app/session/cell_comparison.h"
#include "app/session/latest_job.h"
#include "app/session/teaching_snapshot.h"
#include "app/teaching/teaching_texts.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QSplitter;
class QTabWidget;

namespace rnnwb::app {

class ArchitectureView;
class CellView;
class GradientFlowChart;
class InsideView;
class ParameterHistograms;

class TeachingPanel : public QWidget {
    Q_OBJECT
public:
    explicit TeachingPanel(QWidget* parent = nullptr);
    ~TeachingPanel() override;

    // The hyperparameters as edited (the architecture view follows them at once).
    void setConfig(const TrainConfig& config);
    // A model to look inside, trained on `series`; `source` says which ("run 3").
    void showModel(std::shared_ptr<const TimedSeries> series, const Model& model, const QString& source);
    // During training: the weights of epoch `epoch`, shown when the refresh interval is due.
    void showTrainingModel(std::shared_ptr<const TimedSeries> series, const Model& model, int epoch);
    // Follows the prediction of series index `index` (clamped to the indices that have one).
    void selectTarget(std::size_t index);
    // Follows the sample whose series x value (index or date) is nearest to x.
    void selectTargetAt(double x);

    std::optional<std::size_t> selectedTarget() const;
    const TeachingSnapshot& snapshot() const { return snapshot_; }
    bool computing() const { return job_.busy(); }
    void waitForSnapshot(); // tests and screenshots: until the latest request has been shown

    ArchitectureView* architectureView() const { return architecture_; }
    CellView* cellView() const { return cellView_; }
    InsideView* insideView() const { return inside_; }
    GradientFlowChart* gradientChart() const { return gradientChart_; }
    GradientFlowChart* comparisonChart() const { return comparisonChart_; } // after a comparison
    ParameterHistograms* histograms() const { return histograms_; }
    QTabWidget* views() const { return views_; }
    CellComparison* comparison() const { return comparison_; }
    QPushButton* compareButton() const { return compareButton_; }

signals:
    void snapshotShown();
    void comparisonShown();

private:
    QWidget* createControls();
    QWidget* createArchitectureTab();
    QWidget* createGradientTab();
    void request();
    void onSnapshot(const TeachingSnapshot& snapshot);
    void showStep(int step);
    void updateExplanation();
    void startComparison();
    void onComparison(const QList<CellComparisonResult>& results);
    void showEvent(QShowEvent* event) override;

    TrainConfig config_;
    std::shared_ptr<const TimedSeries> series_;
    std::optional<Model> model_;
    QString source_;
    std::optional<std::size_t> target_;
    int lastRefreshEpoch_ = 0;
    bool stale_ = false; // a model arrived while the tab was hidden
    TeachingSnapshot snapshot_;
    LatestJob<TeachingRequest, TeachingSnapshot> job_;

    QList<QWidget*> cellControls_; // the layer and time step of the cell view
    QLabel* sourceLabel_;
    QSpinBox* targetBox_;
    QComboBox* layerBox_;
    QSlider* stepSlider_;
    QLabel* stepLabel_;
    QSpinBox* refreshBox_;
    QTabWidget* views_;
    QLabel* explanation_;
    ArchitectureView* architecture_;
    QButtonGroup* modeGroup_;
    CellView* cellView_;
    InsideView* inside_;
    GradientFlowChart* gradientChart_;
    GradientFlowChart* comparisonChart_ = nullptr;
    QSplitter* gradientCharts_;
    QPushButton* compareButton_;
    QLabel* comparisonLabel_;
    ParameterHistograms* histograms_;
    CellComparison* comparison_;
};

} // namespace rnnwb::app
