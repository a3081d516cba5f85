#!/usr/bin/env bash
# Installs what RNN Workbench needs on Debian 12, then configures and builds it.
#   packaging/bootstrap.sh            install the build dependencies, build (Release)
#   packaging/bootstrap.sh --test     also the test-only packages; build and run every test
#   packaging/bootstrap.sh --run      build, then open the app on the bundled airline dataset
# Safe to rerun: it installs only what is missing and rebuilds incrementally.
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
# CPU's speed, since the training kernels are chosen at run time (src/core/kernels.h).
build="${RNNWB_BUILD_DIR:-$here/build/release}"

packages=(cmake g++ make pkg-config
          qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
          libgl-dev libeigen3-dev libqcustomplot-dev libqcustomplot2.1-qt6 nlohmann-json3-dev
          librsvg2-bin)
if [ "$mode" = run ]; then
  packages+=(fonts-noto-cjk qt6-translations-l10n) # the Chinese UI's glyphs; Qt's own zh_CN dialogs
fi
if [ "$mode" = test ]; then
  packages+=(xvfb xauth
             desktop-file-utils appstream shared-mime-info man-db lintian dpkg-dev)
fi

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
else
  echo "bootstrap: all ${#packages[@]} packages already installed"
fi

echo "bootstrap: configuring $build"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release
echo "bootstrap: building with $(nproc) jobs"
cmake --build "$build" -j "$(nproc)"

case "$mode" in
  test)
    echo "bootstrap: running the test suite (headless)"
    cd "$build"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 1500
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
