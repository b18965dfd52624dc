#!/bin/sh
# fetch-debian-package.sh: download one Debian binary package and unpack it,
# without installing it.
#
#   fetch-debian-package.sh [--dependency] [--only DIR] APTDIR PACKAGE DEST [FILE]...
#
# Goes through the private apt configuration in APTDIR (apt-private.sh).
# With --dependency PACKAGE is a metapackage such as linux-image-amd64 and
# the package fetched is its first dependency (linux-image-6.1.0-N-amd64).
# The package's files (with --only, just its folder DIR: a kernel package's
# modules are 400 MB) are extracted into DEST, which is made afresh. Each FILE is NAME=PATTERN: the one file in DEST matching the shell
# pattern is hard-linked as DEST/NAME (unless it is that file), which gives
# version-named files such as boot/vmlinuz-* a fixed name. Every NAME is then touched, so make sees
# it newer than this script; DEST/.package (the package and version
# fetched) is written last, so an interrupted run is simply redone.
set -eu

usage() {
	echo "usage: $0 [--dependency] [--only DIR] APTDIR PACKAGE DEST [NAME=PATTERN]..." >&2
	exit 2
}
dependency= only=
while [ $# -gt 0 ]; do
	case "$1" in
	--dependency) dependency=1; shift ;;
	--only) [ $# -ge 2 ] || usage; only=$2; shift 2 ;;
	*) break ;;
	esac
done
[ $# -ge 3 ] || usage
here=$(cd "$(dirname "$0")" && pwd)
aptdir=$(mkdir -p "$1" && cd "$1" && pwd)
package=$2
dest=$(mkdir -p "$3" && cd "$3" && pwd)
shift 3
apt() { sh "$here/apt-private.sh" "$aptdir" "$@"; }
log="$dest.log"

echo "  APT     $package"
apt apt-get update >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
if [ -n "$dependency" ]; then
	meta=$package
	package=$(apt apt-cache show --no-all-versions "$meta" 2>>"$log" |
		sed -n 's/^Depends: *\([^ ,|]*\).*/\1/p' | head -n 1)
	[ -n "$package" ] || { echo "$0: $meta has no dependency" >&2; exit 1; }
	echo "  APT     $package (for $meta)"
fi

rm -rf "$dest" "$dest.tmp"
mkdir -p "$dest.tmp/deb" "$dest.tmp/root"
(cd "$dest.tmp/deb" && apt apt-get download "$package") >>"$log" 2>&1 ||
	{ cat "$log" >&2; exit 1; }
deb=$(ls "$dest.tmp/deb"/*.deb)
if [ -n "$only" ]; then
	dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$dest.tmp/root" "./${only#/}"
else
	dpkg-deb -x "$deb" "$dest.tmp/root"
fi

for file in "$@"; do
	name=${file%%=*}
	pattern=${file#*=}
	[ "$name" != "$file" ] && [ -n "$name" ] || usage
	# Unquoted on purpose: the pattern is expanded here, in DEST.
	set -- $(cd "$dest.tmp/root" && ls -d $pattern 2>/dev/null)
	[ $# -eq 1 ] || { echo "$0: $pattern matches $# files in $package" >&2; exit 1; }
	[ "$1" = "$name" ] || ln -f "$dest.tmp/root/$1" "$dest.tmp/root/$name"
	touch "$dest.tmp/root/$name"
done

mv "$dest.tmp/root" "$dest"
dpkg-deb -f "$deb" Package Version >"$dest/.package"
rm -rf "$dest.tmp"
