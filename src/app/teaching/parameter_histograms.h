#pragma once
// Histograms of the model's parameters: choose a tensor (PyTorch's
// state_dict names: lstm.weight_ih_l0, …, linear.bias) and see how its values are spread,
// with their mean, standard deviation, minimum and maximum. Updated live during training: a
// new model of the same shape keeps the tensor the user chose.
#include "app/session/histogram.h"
#include "core/training/model.h"

#include <QString>
#include <QWidget>

#include <string>
#include <vector>

class QComboBox;
class QCPBars;
class QCPTextElement;
class QCustomPlot;
class QLabel;

namespace rnnwb::app {

// Equal-width bins over [min, max]: as many as the Freedman–Diaconis width 2 · IQR · n^(−1/3)
// gives (the √n rule when the IQR is 0), at least 10 and at most 60. Constant values sit in
// the middle of 10 narrow bins.
Histogram parameterHistogram(const std::vector<double>& values);

struct TensorStats {
    double mean = 0.0, std = 0.0, min = 0.0, max = 0.0; // std: population (divides by n)
};
TensorStats tensorStats(const std::vector<double>& values);

class ParameterHistograms : public QWidget {
    Q_OBJECT
public:
    explicit ParameterHistograms(QWidget* parent = nullptr);

    void setModel(const Model& model);
    void setParameters(const NetworkShape& shape, const Vec<float>& parameters);

    // The short explanation under (or over) the chart; a panel that explains the view itself hides it.
    void setExplanationVisible(bool visible);
    // The chosen tensor's name ("lstm.weight_hh_l0"); choosing an unknown name does nothing.
    QString currentTensor() const;
    void selectTensor(const QString& name);
    int binCount() const;
    double binTotal() const; // the sum of the bin counts: the tensor's element count
    QCPBars* bars() const { return bars_; }
    QString statsText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColours();
    void populateCombo();
    void showChosen();
    std::vector<double> tensorValues(const TensorSpec& spec) const;

    std::vector<TensorSpec> layout_;
    Vec<float> parameters_;
    Histogram histogram_;
    QComboBox* tensorCombo_;
    QCustomPlot* plot_;
    QCPTextElement* title_;
    QCPBars* bars_;
    QLabel* stats_;
    QLabel* explanation_;
};

} // namespace rnnwb::app
