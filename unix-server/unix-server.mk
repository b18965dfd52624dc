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
# exec's tests live in the same folder but have their own rules (exec.mk).
UX_HOST_TEST_SOURCES := $(filter-out $(EXEC_TEST_NAMES:%=unix-server/test/%.c), \
	$(wildcard unix-server/test/test_*.c))
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
