#!/usr/bin/env bash
# run-host.sh: runs every compatibility program natively on the host and
# keeps its output as the expected output for the run inside the system.
#
#   tests/compat/run-host.sh DIR     DIR holds <area>/<name> binaries
#
# Each program runs twice, from /, with a clean environment, no input and a
# time limit. It fails if it exits non-zero, writes to stderr, times out, or
# prints something different the second time (output must not depend on
# pids, inodes, addresses or times). The first output is written to
# DIR/<area>/<name>.expected. Ends with "N deterministic, N failed" and
# exits non-zero if anything failed.
#
# The programs of the tty area test a terminal on their standard input
# and output, as the system's console is for init: they run in a
# pseudo-terminal (script) whose input stays open and empty (at the end
# of a closed input, script would type ^D), with carriage returns
# removed from the output as the system suite removes them.
set -uo pipefail

[ $# -eq 1 ] && [ -d "$1" ] || { echo "usage: $0 DIR" >&2; exit 2; }
dir=$(cd "$1" && pwd)
timeout_s=${COMPAT_TIMEOUT:-10}
work=$(mktemp -d "${TMPDIR:-/tmp}/compat-host.XXXXXX")
trap 'rm -rf "$work"' EXIT

# run BIN OUT: one run; prints why it failed, if it did.
run() {
	local status
	if [[ $1 == */tty/* ]]; then
		(cd / && env -i PATH=/usr/bin:/bin SHELL=/bin/sh timeout "$timeout_s" \
			script -q -e -c "exec $(printf '%q' "$1")" /dev/null \
			< <(sleep "$timeout_s") >"$work/raw" 2>"$work/err")
		status=$?
		tr -d '\r' < "$work/raw" > "$2"
	else
		(cd / && env -i PATH=/usr/bin:/bin timeout "$timeout_s" "$1" \
			</dev/null >"$2" 2>"$work/err")
		status=$?
	fi
	if [ $status -eq 124 ]; then echo "timed out after ${timeout_s}s"
	elif [ $status -ne 0 ]; then echo "exit status $status"
	elif [ -s "$work/err" ]; then echo "wrote to stderr: $(head -c 200 "$work/err")"
	fi
}

ok=0 failed=0
while IFS= read -r bin; do
	name=${bin#"$dir"/}
	why=$(run "$bin" "$work/1")
	[ -z "$why" ] && why=$(run "$bin" "$work/2")
	if [ -z "$why" ] && ! cmp -s "$work/1" "$work/2"; then
		why="output differs between two runs:"$'\n'$(diff "$work/1" "$work/2" | head -n 10)
	fi
	if [ -z "$why" ] && [ ! -s "$work/1" ]; then why="printed nothing"; fi
	if [ -n "$why" ]; then
		echo "FAIL compat-host/$name: $why"
		tail -n 5 "$work/1" | sed 's/^/    | /'
		failed=$((failed + 1))
	else
		cp "$work/1" "$bin.expected"
		ok=$((ok + 1))
	fi
done < <(find "$dir" -mindepth 2 -type f -perm -u+x ! -name '*.*' | sort)

echo "$ok deterministic, $failed failed"
[ $failed -eq 0 ] && [ $ok -gt 0 ]
