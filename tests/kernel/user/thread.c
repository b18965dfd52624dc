/*
 * thread.c: native tests of thread ports and thread control: naming the
 * calling thread, suspend counts, abort out of a blocking receive, reading
 * and setting registers (and the states refused), terminating threads in
 * every state, and the errors of the thread traps.
 */
#include "exception_insns.h"
#include "ipc_util.h"
#include "object_counts.h"

#define RFLAGS_IF 0x200ull
#define RFLAGS_TF 0x100ull
#define RFLAGS_DF 0x400ull
#define RFLAGS_AC 0x40000ull

/* Sleeps until cond holds, for about 2 s at most. */
#define WAIT_UNTIL(cond)                                                     \
	for (int wait_ = 0; !(cond) && wait_ < 200; wait_++)                 \
		native_sleep_ms(10)

static volatile uint64_t spin_count;
static volatile int64_t receive_result = -1;
static volatile int receiving;
static volatile uint64_t landed_value, landed_fs_word;

static void spin_forever(uint64_t arg)
{
	(void)arg;
	for (;;)
		spin_count++;
}

static void suspend_self_then_count(uint64_t arg)
{
	(void)arg;
	mk_thread_suspend(MK_PORT_NULL);
	spin_count++;
}

static void receive_once(uint64_t port)
{
	struct test_msg m;

	receiving = 1;
	receive_result = test_receive(&m, sizeof(m), (mk_port_name_t)port,
				      MK_MSG_OPTION_RCV_TIMEOUT, 5000);
}

static void start_here(uint64_t arg)
{
	landed_value = 1000 + arg;
}

static void land_here(uint64_t arg)
{
	landed_fs_word = exc_read_fs0();
	landed_value = arg;
}

/* The spinner's count after the caller has slept a while. */
static uint64_t count_after_a_while(void)
{
	native_sleep_ms(30);
	return spin_count;
}

static void expect_thread_gone(mk_port_name_t t)
{
	WAIT_UNTIL(test_type_of(t) == MK_RIGHT_DEAD_NAME);
	UTEST_ASSERT(test_type_of(t) == MK_RIGHT_DEAD_NAME);
	UTEST_EXPECT_RETURN(mk_port_deallocate(t), MK_SUCCESS);
}

static void terminate_thread(mk_port_name_t t)
{
	UTEST_EXPECT_RETURN(mk_thread_terminate(t), MK_SUCCESS);
	expect_thread_gone(t);
}

static mk_port_name_t spawn(void (*fn)(uint64_t), uint64_t arg, uint32_t flags)
{
	mk_port_name_t t = MK_PORT_NULL;

	UTEST_EXPECT_RETURN(native_thread_spawn(fn, arg, flags, &t), MK_SUCCESS);
	UTEST_ASSERT(test_type_of(t) == MK_RIGHT_SEND);
	return t;
}

static void exit_when_returned_to(void)
{
	for (;;)
		mk_thread_exit();
}

/* A thread made by the trap itself, so that it starts exactly at fn with
 * rdi = arg (the runtime's spawner starts its threads in its own code). */
static mk_port_name_t spawn_at(void (*fn)(uint64_t), uint64_t arg, uint32_t flags)
{
	uint64_t stack = 0;
	mk_port_name_t t = MK_PORT_NULL;

	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &stack, 65536, MK_VM_FLAGS_ANYWHERE),
			    MK_SUCCESS);
	uint64_t rsp = stack + 65536 - 8;       /* as at a call */
	*(uint64_t *)rsp = (uint64_t)exit_when_returned_to;
	UTEST_EXPECT_RETURN(mk_thread_create_port(MK_PORT_NULL, (uint64_t)fn, rsp, arg, flags, &t),
			    MK_SUCCESS);
	return t;
}

