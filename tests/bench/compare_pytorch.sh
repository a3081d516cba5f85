#!/bin/sh
# Compares `rnnwb bench` with the PyTorch reference (1 thread, its fastest setting here) on the
# same configurations, in one run. Builds nothing. Not run by CI (timings).
#   usage: tests/bench/compare_pytorch.sh [BUILD_DIR]      (default: build/release)
# Runs ours twice, with RNNWB_THREADS=1 and with the default thread count (all cores).
# Prints per configuration: our s/epoch at 1 and N threads, PyTorch's, the ratio PyTorch/ours
# at N threads, our GFLOP/s at N threads and its share of a 333 GFLOP/s peak
# (2 cores x 2.6 GHz x 64 flop/cycle with AVX-512).
# Note: bench_pytorch.py takes a comma-separated list of configurations (it has no "all"),
# so the four names are passed explicitly.
set -eu
BUILD=${1:-build/release}
PYTORCH_SCRIPT=${PYTORCH_SCRIPT:-/work/shared/reference/bench_pytorch.py}
CONFIGS=seed,seq5,long10k,wide256
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
RNNWB_THREADS=1 "$BUILD/bin/rnnwb" bench --config all --json - > "$TMP/ours1.json"
"$BUILD/bin/rnnwb" bench --config all --json - > "$TMP/oursN.json"
/usr/bin/python3 "$PYTORCH_SCRIPT" "$CONFIGS" 1 > "$TMP/torch.jsonl"
/usr/bin/python3 - "$TMP/ours1.json" "$TMP/oursN.json" "$TMP/torch.jsonl" <<'PY'
import json, sys
one = {r["config"]: r for r in json.load(open(sys.argv[1]))}
many = {r["config"]: r for r in json.load(open(sys.argv[2]))}
torch = {}
for line in open(sys.argv[3]):
    line = line.strip()
    if line:
        r = json.loads(line); torch[r["config"]] = r
PEAK = 333.0
threads = next(iter(many.values()))["threads"] if many else "?"
print(f"{'config':<9} {'ours 1 thr':>11} {f'ours {threads} thr':>11} {'PyTorch':>10} {'ratio':>8} {'GFLOP/s':>8} {'of peak':>8}")
for name in ("seed", "seq5", "long10k", "wide256"):
    o1, o, t = one.get(name), many.get(name), torch.get(name)
    if not o or not o1 or not t:
        print(f"{name:<9} missing"); continue
    ratio = t["sec_per_epoch"] / o["sec_per_epoch"]
    print(f"{name:<9} {o1['sec_per_epoch']:>11.6f} {o['sec_per_epoch']:>11.6f} {t['sec_per_epoch']:>10.6f} "
          f"{ratio:>7.2f}x {o['gflops']:>8.2f} {100.0 * o['gflops'] / PEAK:>7.2f}%")
PY
