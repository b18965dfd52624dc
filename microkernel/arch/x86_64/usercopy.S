/*
 * usercopy.S: the only instructions in the kernel that touch user memory.
 *
 * usercopy_bytes(dst, src, n) copies n / 8 words with `rep movsq`, then
 * the n % 8 bytes left with `rep movsb` (word steps: under QEMU's TCG a
 * rep instruction costs one translated-block exit per step). If either
 * faults, trap.c first asks the VM system to resolve the fault (the page
 * may simply not be in yet; the rep instruction then resumes where it
 * stopped) and otherwise resumes at that instruction's fixup, which
 * returns a count of bytes not copied (nonzero; a word that straddled
 * the fault counts whole).
 */
	.section .text.hot_path, "ax"	/* kern/hot_path.h */
	.globl usercopy_bytes
	.globl usercopy_fault_words, usercopy_fixup_words
	.globl usercopy_fault_bytes, usercopy_fixup_bytes
usercopy_bytes:
	movq %rdx, %rcx
	shrq $3, %rcx
	andl $7, %edx           /* the tail, kept in rdx for the fixup */
usercopy_fault_words:
	rep movsq
	movq %rdx, %rcx
usercopy_fault_bytes:
	rep movsb
	xorl %eax, %eax
	ret
usercopy_fixup_words:
	leaq (%rdx,%rcx,8), %rax
	ret
usercopy_fixup_bytes:
	movq %rcx, %rax
	ret
