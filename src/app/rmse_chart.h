#pragma once
// A Qt Charts summary: the RMSE of each part (training, validation, test) as bars, one bar set
// per selected run, so runs can be compared at a glance.
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
    QChartView* view_;
    QBarCategoryAxis* parts_; // x: training, validation, test
    QValueAxis* rmse_;        // y
};

} // namespace rnnwb::app
