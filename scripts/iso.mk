# iso.mk: the bootable GRUB2 ISO holding the kernel and its modules.

INITRAMFS := $(BUILD)/rootfs/initramfs.cpio

ISO_ROOT := $(BUILD)/iso

$(ISO): $(KERNEL) $(UTESTS) $(KBENCH) $(INITRAMFS) $(UX_SERVER) $(EMU_IMAGE) \
		scripts/grub.cfg | deps
	@echo "  ISO     $@"
	@rm -rf $(ISO_ROOT) && mkdir -p $(ISO_ROOT)/boot/grub
	@cp scripts/grub.cfg $(ISO_ROOT)/boot/grub/grub.cfg
	@cp $(KERNEL) $(ISO_ROOT)/boot/kernel.elf
	@cp $(INITRAMFS) $(ISO_ROOT)/boot/initramfs.cpio
	@cp $(UTESTS) $(ISO_ROOT)/boot/utests.elf
	@cp $(KBENCH) $(ISO_ROOT)/boot/kbench.elf
	@cp $(UX_SERVER) $(ISO_ROOT)/boot/unix-server.elf
	@cp $(EMU_IMAGE) $(ISO_ROOT)/boot/emulator.elf
	@grub-mkrescue -o $@ $(ISO_ROOT) > $(BUILD)/grub-mkrescue.log 2>&1 || \
		{ cat $(BUILD)/grub-mkrescue.log; exit 1; }
