#!/usr/bin/python3
"""Expected `rnnwb inspect` numbers, computed independently of the C++ core.

For a saved model (.safetensors), a CSV file and a series index K this re-implements, with
numpy in float64 from the model's float32 weights, the forward pass behind the prediction of K
and writes what `rnnwb inspect --json` reports:

  {"cell", "layout", "target_index", "part", "prediction", "prediction_scaled", "actual",
   "input": [[...] per step], "layers": [{"steps": [{"i", "f", "g", "o", "c", "h"}, ...]}, ...]}

(GRU steps: r, z, n, h; RNN steps: h.) Equations are PyTorch's (nn.LSTM, nn.GRU, nn.RNN):
  LSTM  i = s(W_ii x + b_ii + W_hi h + b_hi)   f, o alike   g = tanh(...)
        c' = f c + i g        h' = o tanh(c')
  GRU   r = s(W_ir x + b_ir + W_hr h + b_hr)   z alike
        n = tanh(W_in x + b_in + r (W_hn h + b_hn))        h' = (1 - z) n + z h
  RNN   h' = tanh(W_ih x + b_ih + W_hh h + b_hh)
and the head is linear.weight h + linear.bias on the top layer's h.

The data follows the model's metadata: the column, the scaler (scaled = (x - offset) / scale,
rounded to float32 as the network sees it), the window w and the split of the windows (first
floor(train_split n) train, next floor(val_split n) validation, the rest test; n = len - w).
K's window is j = K - w. Features layout: the windows of j's part, from the part's first up to
j, are one sequence from a zero state (input of step s = the w values of window first + s).
Sequence layout: window j alone from a zero state, one value per step.

The safetensors file is parsed here with numpy alone (8-byte little-endian header length, JSON
header, F32 data). When torch is importable, the top layer's h of every step is also checked
against nn.LSTM / nn.GRU / nn.RNN loaded with the same weights.

The models in tests/data/inspect were trained on tests/data/airline-passengers.csv with
  rnnwb train --csv tests/data/airline-passengers.csv --epochs 30 --save-model NAME.safetensors
    lstm-features  --cell lstm --layout features --hidden 5 --layers 2 --seed 1
    gru-features   --cell gru  --layout features --hidden 4 --layers 2 --seed 2 --val-split 0.1
    rnn-features   --cell rnn  --layout features --hidden 6 --layers 1 --seed 3
    lstm-sequence  --cell lstm --layout sequence --hidden 4 --layers 1 --seed 4
    gru-sequence   --cell gru  --layout sequence --hidden 5 --layers 2 --seed 5 --window 6
    rnn-sequence   --cell rnn  --layout sequence --hidden 4 --layers 2 --seed 6
(their weights are the input here; the training itself is not what is checked).

Usage (regenerates tests/data/inspect/*.json and cases.json; run from the repository root):
  /usr/bin/python3 tests/tools/make_inspect_fixture.py [--check-torch]
or for one case:
  /usr/bin/python3 tests/tools/make_inspect_fixture.py MODEL CSV K OUT.json
"""
import csv
import json
import math
import os
import struct
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "data"))
OUT_DIR = os.path.join(DATA, "inspect")
CSV = os.path.join(DATA, "airline-passengers.csv")

# model file (in tests/data/inspect) -> the targets K inspected (train, validation, test parts)
CASES = {
    "lstm-features": [15, 143],
    "gru-features": [8, 110, 130],
    "rnn-features": [5, 120],
    "lstm-sequence": [5, 143],
    "gru-sequence": [6, 125],
    "rnn-sequence": [40, 140],
}


def read_safetensors(path):
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    data = blob[8 + n:]
    meta = header.pop("__metadata__", {})
    tensors = {}
    for name, spec in header.items():
        assert spec["dtype"] == "F32", (name, spec["dtype"])
        begin, end = spec["data_offsets"]
        values = np.frombuffer(data[begin:end], dtype="<f4")
        tensors[name] = values.reshape(spec["shape"]).astype(np.float64)
    return meta, tensors


def read_column(path, column):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return [float(r[column]) for r in rows if r[column].strip() != ""]


def split(length, window, train_split, val_split):
    n = length - window
    train = int(math.floor(train_split * n))
    val = int(math.floor(val_split * n))
    if train + val > n:
        val = n - train
    test = n - train - val
    return {"train": (0, train), "validation": (train, val), "test": (train + val, test)}


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def lstm_step(x, h, c, p):
    W_ih, W_hh, b_ih, b_hh = p
    H = h.shape[0]
    a = W_ih @ x + b_ih + W_hh @ h + b_hh
    i = sigmoid(a[0:H])
    f = sigmoid(a[H:2 * H])
    g = np.tanh(a[2 * H:3 * H])
    o = sigmoid(a[3 * H:4 * H])
    c = f * c + i * g
    h = o * np.tanh(c)
    return h, c, {"i": i, "f": f, "g": g, "o": o, "c": c, "h": h}


