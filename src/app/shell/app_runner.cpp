#include "app/shell/app_runner.h"

#include "app/charts/chart_export.h"
#include "app/panels/results_panel.h"
#include "app/session/qt_text.h"
#include "app/session/report_file.h"
#include "app/shell/app_settings.h"
#include "app/shell/color_scheme.h"
#include "app/shell/main_window.h"
#include "app/shell/stall_meter.h"
#include "app/shell/translations.h"
#include "app/teaching/teaching_panel.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QIcon>
#include <QPushButton>
#include <QTimer>

#include <cstdio>

inline void initResources() { Q_INIT_RESOURCE(rnnwb); }

namespace rnnwb::app {

namespace {
void printError(const QString& message) { std::fprintf(stderr, "rnn-workbench: %s\n", qPrintable(message)); }
} // namespace

void initApplication()
{
    initResources();
    QCoreApplication::setOrganizationName(QStringLiteral("rnnwb"));
    QCoreApplication::setApplicationName(QStringLiteral("RNN Workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RNNWB_VERSION));
    // The desktop entry's id (packaging/), so that Wayland docks match windows to it.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.rnnwb.RnnWorkbench"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/rnn-workbench.svg")));
}

int runApplication(int& argc, char* argv[])
{
    // The options are read before QApplication exists, since it needs a display (or
    // QT_QPA_PLATFORM=offscreen): --help, --version and bad options work without one.
    QStringList arguments;
    for (int k = 1; k < argc; ++k)
        arguments << QString::fromLocal8Bit(argv[k]);
    AppOptions options;
    try {
        options = parseAppOptions(arguments);
    } catch (const std::exception& e) {
        printError(toQ(e.what()));
        std::fprintf(stderr, "Try 'rnn-workbench --help'.\n");
        return 2;
    }
    if (options.help || options.version) {
        std::printf("%s", qPrintable(options.help ? appUsage() : QStringLiteral("rnn-workbench " RNNWB_VERSION "\n")));
        return 0;
    }
    QApplication app(argc, argv);
    initApplication();
    applyColorScheme(app, startupColorScheme());
    installTranslations(app);
    MainWindow window;
    window.setInteractive(!options.quit);
    window.setPersistent(!options.scripted());
    if (!options.scripted())
        restoreWindowLayout(window);
    if (options.windowSize.isValid())
        window.resize(options.windowSize);
    window.show();
    ScriptRunner runner(window, options);
    int exitCode = 0;
    bool exitRequested = false;
    QObject::connect(&runner, &ScriptRunner::done, &app, [&](int code) {
        exitCode = code;
        exitRequested = true;
        window.close();
        QCoreApplication::exit(code);
    });
    QTimer::singleShot(0, &runner, &ScriptRunner::start);
    const int loopCode = app.exec();
    return exitRequested ? exitCode : loopCode;
}

ScriptRunner::ScriptRunner(MainWindow& window, AppOptions options, QObject* parent)
    : QObject(parent), window_(window), options_(std::move(options))
{
    connect(&window_, &MainWindow::errorOccurred, this, [this](const QString& message) { lastError_ = message; });
}

void ScriptRunner::start()
{
    if (!prepare())
        return;
    if (!options_.train) {
        finishOutputs();
        return;
    }
    connect(&window_, &MainWindow::runFinished, this, &ScriptRunner::afterTraining);
    connect(&window_, &MainWindow::trainingFailed, this, &ScriptRunner::fail);
    if (options_.measure) {
        QCoreApplication::processEvents(); // the window's first paint is not training's doing
        stall_ = new StallMeter(this);
        stall_->start();
    }
    wall_.start();
    QString reason;
    if (!window_.startTraining(false, &reason))
        fail(tr("cannot train: %1").arg(reason));
}

// Opens the file and applies the configuration (remembered settings unless scripted).
bool ScriptRunner::prepare()
{
    if (!options_.file.isEmpty() && !window_.openPath(options_.file)) {
        fail(lastError_);
        return false;
    }
    // A project brings its own hyperparameters; the options given here apply on top of them.
    const bool project = options_.file.endsWith(QStringLiteral(".rnnwb"), Qt::CaseInsensitive);
    TrainConfig config = options_.config;
    if (project)
        config = options_.configOn(window_.effectiveConfig());
    else if (!options_.scripted())
        config = options_.configOn(lastConfig().value_or(TrainConfig{}));
    window_.applyConfig(config);
    if (window_.effectiveConfig().column != config.column) { // --column named no column
        fail(lastError_);
        return false;
    }
    return true;
}

void ScriptRunner::afterTraining(const RunRecord& run)
{
    if (run.outcome.stop == StopReason::Diverged) // as `rnnwb train` says it; the run still counts
        printError(tr("training diverged (the loss became infinite or NaN) after %1 epochs; the last finite "
                      "weights were kept. Try a smaller --lr or --clip.")
                       .arg(run.outcome.trainLoss.size()));
    if (stall_) {
        trainWall_ = double(wall_.nsecsElapsed()) * 1e-9;
        QTimer::singleShot(50, this, [this, run] { reportMeasurements(run); }); // ticks after the result is drawn
        return;
    }
    writeOutputs(run);
}

void ScriptRunner::reportMeasurements(const RunRecord& run)
{
    stall_->stop();
    std::fprintf(stderr,
                 "rnn-workbench: %zu epochs (%s): train_seconds %.3f (compute), wall %.3f s from Train to the "
                 "result;\nrnn-workbench: event loop until the result was drawn: longest stall %.1f ms, mean "
                 "lateness %.2f ms over %ld ticks of 10 ms\n",
                 run.outcome.trainLoss.size(), stopReasonName(run.outcome.stop).c_str(), run.outcome.trainSeconds,
                 trainWall_, stall_->longestStallMs(), stall_->meanLatenessMs(), stall_->ticks());
    for (const auto& [at, ms] : stall_->stalls())
        std::fprintf(stderr, "rnn-workbench:   stall of %.0f ms at %.0f ms\n", ms, at);
    for (const ChartRef& chart : window_.charts())
        if (auto* plot = qobject_cast<QCustomPlot*>(chart.widget))
            std::fprintf(stderr, "rnn-workbench:   %s chart: %.1f ms per replot (mean of the last ones)\n",
                         qPrintable(chart.name), plot->replotTime(true));
    writeOutputs(run);
}

void ScriptRunner::writeOutputs(const RunRecord& run)
{
    QString error;
    if (!options_.report.isEmpty() && !writeRunReport(run.outcome, options_.report, &error)) {
        fail(error);
        return;
    }
    // Screenshots and charts show the run's forecast: wait until it is drawn.
    ResultsPanel* results = window_.resultsPanel();
    if (results->projectionPending()) {
        connect(results, &ResultsPanel::projectionShown, this, &ScriptRunner::finishOutputs, Qt::SingleShotConnection);
        return;
    }
    finishOutputs();
}

// Screenshot and chart export (after training, when there was one), then quit if asked.
void ScriptRunner::finishOutputs()
{
    TeachingPanel* teaching = window_.teachingPanel();
    if (options_.compareCells && !compared_) {
        compared_ = true;
        connect(teaching, &TeachingPanel::comparisonShown, this, &ScriptRunner::finishOutputs,
                Qt::SingleShotConnection);
        window_.showView(QStringLiteral("gradient"));
        teaching->compareButton()->click();
        return;
    }
    if (!options_.view.isEmpty())
        window_.showView(options_.view);
    QCoreApplication::sendPostedEvents(); // pending layout changes (e.g. lock notes just hidden)
    QCoreApplication::processEvents();
    teaching->waitForSnapshot(); // the teaching views show the run before they are grabbed
    QCoreApplication::processEvents();
    window_.flushPlots();
    QString error;
    if (!options_.screenshot.isEmpty() && !saveScreenshot(&window_, options_.screenshot, &error)) {
        fail(error);
        return;
    }
    if (!options_.exportCharts.isEmpty()) {
        exportCharts(
            window_.charts(), options_.exportCharts,
            [this](const QString& name) { return window_.chartProvenance(name); }, &error);
        if (!error.isEmpty()) {
            fail(error);
            return;
        }
    }
    succeed();
}

void ScriptRunner::fail(const QString& message)
{
    if (finished_)
        return;
    finished_ = true;
    printError(message);
    if (options_.quit)
        emit done(1);
}

void ScriptRunner::succeed()
{
    if (finished_)
        return;
    finished_ = true;
    if (options_.quit)
        emit done(0);
}

} // namespace rnnwb::app
