/*
 * trampoline.c: the trampoline (kern/emulation.c, trampoline/entry.S):
 * a Linux system call of a task with an emulation entry reaches the
 * dispatcher below through the stub and returns its result with Linux's
 * register contract; without a usable area it is an exception message;
 * the entry is inherited by child tasks; the traps check their arguments.
 * Every test clears the task's entry again (other tests expect none).
 */
#include "child_util.h"
#include "exception_insns.h"
#include "ipc_util.h"
#include "trampoline/emulation_frame.h"

#define WAIT_UNTIL(cond)                                                     \
	for (int wait_ = 0; !(cond) && wait_ < 200; wait_++)                 \
		native_sleep_ms(10)

#define LINUX_ENOSYS   38
#define UNMAPPED       0x600000000000ull
#define RFLAGS_CF      0x1ull
#define RFLAGS_DF      0x400ull
#define FS_PATTERN     0x0f5f5f5f5f5f5f5full
#define REDZONE_PATTERN 0x7e57000000000000ull

/* trampoline_probe.S */
int64_t tramp_probe(uint64_t number);
extern uint64_t tramp_expected[16], tramp_after[16], tramp_rsp_before;
extern uint64_t tramp_redzone_after[16], tramp_xmm0_after[2], tramp_xmm15_after[2];
extern uint64_t tramp_xmm_pattern[2], tramp_rflags_after, tramp_fs0_after;
extern const char tramp_probe_next[];

static struct emulation_area area;      /* the test thread's (one at a time) */
static uint8_t emulator_stack[8192] __attribute__((aligned(16)));
static struct emulation_frame last_frame;
static volatile uint64_t dispatch_calls, dispatch_stack_address;

/* The test emulator: number * 2 + 1 for calls 5 and 7, -ENOSYS otherwise. */
long emulator_dispatch(struct emulation_frame *f)
{
	volatile int on_stack;

	dispatch_calls++;
	dispatch_stack_address = (uint64_t)&on_stack;
	last_frame = *f;
	if (f->rax == 5 || f->rax == 7)
		return (long)(f->rax * 2 + 1);
	return -LINUX_ENOSYS;
}

static void use_area(void)
{
	area.stack_top = (uint64_t)emulator_stack + sizeof(emulator_stack);
	UTEST_EXPECT_RETURN(mk_thread_set_emulation_area(MK_PORT_NULL, (uint64_t)&area),
			    MK_SUCCESS);
}

static int64_t linux_syscall(uint64_t number)
{
	int64_t ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(number) : "rcx", "r11", "memory");
	return ret;
}

static volatile int finished;
static volatile uint64_t result;
static uint64_t fs_block[2] = { FS_PATTERN, 0 };

static void probe_thread(uint64_t number)
{
	if (mk_thread_set_emulation_area(MK_PORT_NULL, (uint64_t)&area) == MK_SUCCESS)
		result = (uint64_t)tramp_probe(number);
	finished = 1;
}

