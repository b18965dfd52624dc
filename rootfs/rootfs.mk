# rootfs.mk: the root file system, a BusyBox initramfs (included by the
# top Makefile, which sets BUILD and ROOTFS_EXTRA).
#
#   make rootfs              $(ROOTFS_CPIO), the newc archive the ISO boots
#   $(BUSYBOX_BIN)           static musl BusyBox built from Debian's source
#   ROOTFS_EXTRA=dir         host folder copied over the root (tests use it)
#   ROOTFS_FILES += src:/path  a built file put into every image; the fragment
#                            that adds it also adds src as a prerequisite of
#                            $(ROOTFS_CPIO) (this rule is read before it)
#   ROOTFS_DEPS              Debian packages this fragment needs
#
# Source: apt-get source busybox through a private apt configuration in
# $(BUILD)/apt (apt-private.sh, fetch-busybox-source.sh), unpacked once into
# $(BUILD)/busybox-src/source. Build: build-busybox.sh, out of tree into
# $(BUILD)/busybox with rootfs/busybox.config. Archive: make-initramfs.sh.
# Everything here rebuilds only when its inputs change.

ROOTFS_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))

ROOTFS_DEPS := apt debian-archive-keyring dpkg-dev bzip2 xz-utils \
	gcc make musl-tools linux-libc-dev cpio

BUSYBOX_SRC_STAMP := $(BUILD)/busybox-src/.stamp
BUSYBOX_BIN := $(BUILD)/busybox/busybox
ROOTFS_CPIO := $(BUILD)/rootfs/initramfs.cpio

# Prerequisites are listed by find, so file names must not contain spaces.
# Symlinks are left out (they may dangle); adding or removing one changes
# its folder, which is listed.
ROOTFS_ETC_FILES := $(shell find $(ROOTFS_DIR)/etc ! -type l)
ROOTFS_EXTRA_FILES := $(if $(ROOTFS_EXTRA),$(shell find $(ROOTFS_EXTRA) ! -type l 2>/dev/null))
ROOTFS_EXTRA_STAMP := $(BUILD)/rootfs/extra-dir

.PHONY: rootfs rootfs-extra-check

rootfs: $(ROOTFS_CPIO)

$(BUSYBOX_SRC_STAMP): $(ROOTFS_DIR)/fetch-busybox-source.sh $(ROOTFS_DIR)/apt-private.sh
	@sh $< $(BUILD)/apt $(@D)

$(BUSYBOX_BIN): $(BUSYBOX_SRC_STAMP) $(ROOTFS_DIR)/busybox.config $(ROOTFS_DIR)/build-busybox.sh
	@sh $(ROOTFS_DIR)/build-busybox.sh $(<D)/source $(@D) $(ROOTFS_DIR)/busybox.config

# Holds the values of ROOTFS_EXTRA and ROOTFS_FILES; rewritten (so newer)
# only when they change.
$(ROOTFS_EXTRA_STAMP): rootfs-extra-check
	@mkdir -p $(@D)
	@echo '$(ROOTFS_EXTRA) $(ROOTFS_FILES)' | cmp -s - $@ || echo '$(ROOTFS_EXTRA) $(ROOTFS_FILES)' >$@

$(ROOTFS_CPIO): $(ROOTFS_DIR)/make-initramfs.sh $(BUSYBOX_BIN) $(ROOTFS_ETC_FILES) \
		$(ROOTFS_EXTRA_FILES) $(ROOTFS_EXTRA_STAMP)
	@sh $< $(BUSYBOX_BIN) $(ROOTFS_DIR)/etc '$(ROOTFS_EXTRA)' $@ $(ROOTFS_FILES)
