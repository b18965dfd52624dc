#!/bin/sh
# fetch-busybox-source.sh: download and unpack Debian's busybox source package.
#
#   fetch-busybox-source.sh APTDIR DEST
#
# Uses a private apt configuration under APTDIR (its own deb-src list for
# this machine's release and mirror, its own lists and cache), so the
# machine's apt sources and state are never touched and root is not needed.
# The patched source tree ends up in DEST/source; DEST/.stamp is written
# last, so an interrupted run leaves no stamp and is simply redone.
set -eu

[ $# -eq 2 ] || { echo "usage: $0 APTDIR DEST" >&2; exit 2; }
aptdir=$(mkdir -p "$1" && cd "$1" && pwd)
dest=$(mkdir -p "$2" && cd "$2" && pwd)
keyring=/usr/share/keyrings/debian-archive-keyring.gpg

codename() {
	. /etc/os-release
	[ -n "${VERSION_CODENAME:-}" ] || { echo "no VERSION_CODENAME in /etc/os-release" >&2; exit 1; }
	echo "$VERSION_CODENAME"
}

# The first mirror the machine uses for its main suite: deb822 .sources
# stanzas first, then one-line sources.list entries.
mirror() {
	suite=$1
	uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk -v s="$suite" '
		/^[ \t]*$/ { if (u != "" && ok) { print u; exit } u = ""; ok = 0; next }
		/^URIs:/ { u = $2 }
		/^Suites:/ { for (i = 2; i <= NF; i++) if ($i == s) ok = 1 }
		END { if (u != "" && ok) print u }' | head -n 1)
	if [ -z "$uri" ]; then
		uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
			sed -e 's/#.*//' -e 's/\[[^]]*\]//' |
			awk -v s="$suite" '($1 == "deb" || $1 == "deb-src") && $3 == s { print $2; exit }')
	fi
	echo "${uri:-http://deb.debian.org/debian}"
}

suite=$(codename)
uri=$(mirror "$suite")
mkdir -p "$aptdir/sources.list.d" "$aptdir/trusted.gpg.d" \
	"$aptdir/state/lists/partial" "$aptdir/cache/archives/partial"
echo "deb-src [signed-by=$keyring] $uri $suite main" >"$aptdir/sources.list"

# As root apt would drop to _apt, which may not reach a build folder under
# a private home; run the downloads as whoever we are instead.
set -- -q \
	-o Dir::Etc::sourcelist="$aptdir/sources.list" \
	-o Dir::Etc::sourceparts="$aptdir/sources.list.d" \
	-o Dir::Etc::trusted="$aptdir/trusted.gpg" \
	-o Dir::Etc::trustedparts="$aptdir/trusted.gpg.d" \
	-o Dir::State="$aptdir/state" \
	-o Dir::State::status=/dev/null \
	-o Dir::Cache="$aptdir/cache" \
	-o APT::Sandbox::User="$(id -un)"

echo "  APT     busybox source from $uri $suite"
apt-get "$@" update >"$aptdir/update.log" 2>&1 || { cat "$aptdir/update.log" >&2; exit 1; }

work="$dest/fetch.tmp"
rm -rf "$work" "$dest/source" "$dest/.stamp"
mkdir -p "$work"
(cd "$work" && apt-get "$@" source busybox) >"$aptdir/source.log" 2>&1 ||
	{ cat "$aptdir/source.log" >&2; exit 1; }
tree=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'busybox-*')
[ -n "$tree" ] && [ -f "$tree/Makefile" ] || { echo "no busybox tree in $work" >&2; exit 1; }
mv "$tree" "$dest/source"
ls "$work"/*.dsc | sed 's|.*/||' >"$dest/.stamp"
rm -rf "$work"