def gru_step(x, h, c, p):
    W_ih, W_hh, b_ih, b_hh = p
    H = h.shape[0]
    gi = W_ih @ x + b_ih
    gh = W_hh @ h + b_hh
    r = sigmoid(gi[0:H] + gh[0:H])
    z = sigmoid(gi[H:2 * H] + gh[H:2 * H])
    n = np.tanh(gi[2 * H:3 * H] + r * gh[2 * H:3 * H])
    h = (1.0 - z) * n + z * h
    return h, c, {"r": r, "z": z, "n": n, "h": h}


def rnn_step(x, h, c, p):
    W_ih, W_hh, b_ih, b_hh = p
    h = np.tanh(W_ih @ x + b_ih + W_hh @ h + b_hh)
    return h, c, {"h": h}


STEP = {"lstm": lstm_step, "gru": gru_step, "rnn": rnn_step}


def inspect(model_path, csv_path, target):
    meta, tensors = read_safetensors(model_path)
    cell, layout = meta["cell"], meta["layout"]
    window, hidden, layers = int(meta["window"]), int(meta["hidden_size"]), int(meta["num_layers"])
    offset, scale = float(meta["scaler_offset"]), float(meta["scaler_scale"])
    config = json.loads(meta["config"])
    values = read_column(csv_path, meta["column"])
    parts = split(len(values), window, config["train_split"], config["val_split"])
    if not window <= target <= len(values) - 1:
        raise SystemExit(f"K={target} outside {window}..{len(values) - 1}")
    scaled = [float(np.float32((x - offset) / scale)) for x in values]

    j = target - window
    part = next(name for name, (first, count) in parts.items() if first <= j < first + count)
    first = parts[part][0]
    if layout == "features":
        inputs = [scaled[k:k + window] for k in range(first, j + 1)]
    else:
        inputs = [[scaled[j + t]] for t in range(window)]

    weights = [tuple(tensors[f"{cell}.{name}_l{l}"] for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"))
               for l in range(layers)]
    trace = [[] for _ in range(layers)]
    state_h = [np.zeros(hidden) for _ in range(layers)]
    state_c = [np.zeros(hidden) for _ in range(layers)]
    for x in inputs:
        below = np.array(x, dtype=np.float64)
        for l in range(layers):
            state_h[l], state_c[l], values_l = STEP[cell](below, state_h[l], state_c[l], weights[l])
            trace[l].append({k: v.tolist() for k, v in values_l.items()})
            below = state_h[l]
    prediction_scaled = float(tensors["linear.weight"][0] @ state_h[-1] + tensors["linear.bias"][0])
    return {
        "cell": cell,
        "layout": layout,
        "target_index": target,
        "part": part,
        "prediction": prediction_scaled * scale + offset,
        "prediction_scaled": prediction_scaled,
        "actual": values[target],
        "input": inputs,
        "layers": [{"steps": steps} for steps in trace],
    }, tensors, meta


def check_with_torch(result, tensors, meta):
    """The top layer's h of every step from PyTorch's own module, loaded with the same weights."""
    import torch

    cell, layers = meta["cell"], int(meta["num_layers"])
    module = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}[cell](
        int(meta["input_size"]), int(meta["hidden_size"]), layers)
    state = {k[len(cell) + 1:]: torch.tensor(v, dtype=torch.float64)
             for k, v in tensors.items() if k.startswith(cell + ".")}
    module = module.double()
    module.load_state_dict(state)
    x = torch.tensor(result["input"], dtype=torch.float64).unsqueeze(1)  # T x 1 x I
    with torch.no_grad():
        out = module(x)[0][:, 0, :].numpy()
    ours = np.array([s["h"] for s in result["layers"][-1]["steps"]])
    return float(np.abs(out - ours).max())


def main(argv):
    check_torch = "--check-torch" in argv
    argv = [a for a in argv if a != "--check-torch"]
    if len(argv) == 4:
        result, tensors, meta = inspect(argv[0], argv[1], int(argv[2]))
        with open(argv[3], "w") as f:
            json.dump(result, f, indent=1)
        return
    cases = []
    for name, targets in CASES.items():
        model = os.path.join(OUT_DIR, name + ".safetensors")
        for k in targets:
            result, tensors, meta = inspect(model, CSV, k)
            out = f"{name}-k{k}.json"
            with open(os.path.join(OUT_DIR, out), "w") as f:
                json.dump(result, f, indent=1)
                f.write("\n")
            line = f"{out}: {result['part']}, {len(result['input'])} steps, prediction {result['prediction']:.6f}"
            if check_torch:
                line += f", torch max |dh| {check_with_torch(result, tensors, meta):.3g}"
            print(line)
            cases.append({"name": f"{name} K={k}", "model": name + ".safetensors",
                          "csv": "airline-passengers.csv", "index": k, "expected": out})
    with open(os.path.join(OUT_DIR, "cases.json"), "w") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
