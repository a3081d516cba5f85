#!/usr/bin/env bash
# Runs a command in a clean clone of this repository inside a fresh, minimal Debian 12 root,
# as a new user's first command would run on a new machine: nothing installed but Debian's
# minbase, root, a clean environment.
#   tests/tools/fresh_root.sh COMMAND...       e.g. packaging/bootstrap.sh --test
# Needs root (debootstrap and chroot). The mirror is the one this machine's apt uses. Exits
# with COMMAND's status; the root and its mounts are removed whatever happens.
#   RNNWB_FRESH_KEEP=DIR   keep the root in DIR afterwards (made anew when DIR does not exist)
set -euo pipefail

say() { echo "fresh-root: $*"; }
die() { say "$*" >&2; exit 1; }

[ $# -gt 0 ] || { echo "usage: $0 COMMAND..." >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap and chroot)"
repo=$(cd "$(dirname "$0")/../.." && pwd)
started=$SECONDS
phase_start=$SECONDS
phase_done() { say "$1 took $((SECONDS - phase_start)) s"; phase_start=$SECONDS; }

# The mirror this machine's apt reads Debian from: the first deb822 URIs line, else the first
# one-line "deb" entry. Never a host name written here.
apt_mirror() {
  local uri=""
  if compgen -G "/etc/apt/sources.list.d/*.sources" >/dev/null; then
    uri=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/*.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/) { print $i; exit } }' /etc/apt/sources.list)
  fi
  echo "$uri"
}

if ! command -v debootstrap >/dev/null; then
  say "installing debootstrap"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap; } \
    >/dev/null 2>&1 || die "cannot make a fresh Debian 12 root: the debootstrap package could not be installed"
fi
mirror=$(apt_mirror)
[ -n "$mirror" ] || die "cannot make a fresh Debian 12 root: no Debian mirror in this machine's apt sources"

root=${RNNWB_FRESH_KEEP:-}
[ -n "$root" ] || root=$(mktemp -d /var/tmp/rnnwb-fresh-root.XXXXXX)

# Everything mounted below the root, deepest first: this script's mounts, and any a killed
# debootstrap left behind.
mounts_below_root() { awk -v below="$root/" 'index($2, below) == 1 { print $2 }' /proc/self/mounts | sort -r; }

# Unmounts everything below the root, then removes the root unless it is to be kept. Nothing
# is removed while anything is still mounted below it.
cleanup() {
  local target
  for target in $(mounts_below_root); do
    umount "$target" 2>/dev/null || umount -l "$target" 2>/dev/null || true
  done
  if [ -n "$(mounts_below_root)" ]; then
    say "left $root in place: something is still mounted below it"
  elif [ -z "${RNNWB_FRESH_KEEP:-}" ]; then
    rm -rf --one-file-system "$root"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ ! -x "$root/bin/bash" ]; then
  say "debootstrap --variant=minbase bookworm into $root (mirror from this machine's apt sources)"
  debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 \
    || die "cannot make a fresh Debian 12 root: debootstrap failed (see $root.debootstrap.log)"
  rm -f "$root.debootstrap.log"
  phase_done "debootstrap"
fi

project=/home/newcomer/project
rm -rf "$root$project"
mkdir -p "$root/home/newcomer"
git clone -q "$repo" "$root$project" || die "cannot clone $repo"

mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount --rbind /dev "$root/dev"
mount --make-rslave "$root/dev" # unmounting it later leaves the machine's /dev alone
cp /etc/resolv.conf "$root/etc/resolv.conf"

in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    bash -c "$1"
}

say "running in $project: $*"
status=0
in_root "cd $project && $(printf '%q ' "$@")" || status=$?
phase_done "the command"
say "exit status $status, $((SECONDS - started)) s in all"
exit $status
