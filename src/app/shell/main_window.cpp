#include "app/shell/main_window.h"

#include "app/charts/loss_chart.h"
#include "app/charts/replot_coalescer.h"
#include "app/charts/rmse_chart.h"
#include "app/charts/series_plot.h"
#include "app/panels/data_panel.h"
#include "app/panels/hyper_panel.h"
#include "app/panels/results_panel.h"
#include "app/panels/training_panel.h"
#include "app/panels/training_status.h"
#include "app/session/bundled_data.h"
#include "app/session/data_document.h"
#include "app/session/report_file.h"
#include "app/shell/app_settings.h"
#include "app/shell/recent_files.h"
#include "app/shell/samples_menu.h"
#include "app/teaching/teaching_panel.h"

#include <qcustomplot.h>

#include <QCloseEvent>

#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QtCharts/QChartView>
#include <algorithm>

namespace rnnwb::app {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), document_(new DataDocument(this)), coalescer_(new ReplotCoalescer(this)),
      controller_(new TrainingController(this)), actions_(createAppActions(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("RNN Workbench"));
    setAcceptDrops(true);
    createPanels();
    createMenus();
    connectData();
    connectTraining();
    connectTeaching();
    const QSize available = screen()->availableSize();
    resize(std::min(1400, available.width()), std::min(900, available.height()));
    resizeDocks({trainingDock_}, {std::clamp(height() / 4, 150, 270)}, Qt::Vertical);
    defaultLayout_ = saveState();
    openBundled(defaultDatasetPath());
    revalidate();
    installChartMenus();
}

MainWindow::~MainWindow() { controller_->shutdown(); }

void MainWindow::createPanels()
{
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("centralTabs"));
    dataPanel_ = new DataPanel(document_, coalescer_, tabs_);
    resultsPanel_ = new ResultsPanel(coalescer_, tabs_);
    tabs_->addTab(dataPanel_, tr("Data"));
    teachingPanel_ = new TeachingPanel(tabs_);
    tabs_->addTab(resultsPanel_, tr("Results"));
    tabs_->addTab(teachingPanel_, tr("Inside the Network"));
    setCentralWidget(tabs_);

    hyperPanel_ = new HyperPanel(this);
    hyperDock_ = new QDockWidget(tr("Hyperparameters"), this);
    hyperDock_->setObjectName(QStringLiteral("hyperDock"));
    hyperDock_->setWidget(hyperPanel_);
    addDockWidget(Qt::LeftDockWidgetArea, hyperDock_);

    trainingPanel_ = new TrainingPanel(coalescer_, this);
    trainingPanel_->setActions(actions_.train, actions_.pause, actions_.stop, actions_.step);
    trainingDock_ = new QDockWidget(tr("Training"), this);
    trainingDock_->setObjectName(QStringLiteral("trainingDock"));
    trainingDock_->setWidget(trainingPanel_);
    addDockWidget(Qt::BottomDockWidgetArea, trainingDock_);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    resizeDocks({hyperDock_}, {340}, Qt::Horizontal);

    status_ = new TrainingStatus(this);
    statusBar()->addPermanentWidget(status_);
}

void MainWindow::connectData()
{
    connect(document_, &DataDocument::dataChanged, this,
            [this] { setWindowTitle(tr("%1 — RNN Workbench").arg(document_->label())); });
    connect(document_, &DataDocument::seriesChanged, this, &MainWindow::revalidate);
    connect(hyperPanel_, &HyperPanel::configEdited, this, &MainWindow::revalidate);
    connect(dataPanel_, &DataPanel::openRequested, this, &MainWindow::chooseFile);
}

