#include "core/nn/optimizer.h"

#include "core/base/enum_names.h"
#include "core/nn/kernels.h"

#include <cmath>
#include <stdexcept>

namespace rnnwb {

std::string optimizerName(OptimizerKind kind)
{
    switch (kind) {
    case OptimizerKind::Adam: return "adam";
    case OptimizerKind::Sgd: return "sgd";
    case OptimizerKind::RmsProp: return "rmsprop";
    }
    return "adam";
}

OptimizerKind parseOptimizerKind(const std::string& text)
{
    static const OptimizerKind all[] = {OptimizerKind::Adam, OptimizerKind::Sgd, OptimizerKind::RmsProp};
    return parseEnumName(text, all, optimizerName, "optimizer");
}

namespace {

// SGD with momentum μ (PyTorch: no dampening, not Nesterov):
//   b ← μ b + g (b = g on the first step),  p ← p − lr b
template <typename S>
class Sgd final : public Optimizer<S> {
public:
    explicit Sgd(const OptimizerSettings& s) : lr_(S(s.learningRate)), momentum_(S(s.momentum)) { }
    void step(Eigen::Ref<Vec<S>> p, const Eigen::Ref<const Vec<S>>& g) override
    {
        if (momentum_ == S(0)) {
            p -= lr_ * g;
            return;
        }
        if (buffer_.size() != p.size())
            buffer_ = g;
        else
            buffer_ = momentum_ * buffer_ + g;
        p -= lr_ * buffer_;
    }

private:
    S lr_, momentum_;
    Vec<S> buffer_;
};

// Adam (Kingma & Ba), as torch.optim.Adam computes it at step t:
//   m ← β1 m + (1−β1) g        v ← β2 v + (1−β2) g²
//   p ← p − (lr / (1−β1^t)) · m / (√v / √(1−β2^t) + ε)
template <typename S>
class Adam final : public Optimizer<S> {
public:
    explicit Adam(const OptimizerSettings& s) : lr_(s.learningRate), beta1_(s.beta1), beta2_(s.beta2), eps_(s.epsilon)
    { }
    void step(Eigen::Ref<Vec<S>> p, const Eigen::Ref<const Vec<S>>& g) override
    {
        if (m_.size() != p.size()) {
            m_.setZero(p.size());
            v_.setZero(p.size());
        }
        ++t_;
        const double correction1 = 1.0 - std::pow(beta1_, double(t_));
        const double correction2 = 1.0 - std::pow(beta2_, double(t_));
        // The coefficients are rounded from double, as PyTorch passes them: in float,
        // 1 − 0.999f is off from 0.001 by 1.3e-5 relative, which Adam's first steps amplify.
        // The update runs in the CPU's fastest kernel set (core/nn/kernels.h).
        adamUpdate(AdamStep<S>{p.data(), m_.data(), v_.data(), g.data(), p.size(), S(beta1_), S(1.0 - beta1_),
                               S(beta2_), S(1.0 - beta2_), S(lr_ / correction1), S(std::sqrt(correction2)), S(eps_)});
    }

private:
    double lr_, beta1_, beta2_, eps_;
    long t_ = 0;
    Vec<S> m_, v_;
};

// RMSprop (PyTorch, not centred, no momentum):
//   s ← α s + (1−α) g²,  p ← p − lr g / (√s + ε)
template <typename S>
class RmsProp final : public Optimizer<S> {
public:
    explicit RmsProp(const OptimizerSettings& s)
        : lr_(S(s.learningRate)), alpha_(S(s.alpha)), oneMinusAlpha_(S(1.0 - s.alpha)), eps_(S(s.epsilon))
    { }
    void step(Eigen::Ref<Vec<S>> p, const Eigen::Ref<const Vec<S>>& g) override
    {
        if (square_.size() != p.size())
            square_.setZero(p.size());
        square_ = alpha_ * square_ + oneMinusAlpha_ * g.cwiseAbs2();
        p.array() -= lr_ * g.array() / (square_.array().sqrt() + eps_);
    }

private:
    S lr_, alpha_, oneMinusAlpha_, eps_;
    Vec<S> square_;
};

} // namespace

template <typename S>
std::unique_ptr<Optimizer<S>> makeOptimizer(const OptimizerSettings& settings)
{
    switch (settings.kind) {
    case OptimizerKind::Adam: return std::make_unique<Adam<S>>(settings);
    case OptimizerKind::Sgd: return std::make_unique<Sgd<S>>(settings);
    case OptimizerKind::RmsProp: return std::make_unique<RmsProp<S>>(settings);
    }
    return nullptr;
}

template <typename S>
double clipGradientNorm(Eigen::Ref<Vec<S>> gradients, double maxNorm)
{
    const double norm = double(gradients.template cast<double>().norm());
    const double coefficient = maxNorm / (norm + 1e-6);
    if (coefficient < 1.0)
        gradients *= S(coefficient);
    return norm;
}

template std::unique_ptr<Optimizer<float>> makeOptimizer<float>(const OptimizerSettings&);
template std::unique_ptr<Optimizer<double>> makeOptimizer<double>(const OptimizerSettings&);
template double clipGradientNorm<float>(Eigen::Ref<Vec<float>>, double);
template double clipGradientNorm<double>(Eigen::Ref<Vec<double>>, double);

} // namespace rnnwb
