#!/usr/bin/env bash
# package_install CPACK BUILD_DIR VERSION APP_ID LINTIAN OBJDUMP: builds the Debian package of the
# programs already built in BUILD_DIR, unpacks it into a temporary root, runs both programs'
# --version from there without a display, checks the package's files and dependencies, and
# runs lintian on it: any E: line fails the test, W: lines are printed.
source "$(dirname "$0")/common.sh"
cpack=$1 build=$2 version=$3 app_id=$4 lintian=$5 objdump=$6
require_tool "$(command -v dpkg-deb)" dpkg-deb dpkg
require_tool "$lintian" lintian lintian
require_tool "$objdump" objdump binutils

"$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/out" \
  -D CPACK_INSTALL_CMAKE_PROJECTS= \
  -D CPACK_INSTALL_SCRIPTS="$(dirname "$0")/install_built_tree.cmake" \
  -D RNNWB_BUILD_TREE="$build" >"$scratch/cpack.log" 2>&1 || { cat "$scratch/cpack.log"; fail "cpack failed"; }
debs=("$scratch"/out/*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || { cat "$scratch/cpack.log"; fail "cpack made no single .deb"; }
deb=${debs[0]}
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"

# --- control fields ---
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = rnn-workbench ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', the project is $version"
depends=$(field Depends)
echo "Depends: $depends"
depends_names=$(sed 's/ *([^)]*)//g; s/, */\n/g' <<<"$depends") # one package name a line
for lib in libc6 libstdc++6 libqt6core6 libqt6widgets6; do # found by dpkg-shlibdeps in the binaries
  grep -qxF "$lib" <<<"$depends_names" || fail "Depends lacks $lib (dpkg-shlibdeps did not run?)"
done

# --- files ---
root=$scratch/root
dpkg-deb -x "$deb" "$root"
expected=(usr/bin/rnnwb usr/bin/rnn-workbench
  "usr/share/applications/$app_id.desktop" "usr/share/metainfo/$app_id.metainfo.xml"
  "usr/share/mime/packages/$app_id.xml" "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
  usr/share/man/man1/rnnwb.1.gz usr/share/man/man1/rnn-workbench.1.gz
  usr/share/doc/rnn-workbench/copyright usr/share/doc/rnn-workbench/changelog.gz)
for size in 16 32 48 64 128 256; do
  expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for f in "${expected[@]}"; do
  [ -f "$root/$f" ] || fail "the package lacks /$f"
done
# A PNG's width and height are its directory's: big-endian 32-bit numbers at bytes 16 and 20
# (the IHDR chunk after the 8-byte signature and the chunk's length and name).
png_size() { od -An -tu4 --endian=big -j16 -N8 "$1" | awk '{print $1 "x" $2}'; }
for size in 16 32 48 64 128 256; do
  png=$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
  [ "$(png_size "$png")" = "${size}x${size}" ] || fail "$png is $(png_size "$png") pixels"
done
icon=$(sed -n 's/^Icon=//p' "$root/usr/share/applications/$app_id.desktop")
[ "$icon" = "$app_id" ] || fail "the desktop entry's Icon is '$icon', not $app_id"
zcat "$root/usr/share/doc/rnn-workbench/changelog.gz" | head -n 1 | grep -q "^rnn-workbench ($version) " \
  || fail "the changelog's newest entry is not $version"
echo "files: ${#expected[@]} expected files present"

# --- both programs run from the unpacked root, without a display ---
for program in rnnwb rnn-workbench; do
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$root/usr/bin/$program" --version 2>&1) \
    || { echo "$out"; fail "$program --version failed"; }
  [ "$out" = "$program $version" ] || fail "$program --version printed '$out', expected '$program $version'"
  echo "$program --version: $out"
done

# --- built for every x86-64 CPU: AVX registers only in the kernel copies chosen at run time ---
# (core/nn/kernels.h; checked on the build tree's binaries, which the package holds stripped)
bash "$(dirname "$0")/../core/nn/kernel_symbols.sh" nm "$objdump" -- "$build/bin/rnnwb" "$build/bin/rnn-workbench" \
  || fail "a program uses AVX registers outside the kernels chosen at run time: the package would not run on every x86-64 CPU"

# --- lintian ---
report=$("$lintian" --tag-display-limit 0 "$deb" 2>&1 || true)
echo "lintian: $(grep -c '^E:' <<<"$report" || true) errors, $(grep -c '^W:' <<<"$report" || true) warnings"
[ -z "$report" ] || echo "$report"
! grep -q '^E:' <<<"$report" || fail "lintian reports errors"
echo "PASS: $(basename "$deb")"
