#pragma once
// A standalone PyTorch script for a trained model (rnnwb export-script).
//
// The script needs numpy and torch only. It defines the seed tutorial's network
// (nn.LSTM / nn.GRU / nn.RNN(input_size, hidden, num_layers) + nn.Linear(hidden, 1)), loads the
// model's weights from its safetensors file with a tiny built-in reader (8-byte little-endian
// header length, JSON header, F32 slices) into load_state_dict(strict=True), and reproduces
// `rnnwb predict`: it reads the model's CSV column (csv module: header line, quoted cells,
// missing values dropped or interpolated as the model's config says), applies the model's
// preprocessing (log, seasonal and first differences: preprocess.h) and inverts it for each
// prediction with the actual earlier values, scales with the model's
// scaler (baked in, and re-read from the file's __metadata__), splits the windows into the
// model's train / validation / test parts and predicts every window of every part as
// predictPart does — features layout: the part's windows, in time order, as one sequence
// (batch 1) from a zero state; sequence layout: each window its own sequence of `window` steps
// (batch = windows), the last step's output. With --train EPOCHS it continues training under
// PyTorch (Adam, MSE, the model's learning rate) before predicting.
//
// The text depends only on the model and the default model file name: same inputs, same script.
#include "core/training/model.h"

#include <string>

namespace rnnwb {

// defaultModelFile: where the script looks for the weights when run without --model, relative
// to the script's own directory (e.g. "model.safetensors"); empty: --model is required.
std::string pytorchScript(const Model& model, const std::string& defaultModelFile = {});

// A Python string literal (double-quoted, escaped) holding `text`.
std::string pythonStringLiteral(const std::string& text);

} // namespace rnnwb
