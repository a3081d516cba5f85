#pragma once
// What the app remembers between sessions (QSettings): window layout, last directory, last
// hyperparameters, recent files. Tests point QSettings elsewhere with
// QStandardPaths::setTestModeEnabled(true).
#include "core/training/train_config.h"

#include <QString>
#include <QStringList>

#include <optional>

class QMainWindow;

namespace rnnwb::app {

void saveWindowLayout(const QMainWindow& window);
bool restoreWindowLayout(QMainWindow& window);

QString lastDirectory();
void setLastDirectory(const QString& directory);

std::optional<TrainConfig> lastConfig();
void saveLastConfig(const TrainConfig& config);

QStringList recentFiles();
void setRecentFiles(const QStringList& files);

} // namespace rnnwb::app
