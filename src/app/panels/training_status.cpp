#include "app/panels/training_status.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

#include <cmath>

namespace rnnwb::app {

QString formatDuration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("–");
    if (seconds < 60)
        return TrainingStatus::tr("%1 s").arg(seconds, 0, 'f', 1);
    const qint64 s = qint64(std::llround(seconds));
    return TrainingStatus::tr("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

TrainingStatus::TrainingStatus(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    state_ = new QLabel(this);
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(180);
    progress_->setAccessibleName(tr("Training progress"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
    epoch_ = new QLabel(this);
    loss_ = new QLabel(this);
    time_ = new QLabel(this);
    for (QWidget* w : {static_cast<QWidget*>(state_), static_cast<QWidget*>(progress_), static_cast<QWidget*>(epoch_),
                       static_cast<QWidget*>(loss_), static_cast<QWidget*>(time_)})
        layout->addWidget(w);
    setStateText(tr("Ready"));
}

void TrainingStatus::begin(int epochs)
{
    progress_->setRange(0, std::max(1, epochs));
    progress_->setValue(0);
    epoch_->setText(tr("epoch 0/%1").arg(epochs));
    loss_->clear();
    time_->clear();
}

void TrainingStatus::update(const EpochProgress& u, double elapsed)
{
    progress_->setRange(0, std::max(1, u.epochs));
    progress_->setValue(std::min(u.epoch, u.epochs));
    epoch_->setText(tr("epoch %1/%2").arg(u.epoch).arg(u.epochs));
    QString loss = tr("loss %1").arg(u.trainLoss, 0, 'g', 4);
    if (std::isfinite(u.validationLoss))
        loss += tr(" (validation %1)").arg(u.validationLoss, 0, 'g', 4);
    loss_->setText(loss);
    const double eta = u.epoch > 0 ? elapsed / u.epoch * (u.epochs - u.epoch) : NAN;
    time_->setText(
        tr("elapsed %1, ETA %2").arg(formatDuration(elapsed), u.epoch >= u.epochs ? tr("done") : formatDuration(eta)));
}

void TrainingStatus::setStateText(const QString& text) { state_->setText(text); }

QString TrainingStatus::text() const
{
    return QStringList{state_->text(), epoch_->text(), loss_->text(), time_->text()}.join(QStringLiteral("  "));
}

} // namespace rnnwb::app
