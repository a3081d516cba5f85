#pragma once
// A Qt Charts summary: the test RMSE of the network next to the four baselines' on the same
// targets, one bar set per selected run, so a run is judged against simple forecasts and runs
// are compared at a glance.
#include <QList>
#include <QObject>

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QChart;
class QChartView;
class QValueAxis;
QT_END_NAMESPACE

namespace rnnwb::app {

struct RunRecord;

class RmseChart : public QObject {
    Q_OBJECT
public:
    explicit RmseChart(QChartView* view);

    void setRuns(const QList<const RunRecord*>& runs);
    QChartView* view() const { return view_; }
    QChart* chart() const;

private:
    void restyle();

    QChartView* view_;
    QBarCategoryAxis* forecasters_; // x: network, naive, seasonal naive, drift, linear AR
    QValueAxis* rmse_;              // y
};

} // namespace rnnwb::app
