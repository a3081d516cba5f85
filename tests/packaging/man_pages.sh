#!/usr/bin/env bash
# man_pages MAN VERSION PROGRAM PAGE [PROGRAM PAGE ...]: each page formats without a groff
# warning (as lintian checks it), carries the project's version, and describes every option
# and command its program's --help prints.
source "$(dirname "$0")/common.sh"
man=$1 version=$2
shift 2
require_tool "$man" man man-db

# The roff spelling of a name in a page: option dashes are written \-.
roff() { printf '%s' "$1" | sed 's/-/\\-/g'; }

while [ $# -ge 2 ]; do
  program=$1 page=$2
  shift 2
  warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 "$man" --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
  [ -z "$warnings" ] || { echo "$warnings"; fail "$page: groff warnings"; }
  grep -q "^\.TH .* \"RNN Workbench $version\"" "$page" || fail "$page: the .TH line does not say RNN Workbench $version"

  help=$(QT_QPA_PLATFORM=offscreen "$program" --help) || fail "$program --help failed"
  options=$(printf '%s\n' "$help" | grep -oE -- '(^|[^a-z-])-(-[a-z][a-z0-9-]*|h)\b' | grep -oE -- '-(-[a-z][a-z0-9-]*|h)' | sort -u)
  # rnnwb's commands: the lines of the "commands:" block that start with a name.
  commands=$(printf '%s\n' "$help" | sed -n '/^commands:/,/^$/p' | grep -oE '^  [a-z][a-z-]*' || true)
  [ -n "$options" ] || fail "$program --help lists no option"
  missing=()
  for name in $options; do
    grep -qF -- "$(roff "$name")" "$page" || missing+=("$name")
  done
  for name in $commands; do # each command has its own entry: a line ".B name"
    grep -qxF -- ".B $(roff "$name")" "$page" || missing+=("$name")
  done
  [ ${#missing[@]} -eq 0 ] || fail "$page does not describe ${missing[*]} (from $(basename "$program") --help)"
  echo "PASS: $page ($(echo $options | wc -w) options$([ -z "$commands" ] || echo ", $(echo $commands | wc -w) commands"))"
done
