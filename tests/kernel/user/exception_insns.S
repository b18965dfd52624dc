/*
 * exception_insns.S: instructions that fault, at addresses the exception
 * tests know: each function names its faulting instruction (NAME_insn)
 * and the one after it (NAME_next), so a handler can check the reported
 * rip and resume past it.
 */
	.text

/* uint64_t exc_read(uint64_t address): the 8 bytes at address. */
	.globl exc_read, exc_read_insn, exc_read_next
exc_read:
exc_read_insn:
	movq (%rdi), %rax
exc_read_next:
	ret

/* uint64_t exc_divide(uint64_t n, uint64_t d): n / d. */
	.globl exc_divide, exc_divide_insn, exc_divide_next
exc_divide:
	movq %rdi, %rax
	xorl %edx, %edx
exc_divide_insn:
	divq %rsi
exc_divide_next:
	ret

/* uint64_t exc_invalid_opcode(void): ud2, then whatever rax holds. */
	.globl exc_invalid_opcode, exc_invalid_opcode_insn, exc_invalid_opcode_next
exc_invalid_opcode:
	xorl %eax, %eax
exc_invalid_opcode_insn:
	ud2
exc_invalid_opcode_next:
	ret

/* uint64_t exc_breakpoint(uint64_t value): int3 with value in rax, then rax. */
	.globl exc_breakpoint, exc_breakpoint_next
exc_breakpoint:
	movq %rdi, %rax
	int3
exc_breakpoint_next:
	ret

/* int64_t exc_linux_syscall(uint64_t number): a Linux system call. */
	.globl exc_linux_syscall, exc_linux_syscall_next
exc_linux_syscall:
	movq %rdi, %rax
	syscall
exc_linux_syscall_next:
	ret

/* uint64_t exc_read_fs0(void): the 8 bytes at the FS base. */
	.globl exc_read_fs0
exc_read_fs0:
	movq %fs:0, %rax
	ret
