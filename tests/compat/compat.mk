# compat.mk: the Linux compatibility programs, tests/compat/<area>/<name>.c,
# each built static with musl into $(BUILD)/compat/<area>/<name>.
#
#   make compat          build them all (also a prerequisite of `make test`,
#                        so a test that stops compiling fails CI)
#   make compat-host     build them and run each natively on the host twice:
#                        the output must be the same both times; it is kept
#                        as $(BUILD)/compat/<area>/<name>.expected
#
# Every image holds them at /compat/<area>/<name>; the "system" suite of
# `make test` boots each as init and compares with the .expected output,
# which `make test` remakes whenever a program changed (tests/system).

COMPAT_DIR := tests/compat
COMPAT_SOURCES := $(wildcard $(COMPAT_DIR)/*/*.c)
COMPAT_BINS := $(patsubst $(COMPAT_DIR)/%.c,$(BUILD)/compat/%,$(COMPAT_SOURCES))
COMPAT_CC := musl-gcc
COMPAT_CFLAGS := -std=gnu11 -static -O1 -Wall -Wextra -Werror

.PHONY: compat compat-host

compat: $(COMPAT_BINS)

$(BUILD)/compat/%: $(COMPAT_DIR)/%.c $(COMPAT_DIR)/compat.h
	@mkdir -p $(@D)
	@echo "  MUSLCC  $<"
	@$(COMPAT_CC) $(COMPAT_CFLAGS) $< -o $@

compat-host: $(COMPAT_BINS)
	@$(COMPAT_DIR)/run-host.sh $(BUILD)/compat

# The host run, again only when a program changed; the runner reads the
# .expected files it leaves.
COMPAT_HOST_STAMP := $(BUILD)/compat/.host-run

$(COMPAT_HOST_STAMP): $(COMPAT_BINS) $(COMPAT_DIR)/run-host.sh
	@$(COMPAT_DIR)/run-host.sh $(BUILD)/compat
	@touch $@

test: $(COMPAT_BINS) $(COMPAT_HOST_STAMP)

ROOTFS_FILES += $(foreach b,$(COMPAT_BINS),$(b):/compat/$(b:$(BUILD)/compat/%=%))
$(ROOTFS_CPIO): $(COMPAT_BINS)
