#include "cli/cli_common.h"
#include "cli/commands.h"

#include "core/base/parallel.h"
#include "core/nn/benchmark.h"
#include "core/nn/kernels.h"
#include "core/training/train_options.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace rnnwb::cli {

// rnnwb bench [--config seed|seq5|long10k|wide256|all] [--json FILE|-]
int runBench(std::vector<std::string> args)
{
    const std::string which = takeOption(args, "--config").value_or("all");
    const std::optional<std::string> json = takeOption(args, "--json");
    requireNoneLeft(args);
    std::vector<BenchConfig> configs;
    if (which == "all") {
        configs = benchConfigs();
    } else if (const std::optional<BenchConfig> c = findBenchConfig(which)) {
        configs.push_back(*c);
    } else {
        throw UsageError("unknown bench configuration '" + which + "' (expected seed, seq5, long10k, wide256 or all)");
    }
    const bool text = !json || *json != "-";
    nlohmann::json out = nlohmann::json::array();
    for (const BenchConfig& c : configs) {
        const BenchResult r = runBenchmark(c);
        if (text) {
            char line[160];
            std::snprintf(
                line, sizeof line,
                "%-8s %10.6f s/epoch %8.2f GFLOP/s  (%d steps/epoch, %d epochs/sample, %d threads, %s kernels)",
                c.name.c_str(), r.secondsPerEpoch, r.gflops, c.stepsPerEpoch, r.epochsPerSample, threadCount(),
                kernels().name);
            std::cout << line << std::endl;
        }
        out.push_back({{"config", c.name},
                       {"sec_per_epoch", r.secondsPerEpoch},
                       {"gflops", r.gflops},
                       {"threads", threadCount()},
                       {"kernels", kernels().name},
                       {"steps_per_epoch", c.stepsPerEpoch},
                       {"T", c.steps},
                       {"B", c.batch},
                       {"I", c.inputs},
                       {"H", c.hidden},
                       {"L", c.layers},
                       {"loss_on", c.outputs == OutputSteps::All ? "every-step" : "last-step"},
                       {"flops_per_epoch", r.flopsPerEpoch},
                       {"samples", r.samples},
                       {"epochs_per_sample", r.epochsPerSample},
                       {"last_loss", r.lastLoss}});
    }
    if (json)
        writeJson(*json, out);
    return kExitOk;
}

} // namespace rnnwb::cli
