#include "app/shell/app_actions.h"

#include <QStyle>
#include <QWidget>

namespace rnnwb::app {

namespace {
QAction* make(QWidget* window, const QString& text, const QKeySequence& key, const QString& tip,
              QStyle::StandardPixmap icon = QStyle::SP_CustomBase)
{
    auto* action = new QAction(text, window);
    if (!key.isEmpty()) {
        action->setShortcut(key);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    } else {
        action->setToolTip(tip);
    }
    action->setStatusTip(tip);
    if (icon != QStyle::SP_CustomBase)
        action->setIcon(window->style()->standardIcon(icon));
    window->addAction(action); // shortcuts work wherever the focus is in the window
    return action;
}
} // namespace

AppActions createAppActions(QWidget* w)
{
    AppActions a;
    a.open = make(w, QWidget::tr("&Open CSV…"), QKeySequence::Open, QWidget::tr("Open a CSV file"),
                  QStyle::SP_DialogOpenButton);
    a.exportCharts = make(w, QWidget::tr("&Export Charts…"), QKeySequence(QStringLiteral("Ctrl+E")),
                          QWidget::tr("Save every chart as PNG, SVG and PDF into a folder"));
    a.saveReport = make(w, QWidget::tr("S&ave Run Report…"), QKeySequence::Save,
                        QWidget::tr("Save the shown run as JSON, the same report as rnnwb train --json"),
                        QStyle::SP_DialogSaveButton);
    a.openProject = make(w, QWidget::tr("Open &Project…"), QKeySequence(QStringLiteral("Ctrl+Shift+O")),
                         QWidget::tr("Open a saved session (.rnnwb): data, hyperparameters and runs"));
    a.saveProject
        = make(w, QWidget::tr("Sa&ve Project…"), QKeySequence(QStringLiteral("Ctrl+Shift+S")),
               QWidget::tr("Save this session (.rnnwb): data file and its SHA-256, hyperparameters and runs"));
    a.openModel = make(w, QWidget::tr("Open &Model…"), QKeySequence(),
                       QWidget::tr("Apply a saved model (.safetensors) to the current data, without training"));
    a.saveModel = make(w, QWidget::tr("Save Mo&del…"), QKeySequence(),
                       QWidget::tr("Save the shown run's model as safetensors, with its complete metadata"));
    a.exportPredictions = make(w, QWidget::tr("Export Predictio&ns…"), QKeySequence(),
                               QWidget::tr("Save the shown run's predictions of every part as CSV"));
    a.exportForecast = make(w, QWidget::tr("Export &Forecast…"), QKeySequence(),
                            QWidget::tr("Save the predictions and a forecast past the data's end, with its "
                                        "prediction interval, as CSV"));
    a.exportScript = make(w, QWidget::tr("Export Py&Torch Script…"), QKeySequence(),
                          QWidget::tr("Save a standalone Python script (numpy + torch) and the model it loads"));
    a.rerunVerify = make(w, QWidget::tr("Re-run and &Verify"), QKeySequence(),
                         QWidget::tr("Train the shown run's configuration again on its data and check that the "
                                     "loss curve is identical"));
    a.backtest = make(w, QWidget::tr("&Backtest…"), QKeySequence(Qt::CTRL | Qt::Key_B),
                      QWidget::tr("Evaluate these hyperparameters from several rolling origins over the test part, "
                                  "with or without retraining at each"));
    a.sweep = make(w, QWidget::tr("S&weep…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
                   QWidget::tr("Train every combination of up to two hyperparameters' values, in parallel"));
    a.quit = make(w, QWidget::tr("&Quit"), QKeySequence::Quit, QWidget::tr("Quit RNN Workbench"));
    a.train = make(w, QWidget::tr("&Train"), QKeySequence(Qt::Key_F5),
                   QWidget::tr("Train a new network with these hyperparameters"), QStyle::SP_MediaPlay);
    a.pause = make(w, QWidget::tr("&Pause"), QKeySequence(Qt::Key_F6),
                   QWidget::tr("Pause or resume the training after the current epoch"), QStyle::SP_MediaPause);
    a.pause->setCheckable(true);
    a.stop = make(w, QWidget::tr("St&op"), QKeySequence(Qt::Key_Escape),
                  QWidget::tr("Stop the training now; the run is kept as it stands"), QStyle::SP_MediaStop);
    a.step = make(w, QWidget::tr("&Step"), QKeySequence(Qt::Key_F10), QWidget::tr("Train one epoch, then wait"),
                  QStyle::SP_MediaSkipForward);
    a.focusData
        = make(w, QWidget::tr("&Data"), QKeySequence(QStringLiteral("Ctrl+1")), QWidget::tr("Go to the Data panel"));
    a.focusHyper = make(w, QWidget::tr("&Hyperparameters"), QKeySequence(QStringLiteral("Ctrl+2")),
                        QWidget::tr("Go to the Hyperparameters panel"));
    a.focusTraining = make(w, QWidget::tr("T&raining"), QKeySequence(QStringLiteral("Ctrl+3")),
                           QWidget::tr("Go to the Training panel"));
    a.focusResults = make(w, QWidget::tr("R&esults"), QKeySequence(QStringLiteral("Ctrl+4")),
                          QWidget::tr("Go to the Results panel"));
    a.focusTeaching = make(w, QWidget::tr("&Inside the Network"), QKeySequence(QStringLiteral("Ctrl+5")),
                           QWidget::tr("Go to the teaching views: architecture, cell, heatmaps, gradient flow"));
    a.resetLayout
        = make(w, QWidget::tr("Reset &Layout"), QKeySequence(), QWidget::tr("Put every panel back in its place"));
    a.about = make(w, QWidget::tr("&About RNN Workbench"), QKeySequence(), QWidget::tr("Version and credits"));
    return a;
}

} // namespace rnnwb::app
