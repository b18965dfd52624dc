/*
 * layout.h: the kernel's virtual address layout on x86-64.
 *
 * Shared by assembly and C. The kernel image is linked in the top 2 GiB
 * (-mcmodel=kernel); all physical memory is reachable through the direct
 * map at the bottom of the upper half. The lower half belongs to user tasks.
 */
#ifndef MK_ARCH_LAYOUT_H
#define MK_ARCH_LAYOUT_H

#define KERNEL_PHYS_BASE        0x100000
#define KERNEL_VIRT_BASE        0xffffffff80000000
#define KERNEL_VIRT_PML4_INDEX  511
#define KERNEL_VIRT_PDPT_INDEX  510

#define DIRECT_MAP_BASE         0xffff800000000000
#define DIRECT_MAP_PML4_INDEX   256
#define BOOT_DIRECT_MAP_SIZE    0x40000000      /* 1 GiB mapped by boot.S */

#define PAGE_SIZE               4096

#endif
