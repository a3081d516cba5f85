#include "app/teaching/teaching_panel.h"

#include "app/teaching/architecture_view.h"
#include "app/teaching/cell_view.h"
#include "app/teaching/gradient_flow_chart.h"
#include "app/teaching/inside_view.h"
#include "app/teaching/parameter_histograms.h"
#include "app/teaching/teaching_texts.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCoreApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace rnnwb::app {

namespace {
QLabel* wrappedLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    return label;
}

QString partTitle(Part part)
{
    switch (part) {
    case Part::Train: return TeachingPanel::tr("training part");
    case Part::Validation: return TeachingPanel::tr("validation part");
    case Part::Test: return TeachingPanel::tr("test part");
    }
    return {};
}

QString number(double value) { return QString::number(value, 'g', 4); }
} // namespace

TeachingPanel::TeachingPanel(QWidget* parent)
    : QWidget(parent), job_(this, computeTeachingSnapshot, [this](const TeachingSnapshot& s) { onSnapshot(s); }),
      comparison_(new CellComparison(this))
{
    qRegisterMetaType<TeachingSnapshot>();
    setObjectName(QStringLiteral("teachingPanel"));
    views_ = new QTabWidget(this);
    views_->setObjectName(QStringLiteral("teachingViews"));
    views_->setDocumentMode(true);
    architecture_ = new ArchitectureView(this);
    cellView_ = new CellView(this);
    inside_ = new InsideView(this);
    histograms_ = new ParameterHistograms(this);
    inside_->setExplanationVisible(false); // the panel's explanation says it, once, below every view
    histograms_->setExplanationVisible(false);
    views_->addTab(createArchitectureTab(), tr("Architecture"));
    views_->addTab(cellView_, tr("Cell"));
    views_->addTab(inside_, tr("Inside (heatmaps)"));
    views_->addTab(createGradientTab(), tr("Gradient flow"));
    views_->addTab(histograms_, tr("Parameters"));
    explanation_ = wrappedLabel(this);
    explanation_->setObjectName(QStringLiteral("teachingExplanation"));
    explanation_->setAccessibleName(tr("Explanation of the view"));
    explanation_->setFrameShape(QFrame::StyledPanel);
    explanation_->setMargin(6);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(createControls());
    layout->addWidget(views_, 1);
    layout->addWidget(explanation_);

    connect(views_, &QTabWidget::currentChanged, this, &TeachingPanel::updateExplanation);
    connect(inside_, &InsideView::stepSelected, this, [this](int layer, int step) {
        if (layer >= 0 && layer < layerBox_->count())
            layerBox_->setCurrentIndex(layer);
        showStep(step);
    });
    connect(comparison_, &CellComparison::progress, this, [this](int done, int total) {
        comparisonLabel_->setText(
            tr("Training RNN, GRU and LSTM on the long-memory series: %1 of %2 done…").arg(done).arg(total));
    });
    connect(comparison_, &CellComparison::finished, this, &TeachingPanel::onComparison);
    connect(comparison_, &CellComparison::failed, this, [this](const QString& message) {
        comparisonLabel_->setText(tr("A comparison run failed: %1").arg(message.toHtmlEscaped()));
    });
    updateExplanation();
    sourceLabel_->setText(tr("Train a network (or open a model) to see inside it"));
}

TeachingPanel::~TeachingPanel() { job_.waitForFinished(); }

