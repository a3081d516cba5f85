// MainWindow's menus, toolbar and the actions that open dialogs (file choosers, export,
// report, about), kept apart from the panel wiring in main_window.cpp.
#include "app/shell/main_window.h"

#include "app/panels/data_panel.h"
#include "app/panels/hyper_panel.h"
#include "app/panels/results_panel.h"
#include "app/panels/training_panel.h"
#include "app/session/bundled_data.h"
#include "app/session/data_document.h"
#include "app/session/report_file.h"
#include "app/shell/about_dialog.h"
#include "app/shell/app_options.h"
#include "app/shell/app_settings.h"
#include "app/shell/color_scheme.h"
#include "app/shell/recent_files.h"
#include "app/shell/samples_menu.h"
#include "app/shell/translations.h"
#include "app/teaching/teaching_panel.h"

#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

namespace rnnwb::app {

void MainWindow::createMenus()
{
    QMenu* samples = createSamplesMenu(
        this, [this](const QString& path) { openBundled(path); },
        [this](const TeachingSeries& t) {
            if (!controller_->busy())
                document_->setGenerated(tr("%1 (generated)").arg(QString(t.title).remove(u'&')), t.generate(), t.hint);
        });
    samplesMenu_ = samples;
    dataPanel_->setSamplesMenu(samples);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(actions_.open);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    recent_ = new RecentFiles(recentMenu_, this);
    file->addMenu(samples);
    QMenu* training = menuBar()->addMenu(tr("&Training"));
    training->addActions({actions_.train, actions_.pause, actions_.stop, actions_.step});
    createFileActions(file, training);
    createAnalysisActions(training);

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(actions_.open);
    toolbar->addSeparator();
    toolbar->addActions({actions_.train, actions_.pause, actions_.stop, actions_.step});

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addActions({actions_.focusData, actions_.focusHyper, actions_.focusTraining, actions_.focusResults,
                      actions_.focusTeaching});
    view->addSeparator();
    view->addActions({hyperDock_->toggleViewAction(), trainingDock_->toggleViewAction(), toolbar->toggleViewAction()});
    view->addAction(actions_.resetLayout);
    view->addSeparator();
    view->addMenu(createColorSchemeMenu(this));
    view->addMenu(createLanguageMenu(this));
    createHelpMenu();

    connect(actions_.open, &QAction::triggered, this, &MainWindow::chooseFile);
    connect(recent_, &RecentFiles::chosen, this, &MainWindow::openPath);
    connect(actions_.exportCharts, &QAction::triggered, this, &MainWindow::exportChartsInteractively);
    connect(actions_.saveReport, &QAction::triggered, this, &MainWindow::saveReportInteractively);
    connect(actions_.quit, &QAction::triggered, this, &QWidget::close);
    connect(actions_.focusData, &QAction::triggered, this, [this] { focusPanel(dataPanel_, nullptr); });
    connect(actions_.focusHyper, &QAction::triggered, this, [this] { focusPanel(hyperPanel_, hyperDock_); });
    connect(actions_.focusTraining, &QAction::triggered, this, [this] { focusPanel(trainingPanel_, trainingDock_); });
    connect(actions_.focusResults, &QAction::triggered, this, [this] { focusPanel(resultsPanel_, nullptr); });
    connect(actions_.focusTeaching, &QAction::triggered, this, [this] { focusPanel(teachingPanel_, nullptr); });
    connect(actions_.resetLayout, &QAction::triggered, this, &MainWindow::restoreDefaultLayout);
    connect(actions_.about, &QAction::triggered, this, [this] { showAboutDialog(this); });
}

void MainWindow::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open CSV"), lastDirectory(),
                                                      tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty())
        openDataFile(path);
}

void MainWindow::exportChartsInteractively()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Charts To"), lastDirectory());
    if (dir.isEmpty())
        return;
    QStringList existing; // the folder dialog does not ask about the files inside
    for (const ChartRef& chart : charts())
        for (const char* suffix : {".png", ".svg", ".pdf"})
            if (QFileInfo::exists(QDir(dir).filePath(chart.name + QLatin1String(suffix))))
                existing << chart.name + QLatin1String(suffix);
    if (!existing.isEmpty()
        && QMessageBox::question(this, tr("Replace Files?"),
                                 tr("%1 already holds %2. Replace them?")
                                     .arg(QDir::toNativeSeparators(dir), existing.join(QStringLiteral(", "))),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
               != QMessageBox::Yes)
        return;
    flushPlots();
    QString error;
    const QStringList files = exportCharts(
        charts(), dir, [this](const QString& name) { return chartProvenance(name); }, &error);
    if (!error.isEmpty())
        showError(tr("Export failed"), error);
    else
        statusBar()->showMessage(tr("Saved %n file(s) in %1", nullptr, int(files.size())).arg(dir), 8000);
}

void MainWindow::saveReportInteractively()
{
    const RunRecord* run = resultsPanel_->shownRun();
    if (!run)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Run Report"), lastDirectory() + tr("/run-%1.json").arg(run->number), tr("JSON (*.json)"));
    QString error;
    if (!path.isEmpty() && !writeRunReport(run->outcome, path, &error))
        showError(tr("Cannot save the report"), error);
}

// Help: the explanation of each teaching view (each opens the view, its explanation below it),
// then About.
void MainWindow::createHelpMenu()
{
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    const QStringList views = {tr("How the Network Is &Built (Architecture)"), tr("How a &Cell Works"),
                               tr("What Happens &Inside (Heatmaps)"), tr("Why Gradients &Vanish (Gradient Flow)"),
                               tr("What the &Parameters Look Like")};
    for (int i = 0; i < views.size(); ++i) {
        QAction* action = help->addAction(views[i]);
        action->setStatusTip(tr("Open this teaching view with its explanation"));
        connect(action, &QAction::triggered, this, [this, i] {
            focusPanel(teachingPanel_, nullptr);
            teachingPanel_->views()->setCurrentIndex(i);
        });
    }
    help->addSeparator();
    help->addAction(actions_.about);
}

bool MainWindow::showView(const QString& name)
{
    const int view = appViews().indexOf(name);
    if (view < 0)
        return false;
    if (view < 2) {
        focusPanel(view == 0 ? static_cast<QWidget*>(dataPanel_) : resultsPanel_, nullptr);
        return true;
    }
    focusPanel(teachingPanel_, nullptr);
    teachingPanel_->views()->setCurrentIndex(view - 2);
    return true;
}

void MainWindow::focusPanel(QWidget* panel, QDockWidget* dock)
{
    if (dock) {
        dock->show();
        dock->raise();
    } else {
        tabs_->setCurrentWidget(panel);
    }
    panel->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::restoreDefaultLayout()
{
    restoreState(defaultLayout_);
    hyperDock_->show();
    trainingDock_->show();
}

} // namespace rnnwb::app
