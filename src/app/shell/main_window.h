#pragma once
// The main window composes the panels, the actions and the training controller, and routes
// signals between them; the work itself is in the panels and the controller.
#include "app/charts/chart_export.h"
#include "app/session/config_check.h"
#include "app/session/provenance.h"
#include "app/session/rerun_verify.h"
#include "app/session/run_list_model.h"
#include "app/session/training_controller.h"
#include "app/shell/app_actions.h"

#include <QMainWindow>

#include <optional>

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
class TeachingPanel;
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

    // Every chart of the window: the known ones by name, then any other QCustomPlot or
    // QChartView by its object name. Each has the chart context menu (chart_menu.h).
    QList<ChartRef> charts() const;
    void flushPlots(); // draw what is pending now (before grabbing or exporting)
    // What an export of the shown run (or of the current configuration) carries.
    Provenance provenance() const;
    ChartProvenance chartProvenance(const QString& chartName) const;

    // File actions without their dialogs (the menu asks for the path, then calls these).
    // Each returns false and shows the error (naming the file) when it fails.
    bool saveShownModel(const QString& path);
    bool openModelFile(const QString& path); // a run made by the model on the current data
    // Opens a project (.rnnwb), a model (.safetensors) or a CSV file, by the suffix.
    bool openPath(const QString& path);
    bool exportPredictions(const QString& path, int horizon = 0, double coverage = 0.9);
    bool exportPytorchScript(const QString& path); // and SCRIPT.safetensors beside it
    bool saveProjectFile(const QString& path);
    bool openProjectFile(const QString& path);
    // Training ▸ Re-run and Verify: trains the shown run's configuration again on its data;
    // verificationDone follows when the run finishes.
    bool rerunAndVerify(QString* reason = nullptr);

    // Shows a tab or teaching view by its --view name (appViews()); false for an unknown name.
    bool showView(const QString& name);

    DataDocument* document() const { return document_; }
    DataPanel* dataPanel() const { return dataPanel_; }
    HyperPanel* hyperPanel() const { return hyperPanel_; }
    TrainingPanel* trainingPanel() const { return trainingPanel_; }
    ResultsPanel* resultsPanel() const { return resultsPanel_; }
    TeachingPanel* teachingPanel() const { return teachingPanel_; }
    TrainingStatus* trainingStatus() const { return status_; }
    TrainingController* controller() const { return controller_; }
    const AppActions& actions() const { return actions_; }

signals:
    void runFinished(const rnnwb::app::RunRecord& run);
    void trainingFailed(const QString& message);
    void errorOccurred(const QString& message); // any error shown to the user
    // Re-run and Verify: whether the new loss curve equals the original bit for bit.
    void verificationDone(bool identical, const QString& message);
    // A project was opened; warning is non-empty when its dataset changed or is missing.
    void projectOpened(const QString& path, const QString& warning);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createPanels();
    void createMenus();
    void connectData();
    void connectTraining();
    void connectTeaching();
    void createHelpMenu();
    void revalidate();
    void updateActions();
    void onStateChanged(TrainingController::State state);
    void onSessionStarted(const SessionInfo& info);
    void onEpochDone(const EpochProgress& update);
    void onFinished(const RunOutcome& outcome);
    void showError(const QString& title, const QString& message);
    void chooseFile();
    void exportChartsInteractively();
    void saveReportInteractively();
    void focusPanel(QWidget* panel, QDockWidget* dock);
    void createFileActions(QMenu* file, QMenu* training);
    void createAnalysisActions(QMenu* training);
    // What Train would train now: the hyperparameters and the current series.
    RunRequest currentRequest() const;
    void installChartMenus();
    void addRunFrom(const DataSource& source, RunRecord record);
    void reportVerification(const RunOutcome& outcome);
    bool askOverwrite(const QString& path);
    QString askSavePath(const QString& title, const QString& name, const QString& filter);
    QString askOpenPath(const QString& title, const QString& filter);
    void exportPredictionsInteractively(bool forecast);
    void exportScriptInteractively();
    void restoreDefaultLayout();

    DataDocument* document_;
    ReplotCoalescer* coalescer_;
    TrainingController* controller_;
    AppActions actions_;
    DataPanel* dataPanel_ = nullptr;
    HyperPanel* hyperPanel_ = nullptr;
    TrainingPanel* trainingPanel_ = nullptr;
    ResultsPanel* resultsPanel_ = nullptr;
    TeachingPanel* teachingPanel_ = nullptr;
    TrainingStatus* status_ = nullptr;
    RecentFiles* recent_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QMenu* samplesMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QDockWidget* hyperDock_ = nullptr;
    QDockWidget* trainingDock_ = nullptr;
    QByteArray defaultLayout_;
    ConfigCheck check_;
    EpochProgress lastEpoch_;
    // What the running session trains on (for its run record).
    std::shared_ptr<const TimedSeries> sessionSeries_;
    QString sessionLabel_;
    WindowSplit sessionSplit_;
    DataSource sessionSource_; // ... when the running session started
    std::optional<Verification> verifying_;
    bool interactive_ = true;
    bool persistent_ = true;
};

} // namespace rnnwb::app
