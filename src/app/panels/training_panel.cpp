#include "app/panels/training_panel.h"

#include "app/charts/loss_chart.h"
#include "ui_training_panel.h"

namespace rnnwb::app {

TrainingPanel::TrainingPanel(ReplotCoalescer* coalescer, QWidget* parent)
    : QWidget(parent), ui_(std::make_unique<Ui::TrainingPanel>())
{
    ui_->setupUi(this);
    chart_ = new LossChart(ui_->lossPlot, coalescer);
    ui_->speedCombo->addItem(tr("as fast as possible"), 0.0);
    for (double rate : {1000.0, 200.0, 50.0, 20.0, 10.0, 5.0, 2.0, 1.0})
        ui_->speedCombo->addItem(tr("%1 epochs/s").arg(rate), rate);
    ui_->reasonLabel->setStyleSheet(QStringLiteral("color: #c00000;"));
    setFocusProxy(ui_->speedCombo); // Ctrl+3
    connect(ui_->speedCombo, &QComboBox::currentIndexChanged, this, [this] { emit speedChanged(epochsPerSecond()); });
    connect(ui_->logScaleCheck, &QCheckBox::toggled, chart_, &LossChart::setLogScale);
    connect(ui_->fitButton, &QPushButton::clicked, chart_, &LossChart::fit);
}

TrainingPanel::~TrainingPanel() = default;

void TrainingPanel::setActions(QAction* train, QAction* pause, QAction* stop, QAction* step)
{
    ui_->trainButton->setDefaultAction(train);
    ui_->pauseButton->setDefaultAction(pause);
    ui_->stopButton->setDefaultAction(stop);
    ui_->stepButton->setDefaultAction(step);
}

void TrainingPanel::setBlockedReason(const QString& reason)
{
    ui_->reasonLabel->setText(reason.isEmpty() ? QString() : tr("Cannot train: %1").arg(reason));
    ui_->reasonLabel->setVisible(!reason.isEmpty());
}

QString TrainingPanel::blockedReason() const { return ui_->reasonLabel->text(); }

double TrainingPanel::epochsPerSecond() const { return ui_->speedCombo->currentData().toDouble(); }

} // namespace rnnwb::app
