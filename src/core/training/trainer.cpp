#include "core/training/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <thread>

namespace rnnwb {

std::string stopReasonName(StopReason r)
{
    switch (r) {
    case StopReason::Running: return "running";
    case StopReason::Completed: return "completed";
    case StopReason::EarlyStopping: return "early-stopping";
    case StopReason::Diverged: return "diverged";
    case StopReason::Cancelled: return "cancelled";
    }
    return "running";
}

std::string stopReasonExplanation(StopReason reason, int epochs)
{
    const std::string after = " after " + std::to_string(epochs) + (epochs == 1 ? " epoch" : " epochs");
    switch (reason) {
    case StopReason::Running: return "training is running";
    case StopReason::Completed: return "training completed" + after;
    case StopReason::EarlyStopping:
        return "early stopping" + after + ": the validation loss stopped improving; the best weights were restored";
    case StopReason::Diverged:
        return "training diverged" + after
               + ": the loss became infinite, NaN or over 100 times its best value; "
                 "the last good weights were kept. Try a smaller learning rate or gradient clipping";
    case StopReason::Cancelled: return "training was stopped" + after;
    }
    return {};
}

Trainer::Trainer(Dataset data, const TrainConfig& config, std::string columnName)
    : data_(std::move(data)), config_(config), columnName_(std::move(columnName)),
      shuffler_(config.seed ^ 0x5eedba7c4e5ULL)
{
    const std::vector<std::string> problems = configProblems(config);
    if (!problems.empty())
        throw std::invalid_argument(problems.front());
    if (data_.split.window != config.window)
        throw std::invalid_argument("the dataset was prepared for another window");
    const NetworkShape shape = networkShape(config);
    network_ = std::make_unique<Network<float>>(shape);
    network_->setParameters(config.initWeights.empty() ? initialParameters<float>(shape, config.seed)
                                                       : loadWeights(config.initWeights, shape));
    optimizer_ = makeOptimizer<float>(optimizerSettings(config));
    fullTrainBatch_ = data_.batch(Part::Train); // the same tensors every full-batch epoch
    validationBatch_ = data_.batch(Part::Validation);
    lastGood_ = network_->parameters();
}

// One optimizer step on a batch; returns the loss of its forward pass. NaN, with the weights
// untouched, when cancel cut the forward or backward pass short.
double Trainer::trainStep(const Batch<float>& b)
{
    constexpr double kCutShort = std::numeric_limits<double>::quiet_NaN();
    const Mat<float>& prediction
        = network_->forward(b.inputs, b.steps, b.batch, b.outputs, nullptr, LayerStates::NotNeeded);
    if (network_->cancelRequested())
        return kCutShort;
    const double loss = double(meanSquaredError(prediction, b.targets, &dPrediction_));
    if (!std::isfinite(loss))
        return loss; // no step: the caller stops with the last good weights
    network_->zeroGradients();
    network_->backward(dPrediction_);
    if (network_->cancelRequested())
        return kCutShort;
    if (config_.clip > 0)
        clipGradientNorm<float>(network_->gradients(), config_.clip);
    optimizer_->step(network_->parameters(), network_->gradients());
    return loss;
}

bool TrainControl::waitWhilePaused() const
{
    while (pause && pause->load() && !cancelled())
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return !cancelled();
}

// Mean training loss of the epoch, weighted by minibatch size; NaN when cancelled midway.
double Trainer::trainOneEpoch(const TrainControl& control)
{
    const std::size_t n = data_.split.train;
    const bool minibatches = config_.layout == Layout::Sequence && config_.batch > 0 && std::size_t(config_.batch) < n;
    if (!minibatches)
        return trainStep(fullTrainBatch_);
    std::vector<std::size_t> windows = data_.windowsOf(Part::Train);
    std::shuffle(windows.begin(), windows.end(), shuffler_);
    double weighted = 0.0;
    for (std::size_t start = 0; start < n; start += std::size_t(config_.batch)) {
        if (!control.waitWhilePaused())
            return std::numeric_limits<double>::quiet_NaN();
        const std::size_t count = std::min(std::size_t(config_.batch), n - start);
        const double loss = trainStep(data_.batch(std::span<const std::size_t>(windows).subspan(start, count)));
        weighted += loss * double(count);
        if (!std::isfinite(loss))
            break;
    }
    return weighted / double(n);
}

double Trainer::measureValidationLoss()
{
    if (data_.split.validation == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const Batch<float>& b = validationBatch_;
    const Mat<float>& prediction
        = network_->forward(b.inputs, b.steps, b.batch, b.outputs, nullptr, LayerStates::NotNeeded);
    if (network_->cancelRequested())
        return std::numeric_limits<double>::quiet_NaN();
    return double(meanSquaredError(prediction, b.targets));
}

namespace {

// The network sees the cancel flag only while an epoch runs: between epochs (live predictions,
// views, Step) its passes always run to the end.
class CancelScope {
public:
    CancelScope(Network<float>& network, const std::atomic<bool>* flag) : network_(network)
    {
        network_.setCancelFlag(flag);
    }
    ~CancelScope() { network_.setCancelFlag(nullptr); }
    CancelScope(const CancelScope&) = delete;
    CancelScope& operator=(const CancelScope&) = delete;

private:
    Network<float>& network_;
};

} // namespace

EpochProgress Trainer::runEpoch(const TrainControl& control)
{
    EpochProgress progress;
    if (finished())
        return progress;
    const auto start = std::chrono::steady_clock::now();
    const CancelScope scope(*network_, control.cancel);
    epochStart_ = network_->parameters();
    const double trainLoss = trainOneEpoch(control); // measured on epochStart_ (full batch)
    if (control.cancelled() && std::isnan(trainLoss)) {
        discardCancelledEpoch();
    } else if (isDivergent(trainLoss)) {
        stopDiverged();
    } else {
        const double validationLoss = measureValidationLoss();
        if (network_->cancelRequested()) {
            discardCancelledEpoch();
        } else {
            lastGood_ = epochStart_;
            afterEpoch(trainLoss, validationLoss);
        }
    }
    seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    progress.epoch = epochsRun();
    progress.epochs = config_.epochs;
    progress.trainLoss = trainLoss_.empty() ? trainLoss : trainLoss_.back();
    progress.validationLoss = validationLoss_.empty() ? progress.validationLoss : validationLoss_.back();
    progress.elapsedSeconds = seconds_;
    return progress;
}

bool Trainer::isDivergent(double trainLoss) const
{
    return !std::isfinite(trainLoss) || trainLoss > kDivergenceFactor * bestTrainLoss_;
}

void Trainer::stopDiverged()
{
    network_->setParameters(lastGood_);
    stop_ = StopReason::Diverged;
}

// Cancelled inside an epoch: its minibatch steps so far are undone, so the weights are those
// of the last whole epoch (the ones its losses were reported for).
void Trainer::discardCancelledEpoch()
{
    network_->setParameters(epochStart_);
    stop_ = StopReason::Cancelled;
}

void Trainer::afterEpoch(double trainLoss, double valLoss)
{
    const bool hasValidation = data_.split.validation > 0;
    if (!network_->parameters().allFinite() || (hasValidation && !std::isfinite(valLoss))) {
        stopDiverged();
        return;
    }
    trainLoss_.push_back(trainLoss);
    bestTrainLoss_ = std::min(bestTrainLoss_, trainLoss);
    if (hasValidation)
        validationLoss_.push_back(valLoss);
    if (config_.patience > 0 && hasValidation) {
        if (valLoss < bestValidation_) {
            bestValidation_ = valLoss;
            best_ = network_->parameters();
            epochsSinceBest_ = 0;
        } else if (++epochsSinceBest_ >= config_.patience) {
            network_->setParameters(best_);
            stop_ = StopReason::EarlyStopping;
            return;
        }
    }
    if (epochsRun() >= config_.epochs)
        stop_ = StopReason::Completed;
}

StopReason Trainer::run(const TrainControl& control)
{
    while (!finished()) {
        if (!control.waitWhilePaused()) {
            stop_ = StopReason::Cancelled;
            break;
        }
        const EpochProgress p = runEpoch(control);
        if (control.onEpoch && p.epoch > 0)
            control.onEpoch(p);
    }
    return stop_;
}

Model Trainer::model() const
{
    Model m;
    m.config = config_;
    m.shape = network_->shape();
    m.parameters = network_->parameters();
    m.scaler = data_.scaler;
    m.columnName = columnName_;
    return m;
}

} // namespace rnnwb
