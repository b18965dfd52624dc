#!/usr/bin/env bash
# qemu.sh: the one place that knows how this system is started in QEMU.
#
# Used by `make run`, `make debug` and the test runner, so all three boot
# the same machine. The kernel command line travels on a small FAT disk that
# grub.cfg sources (see scripts/grub.cfg). QEMU's exit status is passed on:
# (code << 1) | 1 for a code written to the exit device (mk/exit_code.h),
# 0 after a triple fault (-no-reboot), 124 when --timeout expires.
set -euo pipefail

usage() {
	cat >&2 <<USAGE
usage: qemu.sh --iso ISO [--cmdline "WORDS"] [--gdb] [--log FILE | --plain]
               [--klog FILE] [--timeout SECONDS]
  --log FILE       headless: the console (COM1) to FILE instead of the terminal
  --plain          the console on stdin/stdout, without QEMU's monitor
  --klog FILE      the second serial port (COM2, the kernel's log with
                   klog=ttyS1 on the command line) to FILE
  --timeout SECS   kill QEMU after SECS (with --log or --plain)
  --gdb            start halted with QEMU's gdb stub on localhost:1234
USAGE
	exit 2
}

iso= cmdline= gdb= log= timeout_secs= plain= klog=
while [ $# -gt 0 ]; do
	case "$1" in
	--iso) iso=$2; shift 2 ;;
	--cmdline) cmdline=$2; shift 2 ;;
	--gdb) gdb=1; shift ;;
	--log) log=$2; shift 2 ;;
	--plain) plain=1; shift ;;
	--klog) klog=$2; shift 2 ;;
	--timeout) timeout_secs=$2; shift 2 ;;
	*) usage ;;
	esac
done
[ -n "$iso" ] || usage
[ -f "$iso" ] || { echo "qemu.sh: no ISO at $iso (run make first)" >&2; exit 2; }

workdir=$(mktemp -d "${TMPDIR:-/tmp}/mk-qemu.XXXXXX")
trap 'rm -rf "$workdir"' EXIT

# grub.cfg reads this inside double quotes: escape \ " and $.
escaped=$(printf '%s' "$cmdline" | sed -e 's/[\\"$]/\\&/g')
printf 'set mk_cmdline="%s"\n' "$escaped" > "$workdir/mk-cmdline.cfg"
mformat -i "$workdir/cfg.img" -C -f 1440 :: >/dev/null
mcopy -i "$workdir/cfg.img" "$workdir/mk-cmdline.cfg" ::/mk-cmdline.cfg

args=(
	-M pc -m 256M -no-reboot -display none -nic none
	-device isa-debug-exit,iobase=0xf4,iosize=0x04
	-drive "file=$workdir/cfg.img,format=raw,if=ide,index=0"
	-drive "file=$iso,media=cdrom,if=ide,index=2,readonly=on"
	-boot d
)
[ -n "$gdb" ] && args+=(-s -S)
second_serial=()
[ -n "$klog" ] && second_serial=(-serial "file:$klog")
exec_prefix=()
[ -n "$timeout_secs" ] && exec_prefix=(timeout --kill-after=5 "$timeout_secs")

if [ -n "$log" ]; then
	args+=(-serial "file:$log" "${second_serial[@]}" -monitor none)
	set +e
	"${exec_prefix[@]}" qemu-system-x86_64 "${args[@]}" < /dev/null
	exit $?
fi

if [ -n "$plain" ]; then
	args+=(-serial stdio "${second_serial[@]}" -monitor none)
	set +e
	"${exec_prefix[@]}" qemu-system-x86_64 "${args[@]}"
	exit $?
fi

echo "(QEMU: Ctrl-A X quits, Ctrl-A C for the monitor)" >&2
set +e
qemu-system-x86_64 "${args[@]}" -serial mon:stdio "${second_serial[@]}"
status=$?
# A clean power-off is the exit device's code 0, i.e. QEMU status 1.
[ $status -eq 1 ] && exit 0
exit $status
