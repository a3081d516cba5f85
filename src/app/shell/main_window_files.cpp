// MainWindow's file actions: models, predictions, the PyTorch script, projects,
// chart menus and Re-run and Verify. The work is in model_actions, project_file and
// chart_export; this file asks for paths and shows the outcome.
#include "app/shell/main_window.h"

#include "app/charts/chart_menu.h"
#include "app/panels/results_panel.h"
#include "app/session/data_document.h"
#include "app/session/model_actions.h"
#include "app/session/project_file.h"
#include "app/session/qt_text.h"
#include "app/shell/app_settings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

namespace rnnwb::app {

namespace {
QString projectFilter() { return QObject::tr("RNN Workbench projects (*.rnnwb)"); }
QString modelFilter() { return QObject::tr("Models (*.safetensors)"); }
} // namespace

void MainWindow::createFileActions(QMenu* file, QMenu* training)
{
    file->addSeparator();
    file->addActions({actions_.openProject, actions_.saveProject});
    file->addSeparator();
    file->addActions({actions_.openModel, actions_.saveModel, actions_.saveReport, actions_.exportPredictions,
                      actions_.exportForecast, actions_.exportScript, actions_.exportCharts});
    file->addSeparator();
    file->addAction(actions_.quit);
    training->addSeparator();
    training->addAction(actions_.rerunVerify);

    connect(actions_.saveModel, &QAction::triggered, this, [this] {
        const RunRecord* run = resultsPanel_->shownRun();
        const QString path
            = run ? askSavePath(tr("Save Model"), tr("run-%1.safetensors").arg(run->number), modelFilter()) : QString();
        if (!path.isEmpty())
            saveShownModel(path);
    });
    connect(actions_.openModel, &QAction::triggered, this, [this] {
        const QString path = askOpenPath(tr("Open Model"), modelFilter());
        if (!path.isEmpty())
            openModelFile(path);
    });
    connect(actions_.exportPredictions, &QAction::triggered, this, [this] { exportPredictionsInteractively(false); });
    connect(actions_.exportForecast, &QAction::triggered, this, [this] { exportPredictionsInteractively(true); });
    connect(actions_.exportScript, &QAction::triggered, this, &MainWindow::exportScriptInteractively);
    connect(actions_.saveProject, &QAction::triggered, this, [this] {
        const QString path = askSavePath(
            tr("Save Project"), tr("%1.rnnwb").arg(QFileInfo(document_->label()).completeBaseName()), projectFilter());
        if (!path.isEmpty())
            saveProjectFile(path);
    });
    connect(actions_.openProject, &QAction::triggered, this, [this] {
        const QString path = askOpenPath(tr("Open Project"), projectFilter());
        if (!path.isEmpty())
            openProjectFile(path);
    });
    connect(actions_.rerunVerify, &QAction::triggered, this, [this] {
        QString reason;
        if (!rerunAndVerify(&reason))
            showError(tr("Cannot re-run"), reason);
    });
}

// Charts made after the window (e.g. in views opened later) get theirs when the next run comes.
void MainWindow::installChartMenus()
{
    for (const ChartRef& chart : charts())
        installChartMenu(chart.widget, chart.name, [this](const QString& name) { return chartProvenance(name); });
}

Provenance MainWindow::provenance() const
{
    const RunRecord* run = resultsPanel_->shownRun();
    return runProvenance(run, run ? run->source : document_->source(), effectiveConfig(),
                         run ? run->dataLabel : document_->label());
}

ChartProvenance MainWindow::chartProvenance(const QString& chartName) const
{
    const RunRecord* run = resultsPanel_->shownRun();
    const QString title
        = run ? tr("RNN Workbench: %1 chart, run %2 on %3").arg(chartName).arg(run->number).arg(run->dataLabel)
              : tr("RNN Workbench: %1 chart of %2").arg(chartName, document_->label());
    return {title, provenance()};
}

void MainWindow::addRunFrom(const DataSource& source, RunRecord record)
{
    record.source = source;
    resultsPanel_->addRun(std::move(record));
    installChartMenus();
    updateActions();
}

bool MainWindow::openPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"rnnwb")
        return openProjectFile(path);
    if (suffix == u"safetensors")
        return openModelFile(path);
    return openDataFile(path);
}

bool MainWindow::saveShownModel(const QString& path)
{
    const RunRecord* run = resultsPanel_->shownRun();
    QString error = tr("no run is shown: train one or open a model first");
    if (run && saveRunModel(*run, path, &error)) {
        statusBar()->showMessage(
            tr("Saved the model of run %1 to %2").arg(run->number).arg(QDir::toNativeSeparators(path)), 8000);
        return true;
    }
    showError(tr("Cannot save the model"), error);
    return false;
}

