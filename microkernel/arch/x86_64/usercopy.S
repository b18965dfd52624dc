/*
 * usercopy.S: the only instructions in the kernel that touch user memory.
 *
 * usercopy_bytes(dst, src, n) is one `rep movsb`. If it faults, trap.c
 * first asks the VM system to resolve the fault (the page may simply not
 * be in yet; rep movsb then resumes where it stopped) and otherwise
 * resumes at usercopy_fixup, which returns the count of bytes not copied.
 */
	.text
	.globl usercopy_bytes, usercopy_fault_insn, usercopy_fixup
usercopy_bytes:
	movq %rdx, %rcx
usercopy_fault_insn:
	rep movsb
	xorl %eax, %eax
	ret
usercopy_fixup:
	movq %rcx, %rax
	ret
