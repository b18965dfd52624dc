# system.mk: what the "system" suite of tests/run.sh needs in the image
# (tests/system/README.md). The compat programs go in from
# tests/compat/compat.mk.
#
# tests/system/data is copied to /tmp/mk-system-data in every image; the
# runner makes the same folder on the host before each native run, so
# absolute paths in the output agree. File names must not hold spaces
# (ROOTFS_FILES is split on them).

SYSTEM_DATA_DIR := tests/system/data
SYSTEM_DATA_PATH := /tmp/mk-system-data
SYSTEM_DATA_FILES := $(shell find $(SYSTEM_DATA_DIR) -type f)

ROOTFS_FILES += $(foreach f,$(SYSTEM_DATA_FILES),$(f):$(SYSTEM_DATA_PATH)/$(f:$(SYSTEM_DATA_DIR)/%=%))
$(ROOTFS_CPIO): $(SYSTEM_DATA_FILES)

# The runner runs the same BusyBox binaries natively on the host.
test: export SYSTEM_BUSYBOX_MUSL := $(BUSYBOX_BIN)
test: export SYSTEM_BUSYBOX_GLIBC := $(GLIBC_BUSYBOX)
