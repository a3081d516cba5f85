#pragma once
// The errors of the shown predictions, as a forecaster checks them (Qt Charts): the residual
// actual − prediction of each test target against its series index (a pattern over time means
// the model misses something), and their histogram (a bias shifts it off zero, a wide or skewed
// shape shows how wrong it tends to be).
#include "app/session/histogram.h"

#include <QObject>
#include <QString>

#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace rnnwb::app {

struct ResidualSeries {
    QString label;                  // e.g. "test (one step)"
    std::vector<std::size_t> index; // series index of each target
    std::vector<double> residual;   // actual − prediction, data units
};

// The residual histogram: ⌈√n⌉ equal-width bins over [min, max], at least 5 and at most 40.
Histogram histogram(const std::vector<double>& values);

class ResidualCharts : public QObject {
    Q_OBJECT
public:
    ResidualCharts(QChartView* overTime, QChartView* histogram);
    void show(const ResidualSeries& residuals);
    void clear();

    QChart* overTimeChart() const;
    QChart* histogramChart() const;

private:
    QChartView* overTime_;
    QChartView* histogram_;
    ResidualSeries shown_; // redrawn in the new colours when the palette changes
};

} // namespace rnnwb::app
