#include "app/session/cell_comparison.h"

#include "app/session/teaching_series.h"
#include "core/inspect/gradient_flow.h"

#include <algorithm>

namespace rnnwb::app {

namespace {
constexpr CellType kCells[] = {CellType::Rnn, CellType::Gru, CellType::Lstm};

int cellOrder(CellType cell) { return int(std::find(std::begin(kCells), std::end(kCells), cell) - std::begin(kCells)); }
} // namespace

CellComparison::CellComparison(QObject* parent) : QObject(parent), runner_(this)
{
    qRegisterMetaType<CellComparisonResult>();
    connect(&runner_, &SweepRunner::runFinished, this, &CellComparison::onRunFinished);
    connect(&runner_, &SweepRunner::runFailed, this, [this](const QString& label, const QString& message) {
        emit failed(label + QStringLiteral(": ") + message);
    });
    connect(&runner_, &SweepRunner::progress, this, &CellComparison::progress);
    connect(&runner_, &SweepRunner::allFinished, this, &CellComparison::onAllFinished);
}

TrainConfig CellComparison::comparisonConfig(const TrainConfig& user)
{
    TrainConfig config;
    config.optimizer = user.optimizer;
    config.learningRate = user.learningRate;
    config.momentum = user.momentum;
    config.seed = user.seed;
    config.layout = Layout::Sequence;
    config.window = 25;
    config.hidden = 32;
    config.layers = 1;
    config.batch = 16;
    config.epochs = 200;
    return config;
}

void CellComparison::start(const TrainConfig& user)
{
    Series generated;
    generated.name = tr("long memory (lag 24)").toStdString();
    generated.values = longMemory();
    const std::shared_ptr<const TimedSeries> series = makeTimedSeries(generated);
    runner_.setRunContext(series->name, series);
    std::vector<SweepRun> runs;
    for (CellType cell : kCells) {
        TrainConfig config = comparisonConfig(user);
        config.cell = cell;
        runs.push_back({config, cellName(cell)});
    }
    results_.clear();
    RunRequest request;
    request.values = generated.values;
    request.columnName = "value";
    runner_.start(request, runs);
}

void CellComparison::onRunFinished(const RunRecord& run)
{
    const Model& model = run.outcome.model;
    const std::vector<double>& values = run.series->y; // what it trained on
    CellComparisonResult result;
    result.cell = model.config.cell;
    result.topLayerNorms
        = gradientFlow(model, Dataset::withScaler(values, model.config, model.scaler), Part::Train).norms.back();
    result.finalTrainLoss = run.outcome.trainLoss.empty() ? 0.0 : run.outcome.trainLoss.back();
    result.testRmse = run.outcome.test.metrics.rmse;
    results_.push_back(std::move(result));
}

void CellComparison::onAllFinished()
{
    std::sort(results_.begin(), results_.end(),
              [](const auto& a, const auto& b) { return cellOrder(a.cell) < cellOrder(b.cell); });
    emit finished(results_);
}

} // namespace rnnwb::app
