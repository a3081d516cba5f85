#include "app/teaching/inside_view.h"

#include "app/charts/plot_palette.h"
#include "app/session/qt_text.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStackedWidget>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace rnnwb::app {

using namespace Qt::StringLiterals;

namespace {

// Maps are laid out in rows of this many: 6 LSTM maps in 2 × 3, 4 GRU maps in 2 × 2.
int columnsFor(std::size_t maps) { return maps <= 1 ? 1 : maps <= 4 ? 2 : 3; }

} // namespace

InsideView::InsideView(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"insideView"_s);
    explanation_
        = new QLabel(tr("Inside the network for the chosen prediction: one column per time step, one row per hidden "
                        "unit. Gates run from 0 (closed) to 1 (open); g, c and h are tanh values around 0."),
                     this);
    explanation_->setObjectName(u"insideExplanation"_s);
    explanation_->setWordWrap(true);

    layerCombo_ = new QComboBox(this);
    layerCombo_->setObjectName(u"insideLayerCombo"_s);
    layerCombo_->setAccessibleName(tr("Layer shown"));
    stepSlider_ = new QSlider(Qt::Horizontal, this);
    stepSlider_->setObjectName(u"insideStepSlider"_s);
    stepSlider_->setAccessibleName(tr("Time step"));
    stepSlider_->setPageStep(1);
    stepLabel_ = new QLabel(this);
    stepLabel_->setObjectName(u"insideStepLabel"_s);
    stepLabel_->setAccessibleName(tr("Selected time step"));
    stepLabel_->setMinimumWidth(stepLabel_->fontMetrics().horizontalAdvance(tr("step 888 of 888 (the prediction)")));
    auto* layerLabel = new QLabel(tr("&Layer:"), this);
    layerLabel->setBuddy(layerCombo_);
    auto* stepTitle = new QLabel(tr("&Step:"), this);
    stepTitle->setBuddy(stepSlider_);
    auto* controls = new QHBoxLayout;
    controls->addWidget(layerLabel);
    controls->addWidget(layerCombo_);
    controls->addSpacing(12);
    controls->addWidget(stepTitle);
    controls->addWidget(stepSlider_, 1);
    controls->addWidget(stepLabel_);

    stack_ = new QStackedWidget(this);
    stack_->setObjectName(u"insideMaps"_s);
    placeholder_
        = new QLabel(tr("Train a model, then click a prediction on the Results chart to look inside it."), this);
    placeholder_->setObjectName(u"insidePlaceholder"_s);
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setWordWrap(true);
    stack_->addWidget(placeholder_);

    hoverLabel_ = new QLabel(tr("Point at a cell to read its value; click a column to select that step."), this);
    hoverLabel_->setObjectName(u"insideHoverLabel"_s);
    hoverLabel_->setAccessibleName(tr("Value under the pointer"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(explanation_);
    layout->addLayout(controls);
    layout->addWidget(stack_, 1);
    layout->addWidget(hoverLabel_);

    connect(layerCombo_, &QComboBox::currentIndexChanged, this, [this](int layer) {
        if (layer < 0 || std::size_t(layer) >= pages_.size())
            return;
        stack_->setCurrentIndex(layer + 1);
        replotCurrent();
        emit stepSelected(layer, selected_);
    });
    connect(stepSlider_, &QSlider::valueChanged, this, &InsideView::selectStep);
    layerCombo_->setEnabled(false);
    stepSlider_->setEnabled(false);
}

void InsideView::setExplanationVisible(bool visible) { explanation_->setVisible(visible); }

int InsideView::totalSteps() const
{
    return inspection_ && !inspection_->layers.empty() ? int(inspection_->layers.front().steps.size()) : 0;
}
int InsideView::stepCount() const { return std::min(totalSteps(), kMaxShownSteps); }
int InsideView::firstShownStep() const { return totalSteps() - stepCount(); }
int InsideView::layerCount() const { return inspection_ ? int(inspection_->layers.size()) : 0; }
int InsideView::currentLayer() const { return layerCombo_->currentIndex(); }
void InsideView::setCurrentLayer(int layer) { layerCombo_->setCurrentIndex(layer); }
int InsideView::selectedStep() const { return selected_; }
QString InsideView::hoverText() const { return hoverLabel_->text(); }

int InsideView::unitCount() const
{
    if (totalSteps() == 0 || names_.empty())
        return 0;
    return int(inspection_->layers.front().steps.front().values.at(toStd(names_.front())).size());
}

QCPColorMap* InsideView::map(int layer, const QString& name) const
{
    if (layer < 0 || std::size_t(layer) >= pages_.size())
        return nullptr;
    for (const InsideHeatmap& h : pages_[std::size_t(layer)].maps)
        if (h.name == name)
            return h.map;
    return nullptr;
}

QCPItemRect* InsideView::stepMarker(int layer, const QString& name) const
{
    if (layer < 0 || std::size_t(layer) >= pages_.size())
        return nullptr;
    for (const InsideHeatmap& h : pages_[std::size_t(layer)].maps)
        if (h.name == name)
            return h.marker;
    return nullptr;
}

// The maps of a page depend on the cell and the layer count only; the steps and units shown
// just size their data.
bool InsideView::sameStructure(const Inspection& next) const
{
    return inspection_ && inspection_->cell == next.cell && inspection_->layers.size() == next.layers.size();
}

void InsideView::setInspection(const Inspection& inspection)
{
    const bool rebuild = !sameStructure(inspection);
    const int previousTotal = totalSteps();
    inspection_ = inspection;
    names_.clear();
    for (const std::string& name : stepValueNames(inspection.cell))
        names_.push_back(toQ(name));
    if (rebuild)
        rebuildPages();
    fillMaps();
    labelAxes();
    const bool shown = stepCount() > 0;
    layerCombo_->setEnabled(shown);
    stepSlider_->setEnabled(shown);
    stack_->setCurrentIndex(shown ? std::max(currentLayer(), 0) + 1 : 0);
    // A step the user chose stays chosen while the steps are the same ones (a refresh during
    // training); one that followed the end follows it still. Another target's steps (another
    // count) start at their prediction.
    const bool followEnd = selected_ < 0 || selected_ == previousTotal - 1 || totalSteps() != previousTotal;
    const QSignalBlocker block(stepSlider_);
    stepSlider_->setRange(firstShownStep(), std::max(totalSteps() - 1, 0));
    const int step = followEnd ? totalSteps() - 1 : std::clamp(selected_, firstShownStep(), totalSteps() - 1);
    selected_ = -2; // forces the update and the signal
    selectStep(step);
}

void InsideView::clear()
{
    inspection_.reset();
    names_.clear();
    removePages();
    selected_ = -1;
    stack_->setCurrentIndex(0);
    layerCombo_->setEnabled(false);
    stepSlider_->setEnabled(false);
    stepLabel_->clear();
}

void InsideView::removePages()
{
    for (LayerPage& page : pages_)
        delete page.plot;
    pages_.clear();
    const QSignalBlocker block(layerCombo_);
    layerCombo_->clear();
}

void InsideView::rebuildPages()
{
    const int keep = std::max(currentLayer(), 0);
    removePages();
    const QSignalBlocker block(layerCombo_);
    for (int l = 0; l < layerCount(); ++l) {
        pages_.push_back(buildPage(l));
        stack_->addWidget(pages_.back().plot);
        layerCombo_->addItem(l + 1 == layerCount() && l > 0 ? tr("Layer %1 (top)").arg(l + 1)
                                                            : tr("Layer %1").arg(l + 1));
    }
    layerCombo_->setCurrentIndex(std::min(keep, layerCount() - 1));
}

InsideView::LayerPage InsideView::buildPage(int layer)
{
    LayerPage page;
    page.plot = new QCustomPlot(stack_);
    page.plot->setObjectName(u"insideLayer%1Plot"_s.arg(layer + 1));
    page.plot->setAccessibleName(tr("Heatmaps of layer %1").arg(layer + 1));
    page.plot->setMouseTracking(true);
    page.plot->plotLayout()->clear();
    const int columns = columnsFor(names_.size());
    for (std::size_t k = 0; k < names_.size(); ++k)
        page.maps.push_back(addInsideHeatmap(page.plot, names_[k], int(k) / columns, int(k) % columns));
    applyPalette(page.plot, palette());
    const std::size_t index = pages_.size();
    connect(page.plot, &QCustomPlot::mouseMove, this, [this, index](QMouseEvent* e) { hover(int(index), e); });
    connect(page.plot, &QCustomPlot::mousePress, this, [this, index](QMouseEvent* e) { click(int(index), e); });
    return page;
}

void InsideView::fillMaps()
{
    for (std::size_t l = 0; l < pages_.size(); ++l)
        for (const InsideHeatmap& h : pages_[l].maps)
            fillInsideHeatmap(h, inspection_->layers[l].steps, firstShownStep(), stepCount(), unitCount());
}

// Axis titles on the outer maps only: the bottom row names the steps, the left column the units.
void InsideView::labelAxes()
{
    const int columns = columnsFor(names_.size());
    const QString stepTitle = stepCount() < totalSteps()
                                  ? tr("time step t (the last %1 of %2 steps)").arg(stepCount()).arg(totalSteps())
                                  : tr("time step t");
    for (LayerPage& page : pages_) {
        for (std::size_t k = 0; k < page.maps.size(); ++k) {
            const int column = int(k) % columns;
            const bool bottom = int(k) + columns >= int(names_.size()); // nothing below it
            page.maps[k].rect->axis(QCPAxis::atBottom)->setLabel(bottom ? stepTitle : QString());
            page.maps[k].rect->axis(QCPAxis::atLeft)->setLabel(column == 0 ? tr("unit") : QString());
        }
    }
}

double InsideView::value(int layer, const QString& name, int step, int unit) const
{
    return inspection_->layers[std::size_t(layer)].steps[std::size_t(step)].values.at(toStd(name))[std::size_t(unit)];
}

void InsideView::selectStep(int step)
{
    if (totalSteps() == 0)
        return;
    step = std::clamp(step, firstShownStep(), totalSteps() - 1);
    if (step == selected_)
        return;
    selected_ = step;
    {
        const QSignalBlocker block(stepSlider_);
        stepSlider_->setValue(step);
    }
    moveMarkers();
    updateStepLabel();
    replotCurrent();
    emit stepSelected(std::max(currentLayer(), 0), step);
}

void InsideView::moveMarkers()
{
    for (const LayerPage& page : pages_)
        for (const InsideHeatmap& h : page.maps)
            markInsideStep(h, selected_);
}

void InsideView::updateStepLabel()
{
    const int t = selected_ + 1, total = totalSteps();
    stepLabel_->setText(t == total ? tr("step %1 of %2 (the prediction)").arg(t).arg(total)
                                   : tr("step %1 of %2").arg(t).arg(total));
}

void InsideView::replotCurrent()
{
    const int layer = currentLayer();
    if (layer >= 0 && std::size_t(layer) < pages_.size())
        pages_[std::size_t(layer)].plot->replot(QCustomPlot::rpQueuedReplot);
}

const InsideHeatmap* InsideView::heatmapAt(const LayerPage& page, const QPointF& pos, int* step, int* unit) const
{
    for (const InsideHeatmap& h : page.maps) {
        if (!h.rect->rect().contains(pos.toPoint()))
            continue;
        const int t = int(std::lround(h.rect->axis(QCPAxis::atBottom)->pixelToCoord(pos.x())));
        const int u = int(std::lround(h.rect->axis(QCPAxis::atLeft)->pixelToCoord(pos.y())));
        if (t - 1 < firstShownStep() || t > totalSteps() || u < 1 || u > unitCount())
            return nullptr;
        *step = t - 1;
        *unit = u - 1;
        return &h;
    }
    return nullptr;
}

void InsideView::hover(int layer, QMouseEvent* event)
{
    const LayerPage& page = pages_[std::size_t(layer)];
    int step = 0, unit = 0;
    const InsideHeatmap* h = heatmapAt(page, event->position(), &step, &unit);
    if (!h) {
        page.plot->setToolTip(QString());
        return;
    }
    const double v = value(layer, h->name, step, unit);
    const QString text = tr("%1 — step %2, unit %3: %4")
                             .arg(insideValueTitle(h->name))
                             .arg(step + 1)
                             .arg(unit + 1)
                             .arg(locale().toString(v, 'f', 4));
    hoverLabel_->setText(text);
    page.plot->setToolTip(text);
    QToolTip::showText(event->globalPosition().toPoint(), text, page.plot);
}

void InsideView::click(int layer, QMouseEvent* event)
{
    int step = 0, unit = 0;
    if (event->button() == Qt::LeftButton && heatmapAt(pages_[std::size_t(layer)], event->position(), &step, &unit))
        selectStep(step);
}

void InsideView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        for (LayerPage& page : pages_) {
            applyPalette(page.plot, palette());
            page.plot->replot(QCustomPlot::rpQueuedReplot);
        }
    }
}

} // namespace rnnwb::app
