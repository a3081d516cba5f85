#!/usr/bin/env bash
# Installs what RNN Workbench needs on Debian 12, then configures and builds it.
#   packaging/bootstrap.sh            install the build dependencies, build (Release)
#   packaging/bootstrap.sh --test     also the test-only packages; build and run every test
#   packaging/bootstrap.sh --run      build, then open the app on the bundled airline dataset
# Safe to rerun: it installs only what is missing and rebuilds incrementally. It works from
# nothing: a minimal Debian 12 root (debootstrap --variant=minbase) as root is enough, and
# .ci/run proves it on every CI run.
set -euo pipefail

mode=build
case "${1:-}" in
  --test) mode=test ;;
  --run) mode=run ;;
  "") ;;
  *) echo "usage: $0 [--test|--run]" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")/.." && pwd)
# One portable build for both commands: it runs on every x86-64 CPU and still trains at this
# CPU's speed, since the training kernels are chosen at run time (src/core/nn/kernels.h).
build="${RNNWB_BUILD_DIR:-$here/build/release}"

# Every package is named: apt installs without recommends, so nothing arrives by chance.
build_packages=(cmake g++ make pkg-config
                qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
                libqt6opengl6-dev # Qt Charts' CMake package needs Qt6OpenGL
                libgl-dev libeigen3-dev libqcustomplot-dev libqcustomplot2.1-qt6 nlohmann-json3-dev
                librsvg2-bin)
# What the app needs to open a window and read Chinese: Qt's platform plugins (xcb, and the
# offscreen one the headless tests use), CJK glyphs, Qt's own zh_CN dialogs.
app_packages=(qt6-qpa-plugins fonts-noto-cjk qt6-translations-l10n)
# Test-only: the packaging validators, and PyTorch for the exported scripts and the fixtures.
test_packages=(xvfb xauth
               desktop-file-utils appstream shared-mime-info man-db lintian dpkg-dev
               python3-torch python3-numpy)

packages=("${build_packages[@]}" "${app_packages[@]}")
phase_start=$SECONDS
phase_done() { echo "bootstrap: $1 in $((SECONDS - phase_start)) s"; phase_start=$SECONDS; }
[ "$mode" = test ] && packages+=("${test_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
  phase_done "installed ${#missing[@]} packages and their dependencies"
else
  echo "bootstrap: all ${#packages[@]} packages already installed"
fi

echo "bootstrap: configuring $build"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release
echo "bootstrap: building with $(nproc) jobs"
cmake --build "$build" -j "$(nproc)"
phase_done "configured and built"

case "$mode" in
  test)
    echo "bootstrap: running the test suite (headless)"
    cd "$build"
    status=0
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 1500 || status=$?
    phase_done "ran the tests"
    # Every Qt Test executable closes with "Totals: P passed, F failed, S skipped, ..."; a
    # skipped function already fails its test (tests/CMakeLists.txt), this adds them up.
    awk '/^Totals: [0-9]+ passed/ { p += $2; f += $4; s += $6; n++ }
         END { printf "bootstrap: the test functions of %d Qt Test executables, each data row counted:\n", n
               printf "functions: %d passed, %d failed, %d skipped\n", p, f, s }' Testing/Temporary/LastTest.log
    exit $status
    ;;
  run)
    if [ -x "$build/bin/rnn-workbench" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
      echo "bootstrap: opening rnn-workbench on the airline passengers dataset"
      exec "$build/bin/rnn-workbench"
    fi
    echo "bootstrap: no display (or no app build): training the seed recipe with rnnwb instead"
    exec "$build/bin/rnnwb" train --csv "$here/resources/data/airline-passengers.csv"
    ;;
esac
