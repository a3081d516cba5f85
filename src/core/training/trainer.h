#pragma once
// Trains a network on a prepared dataset, one epoch at a time.
//
// An epoch is one pass over the training windows: full batch (one optimizer step) or, in the
// sequence layout, minibatches of `batch` windows shuffled each epoch by a generator seeded
// from the configuration. After each epoch the validation loss is measured (when there is a
// validation part). Stops: all epochs done, early stopping (the best validation weights are
// restored), divergence or cancel. Divergence is a non-finite loss, or a training loss above
// kDivergenceFactor times the best one so far; the weights kept are then those of the last
// epoch whose measured loss was good, so the model handed back is never the exploded one.
// Cancel reaches inside an epoch (the layers check it at every time step, so even one long
// full-batch pass stops within a step); the unfinished epoch is then discarded and the weights
// are those at its start: a cancelled run holds exactly the model of its last whole epoch.
// Same data, configuration and build: bit-identical losses and weights.
#include "core/nn/network.h"
#include "core/nn/optimizer.h"
#include "core/training/dataset.h"
#include "core/training/model.h"

#include <atomic>
#include <functional>
#include <memory>
#include <random>

namespace rnnwb {

enum class StopReason { Running, Completed, EarlyStopping, Diverged, Cancelled };
std::string stopReasonName(StopReason reason); // "completed", "early-stopping", ...
// One sentence for the user on why training stopped after `epochs` epochs.
std::string stopReasonExplanation(StopReason reason, int epochs);

struct EpochProgress {
    int epoch = 0;          // 1-based
    int epochs = 0;         // planned
    double trainLoss = 0.0; // mean over the epoch's training windows, scaled data
    double validationLoss = std::numeric_limits<double>::quiet_NaN(); // NaN without a validation part
    double elapsedSeconds = 0.0;
};

struct TrainControl {
    const std::atomic<bool>* cancel = nullptr; // checked between epochs and minibatches and at
                                               // every time step of a forward or backward pass
    const std::atomic<bool>* pause = nullptr;  // while set, training waits there (cancel still works)
    std::function<void(const EpochProgress&)> onEpoch;

    bool cancelled() const { return cancel && cancel->load(); }
    // Blocks while paused; returns false when cancelled.
    bool waitWhilePaused() const;
};

class Trainer {
public:
    static constexpr double kDivergenceFactor = 100.0;

    // Throws std::invalid_argument when the configuration does not fit the data, or
    // FileFormatError when --init-weights cannot be used.
    Trainer(Dataset data, const TrainConfig& config, std::string columnName = {});

    // One epoch (the app's Step). Returns its progress; check stopReason() afterwards.
    EpochProgress runEpoch(const TrainControl& control = {});
    // Epochs until done or cancelled; returns why it stopped.
    StopReason run(const TrainControl& control = {});

    bool finished() const { return stop_ != StopReason::Running; }
    StopReason stopReason() const { return stop_; }
    int epochsRun() const { return int(trainLoss_.size()); }
    const std::vector<double>& trainLoss() const { return trainLoss_; }
    const std::vector<double>& validationLoss() const { return validationLoss_; }
    double trainSeconds() const { return seconds_; }
    const Dataset& data() const { return data_; }
    const TrainConfig& config() const { return config_; }
    // The network as it stands (for live predictions and views between epochs).
    Network<float>& network() { return *network_; }
    // A self-contained copy of the current weights with everything needed to use them.
    Model model() const;
    // Marks the run cancelled (e.g. the user pressed Stop between steps).
    void cancel()
    {
        if (!finished())
            stop_ = StopReason::Cancelled;
    }

private:
    double trainOneEpoch(const TrainControl& control);
    double trainStep(const Batch<float>& batch);
    double measureValidationLoss();
    void afterEpoch(double trainLoss, double validationLoss);
    bool isDivergent(double trainLoss) const;
    void stopDiverged();
    void discardCancelledEpoch();

    Dataset data_;
    TrainConfig config_;
    std::string columnName_;
    std::unique_ptr<Network<float>> network_;
    std::unique_ptr<Optimizer<float>> optimizer_;
    std::mt19937_64 shuffler_;
    Mat<float> dPrediction_; // dLoss/dprediction of the latest step, reused across steps
    Batch<float> fullTrainBatch_, validationBatch_;
    std::vector<double> trainLoss_, validationLoss_;
    Vec<float> epochStart_; // weights at the start of the running epoch
    Vec<float> lastGood_;   // the latest weights whose measured training loss was good
    Vec<float> best_;       // the weights of the best validation loss (early stopping)
    double bestTrainLoss_ = std::numeric_limits<double>::infinity();
    double bestValidation_ = std::numeric_limits<double>::infinity();
    int epochsSinceBest_ = 0;
    double seconds_ = 0.0;
    StopReason stop_ = StopReason::Running;
};

} // namespace rnnwb
