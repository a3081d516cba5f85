#include "app/session/data_source.h"

#include <QCryptographicHash>
#include <QFile>

namespace rnnwb::app {

QString fileSha256(const QString& path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

DataSource dataSourceOf(const QString& path) { return {path, fileSha256(path)}; }

} // namespace rnnwb::app
