#pragma once
// Conversions between the core's UTF-8 std::string and QString.
#include <QFile>
#include <QString>

#include <string>

namespace rnnwb::app {

inline QString toQ(const std::string& text) { return QString::fromStdString(text); }
inline std::string toStd(const QString& text) { return text.toStdString(); }
// A file name as the operating system wants it (for the core's std::string paths).
inline std::string toLocalPath(const QString& path) { return QFile::encodeName(path).toStdString(); }

} // namespace rnnwb::app
