# Sourced by the packaging checks: how they report, fail and skip.
# ctest treats exit code 77 as "skipped" (SKIP_RETURN_CODE in CMakeLists.txt).
set -euo pipefail

fail() { echo "FAIL: $*" >&2; exit 1; }

# require_tool PATH NAME PACKAGE: skip the check when find_program did not find the tool.
require_tool() {
  if [ ! -x "$1" ]; then
    echo "SKIPPED: $2 not found (Debian package $3)"
    exit 77
  fi
}

# A temporary directory removed when the check ends.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/rnnwb-packaging.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
