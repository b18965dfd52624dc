#!/usr/bin/env bash
# run.sh: `make run`: boots the system with the UNIX server driving the
# console (COM1) and the kernel's and server's log on COM2, kept in a file.
#
#   run.sh --iso ISO --klog FILE [--cmdline WORDS] [--init 'PROGRAM ARGS...']
#          [--timeout SECS]
#
# Without --init: an interactive BusyBox shell on this terminal (QEMU's
# Ctrl-A X leaves). With --init: that command line runs as process 1,
# non-interactively; this terminal shows exactly what it writes, and the
# exit status is its exit status (128 + N when signal N ended it), read
# from the server's "init exited" line in the log. Calls the program made
# that are not implemented are repeated from the log on stderr.
set -uo pipefail

iso= klog= cmdline= init= timeout_secs=
while [ $# -gt 0 ]; do
	case "$1" in
	--iso) iso=$2; shift 2 ;;
	--klog) klog=$2; shift 2 ;;
	--cmdline) cmdline=$2; shift 2 ;;
	--init) init=$2; shift 2 ;;
	--timeout) timeout_secs=$2; shift 2 ;;
	*) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
here=$(dirname "$0")
: >"$klog"

if [ -z "$init" ]; then
	echo "(kernel and server messages: $klog)" >&2
	exec "$here/qemu.sh" --iso "$iso" --cmdline "klog=ttyS1 $cmdline" --klog "$klog"
fi

timeout_args=()
[ -n "$timeout_secs" ] && timeout_args=(--timeout "$timeout_secs")
"$here/qemu.sh" --iso "$iso" --cmdline "klog=ttyS1 $cmdline -- $init" --klog "$klog" \
	--plain "${timeout_args[@]}"
qemu_status=$?
grep -o 'unimplemented system call .*' "$klog" | sort -u | sed 's/^/mk: /' >&2
line=$(grep -a -o 'init exited: [a-z]* [0-9]*' "$klog" | tail -n 1)
case "$line" in
"init exited: status "*) exit "${line##* }" ;;
"init exited: signal "*) exit $((128 + ${line##* })) ;;
esac
echo "mk: init did not finish (QEMU status $qemu_status); the end of $klog:" >&2
tail -n 20 "$klog" >&2
exit 125
