/*
 * exit_code.h: how a boot under QEMU reports its outcome to the host.
 *
 * The kernel writes one of these to QEMU's isa-debug-exit device and QEMU
 * exits with status (code << 1) | 1. tests/run.sh reads the values from this
 * file, so this is the one definition. A triple fault (QEMU exits 0 under
 * -no-reboot) or a time-out is a failure by construction.
 */
#ifndef MK_EXIT_CODE_H
#define MK_EXIT_CODE_H

enum mk_exit_code {
	MK_EXIT_POWEROFF = 0x00,        /* orderly shutdown */
	MK_EXIT_TEST_PASS = 0x10,
	MK_EXIT_TEST_FAIL = 0x11,
	MK_EXIT_PANIC = 0x12,
};

#endif
