#pragma once
// Optimizers over the flat parameter vector, with PyTorch's update formulas and defaults
// (torch.optim.SGD, Adam, RMSprop; no weight decay), plus gradient-norm clipping.
#include "core/nn/tensor.h"

#include <memory>
#include <string>

namespace rnnwb {

enum class OptimizerKind { Adam, Sgd, RmsProp };

std::string optimizerName(OptimizerKind kind);             // "adam", "sgd", "rmsprop"
OptimizerKind parseOptimizerKind(const std::string& text); // throws std::invalid_argument

struct OptimizerSettings {
    OptimizerKind kind = OptimizerKind::Adam;
    double learningRate = 0.01;
    double momentum = 0.0; // SGD
    double beta1 = 0.9;    // Adam
    double beta2 = 0.999;  // Adam
    double alpha = 0.99;   // RMSprop smoothing
    double epsilon = 1e-8; // Adam, RMSprop
};

template <typename S>
class Optimizer {
public:
    virtual ~Optimizer() = default;
    // p ← p − update(g); state sized to p on first use.
    virtual void step(Eigen::Ref<Vec<S>> parameters, const Eigen::Ref<const Vec<S>>& gradients) = 0;
};

template <typename S>
std::unique_ptr<Optimizer<S>> makeOptimizer(const OptimizerSettings& settings);

// torch.nn.utils.clip_grad_norm_: if ‖g‖₂ > maxNorm, g ← g · maxNorm / (‖g‖₂ + 1e−6).
// Returns the norm before clipping.
template <typename S>
double clipGradientNorm(Eigen::Ref<Vec<S>> gradients, double maxNorm);

} // namespace rnnwb
