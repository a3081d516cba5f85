#include "app/panels/hyper_panel.h"

#include "app/panels/learning_rate_edit.h"
#include "ui_hyper_panel.h"

#include <QFormLayout>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>

#include <algorithm>
#include <charconv>
#include <vector>

namespace rnnwb::app {

namespace {
const CellType kCells[] = {CellType::Lstm, CellType::Gru, CellType::Rnn};
const Layout kLayouts[] = {Layout::Features, Layout::Sequence};
const OptimizerKind kOptimizers[] = {OptimizerKind::Adam, OptimizerKind::Sgd, OptimizerKind::RmsProp};
const ScalerKind kScalers[] = {ScalerKind::MinMax, ScalerKind::ZScore};
const ScalerFit kFits[] = {ScalerFit::WholeSeries, ScalerFit::TrainingPart};

template <typename E, std::size_t N>
int indexOf(const E (&values)[N], E value)
{
    for (std::size_t i = 0; i < N; ++i)
        if (values[i] == value)
            return int(i);
    return 0;
}

template <typename E, std::size_t N>
E valueAt(const E (&values)[N], int index)
{
    return values[std::size_t(index) < N ? std::size_t(index) : 0];
}
} // namespace

HyperPanel::HyperPanel(QWidget* parent) : QWidget(parent), ui_(std::make_unique<Ui::HyperPanel>())
{
    ui_->setupUi(this);
    ui_->seedEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,19}")), ui_->seedEdit));
    ui_->lockLabel->setStyleSheet(QStringLiteral("color: palette(highlight); font-weight: bold; padding: 4px;"));
    ui_->honestLabel->setStyleSheet(QStringLiteral("font-style: italic;"));
    ui_->lrEdit->slider()->setToolTip(ui_->lrEdit->toolTip());
    ui_->lrEdit->spinBox()->setToolTip(ui_->lrEdit->toolTip());
    registerFields();
    connectEdits();
    setFocusProxy(ui_->cellCombo); // Ctrl+2
    connect(ui_->resetButton, &QPushButton::clicked, this, [this] {
        TrainConfig defaults;
        defaults.column = config_.column;
        defaults.missing = config_.missing;
        setConfig(defaults);
        emit configEdited();
    });
    setConfig(config_);
}

HyperPanel::~HyperPanel() = default;

void HyperPanel::registerFields()
{
    const std::pair<const char*, QWidget*> fields[] = {{"cell", ui_->cellCombo},
                                                       {"layers", ui_->layersSpin},
                                                       {"hidden", ui_->hiddenSpin},
                                                       {"layout", ui_->layoutCombo},
                                                       {"window", ui_->windowSpin},
                                                       {"epochs", ui_->epochsSpin},
                                                       {"lr", ui_->lrEdit},
                                                       {"optimizer", ui_->optimizerCombo},
                                                       {"momentum", ui_->momentumSpin},
                                                       {"batch", ui_->batchSpin},
                                                       {"clip", ui_->clipSpin},
                                                       {"patience", ui_->patienceSpin},
                                                       {"seed", ui_->seedEdit},
                                                       {"train-split", ui_->trainSplitSpin},
                                                       {"val-split", ui_->valSplitSpin},
                                                       {"scaler", ui_->scalerCombo},
                                                       {"scaler-fit", ui_->scalerFitCombo},
                                                       {"log", ui_->logCheck},
                                                       {"seasonal-diff", ui_->seasonalDiffSpin},
                                                       {"diff", ui_->diffCheck}};
    for (const auto& [name, widget] : fields) {
        const QString option = QString::fromLatin1(name);
        fields_.insert(option, widget);
        auto* form = qobject_cast<QFormLayout*>(widget->parentWidget()->layout());
        if (QWidget* label = form ? form->labelForField(widget) : nullptr) {
            QString text = qobject_cast<QLabel*>(label)->text();
            fieldNames_.insert(option, text.remove(u'&').remove(u':'));
        }
        addProblemLabel(option, widget);
    }
}

