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

# Every quoted or angled #include of the files below a folder, as FILE:LINE:TEXT.
includes_in() { grep -rnE --include='*.h' --include='*.cpp' '^[[:space:]]*#[[:space:]]*include' "$1" || true; }

for folder in "$src"/core/*/; do
  module=$(basename "$folder")
  [ -n "${rank[$module]+set}" ] || { refuse "$folder" "a core folder that is not a module ($*)"; continue; }
  while IFS= read -r line; do
    where=${line%%:#*} text=${line#*:*:}
    if [[ $text =~ \"core/([a-z_0-9]+)/ ]]; then
      used=${BASH_REMATCH[1]}
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
  done < <(includes_in "$folder")
done

while IFS= read -r line; do
  where=${line%%:#*} text=${line#*:*:}
  [[ $text =~ \"app/ ]] && refuse "$where" "$text: the command line includes no app header"
done < <(includes_in "$src/cli")

# The app's session: Qt Core and Concurrent only, nothing of the window.
while IFS= read -r line; do
  where=${line%%:#*} text=${line#*:*:}
  if [[ $text =~ \"app/(shell|panels|charts|teaching)/ || $text =~ \<Qt(Gui|Widgets|Charts|Svg|PrintSupport)/ ]] \
     || [[ $text =~ \<(Q[A-Za-z]*)\> && -e "$qt_include/QtWidgets/${BASH_REMATCH[1]}" ]] \
     || [[ $text =~ \<(Q[A-Za-z]*)\> && -e "$qt_include/QtGui/${BASH_REMATCH[1]}" ]] \
     || [[ $text =~ qcustomplot ]]; then
    refuse "$where" "$text: the session includes nothing of the window (Qt Core and Concurrent only)"
  fi
done < <(includes_in "$src/app/session")

if [ "$bad" -gt 0 ]; then
  echo "FAIL: $bad includes point the wrong way"
  exit 1
fi
echo "PASS: the includes of $(find "$src/core" "$src/cli" "$src/app/session" -name '*.h' -o -name '*.cpp' | wc -l) files follow the layers (${modules[*]})"
