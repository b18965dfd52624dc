# unix-server.mk: the UNIX server's host unit tests (the server itself is
# built once the microkernel runtime can run it). Included by the top
# Makefile after microkernel.mk (HOST_CC, HOST_TEST_CFLAGS, the native
# compile rule) and rootfs.mk (ROOTFS_CPIO).
#
#   make unix-server-tests   build and run only these tests
#
# Each test program is built from its test file and all of unix-server/fs
# under ASan/UBSan. test_initramfs also loads $(ROOTFS_CPIO) when it has
# been built (and says it skipped that check when not). The fs sources are
# also compiled freestanding, as the server will be, so that anything they
# must not use fails here.

UX_FS_SOURCES := $(wildcard unix-server/fs/*.c)
UX_HEADERS := $(wildcard unix-server/*.h unix-server/fs/*.h unix-server/test/*.h)
# The VFS (system call layer) and the simple character devices sit on the
# tmpfs: built into the same tests and compiled freestanding the same way.
UX_FS_SOURCES += $(wildcard unix-server/vfs/*.c unix-server/dev/*.c)
UX_HEADERS += $(wildcard unix-server/vfs/*.h unix-server/dev/*.h)
# exec's tests live in the same folder but have their own rules (exec.mk).
UX_HOST_TEST_SOURCES := $(filter-out $(EXEC_TEST_NAMES:%=unix-server/test/%.c) \
	unix-server/test/test_tty_%.c, $(wildcard unix-server/test/test_*.c))
UX_HOST_TESTS := $(patsubst unix-server/test/%.c,$(BUILD)/host-tests/unix-server/%,$(UX_HOST_TEST_SOURCES))
UX_FS_NATIVE_OBJECTS := $(patsubst %,$(BUILD)/native/%.o,$(UX_FS_SOURCES))
HOST_TESTS += $(UX_HOST_TESTS)

.PHONY: unix-server-tests

$(UX_HOST_TESTS): $(BUILD)/host-tests/unix-server/%: unix-server/test/%.c $(UX_FS_SOURCES) $(UX_HEADERS) emulator/linux_errno.h
	@mkdir -p $(@D)
	@echo "  HOSTCC  $<"
	@$(HOST_CC) $(filter-out -MMD -MP,$(HOST_TEST_CFLAGS)) -Iunix-server \
		-DROOTFS_CPIO='"$(ROOTFS_CPIO)"' $< $(UX_FS_SOURCES) -o $@

unix-server-tests: $(UX_HOST_TESTS) $(UX_FS_NATIVE_OBJECTS)
	@status=0; for t in $(UX_HOST_TESTS); do $$t || status=1; done; exit $$status

test: $(UX_FS_NATIVE_OBJECTS)

# The terminal (unix-server/tty) and the UART driver; `make tty-tests` for
# these alone. test_tty_* are built with the tty sources instead of fs/;
# both are also compiled freestanding. uart16550.c (port I/O) can only be
# compiled here, not run.
UX_TTY_SOURCES := $(wildcard unix-server/tty/*.c)
UX_TTY_HEADERS := $(wildcard unix-server/tty/*.h unix-server/fs/fs_lib.h unix-server/ux_errno.h)
UX_TTY_TESTS := $(patsubst unix-server/test/%.c,$(BUILD)/host-tests/unix-server/%, \
	$(wildcard unix-server/test/test_tty_*.c))
UX_TTY_NATIVE_OBJECTS := $(patsubst %,$(BUILD)/native/%.o,$(UX_TTY_SOURCES) unix-server/dev/uart16550.c)
HOST_TESTS += $(UX_TTY_TESTS)

$(UX_TTY_TESTS): $(BUILD)/host-tests/unix-server/%: unix-server/test/%.c $(UX_TTY_SOURCES) $(UX_TTY_HEADERS) emulator/linux_errno.h
	@mkdir -p $(@D)
	@echo "  HOSTCC  $<"
	@$(HOST_CC) $(filter-out -MMD -MP,$(HOST_TEST_CFLAGS)) -Iunix-server $< $(UX_TTY_SOURCES) -o $@

-include $(UX_TTY_NATIVE_OBJECTS:.o=.d)

.PHONY: tty-tests
tty-tests: $(UX_TTY_TESTS) $(UX_TTY_NATIVE_OBJECTS)
	@status=0; for t in $(UX_TTY_TESTS); do $$t || status=1; done; exit $$status
unix-server-tests: tty-tests
test: $(UX_TTY_NATIVE_OBJECTS)

# The server program: a native task (the kernel's first task in a normal
# boot) linked with the native runtime; a GRUB module named unix-server.
UX_SERVER := $(BUILD)/unix-server/unix-server.elf
UX_SERVER_SOURCES := $(wildcard unix-server/server/*.c unix-server/calls/*.c \
	unix-server/exec/*.c unix-server/selftest/*.c) $(UX_FS_SOURCES) $(UX_TTY_SOURCES)
UX_SERVER_OBJECTS := $(patsubst %,$(BUILD)/ux/%.o,$(UX_SERVER_SOURCES))
UX_SERVER_CFLAGS := $(NATIVE_CFLAGS) -Iunix-server -Iunix-server/include -Iemulator/include \
	-Iemulator

$(BUILD)/ux/%.c.o: %.c
	@mkdir -p $(@D)
	@echo "  CC      $< (unix-server)"
	@$(NATIVE_CC) $(UX_SERVER_CFLAGS) -c $< -o $@

$(UX_SERVER): $(UX_SERVER_OBJECTS) $(NATIVE_RUNTIME_OBJECTS)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(NATIVE_LD) $(NATIVE_LDFLAGS) -o $@ $^

-include $(UX_SERVER_OBJECTS:.o=.d)
