#pragma once
// The window's actions with their shortcuts, icons and tips: created in one place, placed in
// menus, the toolbar and panels by MainWindow.
#include <QAction>

namespace rnnwb::app {

struct AppActions {
    QAction* open = nullptr;         // Ctrl+O
    QAction* exportCharts = nullptr; // Ctrl+E
    QAction* saveReport = nullptr;   // Ctrl+S
    QAction* openProject = nullptr;  // Ctrl+Shift+O
    QAction* saveProject = nullptr;  // Ctrl+Shift+S
    QAction* openModel = nullptr;
    QAction* saveModel = nullptr;
    QAction* exportPredictions = nullptr;
    QAction* exportForecast = nullptr;
    QAction* exportScript = nullptr;
    QAction* rerunVerify = nullptr;
    QAction* backtest = nullptr;  // Ctrl+B
    QAction* sweep = nullptr;     // Ctrl+Shift+W
    QAction* quit = nullptr;      // Ctrl+Q
    QAction* train = nullptr;     // F5
    QAction* pause = nullptr;     // F6, checkable: checked = paused
    QAction* stop = nullptr;      // Esc
    QAction* step = nullptr;      // F10
    QAction* focusData = nullptr; // Ctrl+1 … Ctrl+5
    QAction* focusHyper = nullptr;
    QAction* focusTraining = nullptr;
    QAction* focusResults = nullptr;
    QAction* focusTeaching = nullptr;
    QAction* resetLayout = nullptr;
    QAction* about = nullptr;
};

AppActions createAppActions(QWidget* window);

} // namespace rnnwb::app
