#pragma once
// The learning rate on a logarithmic scale: a slider over powers of ten (1e-6 … 1, three steps
// a decade) and a spin box for the exact value, kept in step.
#include <QDoubleSpinBox>
#include <QWidget>

class QSlider;

namespace rnnwb::app {

// A spin box that shows numbers like 0.01 or 3e-05 instead of a fixed count of decimals, and
// steps multiplicatively (×2 or ÷2 per arrow press).
class LogSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit LogSpinBox(QWidget* parent = nullptr);
    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;
    void stepBy(int steps) override;
};

class LearningRateEdit : public QWidget {
    Q_OBJECT
public:
    explicit LearningRateEdit(QWidget* parent = nullptr);

    double value() const;
    void setValue(double value); // no valueEdited signal
    QSlider* slider() const { return slider_; }
    LogSpinBox* spinBox() const { return spin_; }

signals:
    void valueEdited(double value); // the user changed it

private:
    void syncSlider(double value);

    QSlider* slider_;
    LogSpinBox* spin_;
};

} // namespace rnnwb::app
