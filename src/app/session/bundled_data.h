#pragma once
// The datasets compiled into the app and the generated teaching series, for the Data menu.
#include <QList>
#include <QString>

#include <functional>
#include <vector>

namespace rnnwb::app {

struct BundledDataset {
    QString title;       // menu text
    QString path;        // ":/data/..."
    QString description; // tooltip
};

struct TeachingSeries {
    QString id; // stable name (used as the data label)
    QString title;
    QString description;
    QString hint; // what to try with it, shown in the Data panel
    std::function<std::vector<double>()> generate;
};

QString defaultDatasetPath(); // the seed's airline passengers
QList<BundledDataset> bundledDatasets();
QList<TeachingSeries> teachingSeries();

} // namespace rnnwb::app
