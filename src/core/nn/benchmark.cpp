#include "core/nn/benchmark.h"

#include "core/nn/optimizer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>

namespace rnnwb {

const std::vector<BenchConfig>& benchConfigs()
{
    //                                        name       T    B   I    H  L  steps  loss on
    static const std::vector<BenchConfig> configs = {
        {"seed", 97, 1, 5, 45, 2, 1, OutputSteps::All},
        {"seq5", 5, 97, 1, 45, 2, 1, OutputSteps::Last},
        {"long10k", 48, 256, 1, 128, 2, 39, OutputSteps::Last},
        {"wide256", 64, 64, 1, 256, 1, 10, OutputSteps::Last},
    };
    return configs;
}

std::optional<BenchConfig> findBenchConfig(const std::string& name)
{
    for (const BenchConfig& c : benchConfigs())
        if (c.name == name)
            return c;
    return std::nullopt;
}

double benchFlopsPerEpoch(const BenchConfig& c)
{
    constexpr double gates = 4.0; // LSTM
    double perSample = 0.0;       // forward flops of one time step of one sample, all layers
    for (int l = 0; l < c.layers; ++l) {
        const double in = l == 0 ? c.inputs : c.hidden;
        perSample += 2.0 * gates * c.hidden * (in + c.hidden);
    }
    return double(c.stepsPerEpoch) * 3.0 * perSample * double(c.steps) * double(c.batch);
}

struct BenchRun::State {
    std::unique_ptr<Optimizer<float>> optimizer;
    Mat<float> inputs, targets, dPrediction;
};

BenchRun::BenchRun(const BenchConfig& config, std::uint64_t seed) : config_(config), state_(std::make_unique<State>())
{
    NetworkShape shape;
    shape.cell = CellType::Lstm;
    shape.inputSize = config.inputs;
    shape.hiddenSize = config.hidden;
    shape.layers = config.layers;
    network_ = std::make_unique<Network<float>>(shape);
    network_->setParameters(initialParameters<float>(shape, seed));

    OptimizerSettings settings;
    settings.kind = OptimizerKind::Adam;
    settings.learningRate = 1e-3;
    state_->optimizer = makeOptimizer<float>(settings);

    std::mt19937_64 generator(seed ^ 0xbe9c4ULL);
    std::normal_distribution<float> normal;
    const Eigen::Index cols = Eigen::Index(config.steps) * config.batch;
    state_->inputs.resize(config.inputs, cols);
    for (Eigen::Index k = 0; k < state_->inputs.size(); ++k)
        state_->inputs.data()[k] = normal(generator);
    state_->targets.resize(1, config.outputs == OutputSteps::All ? cols : Eigen::Index(config.batch));
    for (Eigen::Index k = 0; k < state_->targets.size(); ++k)
        state_->targets.data()[k] = normal(generator);
    state_->dPrediction.resize(state_->targets.rows(), state_->targets.cols());
}

BenchRun::~BenchRun() = default;

double BenchRun::runEpoch()
{
    State& s = *state_;
    double total = 0.0;
    for (int step = 0; step < config_.stepsPerEpoch; ++step) {
        const Mat<float>& prediction = network_->forward(s.inputs, config_.steps, config_.batch, config_.outputs,
                                                         nullptr, LayerStates::NotNeeded);
        total += double(meanSquaredError(prediction, s.targets, &s.dPrediction));
        network_->zeroGradients();
        network_->backward(s.dPrediction);
        s.optimizer->step(network_->parameters(), network_->gradients());
    }
    return total / double(config_.stepsPerEpoch);
}

BenchResult runBenchmark(const BenchConfig& config, int samples, double minSampleSeconds)
{
    using Clock = std::chrono::steady_clock;
    BenchResult result;
    result.config = config;
    result.flopsPerEpoch = benchFlopsPerEpoch(config);
    BenchRun run(config);

    // Warm-up: one epoch (buffers sized, caches warm), then size the samples.
    auto start = Clock::now();
    result.lastLoss = run.runEpoch();
    double once = std::chrono::duration<double>(Clock::now() - start).count();
    if (once < minSampleSeconds) { // tiny configuration: measure a few more epochs for the estimate
        start = Clock::now();
        for (int k = 0; k < 5; ++k)
            result.lastLoss = run.runEpoch();
        once = std::chrono::duration<double>(Clock::now() - start).count() / 5.0;
    }
    result.epochsPerSample = std::max(1, int(std::ceil(minSampleSeconds / std::max(once, 1e-9))));

    for (int s = 0; s < std::max(1, samples); ++s) {
        start = Clock::now();
        for (int k = 0; k < result.epochsPerSample; ++k)
            result.lastLoss = run.runEpoch();
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        result.samples.push_back(seconds / result.epochsPerSample);
    }
    std::vector<double> sorted = result.samples;
    std::sort(sorted.begin(), sorted.end());
    result.secondsPerEpoch = sorted[sorted.size() / 2];
    result.gflops = result.flopsPerEpoch / result.secondsPerEpoch / 1e9;
    return result;
}

} // namespace rnnwb
