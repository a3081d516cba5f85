#pragma once
// The Hyperparameters panel: every training option as a control with a tooltip for students,
// and the reasons a configuration cannot train shown next to the control they concern.
#include "app/session/config_check.h"
#include "core/training/train_config.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QLabel;

namespace Ui {
class HyperPanel;
}

namespace rnnwb::app {

class HyperPanel : public QWidget {
    Q_OBJECT
public:
    explicit HyperPanel(QWidget* parent = nullptr);
    ~HyperPanel() override;

    // The configuration as set, with the user's edits (options without a control, like
    // --init-weights, --column and --missing, pass through unchanged).
    TrainConfig config() const { return config_; }
    void setConfig(const TrainConfig& config); // does not emit configEdited

    // Shows each problem next to its control (problems about the data are not shown here).
    void showProblems(const QList<ConfigProblem>& problems);
    // A problem in the words of this panel: "--window" becomes "Window", and so on.
    QString readable(const QString& message) const;
    void setLocked(bool locked, const QString& reason = {});

    QWidget* field(const QString& option) const { return fields_.value(option); }
    QLabel* problemLabel(const QString& option) const { return problemLabels_.value(option); }

signals:
    void configEdited();

private:
    void registerFields();
    void connectEdits();
    void addProblemLabel(const QString& option, QWidget* field);
    void updateEnabledFields();
    void edited();

    std::unique_ptr<Ui::HyperPanel> ui_;
    TrainConfig config_;
    QHash<QString, QWidget*> fields_;
    QHash<QString, QLabel*> problemLabels_;
    QHash<QString, QString> fieldNames_;
};

} // namespace rnnwb::app
