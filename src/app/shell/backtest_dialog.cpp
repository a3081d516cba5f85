#include "app/shell/backtest_dialog.h"

#include "app/session/qt_text.h"
#include "ui_backtest_dialog.h"

#include <QHeaderView>
#include <QThread>

#include <algorithm>

namespace rnnwb::app {

namespace {

QString number(double x) { return QString::number(x, 'g', 4); }
QString number(const std::optional<double>& x) { return x ? number(*x) : QStringLiteral("–"); }

} // namespace

BacktestDialog::BacktestDialog(RunRequest request, QWidget* parent)
    : QDialog(parent), ui_(std::make_unique<Ui::BacktestDialog>()), request_(std::move(request))
{
    ui_->setupUi(this);
    ui_->table->setColumnCount(ColumnCount);
    ui_->table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    ui_->table->setHorizontalHeaderLabels({tr("Origin"), tr("Index"), tr("Targets"), tr("RMSE"), tr("MAE"),
                                           tr("MAPE %"), tr("sMAPE %"), tr("MASE"), tr("R²")});
    connect(ui_->buttons, &QDialogButtonBox::rejected, this, &BacktestDialog::reject);
    connect(ui_->run, &QPushButton::clicked, this, &BacktestDialog::run);
    connect(ui_->stop, &QPushButton::clicked, this, [this] { cancel_.store(true); });
    try {
        if (const std::vector<std::string> problems = configProblems(request_.config); !problems.empty())
            throw std::invalid_argument(problems.front());
        testTargets_ = Dataset::prepare(request_.values, request_.config).split.test;
    } catch (const std::exception& e) {
        ui_->status->setText(tr("Cannot backtest: %1").arg(toQ(e.what())));
    }
    ui_->origins->setRange(1, int(std::max<std::size_t>(testTargets_, 1)));
    ui_->origins->setValue(int(std::min<std::size_t>(testTargets_, 5)));
    setRunning(false);
}

BacktestDialog::~BacktestDialog()
{
    cancel_.store(true);
    if (thread_) {
        thread_->wait();
        delete thread_;
    }
}

void BacktestDialog::run()
{
    if (running() || testTargets_ == 0)
        return;
    ui_->table->setRowCount(0);
    ui_->status->setText(ui_->retrain->isChecked() ? tr("Training a network for each origin…") : tr("Training…"));
    BacktestSettings settings;
    settings.origins = ui_->origins->value();
    settings.retrain = ui_->retrain->isChecked();
    settings.cancel = &cancel_;
    settings.onOrigin = [this](const BacktestOrigin& origin, int done) {
        QMetaObject::invokeMethod(
            this, [this, origin, done] { addOrigin(origin, done); }, Qt::QueuedConnection);
    };
    ui_->progress->setRange(0, settings.origins);
    ui_->progress->setValue(0);
    cancel_.store(false);
    pending_.reset();
    error_.clear();
    thread_ = QThread::create([this, settings] {
        try {
            pending_ = runBacktest(request_.values, request_.config, settings);
        } catch (const std::exception& e) {
            error_ = toQ(e.what());
        }
    });
    connect(thread_, &QThread::finished, this, &BacktestDialog::onThreadFinished);
    setRunning(true);
    thread_->start();
}

void BacktestDialog::addOrigin(const BacktestOrigin& origin, int done)
{
    addRow(QString::number(origin.number + 1), QString::number(origin.origin), origin.metrics);
    ui_->progress->setValue(done);
}

void BacktestDialog::addRow(const QString& label, const QString& index, const Metrics& m)
{
    const int row = ui_->table->rowCount();
    ui_->table->insertRow(row);
    const QString cells[ColumnCount]
        = {label,          index,           QString::number(m.count), number(m.rmse), number(m.mae),
           number(m.mape), number(m.smape), number(m.mase),           number(m.r2)};
    for (int c = 0; c < ColumnCount; ++c) {
        auto* item = new QTableWidgetItem(cells[c]);
        item->setTextAlignment(Qt::AlignVCenter | (c == Origin ? Qt::AlignLeft : Qt::AlignRight));
        ui_->table->setItem(row, c, item);
    }
}

void BacktestDialog::onThreadFinished()
{
    thread_->wait();
    delete thread_;
    thread_ = nullptr;
    setRunning(false);
    if (!error_.isEmpty()) {
        ui_->status->setText(tr("The backtest failed: %1").arg(error_));
    } else if (pending_) {
        result_ = std::move(pending_);
        const BacktestResult& r = *result_;
        if (!r.perOrigin.empty()) {
            addRow(tr("mean"), QString(), r.mean);
            addRow(tr("pooled"), QString(), r.pooled);
        }
        ui_->status->setText(r.cancelled
                                 ? tr("Stopped after %1 of %2 origins.").arg(r.perOrigin.size()).arg(r.origins)
                                 : tr("%1 origins, %2: mean test RMSE %3, pooled %4.")
                                       .arg(r.origins)
                                       .arg(r.retrain ? tr("retrained at each origin") : tr("one trained network"))
                                       .arg(number(r.mean.rmse), number(r.pooled.rmse)));
    }
    emit backtestDone();
}

void BacktestDialog::reject()
{
    cancel_.store(true);
    QDialog::reject();
}

void BacktestDialog::setRunning(bool running)
{
    ui_->run->setEnabled(!running && testTargets_ > 0);
    ui_->stop->setEnabled(running);
    ui_->origins->setEnabled(!running && testTargets_ > 0);
    ui_->retrain->setEnabled(!running && testTargets_ > 0);
}

} // namespace rnnwb::app
