#!/bin/sh
# Times `rnnwb describe` against pandas.read_csv(path, parse_dates=[0]) on a 1,000,000-row
# "date,value" CSV (~20 MB) made in a temporary directory.
# Best of 5 for each. rnnwb is timed as a whole process; pandas inside Python with the import
# excluded (the issue's measure), and also as a whole process, import included.
# Builds nothing. Not run by CI (timings).
#   usage: tests/bench/describe_vs_pandas.sh [BUILD_DIR]      (default: build/release)
#   ROWS=N changes the row count; PYTHON names an interpreter with pandas (Debian's python3-pandas).
set -eu
BUILD=${1:-build/release}
PYTHON=${PYTHON:-/usr/bin/python3}
ROWS=${ROWS:-1000000}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$PYTHON" - "$BUILD/bin/rnnwb" "$TMP/big.csv" "$ROWS" <<'PY'
import datetime, os, random, subprocess, sys, time

rnnwb, csv, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])

# Daily ISO dates from 1900-01-01, starting over every 36,500 days (pandas' datetime64[ns]
# ends in 2262), and normal random values with 6 decimals.
random.seed(9)
start = datetime.date(1900, 1, 1)
days = [(start + datetime.timedelta(days=k)).isoformat() for k in range(36500)]
with open(csv, "w") as f:
    f.write("date,value\n")
    f.writelines(f"{days[k % 36500]},{random.gauss(0, 1):.6f}\n" for k in range(rows))

def best_of_5(run):
    times = []
    for _ in range(5):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return min(times)

def quiet(*command):
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)

import pandas

ours = best_of_5(lambda: quiet(rnnwb, "describe", "--csv", csv))
in_process = best_of_5(lambda: pandas.read_csv(csv, parse_dates=[0]))
whole = best_of_5(lambda: quiet(sys.executable, "-c",
                                f"import pandas; pandas.read_csv({csv!r}, parse_dates=[0])"))
print(f"{rows} rows, {os.path.getsize(csv) / 1e6:.1f} MB; best of 5, seconds")
print(f"rnnwb describe (whole process)        {ours:7.3f}")
print(f"pandas.read_csv (in-process)          {in_process:7.3f}   rnnwb is {in_process / ours:.2f}x faster")
print(f"pandas (whole process, with import)   {whole:7.3f}   rnnwb is {whole / ours:.2f}x faster")
PY
