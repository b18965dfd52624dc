# syscall.mk: the system-call benchmark that compares our system with
# Linux (included by the top Makefile, which sets BUILD).
#
#   $(SYSCALL_BENCH)   tests/bench/syscall/syscall_bench.c, static musl,
#                      put into every image as /bench/syscall_bench
#
# `make bench` (top Makefile) boots Debian's kernel on that image with
# rdinit=/bench/syscall_bench through scripts/bench.sh.

SYSCALL_BENCH := $(BUILD)/bench/syscall_bench

$(SYSCALL_BENCH): tests/bench/syscall/syscall_bench.c
	@mkdir -p $(@D)
	@echo "  MUSLCC  $<"
	@$(COMPAT_CC) $(COMPAT_CFLAGS) -O2 $< -o $@

ROOTFS_FILES += $(SYSCALL_BENCH):/bench/syscall_bench
$(ROOTFS_CPIO): $(SYSCALL_BENCH)
