#pragma once
// The inside view: what every layer computed on the way to one prediction, as
// heatmaps of time step × hidden unit, one per recorded value (core/inspect/inspect.h):
//   LSTM  i f g o c h     GRU  r z n h     RNN  h
// Sigmoid gates are drawn on a 0 … 1 sequential scale, tanh values (g, n, h) on a −1 … 1
// diverging one, the cell state c on a diverging scale symmetric around 0 at its largest |c|.
//
// One layer at a time (a combo chooses it), so the maps stay legible in a small window.
// Steps are numbered for the user as t = 1 … T (the prediction is made at step T) and units as
// u = 1 … H; a map's cell (k, u−1) holds step firstShownStep() + k. The API's `step` is an
// index into Inspection::layers[l].steps (0-based), as the cell view needs it. Long sequences
// (the features layout runs a whole part) show their last kMaxShownSteps steps only.
//
// A step is selected with the slider or by clicking a column; a frame marks it on every map
// of every layer, and stepSelected(layer, step) tells the cell view. Hovering a cell shows
// "step t, unit u: value" below the maps and as a tooltip.
#include "app/teaching/inside_heatmap.h"
#include "core/inspect/inspect.h"

#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QCPColorMap;
class QCPItemRect;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QSlider;
class QStackedWidget;

namespace rnnwb::app {

class InsideView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxShownSteps = 200;

    explicit InsideView(QWidget* parent = nullptr);

    // Keeps the chosen layer, and the chosen step when it is still shown; otherwise the last
    // step (the prediction's) is selected.
    void setInspection(const Inspection& inspection);
    // The short explanation under (or over) the chart; a panel that explains the view itself hides it.
    void setExplanationVisible(bool visible);
    // Back to the placeholder (no model).
    void clear();

    int stepCount() const;      // steps shown on a map (≤ kMaxShownSteps)
    int totalSteps() const;     // steps of the inspection
    int firstShownStep() const; // index of the first shown step
    int unitCount() const;
    int layerCount() const;
    int currentLayer() const;
    void setCurrentLayer(int layer);
    // The heatmap of one recorded value ("f", "c", …) of a layer; nullptr when there is none.
    QCPColorMap* map(int layer, const QString& name) const;
    // The frame around the selected step's column on that map.
    QCPItemRect* stepMarker(int layer, const QString& name) const;
    // Selects a step (clamped to the shown ones); emits stepSelected when it changes.
    void selectStep(int step);
    int selectedStep() const;
    QString hoverText() const;

signals:
    // A step was selected, or another layer shown (layer 0-based, step an index into its steps).
    void stepSelected(int layer, int step);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct LayerPage {
        QCustomPlot* plot = nullptr;
        std::vector<InsideHeatmap> maps;
    };

    bool sameStructure(const Inspection& inspection) const;
    void removePages();
    void rebuildPages();
    LayerPage buildPage(int layer);
    void fillMaps();
    void labelAxes();
    void moveMarkers();
    void updateStepLabel();
    void replotCurrent();
    void hover(int layer, QMouseEvent* event);
    void click(int layer, QMouseEvent* event);
    // The heatmap under a pixel of the page, and the (step, unit) cell there.
    const InsideHeatmap* heatmapAt(const LayerPage& page, const QPointF& pos, int* step, int* unit) const;
    double value(int layer, const QString& name, int step, int unit) const;

    std::optional<Inspection> inspection_;
    std::vector<QString> names_;
    std::vector<LayerPage> pages_;
    int selected_ = -1;
    QComboBox* layerCombo_;
    QSlider* stepSlider_;
    QLabel* stepLabel_;
    QLabel* hoverLabel_;
    QLabel* explanation_;
    QStackedWidget* stack_;
    QLabel* placeholder_;
};

} // namespace rnnwb::app
