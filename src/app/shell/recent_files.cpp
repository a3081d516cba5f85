#include "app/shell/recent_files.h"

#include "app/shell/app_settings.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>

namespace rnnwb::app {

namespace {
constexpr int kMaxRecent = 8;
}

RecentFiles::RecentFiles(QMenu* menu, QObject* parent) : QObject(parent), menu_(menu) { rebuild(); }

void RecentFiles::add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecent)
        files.removeLast();
    setRecentFiles(files);
    rebuild();
}

void RecentFiles::rebuild()
{
    menu_->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction* action = menu_->addAction(
            tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName().replace(u'&', QStringLiteral("&&"))));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { emit chosen(path); });
    }
    menu_->setEnabled(!files.isEmpty());
}

} // namespace rnnwb::app
