// MainWindow's projects (.rnnwb) and Re-run and Verify (session/rerun_verify.h): the session
// saved and restored, and a run trained again to show that its loss curve comes back bit for bit.
#include "app/shell/main_window.h"

#include "app/panels/results_panel.h"
#include "app/session/data_document.h"
#include "app/session/project_file.h"
#include "app/session/qt_text.h"
#include "app/session/rerun_verify.h"
#include "app/shell/recent_files.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>

namespace rnnwb::app {

bool MainWindow::saveProjectFile(const QString& path)
{
    const DataSource& source = document_->source();
    if (source.path.isEmpty()) {
        showError(tr("Cannot save the project"),
                  tr("%1: a project refers to its data file, and %2 is generated: save it as CSV and open that file")
                      .arg(QDir::toNativeSeparators(path), document_->label()));
        return false;
    }
    Project project;
    project.datasetPath = toStd(source.path.startsWith(u':') ? source.path : QFileInfo(source.path).absoluteFilePath());
    project.datasetRelative = toStd(relativeDatasetPath(source.path, path));
    project.datasetSha256 = toStd(source.sha256);
    project.config = effectiveConfig();
    int skipped = 0;
    RunListModel* runs = resultsPanel_->runs();
    for (int row = 0; row < runs->count(); ++row) {
        const RunRecord& run = runs->run(row);
        if (run.source == source)
            project.runs.push_back(projectRun(run));
        else
            ++skipped;
    }
    try {
        saveProject(toLocalPath(path), project);
    } catch (const std::exception& e) {
        showError(tr("Cannot save the project"), toQ(e.what()));
        return false;
    }
    QString message = tr("Saved the project %1 with %n run(s)", nullptr, int(project.runs.size()))
                          .arg(QDir::toNativeSeparators(path));
    if (skipped > 0)
        message += tr(" (%n run(s) made on other data not included)", nullptr, skipped);
    statusBar()->showMessage(message, 10000);
    return true;
}

bool MainWindow::openProjectFile(const QString& path)
{
    if (controller_->busy()) {
        showError(tr("Cannot open the project"), tr("Training is running: stop it first (Esc)."));
        return false;
    }
    Project project;
    try {
        project = loadProject(toLocalPath(path));
    } catch (const std::exception& e) {
        showError(tr("Cannot open the project"), toQ(e.what()));
        return false;
    }
    const QString dataset = locateDataset(project, path);
    const QString savedPath = QDir::toNativeSeparators(toQ(project.datasetPath));
    if (dataset.isEmpty() || !openDataFile(dataset)) {
        applyConfig(project.config);
        const QString warning = tr("%1: its dataset %2 is missing or unreadable; the hyperparameters are restored, the "
                                   "%n run(s) are not",
                                   nullptr, int(project.runs.size()))
                                    .arg(QDir::toNativeSeparators(path), savedPath);
        showError(tr("Project dataset missing"), warning);
        emit projectOpened(path, warning);
        return true;
    }
    QStringList warnings;
    if (document_->source().sha256 != toQ(project.datasetSha256))
        warnings << tr("%1 has changed since the project was saved (its SHA-256 differs): the runs are evaluated on "
                       "the file as it is now, and their results may differ")
                        .arg(QDir::toNativeSeparators(dataset));
    applyConfig(project.config);
    resultsPanel_->clearRuns(); // the project's runs replace the session's
    for (std::size_t k = 0; k < project.runs.size(); ++k) {
        const ProjectRun& saved = project.runs[k];
        QString error = tr("it predicts the column '%1', not the one shown").arg(toQ(saved.model.columnName));
        document_->setMissingPolicy(saved.model.config.missing);
        std::optional<RunRecord> run;
        if (document_->setColumnSpec(saved.model.columnName) && document_->plotSeries())
            run = restoreRun(saved, document_->plotSeries(), document_->reportName(), &error);
        if (run)
            addRunFrom(document_->source(), std::move(*run));
        else
            warnings << tr("run %1 of the project was not restored: %2").arg(k + 1).arg(error);
    }
    applyConfig(project.config); // the column and missing policy of the session, after the runs'
    recent_->add(path);
    const QString warning = warnings.join(u'\n');
    if (!warning.isEmpty())
        showError(tr("Project opened with warnings"), tr("%1: %2").arg(QDir::toNativeSeparators(path), warning));
    else
        statusBar()->showMessage(tr("Opened the project %1: %n run(s)", nullptr, int(project.runs.size()))
                                     .arg(QDir::toNativeSeparators(path)),
                                 10000);
    emit projectOpened(path, warning);
    return true;
}

bool MainWindow::rerunAndVerify(QString* reason)
{
    if (controller_->busy()) {
        if (reason)
            *reason = tr("training is already running");
        return false;
    }
    const RunRecord* run = resultsPanel_->shownRun();
    std::optional<Rerun> rerun = prepareRerun(run, reason);
    if (!rerun)
        return false;
    sessionSource_ = run->source;
    sessionSeries_ = run->series;
    sessionLabel_ = tr("%1 (re-run of run %2)").arg(run->dataLabel).arg(run->number);
    verifying_ = rerun->original;
    controller_->start(rerun->request);
    return true;
}

void MainWindow::reportVerification(const RunOutcome& outcome)
{
    const VerificationResult result = verifyRerun(*verifying_, resultsPanel_->shownRun()->number, outcome);
    verifying_.reset();
    statusBar()->showMessage(result.message, 15000);
    if (interactive_) {
        auto* box = new QMessageBox(result.identical ? QMessageBox::Information : QMessageBox::Warning,
                                    tr("Re-run and Verify"), result.message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit verificationDone(result.identical, result.message);
}

} // namespace rnnwb::app