UTEST(thread_self_names_a_send_right_to_the_calling_thread)
{
	mk_port_name_t a, b;
	struct mk_thread_state s;
	uint32_t refs;

	UTEST_EXPECT_RETURN(mk_thread_self(&a), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_thread_self(&b), MK_SUCCESS);
	UTEST_ASSERT(a == b && test_type_of(a) == MK_RIGHT_SEND);
	UTEST_EXPECT_RETURN(mk_thread_self((mk_port_name_t *)0x10), MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_port_get_refs(a, MK_RIGHT_SEND, &refs), MK_SUCCESS);
	UTEST_ASSERT(refs == 2);
	/* Its registers as it entered the trap: rax holds the trap number. */
	UTEST_EXPECT_RETURN(mk_thread_get_state(a, &s), MK_SUCCESS);
	UTEST_ASSERT(s.rax == (uint64_t)-46 && s.rdi == a && s.rsi == (uint64_t)&s);
	UTEST_EXPECT_RETURN(mk_thread_get_state(MK_PORT_NULL, &s), MK_SUCCESS);
	UTEST_ASSERT(s.rdi == MK_PORT_NULL);
	UTEST_EXPECT_RETURN(mk_port_mod_refs(a, MK_RIGHT_SEND, -2), MK_SUCCESS);
}

UTEST(thread_suspend_stops_a_spinning_thread_until_resumed_as_often)
{
	mk_port_name_t t = spawn(spin_forever, 0, 0);

	WAIT_UNTIL(spin_count > 0);
	UTEST_ASSERT(spin_count > 0);
	UTEST_EXPECT_RETURN(mk_thread_suspend(t), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_thread_suspend(t), MK_SUCCESS);
	uint64_t stopped = spin_count;
	UTEST_ASSERT(count_after_a_while() == stopped);
	UTEST_EXPECT_RETURN(mk_thread_resume(t), MK_SUCCESS);
	UTEST_ASSERT(count_after_a_while() == stopped);         /* count still 1 */
	UTEST_EXPECT_RETURN(mk_thread_resume(t), MK_SUCCESS);
	UTEST_ASSERT(count_after_a_while() > stopped);
	UTEST_EXPECT_RETURN(mk_thread_resume(t), MK_INVALID_VALUE);     /* count 0 */
	terminate_thread(t);
}

UTEST(thread_that_suspends_itself_waits_for_resume)
{
	mk_port_name_t t = spawn(suspend_self_then_count, 0, 0);

	UTEST_ASSERT(count_after_a_while() == 0);
	UTEST_EXPECT_RETURN(mk_thread_resume(t), MK_SUCCESS);
	WAIT_UNTIL(spin_count == 1);
	UTEST_ASSERT(spin_count == 1);
	expect_thread_gone(t);          /* it returned from its function */
}

UTEST(thread_abort_breaks_a_blocking_receive_with_interrupted)
{
	mk_port_name_t port = test_new_port(), t = spawn(receive_once, port, 0);

	WAIT_UNTIL(receiving);
	native_sleep_ms(20);
	UTEST_ASSERT(receiving && receive_result == -1);
	UTEST_EXPECT_RETURN(mk_thread_abort(t), MK_SUCCESS);
	WAIT_UNTIL(receive_result != -1);
	UTEST_EXPECT_RETURN(receive_result, MK_INTERRUPTED);
	expect_thread_gone(t);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}

UTEST(thread_set_state_moves_a_suspended_thread_to_new_registers)
{
	uint64_t page = 0;
	struct mk_thread_state s, back;

	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &page, 4096, MK_VM_FLAGS_ANYWHERE),
			    MK_SUCCESS);
	*(volatile uint64_t *)page = 0xf5f5;
	mk_port_name_t t = spawn_at(start_here, 7, MK_THREAD_CREATE_SUSPENDED);
	UTEST_EXPECT_RETURN(mk_thread_get_state(t, &s), MK_SUCCESS);
	UTEST_ASSERT(s.rip == (uint64_t)start_here && s.rdi == 7 && s.fs_base == 0);
	UTEST_ASSERT((s.rflags & RFLAGS_IF) && (s.rsp & 15) == 8);
	s.rip = (uint64_t)land_here;
	s.rdi = 42;
	s.fs_base = page;
	/* Every flag a user may not set is dropped (and none that would
	 * disturb the C code it lands in is asked for). */
	s.rflags = ~(RFLAGS_TF | RFLAGS_DF | RFLAGS_AC);
	UTEST_EXPECT_RETURN(mk_thread_set_state(t, &s), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_thread_get_state(t, &back), MK_SUCCESS);
	UTEST_ASSERT(back.rip == (uint64_t)land_here && back.rdi == 42 && back.fs_base == page);
	UTEST_ASSERT(back.rflags ==
		     (0x202 | (MK_THREAD_RFLAGS_USER & ~(RFLAGS_TF | RFLAGS_DF | RFLAGS_AC))));
	UTEST_ASSERT(count_after_a_while() == 0 && landed_value == 0);
	UTEST_EXPECT_RETURN(mk_thread_resume(t), MK_SUCCESS);
	WAIT_UNTIL(landed_value != 0);
	UTEST_ASSERT(landed_value == 42 && landed_fs_word == 0xf5f5);
	expect_thread_gone(t);
}

