#include "app/session/data_document.h"

#include "app/session/qt_text.h"

#include <QFile>
#include <QFileInfo>

#include <cmath>
#include <cstdio>

namespace rnnwb::app {

namespace {

CsvTable readTable(const QString& path)
{
    if (!path.startsWith(u':'))
        return readCsvFile(toLocalPath(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw CsvError(toStd(path), 0, "cannot read the bundled file");
    const QByteArray bytes = file.readAll();
    return parseCsv(std::string_view(bytes.constData(), std::size_t(bytes.size())), toStd(QFileInfo(path).fileName()));
}

} // namespace

std::shared_ptr<const TimedSeries> makeTimedSeries(const Series& series)
{
    auto plot = std::make_shared<TimedSeries>();
    plot->name = toQ(series.name);
    plot->y = series.values;
    bool dates = !series.time.empty();
    for (double t : series.time)
        dates = dates && std::isfinite(t);
    plot->dates = dates;
    plot->x.resize(plot->y.size());
    for (std::size_t i = 0; i < plot->x.size(); ++i)
        plot->x[i] = dates ? series.time[i] : double(i);
    return plot;
}

DataDocument::DataDocument(QObject* parent) : QObject(parent) { }
DataDocument::~DataDocument() = default;

bool DataDocument::openFile(const QString& path, QString* error)
{
    try {
        CsvTable table = readTable(path);
        defaultColumn(table); // throws when there is nothing to train on
        const bool bundled = path.startsWith(u':');
        const QString name = QFileInfo(path).fileName();
        adopt(std::move(table), bundled ? tr("%1 (bundled)").arg(name) : name, bundled ? QString() : path,
              bundled ? toStd(name) : toStd(path), QString(), dataSourceOf(path));
        return true;
    } catch (const std::exception& e) {
        const QString message = toQ(e.what());
        if (error)
            *error = message;
        emit loadFailed(message);
        return false;
    }
}

void DataDocument::setGenerated(const QString& label, const std::vector<double>& values, const QString& hint)
{
    std::string text = "value\n";
    char number[40];
    for (double v : values) {
        std::snprintf(number, sizeof number, "%.17g\n", v);
        text += number;
    }
    adopt(parseCsv(text, toStd(label)), label, QString(), toStd(label), hint, DataSource{});
}

void DataDocument::adopt(CsvTable table, const QString& label, const QString& filePath, std::string reportName,
                         const QString& hint, DataSource source)
{
    column_ = int(defaultColumn(table));
    columnSpec_.clear();
    table_ = std::make_shared<const CsvTable>(std::move(table));
    label_ = label;
    filePath_ = filePath;
    reportName_ = std::move(reportName);
    hint_ = hint;
    source_ = std::move(source);
    rebuildSeries();
    emit dataChanged();
    emit seriesChanged();
}

QString DataDocument::columnName() const
{
    if (!table_ || column_ < 0)
        return {};
    return toQ(table_->columns[std::size_t(column_)].name);
}

void DataDocument::setColumn(int index)
{
    if (!table_ || index < 0 || std::size_t(index) >= table_->columns.size() || index == column_)
        return;
    column_ = index;
    columnSpec_ = index == int(defaultColumn(*table_)) ? std::string() : table_->columns[std::size_t(index)].name;
    rebuildSeries();
    emit seriesChanged();
}

bool DataDocument::setColumnSpec(const std::string& nameOrIndex, QString* error)
{
    if (!table_)
        return false;
    try {
        const std::size_t index = chosenColumn(*table_, nameOrIndex);
        column_ = int(index);
        columnSpec_ = nameOrIndex;
        rebuildSeries();
        emit seriesChanged();
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = toQ(e.what());
        return false;
    }
}

void DataDocument::setMissingPolicy(MissingPolicy policy)
{
    if (policy == missing_)
        return;
    missing_ = policy;
    rebuildSeries();
    emit seriesChanged();
}

void DataDocument::rebuildSeries()
{
    series_.reset();
    plot_.reset();
    seriesError_.clear();
    try {
        series_ = extractSeries(*table_, std::size_t(column_), missing_);
        plot_ = makeTimedSeries(*series_);
    } catch (const std::exception& e) {
        seriesError_ = toQ(e.what());
    }
}

} // namespace rnnwb::app
