#!/usr/bin/python3
"""A model trained by PyTorch alone, saved as the workbench saves models, for the app's test
that "weights trained in PyTorch and saved with the same names load too".

Trains the seed tutorial's network in its features layout (window 5: the 5 values of a window
are the input features of one step; the training windows, in time order, are one sequence with
batch 1) with nn.LSTM(5, 8, 1) + nn.Linear(8, 1), Adam lr 0.01, MSE, 60 full-batch epochs, on
tests/data/airline-passengers.csv min-max scaled over the whole series, torch.manual_seed(11).
Writes, with a safetensors writer of its own (8-byte little-endian header length, JSON header,
F32 little-endian data; no safetensors package), tests/data/torch/lstm_w5_h8.safetensors
holding the state_dict names (lstm.weight_ih_l0 [32, 5], ..., linear.weight [1, 8],
linear.bias [1]) and the __metadata__ the workbench reads (config, column, scaler), and
tests/data/torch/lstm_w5_h8.predictions.json: {"index", "predictions"} of the test windows
(the last 30 % of the windows, run as one sequence from a zero state), computed by PyTorch.

Run: /usr/bin/python3 tests/tools/make_torch_model.py (Debian's python3-torch).
"""
import csv
import json
import os
import struct

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'data')
OUT = os.path.join(DATA, 'torch')
WINDOW, HIDDEN, LAYERS, EPOCHS, LR = 5, 8, 1, 60, 0.01


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(WINDOW, HIDDEN, LAYERS)
        self.linear = nn.Linear(HIDDEN, 1)

    def forward(self, x):  # x: [T, 1, WINDOW]
        h, _ = self.lstm(x)
        return self.linear(h)  # [T, 1, 1]


def save_safetensors(path, tensors, metadata):
    header, blobs, offset = {'__metadata__': metadata}, [], 0
    for name, t in tensors.items():
        data = t.detach().numpy().astype('<f4').tobytes()
        header[name] = {'dtype': 'F32', 'shape': list(t.shape), 'data_offsets': [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    text += b' ' * (-len(text) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(text)) + text + b''.join(blobs))


def main():
    with open(os.path.join(DATA, 'airline-passengers.csv')) as f:
        values = np.array([float(r['Passengers']) for r in csv.DictReader(f)])
    lo, hi = values.min(), values.max()
    scaled = ((values - lo) / (hi - lo)).astype(np.float32)
    n = len(values) - WINDOW
    windows = np.stack([scaled[k:k + WINDOW] for k in range(n)])
    targets = scaled[WINDOW:]
    train = int(n * 0.7)

    torch.manual_seed(11)
    net = Net()
    optimizer = torch.optim.Adam(net.parameters(), lr=LR)
    x = torch.from_numpy(windows[:train]).unsqueeze(1)
    y = torch.from_numpy(targets[:train]).reshape(-1, 1, 1)
    for _ in range(EPOCHS):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(net(x), y)
        loss.backward()
        optimizer.step()

    with torch.no_grad():
        test = net(torch.from_numpy(windows[train:]).unsqueeze(1)).reshape(-1).double().numpy()
    predictions = test * (hi - lo) + lo
    config = {'cell': 'lstm', 'layout': 'features', 'window': WINDOW, 'hidden': HIDDEN, 'layers': LAYERS,
              'lr': LR, 'epochs': EPOCHS, 'train_split': 0.7, 'val_split': 0.0, 'seed': 11, 'scaler': 'minmax',
              'scaler_fit': 'series', 'column': 'Passengers'}
    metadata = {'format': 'rnn-workbench-model', 'app_version': 'pytorch ' + torch.__version__, 'cell': 'lstm',
                'layout': 'features', 'window': str(WINDOW), 'input_size': str(WINDOW), 'hidden_size': str(HIDDEN),
                'num_layers': str(LAYERS), 'scaler': 'minmax', 'scaler_offset': json.dumps(float(lo)),
                'scaler_scale': json.dumps(float(hi - lo)), 'column': 'Passengers', 'config': json.dumps(config)}
    os.makedirs(OUT, exist_ok=True)
    save_safetensors(os.path.join(OUT, 'lstm_w5_h8.safetensors'), net.state_dict(), metadata)
    with open(os.path.join(OUT, 'lstm_w5_h8.predictions.json'), 'w') as f:
        json.dump({'index': list(range(WINDOW + train, len(values))), 'predictions': predictions.tolist(),
                   'torch': torch.__version__}, f, indent=1)


if __name__ == '__main__':
    main()
