#include "app/teaching/parameter_histograms.h"

#include "app/charts/plot_header.h"
#include "app/charts/plot_palette.h"
#include "app/charts/series_plot.h"
#include "app/session/qt_text.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace rnnwb::app {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMinBins = 10, kMaxBins = 60;

// The p-quantile of sorted values, interpolating linearly between neighbours.
double quantile(const std::vector<double>& sorted, double p)
{
    const double position = p * double(sorted.size() - 1);
    const std::size_t below = std::size_t(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (position - double(below)) * (sorted[above] - sorted[below]);
}

int binCountFor(const std::vector<double>& values, double lo, double hi)
{
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const double n = double(values.size());
    const double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
    const double width = 2.0 * iqr / std::cbrt(n); // Freedman–Diaconis
    const double bins = width > 0.0 ? std::ceil((hi - lo) / width) : std::ceil(std::sqrt(n));
    return int(std::clamp(bins, double(kMinBins), double(kMaxBins)));
}

QString shapeText(const TensorSpec& spec)
{
    QStringList sizes;
    for (std::int64_t size : spec.shape)
        sizes << QString::number(size);
    return sizes.join(u" × "_s);
}

} // namespace

Histogram parameterHistogram(const std::vector<double>& values)
{
    if (values.empty())
        return {};
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    if (*hi == *lo)
        return equalWidthHistogram(values, kMinBins, *lo != 0.0 ? std::abs(*lo) * 0.01 : 0.01);
    return equalWidthHistogram(values, binCountFor(values, *lo, *hi), 0.0);
}

TensorStats tensorStats(const std::vector<double>& values)
{
    TensorStats s;
    if (values.empty())
        return s;
    const double n = double(values.size());
    s.mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
    double squares = 0.0;
    for (double v : values)
        squares += (v - s.mean) * (v - s.mean);
    s.std = std::sqrt(squares / n);
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    s.min = *lo;
    s.max = *hi;
    return s;
}

ParameterHistograms::ParameterHistograms(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"parameterHistograms"_s);
    tensorCombo_ = new QComboBox(this);
    tensorCombo_->setObjectName(u"parameterTensorCombo"_s);
    tensorCombo_->setAccessibleName(tr("Parameter tensor"));
    tensorCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* comboLabel = new QLabel(tr("&Tensor:"), this);
    comboLabel->setBuddy(tensorCombo_);
    stats_ = new QLabel(this);
    stats_->setObjectName(u"parameterStats"_s);
    stats_->setAccessibleName(tr("Statistics of the tensor"));
    stats_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* top = new QHBoxLayout;
    top->addWidget(comboLabel);
    top->addWidget(tensorCombo_);
    top->addSpacing(12);
    top->addWidget(stats_, 1);

    plot_ = new QCustomPlot(this);
    plot_->setObjectName(u"parameterHistogramPlot"_s);
    plot_->setMinimumSize(160, 120); // never laid out to nothing (QCustomPlot cannot paint 0 px)
    plot_->setAccessibleName(tr("Histogram of the tensor's values"));
    title_ = addPlotHeader(plot_, tr("Parameter values"), false);
    plot_->xAxis->setLabel(tr("value"));
    plot_->yAxis->setLabel(tr("count"));
    bars_ = new QCPBars(plot_->xAxis, plot_->yAxis);
    bars_->setName(tr("count"));
    QColor fill = partColor(Part::Train);
    fill.setAlpha(170);
    bars_->setBrush(fill);

    explanation_
        = new QLabel(tr("How the values of one weight tensor are spread. Training moves them away from their random "
                        "start; a few very large weights can make the network unstable."),
                     this);
    explanation_->setObjectName(u"parameterExplanation"_s);
    explanation_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(plot_, 1);
    layout->addWidget(explanation_);
    applyColours();
    connect(tensorCombo_, &QComboBox::currentIndexChanged, this, [this] { showChosen(); });
    tensorCombo_->setEnabled(false);
}

void ParameterHistograms::setModel(const Model& model) { setParameters(model.shape, model.parameters); }