QWidget* TeachingPanel::createControls()
{
    auto* box = new QWidget(this);
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    sourceLabel_ = new QLabel(box); // beside the view tabs: the views keep the height
    sourceLabel_->setObjectName(QStringLiteral("teachingSource"));
    sourceLabel_->setTextFormat(Qt::RichText);
    views_->setCornerWidget(sourceLabel_, Qt::TopRightCorner);

    targetBox_ = new QSpinBox(box);
    targetBox_->setObjectName(QStringLiteral("teachingTarget"));
    targetBox_->setAccessibleName(tr("Series index of the prediction to look inside"));
    targetBox_->setToolTip(tr("The series index whose prediction the views follow. Click a point of the Results "
                              "chart to choose it there."));
    targetBox_->setEnabled(false);
    auto* targetLabel = new QLabel(tr("&Prediction of index:"), box);
    targetLabel->setBuddy(targetBox_);
    layerBox_ = new QComboBox(box);
    layerBox_->setObjectName(QStringLiteral("teachingLayer"));
    layerBox_->setAccessibleName(tr("Layer shown in the cell view"));
    auto* layerLabel = new QLabel(tr("&Layer:"), box);
    layerLabel->setBuddy(layerBox_);
    stepSlider_ = new QSlider(Qt::Horizontal, box);
    stepSlider_->setObjectName(QStringLiteral("teachingStep"));
    stepSlider_->setAccessibleName(tr("Time step shown in the cell view"));
    stepSlider_->setMinimumWidth(160);
    auto* stepTitle = new QLabel(tr("&Time step:"), box);
    stepTitle->setBuddy(stepSlider_);
    stepLabel_ = new QLabel(box);
    stepLabel_->setMinimumWidth(stepLabel_->fontMetrics().horizontalAdvance(QStringLiteral("t = 0000 / 0000")));
    refreshBox_ = new QSpinBox(box);
    refreshBox_->setObjectName(QStringLiteral("teachingRefresh"));
    refreshBox_->setRange(1, 1000);
    refreshBox_->setValue(1);
    refreshBox_->setSuffix(tr(" epoch(s)"));
    refreshBox_->setAccessibleName(tr("Refresh the views during training every N epochs"));
    refreshBox_->setToolTip(tr("During training the views follow the weights at most every N epochs (and at most "
                               "as often as the live predictions are drawn). Step always refreshes them."));
    auto* refreshLabel = new QLabel(tr("&Refresh every:"), box);
    refreshLabel->setBuddy(refreshBox_);

    grid->addWidget(targetLabel, 0, 0);
    grid->addWidget(targetBox_, 0, 1);
    grid->addWidget(layerLabel, 0, 2);
    grid->addWidget(layerBox_, 0, 3);
    grid->addWidget(stepTitle, 0, 4);
    grid->addWidget(stepSlider_, 0, 5);
    grid->addWidget(stepLabel_, 0, 6);
    auto* refreshRow = new QHBoxLayout;
    refreshRow->addWidget(refreshLabel);
    refreshRow->addWidget(refreshBox_);
    grid->addLayout(refreshRow, 0, 7);
    grid->setColumnStretch(5, 1);
    cellControls_ = {layerLabel, layerBox_, stepTitle, stepSlider_, stepLabel_};

    connect(targetBox_, &QSpinBox::editingFinished, this, [this] { selectTarget(std::size_t(targetBox_->value())); });
    connect(layerBox_, &QComboBox::currentIndexChanged, this, [this] { showStep(stepSlider_->value()); });
    connect(stepSlider_, &QSlider::valueChanged, this, &TeachingPanel::showStep);
    return box;
}

QWidget* TeachingPanel::createArchitectureTab()
{
    auto* tab = new QWidget(this);
    auto* folded = new QRadioButton(tr("&Folded (X → S → O with the loop W)"), tab);
    auto* unrolled = new QRadioButton(tr("&Unrolled over the window"), tab);
    folded->setObjectName(QStringLiteral("architectureFolded"));
    unrolled->setObjectName(QStringLiteral("architectureUnrolled"));
    folded->setAccessibleName(tr("Show the folded network"));
    unrolled->setAccessibleName(tr("Show the network unrolled over the window"));
    folded->setChecked(true);
    modeGroup_ = new QButtonGroup(tab);
    modeGroup_->addButton(folded, int(ArchitectureView::Mode::Folded));
    modeGroup_->addButton(unrolled, int(ArchitectureView::Mode::Unrolled));
    connect(modeGroup_, &QButtonGroup::idClicked, this,
            [this](int id) { architecture_->setMode(ArchitectureView::Mode(id)); });
    auto* row = new QHBoxLayout;
    row->addWidget(folded);
    row->addWidget(unrolled);
    row->addStretch();
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(row);
    layout->addWidget(architecture_, 1);
    return tab;
}

