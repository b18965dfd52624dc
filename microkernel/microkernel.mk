# microkernel.mk: builds the kernel image and its host unit tests.
#
# Sources are found by wildcard. The in-kernel boot tests (tests/kernel/boot)
# are linked into the kernel and selected with `ktest=NAME` at boot.

KERNEL := $(BUILD)/microkernel/kernel.elf

KERNEL_SOURCES := $(wildcard microkernel/kern/*.c microkernel/lib/*.c \
	microkernel/vm/*.c microkernel/ipc/*.c \
	microkernel/arch/x86_64/*.c microkernel/arch/x86_64/*.S \
	tests/kernel/boot/*.c tests/kernel/core/*.c)
KERNEL_OBJECTS := $(patsubst %,$(BUILD)/%.o,$(KERNEL_SOURCES))

KERNEL_CC := gcc
KERNEL_CFLAGS := -std=gnu11 -O3 -g -Wall -Wextra -Werror \
	-ffreestanding -nostdinc -isystem $(shell $(KERNEL_CC) -print-file-name=include) \
	-fno-stack-protector -fno-pic -fno-pie -mno-red-zone -mcmodel=kernel \
	-mgeneral-regs-only -fno-omit-frame-pointer -fno-tree-loop-distribute-patterns \
	-fno-asynchronous-unwind-tables \
	-Imicrokernel -Imicrokernel/include -Itrampoline/include -DMK_KERNEL -MMD -MP
# Whole-kernel optimisation (-flto, and -O3 above): the message path
# crosses a dozen files, and inlining across them removes calls and
# returns, each of which costs a translated-block lookup under QEMU's TCG
# (ipc_call_reply_same_task about 20% fewer cycles with -flto, 5-10% more
# with -O3; no stack frame grew). gcc links, so the LTO plugin sees the
# objects.
KERNEL_CFLAGS += -flto=auto
KERNEL_LDFLAGS := -nostdlib -static -Wl,-n -Wl,-z,noexecstack -Wl,-z,max-page-size=0x1000 \
	-Wl,--no-warn-rwx-segments -Wl,--build-id=none -T microkernel/arch/x86_64/linker.ld

$(BUILD)/%.c.o: %.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(KERNEL_CC) $(KERNEL_CFLAGS) -c $< -o $@

$(BUILD)/%.S.o: %.S
	@mkdir -p $(@D)
	@echo "  AS      $<"
	@$(KERNEL_CC) $(KERNEL_CFLAGS) -D__ASSEMBLER__ -c $< -o $@

$(KERNEL): $(KERNEL_OBJECTS) microkernel/arch/x86_64/linker.ld
	@echo "  LD      $@"
	@$(KERNEL_CC) $(KERNEL_CFLAGS) $(KERNEL_LDFLAGS) -o $@ $(KERNEL_OBJECTS)

-include $(KERNEL_OBJECTS:.o=.d)

# Host unit tests: microkernel/test/test_*.c, each one program that includes
# the source it tests, built under AddressSanitizer and UBSan.
HOST_CC := gcc
HOST_TEST_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-Imicrokernel -Imicrokernel/include -Itests/lib -MMD -MP
MK_HOST_TEST_SOURCES := $(wildcard microkernel/test/test_*.c)
MK_HOST_TESTS := $(patsubst microkernel/test/%.c,$(BUILD)/host-tests/microkernel/%,$(MK_HOST_TEST_SOURCES))
HOST_TESTS += $(MK_HOST_TESTS)

$(BUILD)/host-tests/microkernel/%: microkernel/test/%.c
	@mkdir -p $(@D)
	@echo "  HOSTCC  $<"
	@$(HOST_CC) $(HOST_TEST_CFLAGS) $< -o $@

-include $(MK_HOST_TESTS:=.d)

# The native-task runtime (microkernel/lib shared with the kernel, plus
# lib/native): what servers and native test tasks link against. Built for
# user mode: no kernel code model, and no SSE until the kernel switches FPU
# state between threads.
NATIVE_CC := gcc
NATIVE_LD := ld
NATIVE_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror \
	-ffreestanding -nostdinc -isystem $(shell $(NATIVE_CC) -print-file-name=include) \
	-fno-stack-protector -fno-pic -fno-pie -mgeneral-regs-only \
	-fno-omit-frame-pointer -fno-tree-loop-distribute-patterns \
	-fno-asynchronous-unwind-tables -Imicrokernel -Imicrokernel/include -Itrampoline/include -MMD -MP
NATIVE_LDFLAGS := -static -nostdlib -e _start -z max-page-size=0x1000 -z noexecstack
NATIVE_RUNTIME_OBJECTS := $(patsubst %,$(BUILD)/native/%.o,$(wildcard \
	microkernel/lib/*.c microkernel/lib/native/*.c microkernel/lib/native/*.S))

$(BUILD)/native/%.c.o: %.c
	@mkdir -p $(@D)
	@echo "  CC      $< (native)"
	@$(NATIVE_CC) $(NATIVE_CFLAGS) -c $< -o $@

$(BUILD)/native/%.S.o: %.S
	@mkdir -p $(@D)
	@echo "  AS      $< (native)"
	@$(NATIVE_CC) $(NATIVE_CFLAGS) -D__ASSEMBLER__ -c $< -o $@

-include $(NATIVE_RUNTIME_OBJECTS:.o=.d)
