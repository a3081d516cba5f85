#pragma once
// Keyboard and mouse navigation for a QCustomPlot: drag to pan, wheel to zoom, and with the
// plot focused (Tab) +/- zoom, the arrow keys pan, 0 or Home (or a double-click) fit the data.
#include <QObject>

#include <functional>

class QCustomPlot;

namespace rnnwb::app {

class PlotNavigator : public QObject {
    Q_OBJECT
public:
    // `fit` rescales the axes to the data (and replots).
    PlotNavigator(QCustomPlot* plot, std::function<void()> fit);

signals:
    void userNavigated(); // the user zoomed or panned: stop following new data

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool handleKey(int key);
    void zoom(double factor);
    void pan(double dxFraction, double dyFraction);

    QCustomPlot* plot_;
    std::function<void()> fit_;
};

} // namespace rnnwb::app