bool MainWindow::openModelFile(const QString& path)
{
    QString error = tr("training is running: stop it first (Esc)");
    std::optional<RunRecord> run = controller_->busy() ? std::nullopt : runFromModelFile(path, *document_, &error);
    if (!run) {
        showError(tr("Cannot use the model"), error);
        return false;
    }
    addRunFrom(document_->source(), std::move(*run));
    statusBar()->showMessage(tr("Model %1 applied to %2: test RMSE %3")
                                 .arg(QFileInfo(path).fileName(), document_->label())
                                 .arg(resultsPanel_->shownRun()->outcome.test.metrics.rmse, 0, 'g', 4),
                             10000);
    return true;
}

bool MainWindow::exportPredictions(const QString& path, int horizon, double coverage)
{
    const RunRecord* run = resultsPanel_->shownRun();
    QString error = tr("no run is shown: train one or open a model first");
    if (run && writeRunPredictions(*run, provenance(), horizon, coverage, path, &error)) {
        statusBar()->showMessage(tr("Saved the predictions to %1").arg(QDir::toNativeSeparators(path)), 8000);
        return true;
    }
    showError(tr("Cannot export the predictions"), error);
    return false;
}

bool MainWindow::exportPytorchScript(const QString& path)
{
    const RunRecord* run = resultsPanel_->shownRun();
    QString error = tr("no run is shown: train one or open a model first");
    if (run && writeRunScript(*run, path, &error)) {
        statusBar()->showMessage(tr("Saved %1 and its model %2 (run: /usr/bin/python3 %1 --csv FILE --json -)")
                                     .arg(QDir::toNativeSeparators(path), QFileInfo(scriptModelPath(path)).fileName()),
                                 10000);
        return true;
    }
    showError(tr("Cannot export the script"), error);
    return false;
}

void MainWindow::exportPredictionsInteractively(bool forecast)
{
    const RunRecord* run = resultsPanel_->shownRun();
    if (!run)
        return;
    int horizon = 0;
    double coverage = 0.9;
    if (forecast) {
        bool ok = false;
        // The Results panel's horizon and coverage, as the chart shows them, unless changed here.
        const int shownHorizon = resultsPanel_->horizon() > 0 ? resultsPanel_->horizon() : 12;
        horizon = QInputDialog::getInt(this, tr("Forecast"), tr("Steps past the end of the data:"), shownHorizon, 1,
                                       10000, 1, &ok);
        if (!ok)
            return;
        coverage = QInputDialog::getDouble(this, tr("Forecast"), tr("Prediction interval coverage (0–1):"),
                                           resultsPanel_->coverage(), 0.01, 0.99, 2, &ok);
        if (!ok)
            return;
    }
    const QString name = forecast ? tr("run-%1-forecast.csv") : tr("run-%1-predictions.csv");
    const QString path = askSavePath(forecast ? tr("Export Forecast") : tr("Export Predictions"), name.arg(run->number),
                                     tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportPredictions(path, horizon, coverage);
}

void MainWindow::exportScriptInteractively()
{
    const RunRecord* run = resultsPanel_->shownRun();
    if (!run)
        return;
    const QString path
        = askSavePath(tr("Export PyTorch Script"), tr("run-%1.py").arg(run->number), tr("Python scripts (*.py)"));
    if (!path.isEmpty() && askOverwrite(scriptModelPath(path))) // the model beside it is not from the dialog
        exportPytorchScript(path);
}

bool MainWindow::askOverwrite(const QString& path) { return !interactive_ || confirmReplace(this, path); }

// A save dialog (which asks before replacing what it returns), the suffix added if missing.
QString MainWindow::askSavePath(const QString& title, const QString& name, const QString& filter)
{
    QString path = QFileDialog::getSaveFileName(this, title, QDir(lastDirectory()).filePath(name), filter);
    if (path.isEmpty())
        return {};
    path = pathWithSuffix(this, path, QFileInfo(name).suffix());
    if (path.isEmpty())
        return {};
    setLastDirectory(QFileInfo(path).absolutePath());
    return path;
}

QString MainWindow::askOpenPath(const QString& title, const QString& filter)
{
    const QString path = QFileDialog::getOpenFileName(this, title, lastDirectory(), filter + tr(";;All files (*)"));
    if (!path.isEmpty())
        setLastDirectory(QFileInfo(path).absolutePath());
    return path;
}

} // namespace rnnwb::app
