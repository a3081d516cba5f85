#pragma once
// The file a session's data was read from, as it was when read: what a project refers to and
// what every export names.
#include <QString>

namespace rnnwb::app {

struct DataSource {
    QString path;   // a file or a ":/" resource; empty for generated series
    QString sha256; // lowercase hex of its bytes
    bool operator==(const DataSource&) const = default;
};

// Lowercase hex SHA-256 of a file (or resource); empty when it cannot be read.
QString fileSha256(const QString& path);
DataSource dataSourceOf(const QString& path);

} // namespace rnnwb::app
