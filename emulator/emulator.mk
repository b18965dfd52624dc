# emulator.mk: the emulator's host unit tests (the library itself is built
# once the trampoline exists). Included by the top Makefile after
# microkernel.mk, whose HOST_CC and HOST_TEST_CFLAGS it uses.
#
#   make emulator-tests   build and run only these tests
#
# test_syscall_numbers checks linux_syscalls.h against the host's
# <sys/syscall.h>: its list of SYS_* names is generated here (names from the
# preprocessor, values from the compiler when the test is built).

EMU_HOST_TEST_SOURCES := $(wildcard emulator/test/test_*.c)
EMU_HOST_TESTS := $(patsubst emulator/test/%.c,$(BUILD)/host-tests/emulator/%,$(EMU_HOST_TEST_SOURCES))
EMU_HOST_SYSCALLS_H := $(BUILD)/emulator/gen/host_syscalls.h
HOST_TESTS += $(EMU_HOST_TESTS)

.PHONY: emulator-tests

$(EMU_HOST_SYSCALLS_H):
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	@echo '#include <sys/syscall.h>' | $(HOST_CC) -dM -E -x c - | \
		sed -n 's/^#define SYS_\([a-z0-9_]*\) .*/HOST_SYSCALL(\1)/p' | sort >$@.tmp
	@mv $@.tmp $@

$(BUILD)/host-tests/emulator/%: emulator/test/%.c $(EMU_HOST_SYSCALLS_H)
	@mkdir -p $(@D)
	@echo "  HOSTCC  $<"
	@$(HOST_CC) $(HOST_TEST_CFLAGS) -Iemulator -I$(dir $(EMU_HOST_SYSCALLS_H)) $< -o $@

-include $(EMU_HOST_TESTS:=.d)

emulator-tests: $(EMU_HOST_TESTS)
	@status=0; for t in $(EMU_HOST_TESTS); do $$t || status=1; done; exit $$status

# The tracer is built the way the emulator will be (freestanding, no SSE,
# no libc) so that anything it must not use fails here, before the
# emulator library exists. `make test` builds these objects too.
EMU_CC := gcc
EMU_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror \
	-ffreestanding -nostdinc -isystem $(shell $(EMU_CC) -print-file-name=include) \
	-fno-stack-protector -fPIE -mgeneral-regs-only -fno-tree-loop-distribute-patterns \
	-Iemulator -MMD -MP
EMU_TRACE_OBJECTS := $(patsubst %,$(BUILD)/emulator-lib/%.o,$(wildcard emulator/trace/*.c))

$(BUILD)/emulator-lib/%.c.o: %.c
	@mkdir -p $(@D)
	@echo "  CC      $< (emulator)"
	@$(EMU_CC) $(EMU_CFLAGS) -c $< -o $@

-include $(EMU_TRACE_OBJECTS:.o=.d)

emulator-tests: $(EMU_TRACE_OBJECTS)
test: $(EMU_TRACE_OBJECTS)

# The memory calls' tests (emulator/mm) include the sources with the
# emulator's headers; the sources themselves are built into the image.
EMU_MM_CFLAGS := -Iemulator/include -Imicrokernel/include

$(BUILD)/host-tests/emulator/test_mm_%: emulator/test/test_mm_%.c
	@mkdir -p $(@D)
	@echo "  HOSTCC  $<"
	@$(HOST_CC) $(HOST_TEST_CFLAGS) -Iemulator $(EMU_MM_CFLAGS) $< -o $@

# The emulator image: an ET_EXEC linked at EMULATOR_BASE
# (emulator/include/emulator/header.h) that exec maps into every UNIX
# process; a GRUB module the server finds by name. Position-independent
# code (the base is above 2 GiB), freestanding, no SSE: it must never
# touch the app's FS base or vector registers.
EMU_IMAGE := $(BUILD)/emulator/emulator.elf
EMU_IMAGE_CFLAGS := $(EMU_CFLAGS) -Iemulator/include -Iunix-server/include \
	-Imicrokernel -Imicrokernel/include -Itrampoline/include
EMU_IMAGE_SOURCES := $(wildcard emulator/core/*.c emulator/core/*.S emulator/local/*.c \
	emulator/mm/*.c emulator/trace/*.c) microkernel/lib/string.c microkernel/lib/fmt.c trampoline/entry.S
EMU_IMAGE_OBJECTS := $(patsubst %,$(BUILD)/emulator-image/%.o,$(EMU_IMAGE_SOURCES))

$(BUILD)/emulator-image/%.c.o: %.c
	@mkdir -p $(@D)
	@echo "  CC      $< (emulator)"
	@$(EMU_CC) $(EMU_IMAGE_CFLAGS) -c $< -o $@

$(BUILD)/emulator-image/%.S.o: %.S
	@mkdir -p $(@D)
	@echo "  AS      $< (emulator)"
	@$(EMU_CC) $(EMU_IMAGE_CFLAGS) -D__ASSEMBLER__ -c $< -o $@

$(EMU_IMAGE): $(EMU_IMAGE_OBJECTS) emulator/core/emulator.ld
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@ld -static -nostdlib -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments \
		-T emulator/core/emulator.ld -o $@ $(EMU_IMAGE_OBJECTS)

-include $(EMU_IMAGE_OBJECTS:.o=.d)