void MainWindow::connectTraining()
{
    connect(actions_.train, &QAction::triggered, this, [this] { startTraining(false); });
    connect(actions_.step, &QAction::triggered, this, [this] {
        if (controller_->busy())
            controller_->step();
        else
            startTraining(true);
    });
    connect(actions_.pause, &QAction::triggered, this, [this](bool paused) {
        if (paused)
            controller_->pause();
        else
            controller_->resume();
        updateActions();
    });
    connect(actions_.stop, &QAction::triggered, controller_, &TrainingController::stop);
    connect(trainingPanel_, &TrainingPanel::speedChanged, controller_, &TrainingController::setEpochsPerSecond);
    connect(controller_, &TrainingController::stateChanged, this, &MainWindow::onStateChanged);
    connect(controller_, &TrainingController::sessionStarted, this, &MainWindow::onSessionStarted);
    connect(controller_, &TrainingController::epochDone, this, &MainWindow::onEpochDone);
    connect(controller_, &TrainingController::overlayReady, resultsPanel_, &ResultsPanel::showOverlay);
    connect(controller_, &TrainingController::finished, this, &MainWindow::onFinished);
    connect(controller_, &TrainingController::failed, this, [this](const QString& message) {
        verifying_.reset(); // a failed re-run verifies nothing
        showError(tr("Training failed"), message);
        emit trainingFailed(message);
    });
    connect(resultsPanel_, &ResultsPanel::runShown, this, [this](const RunRecord& run) {
        if (!controller_->busy())
            trainingPanel_->lossChart()->showCurves(run.outcome.trainLoss, run.outcome.validationLoss);
    });
    connect(resultsPanel_, &ResultsPanel::runsSelected, this, [this](const QList<const RunRecord*>& runs) {
        if (controller_->busy())
            return;
        QList<LossCurves> curves;
        for (const RunRecord* run : runs)
            curves << LossCurves{tr("run %1").arg(run->number), run->outcome.trainLoss, run->outcome.validationLoss};
        trainingPanel_->lossChart()->showComparison(curves);
    });
}

// The teaching views look inside the latest weights while training and the shown run
// otherwise; a click on the Results chart chooses the prediction they follow (a double click
// also opens them).
void MainWindow::connectTeaching()
{
    connect(controller_, &TrainingController::overlayReady, this, [this](const OverlayUpdate& update) {
        if (sessionSeries_ && update.model.parameters.size() > 0)
            teachingPanel_->showTrainingModel(sessionSeries_, update.model, update.epoch);
    });
    connect(resultsPanel_, &ResultsPanel::runShown, this, [this](const RunRecord& run) {
        if (run.series && run.outcome.model.parameters.size() > 0)
            teachingPanel_->showModel(run.series, run.outcome.model, tr("Run %1").arg(run.number));
    });
    QCustomPlot* plot = resultsPanel_->overlay()->plot();
    auto pressedAt = std::make_shared<QPoint>();
    connect(plot, &QCustomPlot::mousePress, this, [pressedAt](QMouseEvent* event) { *pressedAt = event->pos(); });
    connect(plot, &QCustomPlot::mouseRelease, this, [this, plot, pressedAt](QMouseEvent* event) {
        if (event->button() != Qt::LeftButton || (event->pos() - *pressedAt).manhattanLength() > 3)
            return; // a drag pans or zooms
        if (!plot->axisRect()->rect().contains(event->pos()))
            return;
        teachingPanel_->selectTargetAt(plot->xAxis->pixelToCoord(event->pos().x()));
        statusBar()->showMessage(tr("Inside the Network follows the prediction you clicked (Ctrl+5 shows it)."), 5000);
    });
    connect(plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent*) { focusPanel(teachingPanel_, nullptr); });
}

bool MainWindow::openDataFile(const QString& path)
{
    if (controller_->busy()) {
        showError(tr("Cannot open a file now"), tr("Training is running: stop it first (Esc)."));
        return false;
    }
    QString error;
    if (!document_->openFile(path, &error)) {
        showError(tr("Cannot open the file"), error);
        return false;
    }
    if (!path.startsWith(u':')) {
        recent_->add(path);
        setLastDirectory(QFileInfo(path).absolutePath());
    }
    tabs_->setCurrentWidget(dataPanel_);
    statusBar()->showMessage(tr("Opened %1").arg(document_->label()), 5000);
    return true;
}

