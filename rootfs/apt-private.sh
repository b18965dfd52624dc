#!/bin/sh
# apt-private.sh: run apt-get or apt-cache against a private apt configuration.
#
#   apt-private.sh APTDIR apt-get|apt-cache ARGS...
#
# APTDIR holds its own source list (deb and deb-src lines for this machine's
# release and mirror), its own lists and cache, so the machine's apt sources
# and state are never touched and root is not needed. Callers run
# "apt-private.sh APTDIR apt-get update" before their first query.
# Calls are serialised on APTDIR/lock: parallel make may run two fetches
# at once, and apt's own list lock would make the second one fail.
set -eu

[ $# -ge 2 ] || { echo "usage: $0 APTDIR apt-get|apt-cache ARGS..." >&2; exit 2; }
aptdir=$(mkdir -p "$1" && cd "$1" && pwd)
tool=$2
shift 2
case "$tool" in
apt-get | apt-cache) ;;
*) echo "$0: $tool is neither apt-get nor apt-cache" >&2; exit 2 ;;
esac
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

# Rewritten only when it changes; the lock keeps a concurrent call from
# reading it half written.
list="deb [signed-by=$keyring] $uri $suite main
deb-src [signed-by=$keyring] $uri $suite main"

exec 9>"$aptdir/lock"
flock 9
printf '%s\n' "$list" | cmp -s - "$aptdir/sources.list" ||
	printf '%s\n' "$list" >"$aptdir/sources.list"

# As root apt would drop to _apt, which may not reach a build folder under
# a private home; run the downloads as whoever we are instead.
"$tool" -q \
	-o Dir::Etc::sourcelist="$aptdir/sources.list" \
	-o Dir::Etc::sourceparts="$aptdir/sources.list.d" \
	-o Dir::Etc::trusted="$aptdir/trusted.gpg" \
	-o Dir::Etc::trustedparts="$aptdir/trusted.gpg.d" \
	-o Dir::State="$aptdir/state" \
	-o Dir::State::status=/dev/null \
	-o Dir::Cache="$aptdir/cache" \
	-o APT::Sandbox::User="$(id -un)" \
	"$@"
