#pragma once
// The File ▸ Recent Files menu, kept in the settings.
#include <QObject>

class QMenu;

namespace rnnwb::app {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    RecentFiles(QMenu* menu, QObject* parent = nullptr);
    void add(const QString& path);

signals:
    void chosen(const QString& path);

private:
    void rebuild();
    QMenu* menu_;
};

} // namespace rnnwb::app
