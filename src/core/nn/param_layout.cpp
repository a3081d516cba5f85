#include "core/nn/param_layout.h"

#include "core/base/enum_names.h"

#include <stdexcept>

namespace rnnwb {

int gateCount(CellType cell)
{
    switch (cell) {
    case CellType::Lstm: return 4;
    case CellType::Gru: return 3;
    case CellType::Rnn: return 1;
    }
    return 1;
}

std::string cellName(CellType cell)
{
    switch (cell) {
    case CellType::Lstm: return "lstm";
    case CellType::Gru: return "gru";
    case CellType::Rnn: return "rnn";
    }
    return "rnn";
}

CellType parseCellType(const std::string& text)
{
    static const CellType all[] = {CellType::Lstm, CellType::Gru, CellType::Rnn};
    return parseEnumName(text, all, cellName, "cell");
}

std::vector<TensorSpec> parameterLayout(const NetworkShape& s)
{
    const std::int64_t gh = std::int64_t(gateCount(s.cell)) * s.hiddenSize;
    const std::string prefix = cellName(s.cell) + ".";
    std::vector<TensorSpec> specs;
    std::size_t offset = 0;
    auto add = [&](std::string name, std::vector<std::int64_t> shape) {
        std::size_t size = 1;
        for (std::int64_t d : shape)
            size *= std::size_t(d);
        specs.push_back({std::move(name), std::move(shape), offset, size});
        offset += size;
    };
    for (int l = 0; l < s.layers; ++l) {
        const std::string sfx = "_l" + std::to_string(l);
        const std::int64_t in = l == 0 ? s.inputSize : s.hiddenSize;
        add(prefix + "weight_ih" + sfx, {gh, in});
        add(prefix + "weight_hh" + sfx, {gh, s.hiddenSize});
        add(prefix + "bias_ih" + sfx, {gh});
        add(prefix + "bias_hh" + sfx, {gh});
    }
    add("linear.weight", {1, s.hiddenSize});
    add("linear.bias", {1});
    return specs;
}

std::size_t parameterCount(const NetworkShape& shape)
{
    const std::vector<TensorSpec> specs = parameterLayout(shape);
    return specs.back().offset + specs.back().size;
}

std::size_t layerOffset(const NetworkShape& shape, int layer)
{
    return parameterLayout(shape)[std::size_t(layer) * 4].offset;
}

} // namespace rnnwb