UTEST(thread_set_state_rejects_kernel_and_noncanonical_addresses)
{
	struct mk_thread_state good, bad, now;
	mk_port_name_t t = spawn(start_here, 7, MK_THREAD_CREATE_SUSPENDED);

	UTEST_EXPECT_RETURN(mk_thread_get_state(t, &good), MK_SUCCESS);
	uint64_t bad_rips[] = { 0xffffffff80000000ull, 0xffff800000000000ull,
				0x0000800000000000ull, ~0ull };
	for (unsigned i = 0; i < sizeof(bad_rips) / sizeof(bad_rips[0]); i++) {
		bad = good;
		bad.rip = bad_rips[i];
		UTEST_EXPECT_RETURN(mk_thread_set_state(t, &bad), MK_INVALID_ADDRESS);
		bad = good;
		bad.fs_base = bad_rips[i];
		UTEST_EXPECT_RETURN(mk_thread_set_state(t, &bad), MK_INVALID_ADDRESS);
	}
	bad = good;
	bad.rsp = 0x0000800000000000ull;
	UTEST_EXPECT_RETURN(mk_thread_set_state(t, &bad), MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_thread_set_state(t, (void *)0x10), MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_thread_get_state(t, (void *)0xffff800000000000ull),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_thread_get_state(t, &now), MK_SUCCESS);
	UTEST_ASSERT(!memcmp(&now, &good, sizeof(now)));
	terminate_thread(t);
	UTEST_ASSERT(landed_value == 0);        /* ended without running */
}

UTEST(thread_terminate_ends_running_blocked_and_suspended_threads_leaving_nothing)
{
	mk_port_name_t port = test_new_port();
	struct mk_object_counts before = test_object_counts();

	terminate_thread(spawn(spin_forever, 0, 0));
	mk_port_name_t receiver = spawn(receive_once, port, 0);
	WAIT_UNTIL(receiving);
	terminate_thread(receiver);
	UTEST_ASSERT(receive_result == -1);     /* it never got back to user mode */
	terminate_thread(spawn(start_here, 1, MK_THREAD_CREATE_SUSPENDED));
	UTEST_ASSERT(landed_value == 0);
	test_expect_counts_back_to(before, 0);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}

UTEST(thread_traps_reject_names_that_are_not_threads)
{
	mk_port_name_t port = test_new_port(), dead, task, self, t;
	struct mk_object_counts before = test_object_counts();

	UTEST_EXPECT_RETURN(mk_thread_suspend(0x12345600), MK_INVALID_NAME);
	UTEST_EXPECT_RETURN(mk_thread_resume(port), MK_INVALID_RIGHT);  /* receive right only */
	UTEST_EXPECT_RETURN(mk_port_allocate(MK_RIGHT_DEAD_NAME, &dead), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_thread_abort(dead), MK_DEAD_NAME);
	UTEST_EXPECT_RETURN(mk_task_create(0, MK_PORT_NULL, &task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_thread_terminate(task), MK_INVALID_THREAD);
	UTEST_EXPECT_RETURN(mk_thread_get_state(task, &(struct mk_thread_state){ 0 }),
			    MK_INVALID_THREAD);
	UTEST_EXPECT_RETURN(mk_thread_self(&self), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_thread_create_port(self, (uint64_t)start_here, 0x10000, 0, 0, &t),
			    MK_INVALID_TASK);
	UTEST_EXPECT_RETURN(mk_thread_create_port(task, (uint64_t)start_here, 0x10000, 0, 2, &t),
			    MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_thread_create_port(task, (uint64_t)start_here, 0x10000, 0, 0,
						  (mk_port_name_t *)0x10), MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_thread_create_port(task, 1ull << 63, 0x10000, 0, 0, &t),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(self), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(dead), MK_SUCCESS);
	test_expect_counts_back_to(before, 0);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}
