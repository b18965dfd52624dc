# debian-packages.mk: Debian binary packages used as they are, fetched into
# $(BUILD)/debian/<package> (included by the top Makefile, which sets BUILD).
#
#   $(GLIBC_BUSYBOX)   Debian's static glibc BusyBox (package busybox-static)
#   $(LINUX_VMLINUZ)   Debian's Linux kernel, the package linux-image-amd64
#                      depends on, for comparing against Linux (make bench)
#
# Downloaded with apt-get download through the same private apt
# configuration as the BusyBox source (rootfs/apt-private.sh), unpacked
# with dpkg-deb (the kernel's /boot only), never installed. Fetched once; again only when the
# fetch scripts change.

DEBIAN_DIR := $(BUILD)/debian
DEBIAN_FETCH := rootfs/fetch-debian-package.sh
DEBIAN_FETCH_INPUTS := $(DEBIAN_FETCH) rootfs/apt-private.sh

GLIBC_BUSYBOX := $(DEBIAN_DIR)/busybox-static/bin/busybox
LINUX_VMLINUZ := $(DEBIAN_DIR)/linux-image-amd64/vmlinuz

$(GLIBC_BUSYBOX): $(DEBIAN_FETCH_INPUTS)
	@sh $(DEBIAN_FETCH) $(BUILD)/apt busybox-static $(DEBIAN_DIR)/busybox-static \
		bin/busybox=bin/busybox

$(LINUX_VMLINUZ): $(DEBIAN_FETCH_INPUTS)
	@sh $(DEBIAN_FETCH) --dependency --only boot $(BUILD)/apt linux-image-amd64 \
		$(DEBIAN_DIR)/linux-image-amd64 'vmlinuz=boot/vmlinuz-*'

# The glibc BusyBox, as shipped, beside the musl one we build: the same
# applets must run under both C libraries.
ROOTFS_FILES += $(GLIBC_BUSYBOX):/bin/busybox-glibc
$(ROOTFS_CPIO): $(GLIBC_BUSYBOX)
