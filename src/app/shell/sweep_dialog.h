#pragma once
// Training > Sweep…: up to two hyperparameters, each with a list of values; the runs of every
// combination train in parallel (SweepRunner) on the data and settings of the moment the
// dialog was opened. The number of runs is shown as the lists are typed (or what is wrong with
// them); Start, Stop (stops every run at once) and a progress bar of the runs done. Each
// finished run is re-emitted as runFinished, for the run list.
#include "app/session/run_list_model.h"
#include "app/session/sweep_plan.h"
#include "app/session/training_types.h"

#include <QDialog>

#include <memory>

class QComboBox;

namespace Ui {
class SweepDialog;
}

namespace rnnwb::app {

class SweepRunner;

class SweepDialog : public QDialog {
    Q_OBJECT
public:
    // base: the data and the configuration the swept values are applied to; dataLabel and
    // series: what every run record carries (as a single training's record does).
    SweepDialog(RunRequest base, const QString& dataLabel, std::shared_ptr<const TimedSeries> series,
                QWidget* parent = nullptr);
    ~SweepDialog() override;

    SweepRunner* runner() const { return runner_; }
    // The runs the form describes; empty, with the reason in *error, when it describes none.
    std::vector<SweepRun> plannedRuns(QString* error = nullptr) const;

signals:
    void runFinished(const rnnwb::app::RunRecord& run);

protected:
    void reject() override; // Close/Esc: stops the sweep first

private:
    static void fillParameterPicker(QComboBox* combo, bool optional);
    void updatePlan();
    void start();
    void onProgress(int done, int total);
    void onRunFailed(const QString& label, const QString& message);
    void onAllFinished();
    void setRunning(bool running);

    std::unique_ptr<Ui::SweepDialog> ui_;
    RunRequest base_;
    SweepRunner* runner_;
    int failed_ = 0; // runs of the latest sweep that could not train
};

} // namespace rnnwb::app
