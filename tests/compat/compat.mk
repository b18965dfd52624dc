# compat.mk: the Linux compatibility programs, tests/compat/<area>/<name>.c,
# each built static with musl into $(BUILD)/compat/<area>/<name>.
#
#   make compat          build them all (also a prerequisite of `make test`,
#                        so a test that stops compiling fails CI)
#   make compat-host     build them and run each natively on the host twice:
#                        the output must be the same both times; it is kept
#                        as $(BUILD)/compat/<area>/<name>.expected
#
# Comparing with a run inside the system comes when the system runs static
# binaries; see tests/compat/README.md.

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

test: $(COMPAT_BINS)
