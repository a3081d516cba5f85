#include "app/panels/learning_rate_edit.h"

#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

namespace rnnwb::app {

namespace {
constexpr int kStepsPerDecade = 3; // 1, 2.15, 4.64, 10, ...
constexpr int kMinExponent = -6, kMaxExponent = 0;

// A slider position as a rounded learning rate: 0.001, 0.002, 0.005, 0.01, ...
double sliderValue(int position)
{
    const double exact = std::pow(10.0, double(position) / kStepsPerDecade);
    const double decade = std::pow(10.0, std::floor(std::log10(exact) + 1e-9));
    const double mantissa = exact / decade;
    const double nice = mantissa < 1.5 ? 1.0 : mantissa < 3.5 ? 2.0 : mantissa < 7.5 ? 5.0 : 10.0;
    return nice * decade;
}
} // namespace

LogSpinBox::LogSpinBox(QWidget* parent) : QDoubleSpinBox(parent)
{
    setDecimals(12);
    setRange(1e-9, 100);
    setKeyboardTracking(false);
    setAccelerated(true);
}

QString LogSpinBox::textFromValue(double value) const { return QString::number(value, 'g', 6); }

double LogSpinBox::valueFromText(const QString& text) const { return locale().toDouble(text.trimmed()); }

QValidator::State LogSpinBox::validate(QString& text, int&) const
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.endsWith(u'e') || t.endsWith(u'-') || t.endsWith(u'.'))
        return QValidator::Intermediate;
    bool ok = false;
    const double v = locale().toDouble(t, &ok);
    if (!ok)
        return QValidator::Invalid;
    return v >= minimum() && v <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
}

void LogSpinBox::stepBy(int steps) { setValue(value() * std::pow(2.0, steps)); }

LearningRateEdit::LearningRateEdit(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setRange(kMinExponent * kStepsPerDecade, kMaxExponent * kStepsPerDecade);
    slider_->setPageStep(kStepsPerDecade);
    slider_->setTickInterval(kStepsPerDecade);
    slider_->setTickPosition(QSlider::TicksBelow);
    slider_->setAccessibleName(tr("Learning rate (logarithmic slider)"));
    spin_ = new LogSpinBox(this);
    spin_->setAccessibleName(tr("Learning rate"));
    spin_->setMinimumWidth(80);
    layout->addWidget(slider_, 1);
    layout->addWidget(spin_);
    setFocusProxy(spin_);

    connect(slider_, &QSlider::valueChanged, this, [this](int position) {
        const double v = sliderValue(position);
        const QSignalBlocker block(spin_);
        spin_->setValue(v);
        emit valueEdited(spin_->value());
    });
    connect(spin_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        syncSlider(v);
        emit valueEdited(v);
    });
}

double LearningRateEdit::value() const { return spin_->value(); }

void LearningRateEdit::setValue(double value)
{
    const QSignalBlocker block(spin_);
    spin_->setValue(value);
    syncSlider(value);
}

void LearningRateEdit::syncSlider(double value)
{
    const QSignalBlocker block(slider_);
    slider_->setValue(value > 0 ? int(std::lround(std::log10(value) * kStepsPerDecade)) : slider_->minimum());
}

} // namespace rnnwb::app
