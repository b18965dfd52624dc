#!/usr/bin/env bash
# bench.sh: system-call figures of Linux and of our system, side by side.
#
# Both halves run the same static binary, /bench/syscall_bench in the
# project's initramfs (tests/bench/syscall), in the same QEMU machine as
# scripts/qemu.sh (-M pc -m 256M, TCG). Linux's half boots Debian's kernel
# with that initramfs and the binary as rdinit. Our half's figures come
# from the serial log of our system running the same binary (--ours); with
# --run-ours ISO the script boots our system to make that log first.
# Prints "name linux_ns ours_ns ratio" (ratio = ours / linux) when both
# halves have figures, otherwise Linux's alone and a note.
set -euo pipefail

usage() {
	cat >&2 <<USAGE
usage: bench.sh --kernel VMLINUZ --initrd CPIO --log FILE [--ours LOG [--run-ours ISO]]
                [--timeout SECS]
  --log FILE       Linux's serial output
  --ours LOG       our system's serial output, read for its figures
  --run-ours ISO   boot our system from ISO first, its serial output to LOG
  --timeout SECS   time limit of each boot (default 300)
USAGE
	exit 2
}

kernel= initrd= log= ours= ours_iso= timeout_secs=300
while [ $# -gt 0 ]; do
	[ $# -ge 2 ] || usage
	case "$1" in
	--kernel) kernel=$2 ;;
	--initrd) initrd=$2 ;;
	--log) log=$2 ;;
	--ours) ours=$2 ;;
	--run-ours) ours_iso=$2 ;;
	--timeout) timeout_secs=$2 ;;
	*) usage ;;
	esac
	shift 2
done
[ -n "$kernel" ] && [ -n "$initrd" ] && [ -n "$log" ] || usage
[ -z "$ours_iso" ] || [ -n "$ours" ] || usage

# The benchmark's figure lines, "name ns_per_call ns", from a serial log
# (the guest's tty may end lines with \r).
figures() {
	tr -d '\r' <"$1" | grep -E '^[a-z0-9_]+ [0-9.]+ ns$' | cut -d' ' -f1,2 || true
}

# A run counts only if the benchmark got to its last line.
finished() {
	tr -d '\r' <"$1" | grep -qx 'syscall_bench: done'
}

# --- Linux's half ------------------------------------------------------
# -no-reboot with panic=-1 makes QEMU exit if the benchmark dies as pid 1.
run_linux() {
	mkdir -p "$(dirname "$log")"
	local start=$SECONDS status=0
	timeout --kill-after=5 "$timeout_secs" qemu-system-x86_64 \
		-M pc -m 256M -no-reboot -display none -nic none -monitor none \
		-kernel "$kernel" -initrd "$initrd" \
		-append "console=ttyS0 quiet rdinit=/bench/syscall_bench panic=-1" \
		-serial "file:$log" </dev/null || status=$?
	echo "linux: QEMU ran $((SECONDS - start)) s (status $status), log $log"
	if ! finished "$log"; then
		echo "linux: the benchmark did not finish; the log ends:" >&2
		tail -n 20 "$log" >&2
		exit 1
	fi
}

# --- Our system's half -------------------------------------------------
# Our system boots the same image from the ISO with the benchmark as init;
# its kernel log goes to the second serial port, so the first one (LOG)
# carries only the benchmark's output. Run by hand or with --run-ours.
run_ours() {
	mkdir -p "$(dirname "$ours")"
	local start=$SECONDS status=0
	"$(dirname "$0")/qemu.sh" --iso "$ours_iso" \
		--cmdline 'init=/bench/syscall_bench klog=ttyS1' \
		--log "$ours" --timeout "$timeout_secs" || status=$?
	echo "ours: QEMU ran $((SECONDS - start)) s (status $status), log $ours"
}

# Our figures, or nothing (with a note on stderr) when there are none.
ours_figures() {
	if [ -z "$ours" ]; then
		echo "note: no figures of our system (give its log with --ours)" >&2
	elif [ ! -f "$ours" ]; then
		echo "note: no figures of our system: no log at $ours" >&2
	elif ! finished "$ours"; then
		echo "note: no figures of our system: the benchmark did not finish in $ours" >&2
	else
		figures "$ours"
	fi
}

# --- Both ---------------------------------------------------------------
run_linux
[ -z "$ours_iso" ] || run_ours
linux_figures=$(figures "$log")
ours_table=$(ours_figures)
# Every Linux figure, with ours beside it when our log has that name.
awk -v both="${ours_table:+1}" '
	NR == FNR { if (NF == 2) ours[$1] = $2; next }
	FNR == 1 {
		if (both) printf "%-16s %10s %10s %7s\n", "name", "linux_ns", "ours_ns", "ratio"
		else printf "%-16s %10s\n", "name", "linux_ns"
	}
	!both { printf "%-16s %10s\n", $1, $2; next }
	($1 in ours) && $2 > 0 { printf "%-16s %10s %10s %7.1f\n", $1, $2, ours[$1], ours[$1] / $2; next }
	{ printf "%-16s %10s %10s %7s\n", $1, $2, "-", "-" }' \
	<(echo "$ours_table") <(echo "$linux_figures")
