#include "app/session/provenance.h"

#include "app/session/qt_text.h"
#include "app/session/run_list_model.h"

#include <QFileInfo>

#include <nlohmann/json.hpp>

namespace rnnwb::app {

namespace {
std::string datasetName(const DataSource& source, const QString& label)
{
    if (source.path.isEmpty())
        return toStd(label);
    if (source.path.startsWith(u':')) // a resource: the name the user knows
        return toStd(QObject::tr("%1 (bundled with RNN Workbench)").arg(QFileInfo(source.path).fileName()));
    return toStd(source.path);
}
} // namespace

Provenance runProvenance(const RunRecord* run, const DataSource& source, const TrainConfig& current,
                         const QString& dataLabel)
{
    const TrainConfig& config = run ? run->outcome.config : current;
    Provenance p = {{"app", "RNN Workbench " RNNWB_VERSION},
                    {"dataset", datasetName(source, dataLabel)},
                    {"dataset_sha256", source.sha256.isEmpty() ? "unknown (generated data)" : toStd(source.sha256)},
                    {"column", run ? run->outcome.column : config.column},
                    {"run", run ? std::to_string(run->number) : "none (not trained yet)"},
                    {"hyperparameters", toStd(describeConfig(config))},
                    {"config", configToJson(config).dump()},
                    {"seed", std::to_string(config.seed)}};
    if (run) {
        const RunOutcome& o = run->outcome;
        nlohmann::json metrics = {{"train", metricsToJson(o.train.metrics)}, {"test", metricsToJson(o.test.metrics)}};
        if (o.validation.metrics.count > 0)
            metrics["validation"] = metricsToJson(o.validation.metrics);
        p.emplace_back("metrics", metrics.dump());
        p.emplace_back("epochs", std::to_string(o.trainLoss.size()) + " (" + stopReasonName(o.stop) + ")");
    }
    return p;
}

} // namespace rnnwb::app