// A red note in the row under the control, hidden while the control is fine.
void HyperPanel::addProblemLabel(const QString& option, QWidget* field)
{
    auto* form = qobject_cast<QFormLayout*>(field->parentWidget()->layout());
    int row = -1;
    QFormLayout::ItemRole role;
    form->getWidgetPosition(field, &row, &role);
    auto* label = new QLabel(field->parentWidget());
    label->setObjectName(option + QStringLiteral("Problem"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c00000;"));
    label->setVisible(false);
    form->insertRow(row + 1, label);
    form->setRowVisible(row + 1, false);
    problemLabels_.insert(option, label);
}

void HyperPanel::connectEdits()
{
    const auto spin = [this](QSpinBox* box, int TrainConfig::*field) {
        connect(box, &QSpinBox::valueChanged, this, [this, field](int v) {
            config_.*field = v;
            edited();
        });
    };
    const auto dspin = [this](QDoubleSpinBox* box, double TrainConfig::*field) {
        connect(box, &QDoubleSpinBox::valueChanged, this, [this, field](double v) {
            config_.*field = v;
            edited();
        });
    };
    spin(ui_->layersSpin, &TrainConfig::layers);
    spin(ui_->hiddenSpin, &TrainConfig::hidden);
    spin(ui_->windowSpin, &TrainConfig::window);
    spin(ui_->epochsSpin, &TrainConfig::epochs);
    spin(ui_->batchSpin, &TrainConfig::batch);
    spin(ui_->patienceSpin, &TrainConfig::patience);
    dspin(ui_->momentumSpin, &TrainConfig::momentum);
    dspin(ui_->clipSpin, &TrainConfig::clip);
    dspin(ui_->trainSplitSpin, &TrainConfig::trainSplit);
    dspin(ui_->valSplitSpin, &TrainConfig::valSplit);
    connect(ui_->seasonalDiffSpin, &QSpinBox::valueChanged, this, [this](int m) {
        config_.preprocessing.seasonalDifference = m;
        edited();
    });
    const auto check = [this](QCheckBox* box, bool Preprocessing::*field) {
        connect(box, &QCheckBox::toggled, this, [this, field](bool on) {
            config_.preprocessing.*field = on;
            edited();
        });
    };
    check(ui_->logCheck, &Preprocessing::log);
    check(ui_->diffCheck, &Preprocessing::difference);
    connect(ui_->lrEdit, &LearningRateEdit::valueEdited, this, [this](double v) {
        config_.learningRate = v;
        edited();
    });
    const auto combo = [this](QComboBox* box, auto apply) {
        connect(box, &QComboBox::currentIndexChanged, this, [this, apply](int i) {
            apply(i);
            edited();
        });
    };
    combo(ui_->cellCombo, [this](int i) { config_.cell = valueAt(kCells, i); });
    combo(ui_->layoutCombo, [this](int i) { config_.layout = valueAt(kLayouts, i); });
    combo(ui_->optimizerCombo, [this](int i) { config_.optimizer = valueAt(kOptimizers, i); });
    combo(ui_->scalerCombo, [this](int i) { config_.scaler = valueAt(kScalers, i); });
    combo(ui_->scalerFitCombo, [this](int i) { config_.scalerFit = valueAt(kFits, i); });
    connect(ui_->seedEdit, &QLineEdit::textEdited, this, [this](const QString& text) {
        const std::string digits = text.toStdString();
        std::uint64_t seed = 0;
        if (std::from_chars(digits.data(), digits.data() + digits.size(), seed).ec == std::errc()) {
            config_.seed = seed;
            edited();
        }
    });
}

void HyperPanel::edited()
{
    updateEnabledFields();
    emit configEdited();
}

void HyperPanel::setConfig(const TrainConfig& config)
{
    config_ = config;
    std::vector<QSignalBlocker> blockers;
    blockers.reserve(std::size_t(fields_.size()));
    for (QWidget* w : std::as_const(fields_))
        blockers.emplace_back(w);
    ui_->cellCombo->setCurrentIndex(indexOf(kCells, config.cell));
    ui_->layoutCombo->setCurrentIndex(indexOf(kLayouts, config.layout));
    ui_->optimizerCombo->setCurrentIndex(indexOf(kOptimizers, config.optimizer));
    ui_->scalerCombo->setCurrentIndex(indexOf(kScalers, config.scaler));
    ui_->scalerFitCombo->setCurrentIndex(indexOf(kFits, config.scalerFit));
    ui_->layersSpin->setValue(config.layers);
    ui_->hiddenSpin->setValue(config.hidden);
    ui_->windowSpin->setValue(config.window);
    ui_->epochsSpin->setValue(config.epochs);
    ui_->batchSpin->setValue(config.batch);
    ui_->patienceSpin->setValue(config.patience);
    ui_->momentumSpin->setValue(config.momentum);
    ui_->clipSpin->setValue(config.clip);
    ui_->trainSplitSpin->setValue(config.trainSplit);
    ui_->valSplitSpin->setValue(config.valSplit);
    ui_->logCheck->setChecked(config.preprocessing.log);
    ui_->seasonalDiffSpin->setValue(config.preprocessing.seasonalDifference);
    ui_->diffCheck->setChecked(config.preprocessing.difference);
    ui_->lrEdit->setValue(config.learningRate);
    ui_->seedEdit->setText(QString::number(config.seed));
    updateEnabledFields();
}

void HyperPanel::updateEnabledFields() { ui_->momentumSpin->setEnabled(config_.optimizer == OptimizerKind::Sgd); }

QString HyperPanel::readable(const QString& message) const
{
    QString text = message;
    // Longest names first, so "--val-split" is not read as "--val" + "-split".
    QStringList options = fieldNames_.keys();
    std::sort(options.begin(), options.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
    for (const QString& option : options)
        text.replace(QStringLiteral("--") + option, fieldNames_.value(option));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

void HyperPanel::showProblems(const QList<ConfigProblem>& problems)
{
    for (auto it = problemLabels_.cbegin(); it != problemLabels_.cend(); ++it) {
        QStringList messages;
        for (const ConfigProblem& p : problems)
            if (p.option == it.key())
                messages << readable(p.message);
        QLabel* label = it.value();
        label->setText(messages.join(u'\n'));
        auto* form = qobject_cast<QFormLayout*>(label->parentWidget()->layout());
        int row = -1;
        QFormLayout::ItemRole role;
        form->getWidgetPosition(label, &row, &role);
        form->setRowVisible(row, !messages.isEmpty());
        label->setVisible(!messages.isEmpty());
    }
}

void HyperPanel::setLocked(bool locked, const QString& reason)
{
    ui_->lockLabel->setText(reason);
    ui_->lockLabel->setVisible(locked && !reason.isEmpty());
    ui_->scrollArea->widget()->setEnabled(!locked);
    ui_->resetButton->setEnabled(!locked);
    updateEnabledFields();
}

} // namespace rnnwb::app