void MainWindow::openBundled(const QString& resourcePath) { openDataFile(resourcePath); }

void MainWindow::applyConfig(const TrainConfig& config)
{
    hyperPanel_->setConfig(config);
    document_->setMissingPolicy(config.missing);
    QString error;
    if (!document_->setColumnSpec(config.column, &error))
        showError(tr("No such column"), error);
    revalidate();
}

TrainConfig MainWindow::effectiveConfig() const
{
    TrainConfig config = hyperPanel_->config();
    config.column = document_->columnSpec();
    config.missing = document_->missingPolicy();
    return config;
}

void MainWindow::revalidate()
{
    check_ = checkConfig(effectiveConfig(), document_->series(), document_->seriesError());
    teachingPanel_->setConfig(effectiveConfig());
    hyperPanel_->showProblems(check_.problems);
    dataPanel_->setSplit(check_.split);
    resultsPanel_->showSeries(document_->plotSeries(), check_.split);
    QString reason;
    if (!check_.ok()) {
        const ConfigProblem& first = check_.problems.front();
        reason = first.option.isEmpty() ? first.message : hyperPanel_->readable(first.message);
        if (check_.problems.size() > 1)
            reason += tr(" (and %n more problem(s): see the Hyperparameters panel)", nullptr,
                         int(check_.problems.size() - 1));
    }
    trainingPanel_->setBlockedReason(reason);
    actions_.train->setStatusTip(reason.isEmpty() ? tr("Train a new network with these hyperparameters")
                                                  : tr("Cannot train: %1").arg(reason));
    updateActions();
}

bool MainWindow::startTraining(bool stepOnly, QString* reason)
{
    const auto fail = [reason](const QString& why) {
        if (reason)
            *reason = why;
        return false;
    };
    if (controller_->busy())
        return fail(tr("training is already running"));
    revalidate();
    if (!check_.ok())
        return fail(trainingPanel_->blockedReason());
    const RunRequest request = currentRequest();
    sessionSeries_ = document_->plotSeries();
    sessionLabel_ = document_->label();
    sessionSource_ = document_->source();
    controller_->start(request, stepOnly);
    return true;
}

RunRequest MainWindow::currentRequest() const
{
    const Series* series = document_->series();
    RunRequest request;
    request.config = effectiveConfig();
    request.values = series->values;
    request.lines = series->line;
    request.columnName = series->name;
    request.dataFile = document_->reportName();
    return request;
}

void MainWindow::updateActions()
{
    using State = TrainingController::State;
    const State s = controller_->state();
    const bool idle = s == State::Idle;
    actions_.train->setEnabled(idle && check_.ok());
    actions_.step->setEnabled(idle ? check_.ok() : s == State::Paused && !controller_->stepInFlight());
    actions_.pause->setEnabled(s == State::Running || s == State::Paused);
    actions_.pause->setChecked(s == State::Paused);
    actions_.pause->setText(s == State::Paused ? tr("&Resume") : tr("&Pause"));
    actions_.stop->setEnabled(s == State::Running || s == State::Paused);
    actions_.open->setEnabled(idle);
    samplesMenu_->setEnabled(idle);
    recentMenu_->setEnabled(idle && !recentMenu_->isEmpty());
    const RunRecord* shown = resultsPanel_->shownRun();
    for (QAction* a : {actions_.saveReport, actions_.saveModel, actions_.exportPredictions, actions_.exportForecast,
                       actions_.exportScript})
        a->setEnabled(idle && shown);
    actions_.rerunVerify->setEnabled(idle && shown && !shown->outcome.trainLoss.empty());
    for (QAction* a : {actions_.openModel, actions_.openProject, actions_.saveProject})
        a->setEnabled(idle);
    actions_.backtest->setEnabled(idle && check_.ok());
    actions_.sweep->setEnabled(idle && check_.ok());
}

