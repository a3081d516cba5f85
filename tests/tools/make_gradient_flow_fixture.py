#!/usr/bin/python3
"""Expected gradient-flow numbers (core/inspect/gradient_flow.h), computed with PyTorch autograd.

For a saved model (.safetensors), a CSV file and a part (train, validation, test) this rebuilds
the network from PyTorch's own modules: one nn.LSTM / nn.GRU / nn.RNN of one layer per layer of
the model (float64, loaded with the model's float32 weights) and an nn.Linear head. It runs them
one step at a time, so that each step's h^l_t is one tensor feeding both the layer above and
step t+1; retain_grad() on it then gives the TOTAL dLoss/dh^l_t after loss.backward().

  sequence layout  every window j of the part is a sequence of w one-value steps from a zero
                   state (batch = the part's windows); L = sum_j (yhat_j - y_j)^2 on the last
                   step's prediction; norms[l][t] = mean_j ||dL/dh^l_t[j]|| (window j's h only
                   depends on window j, so that is ||dL_j/dh^l_t||).
  features layout  the part's windows, in order, are one sequence from a zero state (step s's
                   input = the w values of window first + s); L = (yhat_T - y_T)^2 of the last
                   step only; norms[l][t] = ||dL/dh^l_t||, samples = 1.

The data follows the model's metadata as tests/tools/make_inspect_fixture.py describes (its
safetensors reader, CSV reader and split are used here). As a check of the step-by-step
rebuild, the predictions are compared with the multi-layer module run on the whole sequence.

The models are those of tests/data/inspect (see make_inspect_fixture.py for how they were
trained). Usage, from the repository root (writes tests/data/gradient_flow/*.json):
  /usr/bin/python3 tests/tools/make_gradient_flow_fixture.py
"""
import json
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_inspect_fixture import CSV, DATA, read_column, read_safetensors, split  # noqa: E402

MODELS = os.path.join(DATA, "inspect")
OUT_DIR = os.path.join(DATA, "gradient_flow")

# (model in tests/data/inspect, part): LSTM, GRU, RNN; 1 and 2 layers; both layouts.
CASES = [
    ("lstm-features", "train"),   # 2 layers
    ("gru-features", "train"),    # 2 layers
    ("gru-features", "validation"),
    ("rnn-features", "train"),    # 1 layer
    ("rnn-features", "test"),
    ("lstm-sequence", "train"),   # 1 layer
    ("lstm-sequence", "test"),
    ("gru-sequence", "train"),    # 2 layers, window 6
    ("rnn-sequence", "train"),    # 2 layers
]

MODULE = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}


def inputs_and_targets(meta, csv_path, part):
    """x: T x B x I (float64) and y: B targets, in scaled units rounded to float32."""
    window = int(meta["window"])
    config = json.loads(meta["config"])
    offset, scale = float(meta["scaler_offset"]), float(meta["scaler_scale"])
    values = read_column(csv_path, meta["column"])
    scaled = [float(np.float32((v - offset) / scale)) for v in values]
    first, count = split(len(values), window, config["train_split"], config["val_split"])[part]
    windows = range(first, first + count)
    if meta["layout"] == "features":
        x = [[scaled[k:k + window]] for k in windows]               # T = count, B = 1, I = w
        y = [scaled[first + count - 1 + window]]                    # the last step's target
    else:
        x = [[[scaled[k + t]] for k in windows] for t in range(window)]  # T = w, B = count, I = 1
        y = [scaled[k + window] for k in windows]
    return torch.tensor(x, dtype=torch.float64), torch.tensor(y, dtype=torch.float64)


def layer_modules(meta, tensors):
    cell, hidden, layers = meta["cell"], int(meta["hidden_size"]), int(meta["num_layers"])
    modules = []
    for l in range(layers):
        inputs = int(meta["input_size"]) if l == 0 else hidden
        m = MODULE[cell](inputs, hidden, 1).double()
        m.load_state_dict({f"{name}_l0": torch.tensor(tensors[f"{cell}.{name}_l{l}"])
                           for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")})
        modules.append(m)
    head = torch.nn.Linear(hidden, 1).double()
    head.load_state_dict({"weight": torch.tensor(tensors["linear.weight"]),
                          "bias": torch.tensor(tensors["linear.bias"])})
    return modules, head


def whole_sequence_predictions(meta, tensors, x):
    """The same network as one multi-layer module: the reference the step-by-step run must match."""
    cell = meta["cell"]
    m = MODULE[cell](int(meta["input_size"]), int(meta["hidden_size"]), int(meta["num_layers"])).double()
    m.load_state_dict({k[len(cell) + 1:]: torch.tensor(v) for k, v in tensors.items() if k.startswith(cell + ".")})
    with torch.no_grad():
        top = m(x)[0]                                            # T x B x H
    return top @ torch.tensor(tensors["linear.weight"][0]) + float(tensors["linear.bias"][0])  # T x B


def gradient_flow(model_path, csv_path, part):
    meta, tensors = read_safetensors(model_path)
    x, y = inputs_and_targets(meta, csv_path, part)
    T, B, _ = x.shape
    modules, head = layer_modules(meta, tensors)
    lstm = meta["cell"] == "lstm"
    state = [None] * len(modules)  # per layer: h (1 x B x H) or (h, c); None = zero state
    hs = [[] for _ in modules]      # hs[l][t]: h^l_t, 1 x B x H, the one tensor every use shares
    for t in range(T):
        below = x[t:t + 1]
        for l, m in enumerate(modules):
            out, final = m(below, state[l])
            out.retain_grad()
            hs[l].append(out)
            state[l] = (out, final[1]) if lstm else out
            below = out
    predictions = torch.stack([head(hs[-1][t][0])[:, 0] for t in range(T)])  # T x B
    gap = float((predictions.detach() - whole_sequence_predictions(meta, tensors, x)).abs().max())
    assert gap < 1e-12, gap
    # Sequence: each window's last step; features: the last step of the one sequence.
    last = predictions[T - 1]
    loss = ((last - y) ** 2).sum()
    loss.backward()
    norms = [[float(h.grad[0].norm(dim=1).mean()) for h in layer] for layer in hs]
    return {
        "cell": meta["cell"],
        "layout": meta["layout"],
        "samples": int(B),
        "layers": [{"norms": n} for n in norms],
    }


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    cases = []
    for name, part in CASES:
        flow = gradient_flow(os.path.join(MODELS, name + ".safetensors"), CSV, part)
        out = f"{name}-{part}.json"
        with open(os.path.join(OUT_DIR, out), "w") as f:
            json.dump(flow, f)
            f.write("\n")
        n = flow["layers"][-1]["norms"]
        print(f"{out}: {len(n)} steps, {flow['samples']} samples, top layer oldest/newest {n[0] / n[-1]:.3g}")
        cases.append({"name": f"{name} {part}", "model": name + ".safetensors", "csv": os.path.basename(CSV),
                      "part": part, "expected": out})
    with open(os.path.join(OUT_DIR, "cases.json"), "w") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
