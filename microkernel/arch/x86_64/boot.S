/*
 * boot.S: the multiboot2 header and the 32-bit entry GRUB jumps to.
 *
 * Owns the path from GRUB's protected mode to kmain in 64-bit long mode:
 * check the CPU can do long mode, build the boot page tables (the first
 * GiB mapped three times: identity, higher-half kernel window, direct map),
 * enable PAE + long mode + paging, and call kmain(magic, mbi_phys) on the
 * boot stack. Everything before the far jump runs at physical addresses,
 * which is why this code lives in .boot sections linked at their load
 * address. The identity map is dropped by the kernel once it is in C.
 */
#include "layout.h"

#define MB2_MAGIC        0xe85250d6
#define MB2_ARCH_I386    0
#define MB2_TAG_END      0
#define MB2_TAG_ENTRY    3
#define MB2_TAG_OPTIONAL 1

#define CR0_PG   (1 << 31)
#define CR0_WP   (1 << 16)
#define CR4_PAE  (1 << 5)
#define EFER_MSR 0xc0000080
#define EFER_LME (1 << 8)
#define EFER_NXE (1 << 11)
#define PTE_P_W  0x3
#define PTE_PS   0x80

	.section .multiboot2, "a"
	.balign 8
mb2_header:
	.long MB2_MAGIC
	.long MB2_ARCH_I386
	.long mb2_header_end - mb2_header
	.long -(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
	/* Entry address tag: the ELF entry is a higher-half address GRUB
	 * cannot jump to from protected mode, so name the physical one. */
	.balign 8
	.short MB2_TAG_ENTRY, 0
	.long 12
	.long _start
	.balign 8
	.short MB2_TAG_END, 0
	.long 8
mb2_header_end:

	.section .boot.text, "ax"
	.code32
	.globl _start
_start:
	cli
	cld
	mov $boot_stack_top - KERNEL_VIRT_BASE, %esp
	mov %eax, %edi                  /* multiboot2 magic: kmain arg 1 */
	mov %ebx, %esi                  /* multiboot2 info (phys): arg 2 */

	/* Long mode needs CPUID leaf 0x80000001 with the LM bit. */
	mov $0x80000000, %eax
	cpuid
	cmp $0x80000001, %eax
	jb no_long_mode
	mov $0x80000001, %eax
	cpuid
	test $(1 << 29), %edx
	jz no_long_mode
	mov %edx, %ebp                  /* keep the feature bits: NX below */

	/* PD: 512 x 2 MiB pages covering physical [0, 1 GiB). */
	mov $boot_pd - KERNEL_VIRT_BASE, %ebx
	xor %ecx, %ecx
1:	mov %ecx, %eax
	shl $21, %eax
	or $(PTE_P_W | PTE_PS), %eax
	mov %eax, (%ebx, %ecx, 8)
	movl $0, 4(%ebx, %ecx, 8)
	inc %ecx
	cmp $512, %ecx
	jne 1b

	/* Both PDPTs point at the one PD. */
	mov $boot_pd - KERNEL_VIRT_BASE + PTE_P_W, %eax
	mov %eax, boot_pdpt_low - KERNEL_VIRT_BASE
	mov %eax, boot_pdpt_high - KERNEL_VIRT_BASE + 8 * KERNEL_VIRT_PDPT_INDEX

	/* PML4: identity (slot 0), direct map, higher-half kernel. */
	mov $boot_pdpt_low - KERNEL_VIRT_BASE + PTE_P_W, %eax
	mov %eax, boot_pml4 - KERNEL_VIRT_BASE
	mov %eax, boot_pml4 - KERNEL_VIRT_BASE + 8 * DIRECT_MAP_PML4_INDEX
	mov $boot_pdpt_high - KERNEL_VIRT_BASE + PTE_P_W, %eax
	mov %eax, boot_pml4 - KERNEL_VIRT_BASE + 8 * KERNEL_VIRT_PML4_INDEX

	mov $boot_pml4 - KERNEL_VIRT_BASE, %eax
	mov %eax, %cr3
	mov %cr4, %eax
	or $CR4_PAE, %eax
	mov %eax, %cr4
	mov $EFER_MSR, %ecx
	rdmsr
	or $EFER_LME, %eax
	test $(1 << 20), %ebp           /* CPUID.80000001h:EDX.NX */
	jz 2f
	or $EFER_NXE, %eax
2:	xor %edx, %edx
	mov $EFER_MSR, %ecx
	wrmsr
	mov %cr0, %eax
	/* WP: the kernel's own writes honour read-only user pages, so a
	 * copy out to a copy-on-write page faults and gets its own copy
	 * (arch trap.c, usercopy_fault) instead of writing into the page
	 * the other tasks still share. */
	or $(CR0_PG | CR0_WP), %eax
	mov %eax, %cr0

	lgdt boot_gdt_ptr
	ljmp $0x08, $long_mode_entry

no_long_mode:
	mov $no_lm_msg, %esi
3:	lodsb
	test %al, %al
	jz 4f
	mov $0x3f8, %dx
	out %al, %dx
	jmp 3b
4:	hlt
	jmp 4b

	.code64
long_mode_entry:
	xor %eax, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	mov %eax, %fs
	mov %eax, %gs
	movabs $higher_half_entry, %rax
	jmp *%rax

	.section .boot.data, "aw"
no_lm_msg:
	.asciz "mk: this CPU cannot run 64-bit code; halting\r\n"
	.balign 8
boot_gdt:
	.quad 0
	.quad 0x00209a0000000000        /* 64-bit code, DPL 0 */
boot_gdt_ptr:
	.short boot_gdt_ptr - boot_gdt - 1
	.long boot_gdt

	.text
higher_half_entry:
	movabs $boot_stack_top, %rsp
	xor %ebp, %ebp
	/* edi, esi still hold magic and the info address (zero-extended). */
	call kmain
5:	cli
	hlt
	jmp 5b

	.section .bss
	.balign 4096
	.globl boot_pml4
boot_pml4:	.skip 4096
boot_pdpt_low:	.skip 4096
boot_pdpt_high:	.skip 4096
boot_pd:	.skip 4096
	.globl boot_stack_guard
boot_stack_guard: .skip 4096           /* unmapped by the kernel */
boot_stack:	.skip 16384
	.globl boot_stack_top
boot_stack_top:
