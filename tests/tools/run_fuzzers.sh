#!/bin/sh
# Runs both libFuzzer harnesses at once, niced, for SECONDS each (default 1800).
#   tests/tools/run_fuzzers.sh BUILD_DIR [SECONDS] [WORK_DIR]
# BUILD_DIR was configured with -DCMAKE_CXX_COMPILER=clang++-14 -DRNNWB_FUZZ=ON and has built
# the targets fuzz_csv and fuzz_model. The committed seed corpus (tests/fuzz/corpus/<harness>)
# is copied to WORK_DIR/<harness> (default /tmp/rnnwb-fuzz) so new inputs do not pile up in
# the source tree; crashing inputs land in WORK_DIR/<harness>-artifacts: minimise them, fix
# the bug and copy them into the committed corpus. Logs: WORK_DIR/<harness>.log.
set -eu
build=${1:?usage: run_fuzzers.sh BUILD_DIR [SECONDS] [WORK_DIR]}
seconds=${2:-1800}
work=${3:-/tmp/rnnwb-fuzz}
here=$(cd "$(dirname "$0")/../fuzz" && pwd)

for harness in csv model; do
  mkdir -p "$work/$harness" "$work/$harness-artifacts"
  cp -n "$here/corpus/$harness/"* "$work/$harness/" 2>/dev/null || true
  # -rss_limit_mb: a hostile header must not make the loader allocate gigabytes.
  # -timeout=60: every input runs in milliseconds, but a process at nice 19 on a busy machine
  # can be starved for seconds; 60 s still catches a real hang.
  nice -n 19 "$build/bin/fuzz_$harness" "$work/$harness" \
    -dict="$here/$harness.dict" -max_total_time="$seconds" -max_len=16384 \
    -rss_limit_mb=2048 -timeout=60 -print_final_stats=1 \
    -artifact_prefix="$work/$harness-artifacts/" > "$work/$harness.log" 2>&1 &
done
wait
for harness in csv model; do
  echo "== fuzz_$harness"; tail -n 20 "$work/$harness.log"
done
