#!/bin/sh
# fetch-busybox-source.sh: download and unpack Debian's busybox source package.
#
#   fetch-busybox-source.sh APTDIR DEST
#
# Goes through the private apt configuration in APTDIR (apt-private.sh), so
# the machine's apt sources and state are never touched and root is not
# needed. The patched source tree ends up in DEST/source; DEST/.stamp is
# written last, so an interrupted run leaves no stamp and is simply redone.
set -eu

[ $# -eq 2 ] || { echo "usage: $0 APTDIR DEST" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
aptdir=$(mkdir -p "$1" && cd "$1" && pwd)
dest=$(mkdir -p "$2" && cd "$2" && pwd)
apt() { sh "$here/apt-private.sh" "$aptdir" "$@"; }
log="$dest/apt.log"

echo "  APT     busybox source"
apt apt-get update >"$log" 2>&1 || { cat "$log" >&2; exit 1; }

work="$dest/fetch.tmp"
rm -rf "$work" "$dest/source" "$dest/.stamp"
mkdir -p "$work"
(cd "$work" && apt apt-get source busybox) >>"$log" 2>&1 || { cat "$log" >&2; exit 1; }
tree=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'busybox-*')
[ -n "$tree" ] && [ -f "$tree/Makefile" ] || { echo "no busybox tree in $work" >&2; exit 1; }
mv "$tree" "$dest/source"
ls "$work"/*.dsc | sed 's|.*/||' >"$dest/.stamp"
rm -rf "$work"
