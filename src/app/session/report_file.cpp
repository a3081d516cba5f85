#include "app/session/report_file.h"

#include <QDir>
#include <QSaveFile>

#include <nlohmann/json.hpp>

namespace rnnwb::app {

bool writeRunReport(const RunOutcome& outcome, const QString& path, QString* error)
{
    const std::string text = runReport(outcome).dump(2) + "\n";
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(text.data(), qint64(text.size())) == qint64(text.size())
        && file.commit())
        return true;
    if (error)
        *error = QObject::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return false;
}

} // namespace rnnwb::app
