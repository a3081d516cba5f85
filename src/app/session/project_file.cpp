#include "app/session/project_file.h"

#include "app/session/qt_text.h"

#include <QDir>
#include <QFileInfo>

namespace rnnwb::app {

ProjectRun projectRun(const RunRecord& run)
{
    const RunOutcome& o = run.outcome;
    ProjectRun r;
    r.label = toStd(run.dataLabel);
    r.model = o.model;
    r.trainLoss = o.trainLoss;
    r.validationLoss = o.validationLoss;
    r.stop = o.stop;
    r.trainSeconds = o.trainSeconds;
    r.wallSeconds = run.wallSeconds;
    r.metrics = {{"train", metricsToJson(o.train.metrics)}, {"test", metricsToJson(o.test.metrics)}};
    if (o.validation.metrics.count > 0)
        r.metrics["validation"] = metricsToJson(o.validation.metrics);
    return r;
}

std::optional<RunRecord> restoreRun(const ProjectRun& run, std::shared_ptr<const TimedSeries> series,
                                    const std::string& dataFile, QString* error)
{
    try {
        const std::vector<double>& values = series->y;
        const Dataset data = Dataset::withScaler(values, run.model.config, run.model.scaler);
        RunOutcome o = summarizeModel(run.model, data, dataFile);
        o.trainLoss = run.trainLoss;
        o.validationLoss = run.validationLoss;
        o.stop = run.stop;
        o.trainSeconds = run.trainSeconds;
        return RunRecord{0, toQ(run.label), std::move(o), std::move(series), data.split, run.wallSeconds, {}};
    } catch (const std::exception& e) {
        if (error)
            *error = toQ(e.what());
        return std::nullopt;
    }
}

QString locateDataset(const Project& project, const QString& projectPath)
{
    const QString path = toQ(project.datasetPath);
    if (!path.isEmpty() && QFileInfo::exists(path))
        return path;
    if (project.datasetRelative.empty())
        return {};
    const QString relative = QFileInfo(projectPath).dir().filePath(toQ(project.datasetRelative));
    return QFileInfo::exists(relative) ? QFileInfo(relative).absoluteFilePath() : QString();
}

QString relativeDatasetPath(const QString& datasetPath, const QString& projectPath)
{
    if (datasetPath.startsWith(u':'))
        return {};
    return QFileInfo(projectPath).absoluteDir().relativeFilePath(QFileInfo(datasetPath).absoluteFilePath());
}

} // namespace rnnwb::app
