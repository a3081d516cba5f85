// The Training menu's analyses of the current hyperparameters: a rolling-origin backtest and
// a hyperparameter sweep, each in its own dialog working off the GUI thread.
#include "app/panels/results_panel.h"
#include "app/shell/backtest_dialog.h"
#include "app/shell/main_window.h"
#include "app/shell/sweep_dialog.h"

#include <QMenu>

namespace rnnwb::app {

void MainWindow::createAnalysisActions(QMenu* training)
{
    training->addSeparator();
    training->addActions({actions_.backtest, actions_.sweep});
    connect(actions_.backtest, &QAction::triggered, this, [this] {
        if (!document_->series())
            return;
        auto* dialog = new BacktestDialog(currentRequest(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    connect(actions_.sweep, &QAction::triggered, this, [this] {
        if (!document_->series())
            return;
        auto* dialog = new SweepDialog(currentRequest(), document_->label(), document_->plotSeries(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &SweepDialog::runFinished, this,
                [this, source = document_->source()](const RunRecord& run) { addRunFrom(source, run); });
        dialog->show();
    });
}

} // namespace rnnwb::app
