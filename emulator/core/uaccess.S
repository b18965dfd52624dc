/*
 * uaccess.S: the only code that touches app memory. A fault in
 * [emu_uaccess_start, emu_uaccess_end) is answered by the exception
 * handler (the UNIX server) by resuming at emu_uaccess_fault, which
 * returns -EFAULT from the copy as if it had returned itself: neither
 * routine keeps anything on the stack, so the return address is on top
 * wherever the fault hits. The header (header.c) publishes the range.
 */
#define UACCESS_EFAULT 14      /* LINUX_EFAULT; uaccess.c checks */

	.text
	.globl emu_uaccess_start, emu_uaccess_end, emu_uaccess_fault
	.globl emu_copy_raw, emu_string_copy_raw

emu_uaccess_start:

/* long emu_copy_raw(void *dst, const void *src, size_t n): 0 */
	.type emu_copy_raw, @function
emu_copy_raw:
	movq %rdx, %rcx
	shrq $3, %rcx
	rep movsq               /* word steps: cheap under QEMU's TCG */
	movq %rdx, %rcx
	andl $7, %ecx
	rep movsb
	xorl %eax, %eax
	ret
	.size emu_copy_raw, . - emu_copy_raw

/* long emu_string_copy_raw(char *dst, const char *src, size_t max):
 * copies up to and including the NUL; returns the length without it, or
 * max when the first max bytes hold no NUL. */
	.type emu_string_copy_raw, @function
emu_string_copy_raw:
	xorl %eax, %eax
1:	cmpq %rdx, %rax
	je 2f
	movb (%rsi,%rax), %cl
	movb %cl, (%rdi,%rax)
	testb %cl, %cl
	je 2f
	incq %rax
	jmp 1b
2:	ret
	.size emu_string_copy_raw, . - emu_string_copy_raw

emu_uaccess_fault:
	movq $-UACCESS_EFAULT, %rax
	ret

emu_uaccess_end:

	.section .note.GNU-stack, "", @progbits
