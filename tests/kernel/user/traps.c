/*
 * traps.c: native tests of the trap path itself: dispatch, bad trap
 * numbers, bad user pointers, and the registers a trap preserves.
 */
#include "utest.h"

UTEST(null_trap_returns_success)
{
	UTEST_EXPECT_RETURN(mk_null(), MK_SUCCESS);
}

UTEST(unknown_trap_numbers_are_rejected)
{
	UTEST_EXPECT_RETURN(mk_trap6(MK_TRAP_COUNT - 1, 0, 0, 0, 0, 0, 0), MK_INVALID_TRAP);
	UTEST_EXPECT_RETURN(mk_trap6(MK_TRAP_COUNT, 0, 0, 0, 0, 0, 0), MK_INVALID_TRAP);
	UTEST_EXPECT_RETURN(mk_trap6(1ll << 62, 0, 0, 0, 0, 0, 0), MK_INVALID_TRAP);
}

UTEST(bad_user_pointers_are_rejected_not_fatal)
{
	UTEST_EXPECT_RETURN(mk_console_write((const char *)0x10, 4), MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_console_write((const char *)0x500000000ull, 4), MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_console_write((const char *)0xffff800000100000ull, 4),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_console_write((const char *)0x7ffffffff000ull, ~0ull >> 1),
			    MK_INVALID_ARGUMENT);
	uint64_t address = 0;
	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, (uint64_t *)0x20, 4096,
					   MK_VM_FLAGS_ANYWHERE), MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &address, 4096, 7), MK_INVALID_ARGUMENT);
}

UTEST(console_write_reaches_the_console)
{
	static const char text[] = "utest: console line from user mode\n";
	UTEST_EXPECT_RETURN(mk_console_write(text, sizeof(text) - 1), MK_SUCCESS);
}

void trap_register_roundtrip(uint64_t before[13], uint64_t after[13]);

UTEST(trap_preserves_every_register_but_rax_rcx_r11)
{
	uint64_t before[13], after[13];

	trap_register_roundtrip(before, after);
	for (int i = 0; i < 13; i++)
		if (before[i] != after[i])
			utest_fail("register slot %d changed: %#lx became %#lx", i, before[i], after[i]);
}

/* The null trap made with the NT flag set: user mode may set NT with
 * popf, and the kernel must not carry it into its own iretq. */
int64_t null_trap_with_nt_flag_set(void);
__asm__(".pushsection .text\n"
	"null_trap_with_nt_flag_set:\n"
	"	pushfq\n"
	"	orq $0x4000, (%rsp)\n"
	"	popfq\n"
	"	movq $-5, %rax\n"               /* the null trap (mk/traps.h) */
	"	syscall\n"
	"	pushfq\n"
	"	andq $~0x4000, (%rsp)\n"
	"	popfq\n"
	"	ret\n"
	".popsection");

UTEST(trap_made_with_nt_flag_set_returns_normally)
{
	UTEST_EXPECT_RETURN(null_trap_with_nt_flag_set(), MK_SUCCESS);
}
