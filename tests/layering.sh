#!/usr/bin/env bash
# layering.sh SRC MODULE...: fails on an #include that points the wrong way.
#   - src/core/M includes "core/N/..." only for N at or before M in the MODULE order;
#   - src/core includes no Qt header (it links no Qt module either);
#   - src/cli includes no "app/..." header;
#   - src/app/session includes no header of the window: no app/shell, panels, charts or
#     teaching header, no Qt Gui or Widgets class (looked up in QT_INCLUDE, Qt's include
#     folder), no chart library.
# Each offending line is printed as FILE:LINE: the include, and why it is refused.
set -euo pipefail
src=$1; shift
qt_include=${QT_INCLUDE:?set QT_INCLUDE to the folder of Qt headers}
modules=("$@")
[ ${#modules[@]} -gt 0 ] || { echo "usage: $0 SRC MODULE..." >&2; exit 2; }

declare -A rank
for k in "${!modules[@]}"; do rank[${modules[k]}]=$k; done

bad=0
refuse() { echo "$1: $2"; bad=$((bad + 1)); }

# Calls RULE FILE:LINE TEXT for every #include of the files below FOLDER.
for_each_include() { # for_each_include FOLDER RULE
  local line file rest
  while IFS= read -r line; do
    file=${line%%:*} rest=${line#*:}
    "$2" "$file:${rest%%:*}" "$(sed -E 's/^[[:space:]]+//' <<<"${rest#*:}")"
  done < <(grep -rnE --include='*.h' --include='*.cpp' '^[[:space:]]*#[[:space:]]*include' "$1" || true)
}

# The core: modules include only modules at or before them, and nothing of Qt or the app.
core_rule() { # uses $module
  local where=$1 text=$2
  if [[ $text =~ \"core/([a-z_0-9]+)/ ]]; then
    local used=${BASH_REMATCH[1]}
    if [ -z "${rank[$used]+set}" ]; then
      refuse "$where" "$text: core/$used is not a module"
    elif [ "${rank[$used]}" -gt "${rank[$module]}" ]; then
      refuse "$where" "$text: $module may not include $used, which comes after it (${modules[*]})"
    fi
  elif [[ $text =~ \"core/[^/]+\" ]]; then
    refuse "$where" "$text: a core header lives in its module's folder"
  elif [[ $text =~ \<Q[A-Za-z]*\> || $text =~ \<Qt[A-Za-z]*/ || $text =~ \"app/ ]]; then
    refuse "$where" "$text: the core includes no Qt or app header"
  fi
}

cli_rule() {
  [[ $2 =~ \"app/ ]] && refuse "$1" "$2: the command line includes no app header"
  return 0
}

# The app's session: Qt Core and Concurrent only, nothing of the window.
session_rule() {
  local text=$2
  if [[ $text =~ \"app/(shell|panels|charts|teaching)/ || $text =~ \<Qt(Gui|Widgets|Charts|Svg|PrintSupport)/ ]] \
     || [[ $text =~ \<(Q[A-Za-z]*)\> && -e "$qt_include/QtWidgets/${BASH_REMATCH[1]}" ]] \
     || [[ $text =~ \<(Q[A-Za-z]*)\> && -e "$qt_include/QtGui/${BASH_REMATCH[1]}" ]] \
     || [[ $text =~ qcustomplot ]]; then
    refuse "$1" "$text: the session includes nothing of the window (Qt Core and Concurrent only)"
  fi
}

for folder in "$src"/core/*/; do
  module=$(basename "$folder")
  if [ -z "${rank[$module]+set}" ]; then
    refuse "$folder" "a core folder that is not a module (${modules[*]})"
  else
    for_each_include "$folder" core_rule
  fi
done
for_each_include "$src/cli" cli_rule
for_each_include "$src/app/session" session_rule

if [ "$bad" -gt 0 ]; then
  echo "FAIL: $bad includes point the wrong way"
  exit 1
fi
echo "PASS: the includes of $(find "$src/core" "$src/cli" "$src/app/session" -name '*.h' -o -name '*.cpp' | wc -l) files follow the layers (${modules[*]})"