QWidget* TeachingPanel::createGradientTab()
{
    auto* tab = new QWidget(this);
    gradientChart_ = new GradientFlowChart(tab);
    gradientChart_->setObjectName(QStringLiteral("gradientFlowChart"));
    gradientChart_->setExplanationVisible(false);
    compareButton_ = new QPushButton(tr("&Compare cells: train RNN, GRU and LSTM"), tab);
    compareButton_->setObjectName(QStringLiteral("compareCells"));
    compareButton_->setAccessibleName(tr("Compare the RNN, GRU and LSTM cells"));
    compareButton_->setToolTip(tr("Trains a plain RNN, a GRU and an LSTM with your optimizer and learning rate on "
                                  "the long-memory teaching series (sequence layout, window 25, 1 layer of 32 units, "
                                  "200 epochs) and shows their gradient flow side by side."));
    connect(compareButton_, &QPushButton::clicked, this, &TeachingPanel::startComparison);
    comparisonLabel_ = wrappedLabel(tab);
    comparisonLabel_->setObjectName(QStringLiteral("comparisonSummary"));
    gradientCharts_ = new QSplitter(Qt::Horizontal, tab);
    gradientCharts_->addWidget(gradientChart_);
    auto* row = new QHBoxLayout;
    row->addWidget(compareButton_);
    row->addWidget(comparisonLabel_, 1);
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(row);
    layout->addWidget(gradientCharts_, 1);
    return tab;
}

void TeachingPanel::setConfig(const TrainConfig& config)
{
    config_ = config;
    architecture_->setConfig(config);
    if (!model_) {
        cellView_->setCellType(config.cell);
        updateExplanation();
    }
}

void TeachingPanel::showModel(std::shared_ptr<const TimedSeries> series, const Model& model, const QString& source)
{
    if (series != series_)
        target_.reset(); // another series: its own last prediction
    series_ = std::move(series);
    model_ = model;
    source_ = source;
    request();
}

void TeachingPanel::showTrainingModel(std::shared_ptr<const TimedSeries> series, const Model& model, int epoch)
{
    if (epoch < lastRefreshEpoch_)
        lastRefreshEpoch_ = 0; // a new session
    if (lastRefreshEpoch_ > 0 && epoch - lastRefreshEpoch_ < refreshBox_->value())
        return;
    lastRefreshEpoch_ = epoch;
    showModel(std::move(series), model, tr("epoch %1 of the training").arg(epoch));
}

void TeachingPanel::selectTarget(std::size_t index)
{
    target_ = index;
    request();
}

void TeachingPanel::selectTargetAt(double x)
{
    if (!series_ || series_->x.empty())
        return;
    const auto& xs = series_->x;
    auto it = std::lower_bound(xs.begin(), xs.end(), x);
    if (it == xs.end() || (it != xs.begin() && std::abs(*(it - 1) - x) < std::abs(*it - x)))
        --it;
    selectTarget(std::size_t(it - xs.begin()));
}

std::optional<std::size_t> TeachingPanel::selectedTarget() const
{
    if (!snapshot_.inspection)
        return std::nullopt;
    return snapshot_.inspection->targetIndex;
}

void TeachingPanel::waitForSnapshot()
{
    // The result reaches onSnapshot through an event the worker posts once it has finished.
    while (job_.busy()) {
        job_.waitForFinished();
        QCoreApplication::processEvents();
        if (job_.busy())
            QThread::msleep(1);
    }
}

void TeachingPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (stale_)
        request();
}

void TeachingPanel::request()
{
    if (!series_ || !model_)
        return;
    stale_ = !isVisible();
    if (stale_)
        return; // computed when the tab is shown
    job_.request({series_, *model_, target_, source_});
}

