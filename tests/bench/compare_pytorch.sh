#!/bin/sh
# Compares `rnnwb bench` with the PyTorch reference (1 thread) on the same configurations.
# Builds nothing. Not run by CI (timings).
#   usage: tests/bench/compare_pytorch.sh [BUILD_DIR]      (default: build/release)
# Prints: config, ours s/epoch, PyTorch s/epoch, ratio (PyTorch/ours), our GFLOP/s and its
# share of a 333 GFLOP/s peak.
# Note: bench_pytorch.py takes a comma-separated list of configurations (it has no "all"),
# so the four names are passed explicitly.
set -eu
BUILD=${1:-build/release}
PYTORCH_SCRIPT=${PYTORCH_SCRIPT:-/work/shared/reference/bench_pytorch.py}
CONFIGS=seed,seq5,long10k,wide256
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$BUILD/bin/rnnwb" bench --config all --json - > "$TMP/ours.json"
/usr/bin/python3 "$PYTORCH_SCRIPT" "$CONFIGS" 1 > "$TMP/torch.jsonl"
/usr/bin/python3 - "$TMP/ours.json" "$TMP/torch.jsonl" <<'PY'
import json, sys
ours = {r["config"]: r for r in json.load(open(sys.argv[1]))}
torch = {}
for line in open(sys.argv[2]):
    line = line.strip()
    if line:
        r = json.loads(line); torch[r["config"]] = r
PEAK = 333.0
print(f"{'config':<9} {'ours s/epoch':>13} {'PyTorch s/epoch':>16} {'ratio':>8} {'GFLOP/s':>9} {'of peak':>8}")
for name in ("seed", "seq5", "long10k", "wide256"):
    o, t = ours.get(name), torch.get(name)
    if not o or not t:
        print(f"{name:<9} missing"); continue
    ratio = t["sec_per_epoch"] / o["sec_per_epoch"]
    print(f"{name:<9} {o['sec_per_epoch']:>13.6f} {t['sec_per_epoch']:>16.6f} {ratio:>7.2f}x "
          f"{o['gflops']:>9.2f} {100.0 * o['gflops'] / PEAK:>7.2f}%")
PY