UTEST(trampoline_syscall_returns_dispatcher_result_and_keeps_linux_register_contract)
{
	mk_port_name_t t = MK_PORT_NULL;
	struct mk_thread_state s;

	area.stack_top = (uint64_t)emulator_stack + sizeof(emulator_stack);
	finished = 0;
	dispatch_calls = 0;
	UTEST_EXPECT_RETURN(mk_task_set_emulation(MK_PORT_NULL, (uint64_t)trampoline_entry),
			    MK_SUCCESS);
	/* The probe runs in a thread whose FS base we set to fs_block. */
	UTEST_EXPECT_RETURN(native_thread_spawn(probe_thread, 5, MK_THREAD_CREATE_SUSPENDED, &t),
			    MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_thread_get_state(t, &s), MK_SUCCESS);
	s.fs_base = (uint64_t)fs_block;
	UTEST_EXPECT_RETURN(mk_thread_set_state(t, &s), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_thread_resume(t), MK_SUCCESS);
	WAIT_UNTIL(finished);
	UTEST_EXPECT_RETURN(mk_task_set_emulation(MK_PORT_NULL, 0), MK_SUCCESS);
	UTEST_ASSERT(finished);
	UTEST_ASSERT(dispatch_calls == 1);
	UTEST_ASSERT(result == 11 && tramp_after[0] == 11);
	for (int i = 1; i < 16; i++) {
		if (i == 2 || i == 11)          /* rcx, r11: clobbered as on Linux */
			continue;
		if (tramp_after[i] != tramp_expected[i])
			utest_fail("register %d: %#lx, want %#lx", i, tramp_after[i],
				   tramp_expected[i]);
	}
	UTEST_ASSERT(tramp_after[7] == tramp_rsp_before);
	UTEST_ASSERT(tramp_after[2] == (uint64_t)tramp_probe_next);    /* rcx = rip */
	UTEST_ASSERT(tramp_after[11] == last_frame.rflags);           /* r11 = rflags */
	UTEST_ASSERT((tramp_rflags_after & (RFLAGS_CF | RFLAGS_DF)) == (RFLAGS_CF | RFLAGS_DF));
	for (int i = 0; i < 16; i++)
		if (tramp_redzone_after[i] != (REDZONE_PATTERN | (uint64_t)(16 - i)))
			utest_fail("red zone quad %d: %#lx", i, tramp_redzone_after[i]);
	UTEST_ASSERT(tramp_xmm0_after[0] == tramp_xmm_pattern[0] &&
		     tramp_xmm0_after[1] == tramp_xmm_pattern[1]);
	UTEST_ASSERT(tramp_xmm15_after[0] == tramp_xmm_pattern[0] &&
		     tramp_xmm15_after[1] == tramp_xmm_pattern[1]);
	UTEST_ASSERT(tramp_fs0_after == FS_PATTERN);
	/* The dispatcher saw the app's registers and ran on the emulator stack. */
	UTEST_ASSERT(last_frame.rax == 5 && last_frame.rdi == tramp_expected[5] &&
		     last_frame.r10 == tramp_expected[10] && last_frame.rsp == tramp_rsp_before &&
		     last_frame.rip == (uint64_t)tramp_probe_next);
	UTEST_ASSERT(dispatch_stack_address >= (uint64_t)emulator_stack &&
		     dispatch_stack_address < (uint64_t)emulator_stack + sizeof(emulator_stack));
	WAIT_UNTIL(test_type_of(t) == MK_RIGHT_DEAD_NAME);
	UTEST_EXPECT_RETURN(mk_port_deallocate(t), MK_SUCCESS);
}

UTEST(trampoline_unknown_syscall_returns_enosys_known_one_its_result)
{
	use_area();
	UTEST_EXPECT_RETURN(mk_task_set_emulation(MK_PORT_NULL, (uint64_t)trampoline_entry),
			    MK_SUCCESS);
	int64_t unknown = linux_syscall(999), known = linux_syscall(7);
	UTEST_EXPECT_RETURN(mk_task_set_emulation(MK_PORT_NULL, 0), MK_SUCCESS);
	UTEST_ASSERT(unknown == -LINUX_ENOSYS);
	UTEST_ASSERT(known == 15);
	UTEST_EXPECT_RETURN(mk_thread_set_emulation_area(MK_PORT_NULL, 0), MK_SUCCESS);
}


/* A thread making Linux call 5 with area_address as its area. */
static void bad_area_thread(uint64_t area_address)
{
	if (mk_thread_set_emulation_area(MK_PORT_NULL, area_address) == MK_SUCCESS)
		result = (uint64_t)exc_linux_syscall(5);
	finished = 1;
}

