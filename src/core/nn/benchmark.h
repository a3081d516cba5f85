#pragma once
// The training benchmark of `rnnwb bench`: fixed LSTM configurations trained on
// random data through the real code path (Network<float> forward, MSE, backward, Adam step),
// with every batch prepared before the clock starts. Pure C++, no Qt.
//
// Work counted (the GFLOP/s figure): one LSTM layer step does the two products
// W_ih x_t and W_hh h_{t-1}, i.e. 2·G·H·(I+H) flops per sample (G = 4 gates, I = the layer's
// input size: `inputs` for layer 0, H above). Backward does twice that (dW and dX/dh), so
//   flops per epoch = stepsPerEpoch · 3 · Σ_layers 2·G·H·(I_l + H) · T · B.
// Elementwise gate work, the linear head and the optimizer are not counted.
#include "core/nn/network.h"

#include <optional>
#include <string>
#include <vector>

namespace rnnwb {

struct BenchConfig {
    std::string name;
    int steps = 0;  // T
    int batch = 0;  // B
    int inputs = 0; // I
    int hidden = 0; // H
    int layers = 0;
    int stepsPerEpoch = 0; // optimizer steps (batches) per epoch
    OutputSteps outputs = OutputSteps::Last;
};

// seed, seq5, long10k, wide256 (README, "Command line").
const std::vector<BenchConfig>& benchConfigs();
std::optional<BenchConfig> findBenchConfig(const std::string& name);
// Flops of one epoch, by the formula above.
double benchFlopsPerEpoch(const BenchConfig& config);

// One configuration ready to train: network, Adam (lr 1e-3), random batches from a fixed seed.
class BenchRun {
public:
    explicit BenchRun(const BenchConfig& config, std::uint64_t seed = 0);
    ~BenchRun();
    BenchRun(const BenchRun&) = delete;
    BenchRun& operator=(const BenchRun&) = delete;

    // One epoch: stepsPerEpoch × (forward, MSE, backward, Adam step). Returns the mean loss.
    double runEpoch();
    const Network<float>& network() const { return *network_; }

private:
    struct State;
    BenchConfig config_;
    std::unique_ptr<Network<float>> network_;
    std::unique_ptr<State> state_;
};

struct BenchResult {
    BenchConfig config;
    double secondsPerEpoch = 0.0; // median of the timed samples
    std::vector<double> samples;  // seconds per epoch of each timed sample
    int epochsPerSample = 1;      // tiny configurations repeat the epoch to get a measurable time
    double flopsPerEpoch = 0.0;
    double gflops = 0.0;   // flopsPerEpoch / secondsPerEpoch / 1e9
    double lastLoss = 0.0; // mean loss of the last epoch run (a sanity figure)
};

// Warm-up epoch(s), then `samples` timed samples (each of enough epochs to last at least
// minSampleSeconds); the result is their median.
BenchResult runBenchmark(const BenchConfig& config, int samples = 3, double minSampleSeconds = 0.2);

} // namespace rnnwb
