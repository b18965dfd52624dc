# Makefile: every entry point of the project.
#
#   make            build the bootable ISO (kernel, modules, initramfs)
#   make run        boot it in QEMU with the serial console on this terminal
#   make debug      the same, halted for gdb (the command to attach is printed)
#   make test       host unit tests, kernel tests in QEMU, runner self-test
#   make bench-kernel  microkernel figures (cycles per operation, guest TSC)
#   make bench      system-call figures here and under Debian's Linux in
#                   the same QEMU, with the ratio
#   make deps       install the Debian packages the build and tests need
#   make emulator-tests  the emulator's host unit tests only
#   make unix-server-tests  the UNIX server's host unit tests only
#   make exec-tests      the UNIX server exec host unit tests only
#   make compat-host     build tests/compat and run it natively on the host
#
# Each part has a make fragment beside its code; build outputs all go to
# $(BUILD), which is the only ignored folder.

BUILD ?= build
ROOTFS_EXTRA ?=
CMDLINE ?=
INIT ?=
TEST_TIMEOUT ?= 60

ISO := $(BUILD)/mk.iso

.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.SUFFIXES:

include microkernel/microkernel.mk
include trampoline/trampoline.mk
include emulator/emulator.mk
include unix-server/exec/exec.mk
include rootfs/rootfs.mk
include rootfs/debian-packages.mk
include unix-server/unix-server.mk
include tests/tests.mk
include scripts/iso.mk
include tests/compat/compat.mk
include tests/bench/syscall/syscall.mk

DEPS := qemu-system-x86 grub-pc-bin grub-common xorriso mtools gcc binutils \
	make coreutils $(ROOTFS_DEPS) $(EXEC_DEPS)

.PHONY: all deps run debug test bench-kernel bench clean

all: $(ISO)

# Order-only everywhere: checking is cheap and never forces a rebuild.
deps:
	@scripts/install-deps.sh $(DEPS)

run: $(ISO) | deps
	@scripts/run.sh --iso $(ISO) --klog $(BUILD)/kernel.log --cmdline "$(CMDLINE)" \
		--init "$(INIT)"

debug: $(ISO) | deps
	@echo "QEMU is halted, waiting for gdb. In another terminal run:"
	@echo "  gdb $(KERNEL) -ex 'target remote localhost:1234' -ex 'hbreak kmain' -ex continue"
	@scripts/qemu.sh --iso $(ISO) --cmdline "$(CMDLINE)" --gdb

test: $(ISO) $(HOST_TESTS) | deps
	@BUILD=$(BUILD) ISO=$(ISO) KERNEL=$(KERNEL) UTESTS=$(UTESTS) TEST_TIMEOUT=$(TEST_TIMEOUT) \
		tests/run.sh

bench-kernel: $(ISO) | deps
	@scripts/qemu.sh --iso $(ISO) --cmdline kbench --log $(BUILD)/bench-kernel.log \
		--timeout 600; status=$$?; \
	grep -E '^[a-z0-9_]+ [0-9]+ cycles' $(BUILD)/bench-kernel.log; \
	[ $$status -eq 33 ] || { echo "bench-kernel failed (QEMU status $$status):"; \
		tail -n 20 $(BUILD)/bench-kernel.log; exit 1; }

bench: $(LINUX_VMLINUZ) $(ROOTFS_CPIO) $(ISO) | deps
	@scripts/bench.sh --kernel $(LINUX_VMLINUZ) --initrd $(ROOTFS_CPIO) \
		--log $(BUILD)/bench/linux.log --ours $(BUILD)/bench/ours.log --run-ours $(ISO)

clean:
	rm -rf $(BUILD)
