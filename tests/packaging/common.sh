# Sourced by the packaging checks: how they report and fail.
set -euo pipefail

fail() { echo "FAIL: $*" >&2; exit 1; }

# require_tool PATH NAME PACKAGE: fail the check when find_program did not find the tool. A
# check never skips: packaging/bootstrap.sh --test installs every tool the checks use.
require_tool() {
  [ -x "$1" ] || fail "$2 not found: install the Debian package $3 (packaging/bootstrap.sh --test does)"
}

# A temporary directory removed when the check ends.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/rnnwb-packaging.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
