#pragma once
// The data the session works on: the parsed table, the chosen column and missing-value policy,
// and the series they give. Panels view and edit it; training takes its series.
#include "app/session/data_source.h"
#include "core/data/csv_reader.h"
#include "core/data/series.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace rnnwb::app {

// A series with its time axis, as the session keeps it for the charts and for its runs: y
// is the values the core trains on, x is seconds since the epoch when the table has a
// complete date column (dates == true), else the row position 0, 1, 2, ...
struct TimedSeries {
    std::vector<double> x, y;
    bool dates = false;
    QString name;
};

std::shared_ptr<const TimedSeries> makeTimedSeries(const Series& series);

class DataDocument : public QObject {
    Q_OBJECT
public:
    explicit DataDocument(QObject* parent = nullptr);
    ~DataDocument() override;

    // Opens a CSV file (or a ":/..." resource). On failure the current data stays, loadFailed is
    // emitted and false returned with the reason in *error.
    bool openFile(const QString& path, QString* error = nullptr);
    // A generated series, parsed as the one-column CSV file it would be if saved.
    void setGenerated(const QString& label, const std::vector<double>& values, const QString& hint = {});

    bool hasTable() const { return table_ != nullptr; }
    const CsvTable& table() const { return *table_; }
    std::shared_ptr<const CsvTable> sharedTable() const { return table_; }
    QString label() const { return label_; }               // what the user sees: file name or series name
    QString filePath() const { return filePath_; }         // the file on disk; empty for bundled/generated
    std::string reportName() const { return reportName_; } // data.file in reports
    QString hint() const { return hint_; }                 // advice shown with teaching series
    // The file the data was read from, as it was when read; empty for a generated series.
    const DataSource& source() const { return source_; }

    int column() const { return column_; }
    QString columnName() const;
    // The column as the configuration names it: empty for the default column, else its name.
    std::string columnSpec() const { return columnSpec_; }
    void setColumn(int index);
    // A column by name or 0-based index (--column); false with the reason when there is none.
    bool setColumnSpec(const std::string& nameOrIndex, QString* error = nullptr);

    MissingPolicy missingPolicy() const { return missing_; }
    void setMissingPolicy(MissingPolicy policy);

    // Null when the chosen column gives no series; seriesError() then says why.
    const Series* series() const { return series_ ? &*series_ : nullptr; }
    QString seriesError() const { return seriesError_; }
    std::shared_ptr<const TimedSeries> plotSeries() const { return plot_; }

signals:
    void dataChanged();   // a new table was loaded (seriesChanged follows)
    void seriesChanged(); // the series changed: new table, column or missing-value policy
    void loadFailed(const QString& message);

private:
    void adopt(CsvTable table, const QString& label, const QString& filePath, std::string reportName,
               const QString& hint, DataSource source);
    void rebuildSeries();

    std::shared_ptr<const CsvTable> table_;
    QString label_, filePath_, hint_;
    std::string reportName_;
    DataSource source_;
    int column_ = -1;
    std::string columnSpec_;
    MissingPolicy missing_ = MissingPolicy::Drop;
    std::optional<Series> series_;
    QString seriesError_;
    std::shared_ptr<const TimedSeries> plot_;
};

} // namespace rnnwb::app
