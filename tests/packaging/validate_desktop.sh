#!/usr/bin/env bash
# validate_desktop TOOL DESKTOP_FILE: desktop-file-validate accepts the desktop entry (hints are
# printed, errors fail).
source "$(dirname "$0")/common.sh"
tool=$1 desktop=$2
require_tool "$tool" desktop-file-validate desktop-file-utils

output=$("$tool" "$desktop" 2>&1) || { echo "$output"; fail "desktop-file-validate rejects $desktop"; }
echo "${output:-desktop-file-validate: no remarks}"
grep -q '^Exec=rnn-workbench ' "$desktop" || fail "$desktop: Exec does not start rnn-workbench"
echo "PASS: $desktop"
