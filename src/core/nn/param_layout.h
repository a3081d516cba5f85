#pragma once
// Names, shapes and flat offsets of a network's parameters, in PyTorch state_dict order:
//   <cell>.weight_ih_l0 [G*H, I], <cell>.weight_hh_l0 [G*H, H], <cell>.bias_ih_l0 [G*H],
//   <cell>.bias_hh_l0 [G*H], ... for each layer, then linear.weight [1, H], linear.bias [1].
// G is the number of gates: 4 for LSTM (i, f, g, o), 3 for GRU (r, z, n), 1 for the tanh RNN.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rnnwb {

enum class CellType { Lstm, Gru, Rnn };

int gateCount(CellType cell);
std::string cellName(CellType cell);             // "lstm", "gru", "rnn" (also the name prefix)
CellType parseCellType(const std::string& text); // throws std::invalid_argument

struct NetworkShape {
    CellType cell = CellType::Lstm;
    int inputSize = 1;
    int hiddenSize = 45;
    int layers = 2;
    bool operator==(const NetworkShape&) const = default;
};

struct TensorSpec {
    std::string name;
    std::vector<std::int64_t> shape;
    std::size_t offset = 0; // into the flat parameter vector
    std::size_t size = 0;
};

// Every tensor of the network, in state_dict order, packed back to back.
std::vector<TensorSpec> parameterLayout(const NetworkShape& shape);
std::size_t parameterCount(const NetworkShape& shape);
// Parameters of one recurrent layer (W_ih, W_hh, b_ih, b_hh) are contiguous from here.
std::size_t layerOffset(const NetworkShape& shape, int layer);

} // namespace rnnwb