void TeachingPanel::onSnapshot(const TeachingSnapshot& snapshot)
{
    snapshot_ = snapshot;
    if (!snapshot.inspection) {
        sourceLabel_->setText(tr("Cannot look inside %1: %2").arg(snapshot.source, snapshot.error.toHtmlEscaped()));
        emit snapshotShown();
        return;
    }
    const Inspection& in = *snapshot.inspection;
    target_ = in.targetIndex;
    sourceLabel_->setText(tr("<b>%1</b> · index %2 (%3): predicted %4, actual %5")
                              .arg(snapshot.source)
                              .arg(in.targetIndex)
                              .arg(partTitle(in.part), number(in.prediction), number(in.actual)));
    sourceLabel_->setToolTip(
        tr("%1 cells, looking inside the prediction of series index %2").arg(cellTitle(in.cell)).arg(in.targetIndex));
    {
        const QSignalBlocker blockTarget(targetBox_), blockLayer(layerBox_), blockStep(stepSlider_);
        targetBox_->setEnabled(true);
        targetBox_->setRange(int(snapshot.targets.first), int(snapshot.targets.last));
        targetBox_->setValue(int(in.targetIndex));
        const int layer = std::max(0, layerBox_->currentIndex());
        layerBox_->clear();
        for (std::size_t l = 0; l < in.layers.size(); ++l)
            layerBox_->addItem(tr("Layer %1").arg(l + 1));
        layerBox_->setCurrentIndex(std::min(layer, layerBox_->count() - 1));
        const int steps = in.layers.empty() ? 0 : int(in.layers.front().steps.size());
        stepSlider_->setRange(0, std::max(0, steps - 1));
        stepSlider_->setValue(steps - 1); // the step that makes the prediction
    }
    cellView_->setCellType(in.cell);
    inside_->setInspection(in);
    showStep(stepSlider_->value());
    if (snapshot.flow)
        gradientChart_->setFlow(snapshot.source, snapshot.flow->norms);
    histograms_->setModel(*snapshot.model);
    updateExplanation();
    emit snapshotShown();
}

void TeachingPanel::showStep(int step)
{
    if (!snapshot_.inspection)
        return;
    const Inspection& in = *snapshot_.inspection;
    const int layer = std::max(0, layerBox_->currentIndex());
    if (layer >= int(in.layers.size()) || step < 0 || step >= int(in.layers[std::size_t(layer)].steps.size()))
        return;
    {
        const QSignalBlocker block(stepSlider_);
        stepSlider_->setValue(step);
    }
    stepLabel_->setText(tr("t = %1 / %2").arg(step + 1).arg(in.layers[std::size_t(layer)].steps.size()));
    cellView_->setState(in, layer, step);
    if (inside_->selectedStep() != step) {
        const QSignalBlocker block(inside_);
        inside_->selectStep(step);
    }
}

void TeachingPanel::updateExplanation()
{
    // The layer and step above the views drive the cell view; the heatmaps have their own.
    const bool onCellView = views_->currentWidget() == cellView_;
    for (QWidget* w : cellControls_)
        w->setVisible(onCellView);
    const CellType cell = snapshot_.inspection ? snapshot_.inspection->cell : config_.cell;
    explanation_->setText(teachingExplanation(TeachingView(views_->currentIndex()), cell));
}

void TeachingPanel::startComparison()
{
    if (comparison_->running()) {
        comparison_->stop();
        return;
    }
    compareButton_->setText(tr("Stop the &comparison"));
    comparisonLabel_->setText(tr("Training RNN, GRU and LSTM on the long-memory series…"));
    comparison_->start(config_);
}

void TeachingPanel::onComparison(const QList<CellComparisonResult>& results)
{
    compareButton_->setText(tr("&Compare cells: train RNN, GRU and LSTM"));
    QList<QPair<QString, std::vector<double>>> curves;
    QStringList summary;
    for (const CellComparisonResult& r : results) {
        curves.append({cellTitle(r.cell), r.topLayerNorms});
        const double first = r.topLayerNorms.empty() ? 0.0 : r.topLayerNorms.front();
        const double last = r.topLayerNorms.empty() ? 0.0 : r.topLayerNorms.back();
        summary << tr("%1: training loss %2, test RMSE %3, gradient at step 1 = %4 × the last step's")
                       .arg(cellTitle(r.cell), number(r.finalTrainLoss), number(r.testRmse),
                            last > 0 ? number(first / last) : QStringLiteral("—"));
    }
    if (!comparisonChart_) { // beside the model's own chart from the first comparison on
        comparisonChart_ = new GradientFlowChart(gradientCharts_);
        comparisonChart_->setObjectName(QStringLiteral("cellComparisonChart"));
        comparisonChart_->setExplanationVisible(false);
        gradientCharts_->addWidget(comparisonChart_);
    }
    comparisonChart_->setComparison(curves);
    comparisonLabel_->setText(summary.join(QStringLiteral("<br>")));
    emit comparisonShown();
}

} // namespace rnnwb::app
