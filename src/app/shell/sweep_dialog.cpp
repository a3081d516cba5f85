#include "app/shell/sweep_dialog.h"

#include "app/session/qt_text.h"
#include "app/session/sweep_runner.h"
#include "ui_sweep_dialog.h"

namespace rnnwb::app {

SweepDialog::SweepDialog(RunRequest base, const QString& dataLabel, std::shared_ptr<const TimedSeries> series,
                         QWidget* parent)
    : QDialog(parent), ui_(std::make_unique<Ui::SweepDialog>()), base_(std::move(base)), runner_(new SweepRunner(this))
{
    ui_->setupUi(this);
    runner_->setRunContext(dataLabel, std::move(series));
    fillParameterPicker(ui_->parameter1, false);
    fillParameterPicker(ui_->parameter2, true);
    ui_->introLabel->setText(tr("Every combination of the values trains once, %1 at a time, with the other "
                                "hyperparameters as they are set now. Each run lands in the run list.")
                                 .arg(runner_->maxParallel()));
    ui_->failures->setMaximumBlockCount(int(kMaxSweepRuns));

    for (QLineEdit* edit : {ui_->values1, ui_->values2})
        connect(edit, &QLineEdit::textChanged, this, &SweepDialog::updatePlan);
    for (QComboBox* combo : {ui_->parameter1, ui_->parameter2})
        connect(combo, &QComboBox::currentIndexChanged, this, &SweepDialog::updatePlan);
    connect(ui_->buttons, &QDialogButtonBox::rejected, this, &SweepDialog::reject);
    connect(ui_->start, &QPushButton::clicked, this, &SweepDialog::start);
    connect(ui_->stop, &QPushButton::clicked, runner_, &SweepRunner::stop);
    connect(runner_, &SweepRunner::runFinished, this, &SweepDialog::runFinished);
    connect(runner_, &SweepRunner::runFailed, this, &SweepDialog::onRunFailed);
    connect(runner_, &SweepRunner::progress, this, &SweepDialog::onProgress);
    connect(runner_, &SweepRunner::allFinished, this, &SweepDialog::onAllFinished);
    setRunning(false);
    updatePlan();
}

SweepDialog::~SweepDialog() = default; // the runner (a child) stops and waits for its runs

void SweepDialog::fillParameterPicker(QComboBox* combo, bool optional)
{
    if (optional)
        combo->addItem(tr("(none)"), QString());
    for (const SweepParameter& p : sweepParameters())
        combo->addItem(tr(p.label), QString::fromLatin1(p.option));
}

std::vector<SweepRun> SweepDialog::plannedRuns(QString* error) const
{
    try {
        if (const std::vector<std::string> problems = configProblems(base_.config); !problems.empty())
            throw SweepError("the current settings: " + problems.front());
        std::vector<SweepAxis> axes;
        axes.push_back(parseSweepAxis(toStd(ui_->parameter1->currentData().toString()), toStd(ui_->values1->text()),
                                      base_.config));
        if (const QString second = ui_->parameter2->currentData().toString(); !second.isEmpty())
            axes.push_back(parseSweepAxis(toStd(second), toStd(ui_->values2->text()), base_.config));
        return sweepRuns(base_.config, axes);
    } catch (const SweepError& e) {
        if (error)
            *error = toQ(e.what());
        return {};
    }
}

void SweepDialog::updatePlan()
{
    ui_->values2->setEnabled(!ui_->parameter2->currentData().toString().isEmpty());
    if (runner_->running())
        return;
    QString error;
    const std::size_t runs = plannedRuns(&error).size();
    ui_->plan->setStyleSheet(runs > 0 ? QString() : QStringLiteral("color: #c00000;"));
    ui_->plan->setText(runs > 0 ? tr("%n run(s)", nullptr, int(runs)) : error);
    ui_->start->setEnabled(runs > 0);
}

void SweepDialog::start()
{
    const std::vector<SweepRun> runs = plannedRuns();
    if (runs.empty() || runner_->running())
        return;
    ui_->failures->clear();
    ui_->failures->setVisible(false);
    failed_ = 0;
    ui_->progress->setRange(0, int(runs.size()));
    ui_->progress->setValue(0);
    setRunning(true);
    ui_->plan->setText(tr("Training %n run(s)…", nullptr, int(runs.size())));
    runner_->start(base_, runs);
}

void SweepDialog::onProgress(int done, int total)
{
    ui_->progress->setRange(0, total);
    ui_->progress->setValue(done);
}

void SweepDialog::onRunFailed(const QString& label, const QString& message)
{
    ++failed_;
    ui_->failures->setVisible(true);
    ui_->failures->appendPlainText(tr("%1: %2").arg(label, message));
}

void SweepDialog::onAllFinished()
{
    setRunning(false);
    const int done = runner_->done(), total = runner_->total();
    ui_->plan->setStyleSheet(QString());
    const QString failures = failed_ > 0 ? tr(" %n could not train (see below).", nullptr, failed_) : QString();
    ui_->plan->setText((done == total ? tr("Done: %n run(s).", nullptr, total)
                                      : tr("Stopped: %1 of %2 runs done.").arg(done).arg(total))
                       + failures);
}

void SweepDialog::setRunning(bool running)
{
    ui_->start->setEnabled(!running);
    ui_->stop->setEnabled(running);
    ui_->parameter1->setEnabled(!running);
    ui_->parameter2->setEnabled(!running);
    ui_->values1->setEnabled(!running);
    ui_->values2->setEnabled(!running && !ui_->parameter2->currentData().toString().isEmpty());
}

void SweepDialog::reject()
{
    runner_->stop();
    QDialog::reject();
}

} // namespace rnnwb::app
