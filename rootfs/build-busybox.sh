#!/bin/sh
# build-busybox.sh: build a static BusyBox with musl-gcc, out of tree.
#
#   build-busybox.sh SRC OUT CONFIG
#
# SRC is the unpacked source (left pristine: kbuild's O= puts every object,
# generated header and the binary in OUT). CONFIG is copied to OUT/.config.
# musl-gcc searches only musl's headers, so the Linux UAPI headers BusyBox
# includes come from OUT/uapi, a folder of symlinks into /usr/include that
# is searched after musl's (-idirafter); the system is left unchanged.
# The build date BusyBox prints is the Debian changelog's (unless
# SOURCE_DATE_EPOCH is set), so the same source gives the same binary.
# Logs go to OUT/config.log and OUT/build.log; on failure the errors and
# the end of the log are shown.
set -eu

[ $# -eq 3 ] || { echo "usage: $0 SRC OUT CONFIG" >&2; exit 2; }
src=$(cd "$1" && pwd)
out=$(mkdir -p "$2" && cd "$2" && pwd)
config=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")

# The UAPI folders Debian's linux-libc-dev installs; asm is per-architecture.
uapi=$out/uapi
mkdir -p "$uapi"
for d in linux asm-generic misc mtd rdma sound video xen; do
	if [ -d /usr/include/$d ]; then ln -sfn /usr/include/$d "$uapi/$d"; fi
done
ln -sfn /usr/include/x86_64-linux-gnu/asm "$uapi/asm"
[ -f "$uapi/linux/version.h" ] || { echo "Linux headers missing: install linux-libc-dev" >&2; exit 1; }

SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(dpkg-parsechangelog -l "$src/debian/changelog" -STimestamp)}
export SOURCE_DATE_EPOCH

# A clean environment for BusyBox's make: nothing from the calling make
# (its variables, jobserver, -s) or the user's CFLAGS may leak in.
bbmake() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES \
		-u CFLAGS -u CPPFLAGS -u LDFLAGS -u CC -u O -u V \
		make -C "$src" O="$out" CC="musl-gcc -idirafter $uapi" HOSTCC=gcc "$@"
}

fail() {
	log=$1
	echo "busybox build failed; full log: $log" >&2
	grep -n -E 'error:|\*\*\*' "$log" | head -n 40 >&2
	echo "--- last lines of the log ---" >&2
	tail -n 40 "$log" >&2
	exit 1
}

echo "  BUSYBOX $2/busybox (log: $2/build.log)"
cp "$config" "$out/.config"
yes '' | bbmake silentoldconfig >"$out/config.log" 2>&1 || fail "$out/config.log"
grep -E '^(# )?CONFIG_' "$config" >"$out/.config.want"
grep -E '^(# )?CONFIG_' "$out/.config" | cmp -s "$out/.config.want" - ||
	echo "  note: oldconfig changed the configuration; compare $3 with $out/.config" >&2
bbmake -j2 busybox >"$out/build.log" 2>&1 || fail "$out/build.log"
touch "$out/busybox"
