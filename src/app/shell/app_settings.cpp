#include "app/shell/app_settings.h"

#include <QDir>
#include <QMainWindow>
#include <QSettings>

#include <nlohmann/json.hpp>

namespace rnnwb::app {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kDirectory = QStringLiteral("files/lastDirectory");
const QString kRecent = QStringLiteral("files/recent");
const QString kConfig = QStringLiteral("training/lastConfig");
constexpr int kStateVersion = 1;
} // namespace

void saveWindowLayout(const QMainWindow& window)
{
    QSettings settings;
    settings.setValue(kGeometry, window.saveGeometry());
    settings.setValue(kState, window.saveState(kStateVersion));
}

bool restoreWindowLayout(QMainWindow& window)
{
    QSettings settings;
    const bool geometry = window.restoreGeometry(settings.value(kGeometry).toByteArray());
    window.restoreState(settings.value(kState).toByteArray(), kStateVersion);
    return geometry;
}

QString lastDirectory() { return QSettings().value(kDirectory, QDir::homePath()).toString(); }

void setLastDirectory(const QString& directory) { QSettings().setValue(kDirectory, directory); }

std::optional<TrainConfig> lastConfig()
{
    const QString text = QSettings().value(kConfig).toString();
    if (text.isEmpty())
        return std::nullopt;
    try {
        return configFromJson(nlohmann::json::parse(text.toStdString()));
    } catch (const std::exception&) {
        return std::nullopt; // unreadable: the defaults will do
    }
}

void saveLastConfig(const TrainConfig& config)
{
    QSettings().setValue(kConfig, QString::fromStdString(configToJson(config).dump()));
}

QStringList recentFiles() { return QSettings().value(kRecent).toStringList(); }

void setRecentFiles(const QStringList& files) { QSettings().setValue(kRecent, files); }

} // namespace rnnwb::app
