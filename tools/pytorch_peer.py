#!/usr/bin/env python3
"""The five original models written in PyTorch (Python), trained the way `fathom-cli bench ts`
trains Fathom's: windows of 100 steps x 12 channels -> 1, batches of 32, AdamW, gradient norm
clipped to 1, MSE, one epoch over 4,096 windows, the same intra-op threads. Prints training
samples per second per model, and the JSON of them with --json.

The peer is Debian's python3-torch (the same LibTorch 1.13 and OpenBLAS Fathom links):
    sudo apt-get install python3-torch
    /usr/bin/python3 tools/pytorch_peer.py --threads 2
    build/bin/fathom-cli bench ts --threads 2
Shapes follow core/ml/networks.cpp layer for layer (dropout 0.1 in the heads).
"""
import argparse
import json
import os
import time

# The same as Fathom's setThreads(): one OpenBLAS thread per caller. OpenBLAS otherwise starts a
# thread per core beside LibTorch's own and the two oversubscribe the cores (5x slower here).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import torch  # noqa: E402 (after the BLAS setting, which OpenBLAS reads when it loads)
from torch import nn

LOOKBACK, CHANNELS, OUT = 100, 12, 1


class Head(nn.Module):
    def __init__(self, inp, first, second, out, dropout=0.1):
        super().__init__()
        self.a, self.b, self.c = nn.Linear(inp, first), nn.Linear(first, second), nn.Linear(second, out)
        self.drop = nn.Dropout(dropout)

    def forward(self, x):
        return self.c(self.drop(torch.relu(self.b(self.drop(torch.relu(self.a(x)))))))


def from_last_value(change, x):
    # The recurrent members forecast the change from the window's last value of the target.
    return change.view(-1, 1, 1) + x[:, -1, 0:1].unsqueeze(1)


class StackedLstm(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.LSTM(CHANNELS, 128, batch_first=True)
        self.l2 = nn.LSTM(128, 128, batch_first=True)
        self.l3 = nn.LSTM(128, 64, batch_first=True)
        self.head = Head(64, 128, 64, OUT)

    def forward(self, inp):
        x = self.l1(inp)[0]
        x = self.l2(x)[0]
        x = self.l3(x)[0]
        return from_last_value(self.head(x[:, -1]), inp)


class ResidualGru(nn.Module):
    def __init__(self):
        super().__init__()
        self.inp = nn.Linear(CHANNELS, 128)
        self.g1 = nn.GRU(128, 128, batch_first=True)
        self.g2 = nn.GRU(128, 128, batch_first=True)
        self.g3 = nn.GRU(128, 64, batch_first=True)
        self.down = nn.Linear(128, 64)
        self.head = Head(64, 256, 64, OUT)

    def forward(self, inp):
        x = self.inp(inp)
        x = x + self.g1(x)[0]
        x = x + self.g2(x)[0]
        x = self.down(x) + self.g3(x)[0]
        return from_last_value(self.head(x[:, -1]), inp)


class CnnLstm(nn.Module):
    def __init__(self):
        super().__init__()
        self.scales = nn.ModuleList(
            nn.Sequential(nn.Conv1d(CHANNELS, 64, k, padding=k // 2), nn.ReLU(),
                          nn.Conv1d(64, 64, k, padding=k // 2), nn.ReLU()) for k in (3, 7, 15))
        self.l1 = nn.LSTM(192, 128, batch_first=True)
        self.l2 = nn.LSTM(128, 64, batch_first=True)
        self.head = Head(64, 128, 64, OUT)

    def forward(self, inp):
        c = inp.transpose(1, 2)
        x = torch.cat([s(c) for s in self.scales], 1).transpose(1, 2)
        x = self.l2(self.l1(x)[0])[0]
        return from_last_value(self.head(x[:, -1]), inp)


class SpikeDetector(nn.Module):
    """Conv1D -> 4-head self-attention -> BiLSTM 128; the forecast head (Fathom also trains a
    spike head on planted spikes, which this peer leaves out: it does less work than Fathom)."""

    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv1d(CHANNELS, 128, 5, padding=2)
        self.c2 = nn.Conv1d(128, 128, 5, padding=2)
        self.attention = nn.MultiheadAttention(128, 4)
        self.norm = nn.LayerNorm(128)
        self.bilstm = nn.LSTM(128, 128, batch_first=True, bidirectional=True)
        self.forecast = Head(256, 128, 64, OUT)

    def forward(self, inp):
        x = torch.relu(self.c2(torch.relu(self.c1(inp.transpose(1, 2))))).transpose(1, 2)
        s = x.transpose(0, 1)
        x = self.norm(x + self.attention(s, s, s)[0].transpose(0, 1))
        return from_last_value(self.forecast(self.bilstm(x)[0][:, -1]), inp)


class RuleBased(nn.Module):
    def __init__(self, steps=32):
        super().__init__()
        self.steps = steps
        self.lstm = nn.LSTM(CHANNELS, 32, batch_first=True)
        self.head = Head(32 + 3 * CHANNELS * steps, 64, 32, OUT)

    def forward(self, x):
        recent = x[:, -self.steps:]
        rate = torch.cat([torch.zeros_like(recent[:, :1]), recent.diff(dim=1)], 1)
        mean, spread = x.mean(1, keepdim=True), x.std(1, keepdim=True) + 1e-6
        excess = torch.relu((recent - mean).abs() - 3 * spread) / spread
        rules = torch.cat([recent, rate, excess], 2).flatten(1)
        learned = self.lstm(x)[0][:, -1]
        return from_last_value(self.head(torch.cat([learned, rules], 1)), x)


MODELS = {"lstm": StackedLstm, "gru": ResidualGru, "cnn_lstm": CnnLstm, "spike": SpikeDetector, "rule": RuleBased}


def train_rate(model, windows, batch):
    torch.manual_seed(1)
    x = torch.randn(windows, LOOKBACK, CHANNELS)
    y = torch.randn(windows, 1, 1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    model.train()

    def step(i):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x[i:i + batch]), y[i:i + batch])
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()

    for i in range(0, 4 * batch, batch):  # warm-up, as Fathom's bench warms up
        step(i)
    start = time.perf_counter()
    for i in range(0, windows, batch):
        step(i)
    return windows / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=0, help="intra-op threads (0: PyTorch's choice)")
    parser.add_argument("--windows", type=int, default=4096)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--models", default="lstm,gru,cnn_lstm,spike,rule")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    rows = []
    for name in args.models.split(","):
        model = MODELS[name]()
        rate = train_rate(model, args.windows, args.batch)
        parameters = sum(p.numel() for p in model.parameters())
        rows.append({"model": name, "parameters": parameters, "train_samples_per_second": rate})
        if not args.json:
            print(f"{name:9s} {parameters:9d} parameters  {rate:8.0f} training samples/s")
    result = {"peer": "PyTorch " + torch.__version__, "threads": torch.get_num_threads(), "rows": rows}
    if args.json:
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