void MainWindow::onStateChanged(TrainingController::State state)
{
    using State = TrainingController::State;
    const bool busy = state != State::Idle;
    dataPanel_->setLocked(busy, busy ? tr("Training is running: stop it (Esc) to change the data.") : QString());
    hyperPanel_->setLocked(busy,
                           busy ? tr("Training is running: stop it (Esc) to change the hyperparameters.") : QString());
    resultsPanel_->setLocked(busy);
    setAcceptDrops(!busy);
    switch (state) {
    case State::Idle: status_->setStateText(tr("Ready")); break;
    case State::Running: status_->setStateText(tr("Training…")); break;
    case State::Paused: status_->setStateText(controller_->stepInFlight() ? tr("Step…") : tr("Paused")); break;
    case State::Stopping: status_->setStateText(tr("Stopping…")); break;
    }
    updateActions();
}

void MainWindow::onSessionStarted(const SessionInfo& info)
{
    sessionSplit_ = info.split;
    resultsPanel_->beginLive(sessionSeries_, info.split, describeConfig(effectiveConfig()));
    trainingPanel_->lossChart()->begin(info.epochs);
    status_->begin(info.epochs);
    if (tabs_->currentWidget() != teachingPanel_) // a student stepping through the teaching views stays there
        tabs_->setCurrentWidget(resultsPanel_);
}

void MainWindow::onEpochDone(const EpochProgress& update)
{
    trainingPanel_->lossChart()->addEpoch(update);
    lastEpoch_ = update;
    coalescer_->request(status_, [this] { status_->update(lastEpoch_, controller_->elapsedSeconds()); });
}

void MainWindow::onFinished(const RunOutcome& outcome)
{
    coalescer_->flush();
    RunRecord record{
        0, sessionLabel_, outcome, sessionSeries_, sessionSplit_, controller_->elapsedSeconds(), sessionSource_};
    addRunFrom(sessionSource_, std::move(record));
    const RunRecord& run = *resultsPanel_->shownRun();
    statusBar()->showMessage(tr("Run %1 %2: test RMSE %3")
                                 .arg(run.number)
                                 .arg(stopReasonText(outcome.stop))
                                 .arg(outcome.test.metrics.rmse, 0, 'g', 4),
                             10000);
    updateActions();
    emit runFinished(run);
    if (verifying_)
        reportVerification(outcome);
}

void MainWindow::showError(const QString& title, const QString& message)
{
    statusBar()->showMessage(tr("%1: %2").arg(title, message), 10000);
    emit errorOccurred(message);
    if (!interactive_)
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // window-modal, but does not block the caller
}

QList<ChartRef> MainWindow::charts() const
{
    QList<ChartRef> charts = {{QStringLiteral("series"), dataPanel_->seriesPlot()->plot()},
                              {QStringLiteral("loss"), trainingPanel_->lossChart()->plot()},
                              {QStringLiteral("forecast"), resultsPanel_->overlay()->plot()},
                              {QStringLiteral("rmse"), resultsPanel_->rmseChart()->view()}};
    QList<QWidget*> others;
    for (QWidget* w : findChildren<QCustomPlot*>())
        others << w;
    for (QWidget* w : findChildren<QChartView*>())
        others << w;
    for (QWidget* w : others) {
        const bool known = std::any_of(charts.begin(), charts.end(), [w](const ChartRef& c) { return c.widget == w; });
        if (!known)
            charts.append(
                {w->objectName().isEmpty() ? QStringLiteral("chart%1").arg(charts.size() + 1) : w->objectName(), w});
    }
    return charts;
}

void MainWindow::flushPlots() { coalescer_->flush(); }

void MainWindow::closeEvent(QCloseEvent* event)
{
    controller_->shutdown(); // stops a running training cleanly before the window goes
    if (persistent_) {
        saveWindowLayout(*this);
        TrainConfig config = hyperPanel_->config();
        config.column.clear(); // belongs to the file, not to the hyperparameters
        saveLastConfig(config);
    }
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!controller_->busy() && urls.size() == 1 && urls.front().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile()) {
        event->acceptProposedAction();
        openPath(urls.front().toLocalFile());
    }
}

} // namespace rnnwb::app