static void expect_exception_for_area(uint64_t area_address)
{
	mk_port_name_t port = test_new_port(), t = MK_PORT_NULL;
	struct mk_exception_msg m;

	finished = 0;
	result = 0;
	UTEST_EXPECT_RETURN(native_thread_spawn(bad_area_thread, area_address,
						MK_THREAD_CREATE_SUSPENDED, &t), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_exception_port_set(t, port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_thread_resume(t), MK_SUCCESS);
	UTEST_EXPECT_RETURN(native_exception_receive(port, &m, 2000), MK_SUCCESS);
	UTEST_ASSERT(m.exception == MK_EXC_SYSCALL && m.vector == MK_EXC_VECTOR_SYSCALL);
	UTEST_ASSERT(m.code == 5 && m.state.rax == 5 && m.address == area_address);
	UTEST_ASSERT(m.state.rip == (uint64_t)exc_linux_syscall_next);
	struct mk_thread_state s = m.state;
	s.rax = 4242;
	UTEST_EXPECT_RETURN(native_exception_reply(&m, MK_EXCEPTION_RESUME, &s), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(m.thread.value), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(m.task.value), MK_SUCCESS);
	WAIT_UNTIL(finished);
	UTEST_ASSERT(finished && result == 4242);
	WAIT_UNTIL(test_type_of(t) == MK_RIGHT_DEAD_NAME);
	UTEST_EXPECT_RETURN(mk_port_deallocate(t), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}

UTEST(trampoline_unwritable_or_missing_area_raises_syscall_exception)
{
	uint64_t page = 0;

	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &page, 4096, MK_VM_FLAGS_ANYWHERE),
			    MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_protect(MK_PORT_NULL, page, 4096, 0, MK_VM_PROT_READ),
			    MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_task_set_emulation(MK_PORT_NULL, (uint64_t)trampoline_entry),
			    MK_SUCCESS);
	expect_exception_for_area(UNMAPPED);
	expect_exception_for_area(page);                /* read-only */
	expect_exception_for_area(0);                   /* none set */
	UTEST_EXPECT_RETURN(mk_task_set_emulation(MK_PORT_NULL, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, page, 4096), MK_SUCCESS);
}

static void child_linux_syscall(uint64_t number)
{
	area.stack_top = (uint64_t)emulator_stack + sizeof(emulator_stack);
	if (mk_thread_set_emulation_area(MK_PORT_NULL, (uint64_t)&area) != MK_SUCCESS) {
		child_report(0xbad, MK_PORT_NULL, 0);
		return;
	}
	child_report((uint64_t)linux_syscall(number), MK_PORT_NULL, 0);
}

UTEST(trampoline_entry_is_inherited_by_a_child_task)
{
	struct mk_object_counts before = test_object_counts();

	UTEST_EXPECT_RETURN(mk_task_set_emulation(MK_PORT_NULL, (uint64_t)trampoline_entry),
			    MK_SUCCESS);
	struct child c = child_start(child_linux_syscall, 7);
	UTEST_EXPECT_RETURN(mk_task_set_emulation(MK_PORT_NULL, 0), MK_SUCCESS);
	struct test_msg m = child_next_message(&c);
	UTEST_ASSERT(m.header.id == 1000);
	if (m.data != 15)
		utest_fail("child's Linux call returned %#lx, want 15", m.data);
	child_wait_end(&c);
	test_expect_counts_back_to(before, 0);
}

UTEST(trampoline_traps_reject_bad_arguments)
{
	mk_port_name_t port = test_new_port();

	UTEST_EXPECT_RETURN(mk_task_set_emulation(MK_PORT_NULL, 0x800000000000ull),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_task_set_emulation(MK_PORT_NULL, 0xffffffff80000000ull),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_task_set_emulation(port, (uint64_t)trampoline_entry),
			    MK_INVALID_TASK);
	UTEST_EXPECT_RETURN(mk_task_set_emulation(0x7777, (uint64_t)trampoline_entry),
			    MK_INVALID_TASK);
	UTEST_EXPECT_RETURN(mk_thread_set_emulation_area(MK_PORT_NULL, (uint64_t)&area + 4),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_thread_set_emulation_area(MK_PORT_NULL, 0x7ffffffffff8ull),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_thread_set_emulation_area(MK_PORT_NULL, 0xffff800000000000ull),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_thread_set_emulation_area(port, (uint64_t)&area),
			    MK_INVALID_RIGHT);          /* a receive right, not a thread's */
	UTEST_EXPECT_RETURN(mk_thread_set_emulation_area(0x7777, (uint64_t)&area),
			    MK_INVALID_NAME);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}

