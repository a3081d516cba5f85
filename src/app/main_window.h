#pragma once
// The main window composes the panels, the actions and the training controller, and routes
// signals between them; the work itself is in the panels and the controller.
#include "app/app_actions.h"
#include "app/chart_export.h"
#include "app/config_check.h"
#include "app/run_list_model.h"
#include "app/training_controller.h"

#include <QMainWindow>

class QDockWidget;
class QMenu;
class QTabWidget;

namespace rnnwb::app {

class DataDocument;
class DataPanel;
class HyperPanel;
class RecentFiles;
class ReplotCoalescer;
class ResultsPanel;
class TrainingPanel;
class TrainingStatus;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // The open path of the Open action, recent files and drag and drop. On failure the current
    // data stays and the error is shown (a non-blocking message box when interactive).
    bool openDataFile(const QString& path);
    void openBundled(const QString& resourcePath);
    void applyConfig(const TrainConfig& config); // hyperparameters, column and missing policy
    TrainConfig effectiveConfig() const;         // what Train would use
    ConfigCheck currentCheck() const { return check_; }
    // Starts training (or one Step); false with the reason when it cannot.
    bool startTraining(bool stepOnly = false, QString* reason = nullptr);

    // Interactive: errors also pop up a (non-blocking) message box. Off for scripted runs.
    void setInteractive(bool interactive) { interactive_ = interactive; }
    // Persistent: hyperparameters and layout are saved on close. Off for scripted runs.
    void setPersistent(bool persistent) { persistent_ = persistent; }

    QList<ChartRef> charts() const;
    void flushPlots(); // draw what is pending now (before grabbing or exporting)

    DataDocument* document() const { return document_; }
    DataPanel* dataPanel() const { return dataPanel_; }
    HyperPanel* hyperPanel() const { return hyperPanel_; }
    TrainingPanel* trainingPanel() const { return trainingPanel_; }
    ResultsPanel* resultsPanel() const { return resultsPanel_; }
    TrainingStatus* trainingStatus() const { return status_; }
    TrainingController* controller() const { return controller_; }
    const AppActions& actions() const { return actions_; }

signals:
    void runFinished(const rnnwb::app::RunRecord& run);
    void trainingFailed(const QString& message);
    void errorOccurred(const QString& message); // any error shown to the user

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createPanels();
    void createMenus();
    void connectData();
    void connectTraining();
    void revalidate();
    void updateActions();
    void onStateChanged(TrainingController::State state);
    void onSessionStarted(const SessionInfo& info);
    void onEpochDone(const EpochUpdate& update);
    void onFinished(const RunOutcome& outcome);
    void showError(const QString& title, const QString& message);
    void chooseFile();
    void exportChartsInteractively();
    void saveReportInteractively();
    void focusPanel(QWidget* panel, QDockWidget* dock);
    void restoreDefaultLayout();

    DataDocument* document_;
    ReplotCoalescer* coalescer_;
    TrainingController* controller_;
    AppActions actions_;
    DataPanel* dataPanel_ = nullptr;
    HyperPanel* hyperPanel_ = nullptr;
    TrainingPanel* trainingPanel_ = nullptr;
    ResultsPanel* resultsPanel_ = nullptr;
    TrainingStatus* status_ = nullptr;
    RecentFiles* recent_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QMenu* samplesMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QDockWidget* hyperDock_ = nullptr;
    QDockWidget* trainingDock_ = nullptr;
    QByteArray defaultLayout_;
    ConfigCheck check_;
    EpochUpdate lastEpoch_;
    // What the running session trains on (for its run record).
    std::shared_ptr<const PlotSeries> sessionSeries_;
    QString sessionLabel_;
    WindowSplit sessionSplit_;
    bool interactive_ = true;
    bool persistent_ = true;
};

} // namespace rnnwb::app
