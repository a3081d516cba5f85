#pragma once
// Training > Backtest…: a rolling-origin backtest (core/forecast/backtest.h) of the data and settings
// of the moment the dialog was opened. The user picks K and whether to retrain at each
// origin; Run works on a thread of its own (K trainings can take a while), Stop ends it after
// the current minibatch, and the table fills origin by origin, then gets the mean and the
// pooled measures.
#include "app/session/training_types.h"
#include "core/forecast/backtest.h"

#include <QDialog>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace Ui {
class BacktestDialog;
}

namespace rnnwb::app {

class BacktestDialog : public QDialog {
    Q_OBJECT
public:
    explicit BacktestDialog(RunRequest request, QWidget* parent = nullptr);
    ~BacktestDialog() override; // stops a running backtest and waits for its thread

    bool running() const { return thread_ != nullptr; }
    // The latest backtest that ran to its end or was stopped.
    const std::optional<BacktestResult>& result() const { return result_; }

    // The table's columns, one row per origin, then "mean" and "pooled".
    enum Column { Origin, Index, Targets, Rmse, Mae, Mape, Smape, Mase, R2, ColumnCount };

signals:
    void backtestDone(); // a run ended (result() holds it) or failed (the status line says why)

protected:
    void reject() override; // Close/Esc: stops a running backtest first

private:
    void run();
    void addOrigin(const BacktestOrigin& origin, int done);
    void addRow(const QString& label, const QString& index, const Metrics& metrics);
    void onThreadFinished();
    void setRunning(bool running);

    std::unique_ptr<Ui::BacktestDialog> ui_;
    RunRequest request_;
    std::size_t testTargets_ = 0;
    QThread* thread_ = nullptr;
    std::atomic<bool> cancel_{false};
    // Written by the backtest thread, read once it has finished.
    std::optional<BacktestResult> pending_;
    QString error_;
    std::optional<BacktestResult> result_;
};

} // namespace rnnwb::app