extern const char __executable_start[], _end[];

/* mov $number, %rax; syscall; ret -- run from a page of its own, outside
 * this image. */
static int64_t (*make_snippet(uint64_t *page, int32_t number))(void)
{
	static const uint8_t code[] = { 0x48, 0xc7, 0xc0, 0, 0, 0, 0, 0x0f, 0x05, 0xc3 };

	*page = 0;
	if (mk_vm_allocate(MK_PORT_NULL, page, MK_PAGE_SIZE, MK_VM_FLAGS_ANYWHERE) != MK_SUCCESS)
		return NULL;
	uint8_t *p = (uint8_t *)*page;
	memcpy(p, code, sizeof(code));
	memcpy(p + 3, &number, 4);
	if (mk_vm_protect(MK_PORT_NULL, *page, MK_PAGE_SIZE, 0,
			  MK_VM_PROT_READ | MK_VM_PROT_EXECUTE) != MK_SUCCESS)
		return NULL;
	return (int64_t (*)(void))*page;
}

UTEST(trampoline_region_sends_native_traps_from_outside_it_to_the_emulator)
{
	uint64_t page;
	int64_t (*null_trap_outside)(void) = make_snippet(&page, -5);   /* mk_null */

	UTEST_ASSERT(null_trap_outside);
	use_area();
	dispatch_calls = 0;
	UTEST_EXPECT_RETURN(mk_task_set_emulation(MK_PORT_NULL, (uint64_t)trampoline_entry),
			    MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_task_set_emulation_region(MK_PORT_NULL,
							 (uint64_t)__executable_start,
							 (uint64_t)(_end - __executable_start)),
			    MK_SUCCESS);
	int64_t outside = null_trap_outside();
	int64_t inside = mk_null();             /* from this image: still the kernel's */
	uint64_t calls = dispatch_calls;
	UTEST_EXPECT_RETURN(mk_task_set_emulation_region(MK_PORT_NULL, 0, 0), MK_SUCCESS);
	int64_t without_region = null_trap_outside();
	UTEST_EXPECT_RETURN(mk_task_set_emulation(MK_PORT_NULL, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_thread_set_emulation_area(MK_PORT_NULL, 0), MK_SUCCESS);
	UTEST_ASSERT(outside == -LINUX_ENOSYS);
	UTEST_ASSERT(last_frame.rax == (uint64_t)-5);
	UTEST_ASSERT(inside == MK_SUCCESS);
	UTEST_ASSERT(calls == 1);
	UTEST_ASSERT(without_region == MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_task_set_emulation_region(MK_PORT_NULL, 0x7ffffffff000ull,
							 0x2000), MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_task_set_emulation_region(0x7777, 0, 0), MK_INVALID_TASK);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, page, MK_PAGE_SIZE), MK_SUCCESS);
}

UTEST(thread_set_fs_base_changes_the_callers_fs_base)
{
	struct mk_thread_state s;
	uint64_t seen;

	UTEST_EXPECT_RETURN(mk_thread_get_state(MK_PORT_NULL, &s), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_thread_set_fs_base(MK_PORT_NULL, (uint64_t)fs_block), MK_SUCCESS);
	__asm__ volatile("movq %%fs:0, %0" : "=r"(seen));
	UTEST_EXPECT_RETURN(mk_thread_set_fs_base(MK_PORT_NULL, s.fs_base), MK_SUCCESS);
	UTEST_ASSERT(seen == FS_PATTERN);
	UTEST_EXPECT_RETURN(mk_thread_set_fs_base(MK_PORT_NULL, 0x800000000000ull),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_thread_set_fs_base(0x7777, 0), MK_INVALID_NAME);
}
