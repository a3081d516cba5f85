#include "app/session/model_actions.h"

#include "app/session/data_document.h"
#include "app/session/qt_text.h"
#include "core/base/atomic_file.h"
#include "core/base/safetensors.h"
#include "core/forecast/apply_model.h"
#include "core/forecast/forecast.h"
#include "core/interop/pytorch_script.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTimeZone>

namespace rnnwb::app {

namespace {

QString native(const QString& path) { return QDir::toNativeSeparators(path); }

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

// The date of series index k: the data's own dates, then steps of whole months when the last
// two dates are whole months apart on the same day (monthly data), else steps of their
// distance in seconds.
QString dateAt(const TimedSeries& s, std::size_t k)
{
    const std::size_t n = s.x.size();
    if (!s.dates || n == 0)
        return {};
    const auto at = [](double seconds) { return QDateTime::fromSecsSinceEpoch(qint64(seconds), QTimeZone::utc()); };
    const auto iso = [](const QDateTime& t) {
        return t.time() == QTime(0, 0) ? t.date().toString(Qt::ISODate) : t.toString(Qt::ISODate);
    };
    if (k < n)
        return iso(at(s.x[k]));
    if (n < 2)
        return {};
    const QDateTime last = at(s.x[n - 1]), before = at(s.x[n - 2]);
    const qint64 ahead = qint64(k) - qint64(n - 1);
    const int months = (last.date().year() - before.date().year()) * 12 + last.date().month() - before.date().month();
    if (months > 0 && last.date().day() == before.date().day() && last.time() == before.time())
        return iso(last.addMonths(int(ahead) * months));
    return iso(last.addSecs(ahead * before.secsTo(last)));
}

} // namespace

bool saveRunModel(const RunRecord& run, const QString& path, QString* error)
{
    try {
        saveModel(toLocalPath(path), run.outcome.model);
        return true;
    } catch (const std::exception& e) {
        return fail(error, toQ(e.what()));
    }
}

std::optional<RunRecord> runFromModelFile(const QString& path, DataDocument& document, QString* error)
{
    const QString name = QFileInfo(path).fileName();
    try {
        const Model model = loadModel(toLocalPath(path));
        if (!document.hasTable()) {
            fail(error,
                 QObject::tr("%1: open a CSV file first; the model predicts one of its columns").arg(native(path)));
            return std::nullopt;
        }
        Dataset data;
        try {
            data = modelDataset(model, modelSeries(model, document.table()));
        } catch (const ModelDataError& e) {
            if (e.problem() == ModelDataError::Problem::NoSuchColumn)
                fail(error, QObject::tr("%1: the model predicts the column '%2', and %3 has no such column")
                                .arg(native(path), toQ(model.columnName), document.label()));
            else
                fail(error, QObject::tr("%1: the model (window %2) does not fit %3: %4")
                                .arg(native(path))
                                .arg(model.config.window)
                                .arg(document.label(), toQ(e.what())));
            return std::nullopt;
        }
        document.setMissingPolicy(model.config.missing);
        document.setColumnSpec(model.columnName);
        RunOutcome outcome = summarizeModel(model, data, document.reportName());
        return RunRecord{0,
                         QObject::tr("%1 (model %2)").arg(document.label(), name),
                         std::move(outcome),
                         document.plotSeries(),
                         data.split,
                         0.0,
                         {}}; // its source: the session's data, set as it joins the session
    } catch (const std::exception& e) {
        fail(error, toQ(e.what())); // FileFormatError: "FILE: reason"
        return std::nullopt;
    }
}

bool writeRunPredictions(const RunRecord& run, const Provenance& provenance, int horizon, double coverage,
                         const QString& path, QString* error)
{
    const RunOutcome& o = run.outcome;
    try {
        const PartPrediction parts[] = {o.train.prediction, o.validation.prediction, o.test.prediction};
        std::vector<PredictionRow> rows = predictionRows(parts);
        if (horizon > 0) {
            if (!run.series)
                return fail(error, QObject::tr("%1: the run has no series to forecast from").arg(native(path)));
            const std::vector<double>& values = run.series->y;
            const Dataset data = Dataset::withScaler(values, o.model.config, o.model.scaler);
            const std::vector<PredictionRow> ahead
                = forecastRows(forecastWithIntervals(o.model, data, horizon, coverage));
            rows.insert(rows.end(), ahead.begin(), ahead.end());
        }
        const bool dates = run.series && run.series->dates;
        for (PredictionRow& row : rows)
            row.date = dates ? toStd(dateAt(*run.series, row.index)) : std::string();
        writePredictionCsv(toLocalPath(path), provenance, rows, dates);
        return true;
    } catch (const std::exception& e) {
        return fail(error, toQ(e.what()).contains(path) ? toQ(e.what()) : native(path) + u": " + toQ(e.what()));
    }
}

QString scriptModelPath(const QString& scriptPath)
{
    const QFileInfo info(scriptPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".safetensors"));
}

bool writeRunScript(const RunRecord& run, const QString& scriptPath, QString* error)
{
    const QString modelPath = scriptModelPath(scriptPath);
    if (!saveRunModel(run, modelPath, error))
        return false;
    try {
        writeFileAtomically(toLocalPath(scriptPath),
                            pytorchScript(run.outcome.model, toStd(QFileInfo(modelPath).fileName())));
        return true;
    } catch (const std::exception& e) {
        return fail(error, toQ(e.what()));
    }
}

} // namespace rnnwb::app