void ParameterHistograms::setParameters(const NetworkShape& shape, const Vec<float>& parameters)
{
    std::vector<TensorSpec> layout = parameterLayout(shape);
    if (std::size_t(parameters.size()) != parameterCount(shape))
        layout.clear(); // not this shape's parameters: show nothing rather than misread them
    parameters_ = parameters;
    const bool sameTensors
        = std::equal(layout.begin(), layout.end(), layout_.begin(), layout_.end(),
                     [](const TensorSpec& a, const TensorSpec& b) { return a.name == b.name && a.shape == b.shape; });
    layout_ = std::move(layout);
    if (sameTensors)
        showChosen();
    else
        populateCombo(); // shows the chosen tensor
}

// Keeps the chosen tensor when the new layout has one of that name.
void ParameterHistograms::populateCombo()
{
    const QString chosen = currentTensor();
    {
        const QSignalBlocker block(tensorCombo_);
        tensorCombo_->clear();
        for (const TensorSpec& spec : layout_)
            tensorCombo_->addItem(u"%1  [%2]"_s.arg(toQ(spec.name), shapeText(spec)), toQ(spec.name));
        tensorCombo_->setCurrentIndex(std::max(tensorCombo_->findData(chosen), 0));
        tensorCombo_->setEnabled(!layout_.empty());
    }
    showChosen();
}

void ParameterHistograms::setExplanationVisible(bool visible) { explanation_->setVisible(visible); }

QString ParameterHistograms::currentTensor() const { return tensorCombo_->currentData().toString(); }

void ParameterHistograms::selectTensor(const QString& name)
{
    const int index = tensorCombo_->findData(name);
    if (index >= 0)
        tensorCombo_->setCurrentIndex(index);
}

std::vector<double> ParameterHistograms::tensorValues(const TensorSpec& spec) const
{
    std::vector<double> values(spec.size);
    for (std::size_t k = 0; k < spec.size; ++k)
        values[k] = double(parameters_[Eigen::Index(spec.offset + k)]);
    return values;
}

void ParameterHistograms::showChosen()
{
    const int index = tensorCombo_->currentIndex();
    bars_->data()->clear();
    histogram_ = {};
    if (index < 0 || std::size_t(index) >= layout_.size()) {
        title_->setText(tr("Parameter values"));
        stats_->setText(tr("No model yet: train or open one."));
        plot_->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const TensorSpec& spec = layout_[std::size_t(index)];
    const std::vector<double> values = tensorValues(spec);
    histogram_ = parameterHistogram(values);
    int highest = 0;
    for (std::size_t b = 0; b < histogram_.counts.size(); ++b) {
        bars_->addData(histogram_.start + histogram_.width * (double(b) + 0.5), histogram_.counts[b]);
        highest = std::max(highest, histogram_.counts[b]);
    }
    bars_->setWidth(histogram_.width);
    const TensorStats s = tensorStats(values);
    const QLocale l = locale();
    title_->setText(tr("Values of %1 [%2]").arg(toQ(spec.name), shapeText(spec)));
    stats_->setText(tr("%1 values · mean %2 · std %3 · min %4 · max %5")
                        .arg(l.toString(qlonglong(values.size())), l.toString(s.mean, 'g', 3),
                             l.toString(s.std, 'g', 3), l.toString(s.min, 'g', 3), l.toString(s.max, 'g', 3)));
    const double span = histogram_.width * double(histogram_.counts.size());
    plot_->xAxis->setRange(histogram_.start - span * 0.03, histogram_.start + span * 1.03);
    plot_->yAxis->setRange(0, std::max(1.0, highest * 1.1));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

int ParameterHistograms::binCount() const { return int(histogram_.counts.size()); }

double ParameterHistograms::binTotal() const
{
    double total = 0.0;
    for (auto it = bars_->data()->constBegin(); it != bars_->data()->constEnd(); ++it)
        total += it->value;
    return total;
}

// Bars outlined in the background colour stand apart on a light or a dark palette.
void ParameterHistograms::applyColours()
{
    applyPalette(plot_, palette());
    bars_->setPen(QPen(palette().color(QPalette::Base), 1));
}

QString ParameterHistograms::statsText() const { return stats_->text(); }

void ParameterHistograms::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyColours();
        plot_->replot(QCustomPlot::rpQueuedReplot);
    }
}

} // namespace rnnwb::app
