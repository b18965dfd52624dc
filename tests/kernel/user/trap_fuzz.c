/*
 * trap_fuzz.c: no user action may panic the kernel, hang it or leak its
 * objects. A child task calls traps thousands of times with hostile
 * arguments (names it holds and names it does not, kernel, unmapped and
 * non-canonical addresses, straddling and huge sizes, random messages),
 * then is terminated wherever it stands: running, blocked in a receive or
 * a pager fault, or dead of its own doing. The kernel must still answer
 * and every task, port, set and message the child made must be gone.
 *
 * The sequence is pseudo-random from a fixed seed per round, so a failure
 * can be replayed. Left out are the traps that would end the fuzzing
 * thread at once or reach beyond the child (see excluded()).
 */
#include "ipc_util.h"
#include "object_counts.h"
#include "mk/vm.h"

#include <stdbool.h>

#define ROUNDS      32
#define TRAPS       20000
#define POLL_MS     50          /* a child that made no progress in this */
#define POLLS       40          /* or ran this many polls is ended */
#define SCRATCH     (4 * MK_PAGE_SIZE)

/* The child's progress, read by the parent through vm_read. */
static volatile uint64_t traps_done;

static uint64_t next_random(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Every trap number the kernel defines (a number it does not define is a
 * Linux system call, which kills a task without an emulator). */
#define TRAP_NUMBER(number, name, params, args) number,
static const uint64_t trap_numbers[] = { MK_TRAP_LIST(TRAP_NUMBER) };
#define TRAP_COUNT (sizeof(trap_numbers) / sizeof(trap_numbers[0]))
#define TRAP_ENUM(number, name, params, args) TRAP_##name = number,
enum { MK_TRAP_LIST(TRAP_ENUM) };

/* Traps that would stop the fuzzing at once (thread_exit, task and thread
 * terminate, suspend, set_state on itself, a new FS base for the native
 * runtime, console_write's noise in the test log,
 * host_poweroff) or make threads and tasks that outlive the child
 * (task_create, thread_create). */
static bool excluded(uint64_t trap)
{
	switch (trap) {
	case TRAP_thread_exit: case TRAP_task_terminate: case TRAP_thread_terminate:
	case TRAP_thread_suspend: case TRAP_thread_set_state: case TRAP_thread_set_fs_base:
	case TRAP_console_write: case TRAP_host_poweroff:
	case TRAP_task_create: case TRAP_thread_create: case TRAP_thread_create_port:
		return true;
	default:
		return false;
	}
}

static int64_t raw_trap(uint64_t trap, const uint64_t a[6])
{
	register uint64_t r10 __asm__("r10") = a[3];
	register uint64_t r8 __asm__("r8") = a[4];
	register uint64_t r9 __asm__("r9") = a[5];
	int64_t ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(-(int64_t)trap), "D"(a[0]), "S"(a[1]), "d"(a[2]), "r"(r10),
			   "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

struct palette {
	uint64_t scratch;               /* the child's own pages for buffers */
	mk_port_name_t names[8];        /* rights the child holds */
};

/* One hostile argument: a name, an address, a size or a plain number. */
static uint64_t argument(const struct palette *p, uint64_t *seed)
{
	static const uint64_t numbers[] = {
		0, 1, 2, 3, 4, 5, 6, 7, 0xff, 0x7fffffff, 0xffffffff, 0x100000000ull,
		~0ull, 1ull << 63, MK_PAGE_SIZE, MK_PAGE_SIZE - 1, 1ull << 40,
	};
	static const uint64_t bad_addresses[] = {
		0x1000, 0xffffffff80100000ull, 0xffff800000000000ull,
		0x0000800000000000ull, 0x00007ffffffff000ull, 0x00007ffffffffff8ull,
	};
	uint64_t r = next_random(seed);

	switch (r % 6) {
	case 0:
		return numbers[(r >> 8) % (sizeof(numbers) / sizeof(numbers[0]))];
	case 1:
		return bad_addresses[(r >> 8) % (sizeof(bad_addresses) / sizeof(bad_addresses[0]))];
	case 2:                 /* inside the scratch pages, or straddling their end */
		return p->scratch + (r >> 8) % SCRATCH;
	case 3:
		return p->scratch;
	case 4:
		return p->names[(r >> 8) % 8];
	default:                /* a name's neighbour: wrong generation or index */
		return p->names[(r >> 8) % 8] ^ (1u << ((r >> 16) % 12));
	}
}

static unsigned random_disposition(uint64_t *seed)
{
	return MK_MSG_TYPE_MOVE_RECEIVE + (unsigned)(next_random(seed) % 7);  /* one past the last too */
}

/* A message in the scratch pages: random bytes, or (mostly) a well-formed
 * header to one of the child's names, half the time complex with up to
 * three port or out-of-line descriptors of random rights, names,
 * addresses and sizes, so the deeper checks of copyin are reached. */
static void scribble(const struct palette *p, uint64_t *seed)
{
	uint64_t *w = (uint64_t *)p->scratch;

	for (int i = 0; i < 32; i++)
		w[i] = next_random(seed);
	if (next_random(seed) % 4 == 0)
		return;
	struct {
		struct mk_msg_header header;
		struct mk_msg_body body;
		struct mk_msg_descriptor d[3];
	} *m = (void *)p->scratch;
	uint32_t count = next_random(seed) % 2 ? (uint32_t)(next_random(seed) % 4) : 0;
	m->header.bits = MK_MSGH_BITS(random_disposition(seed),
				      next_random(seed) % 2 ? random_disposition(seed) : 0);
	m->header.remote_port = p->names[next_random(seed) % 8];
	m->header.local_port = next_random(seed) % 2 ? MK_PORT_NULL : p->names[next_random(seed) % 8];
	m->header.reserved = 0;
	m->header.size = count ? sizeof(m->header) + sizeof(m->body) + count * sizeof(m->d[0])
			       : (uint32_t)(next_random(seed) % 64);
	if (!count)
		return;
	m->header.bits |= MK_MSGH_COMPLEX;
	m->body = (struct mk_msg_body){ count, 0 };
	for (uint32_t i = 0; i < count; i++) {
		struct mk_msg_descriptor *d = &m->d[i];
		d->reserved[0] = d->reserved[1] = 0;
		if (next_random(seed) % 2) {
			d->type = MK_MSG_PORT_DESCRIPTOR;
			d->address = 0;
			d->value = p->names[next_random(seed) % 8];
			d->disposition = (uint8_t)random_disposition(seed);
		} else {
			d->type = MK_MSG_OOL_DESCRIPTOR;
			d->address = argument(p, seed);
			d->value = (uint32_t)argument(p, seed);
			d->disposition = (uint8_t)(next_random(seed) % 3);
		}
	}
}

static void fuzz(uint64_t seed)
{
	struct palette p = { 0 };
	uint64_t a[6];

	if (mk_vm_allocate(MK_PORT_NULL, &p.scratch, SCRATCH, MK_VM_FLAGS_ANYWHERE) != MK_SUCCESS)
		return;
	mk_task_bootstrap_port(&p.names[0]);
	mk_thread_self(&p.names[1]);
	mk_port_allocate(MK_RIGHT_RECEIVE, &p.names[2]);
	mk_port_allocate(MK_RIGHT_RECEIVE, &p.names[3]);
	mk_port_allocate(MK_RIGHT_PORT_SET, &p.names[4]);
	mk_port_allocate(MK_RIGHT_DEAD_NAME, &p.names[5]);
	mk_port_mod_refs(p.names[3], MK_RIGHT_SEND, 1);   /* a receive right with a send right */
	p.names[6] = MK_PORT_NULL;
	p.names[7] = MK_PORT_DEAD;
	for (traps_done = 0; traps_done < TRAPS; traps_done++) {
		/* A third are messages, the trap with the most to check. */
		uint64_t trap = next_random(&seed) % 3 ? trap_numbers[next_random(&seed) % TRAP_COUNT]
						 : TRAP_msg;
		if (excluded(trap))
			continue;
		for (int i = 0; i < 6; i++)
			a[i] = argument(&p, &seed);
		if (trap == TRAP_msg && next_random(&seed) % 4) {
			/* Mostly a plausible call: send, receive or both with the
			 * message's own size, into the same buffer, from one of the
			 * child's names; waiting a few milliseconds at most. */
			scribble(&p, &seed);
			a[0] = p.scratch;
			a[1] = 1 + next_random(&seed) % 3;
			a[2] = ((struct mk_msg_header *)p.scratch)->size;
			a[3] = next_random(&seed) % 512;
			a[4] = p.names[next_random(&seed) % 8];
		}
		if (trap == TRAP_msg) {
			a[1] |= MK_MSG_OPTION_SEND_TIMEOUT | MK_MSG_OPTION_RCV_TIMEOUT;
			a[5] = next_random(&seed) % 3;
		}
		raw_trap(trap, a);
	}
}

/* The child's count of traps made, or UINT64_MAX once it cannot be read. */
static uint64_t progress(mk_port_name_t task)
{
	uint64_t copy = 0, n = UINT64_MAX;

	if (mk_vm_read(task, (uint64_t)&traps_done, sizeof(traps_done), &copy) == MK_SUCCESS) {
		n = *(volatile uint64_t *)copy;
		mk_vm_deallocate(MK_PORT_NULL, copy, MK_PAGE_SIZE);
	}
	return n;
}

UTEST(trap_fuzz_leaves_the_kernel_running_and_nothing_behind)
{
	struct mk_object_counts before = test_object_counts();
	uint64_t total = 0;

	for (uint64_t round = 0; round < ROUNDS; round++) {
		mk_port_name_t task, bootstrap = test_new_port();
		uint64_t seed = 0x9e3779b97f4a7c15ull * (round + 1), last = 0, now = 0;

		UTEST_EXPECT_RETURN(native_task_spawn(fuzz, seed, bootstrap, &task), MK_SUCCESS);
		/* Until it stops (blocked, suspended or dead of its own doing)
		 * or finishes. */
		for (int poll = 0; poll < POLLS; poll++) {
			native_sleep_ms(POLL_MS);
			now = progress(task);
			if (now == UINT64_MAX || now == last || now >= TRAPS)
				break;
			last = now;
		}
		total += now == UINT64_MAX ? last : now;
		/* Wherever it stands; it may have ended itself already. */
		int64_t r = mk_task_terminate(task);
		UTEST_ASSERT(r == MK_SUCCESS || r == MK_INVALID_NAME || r == MK_INVALID_TASK ||
			     r == MK_INVALID_RIGHT);
		mk_port_deallocate(task);
		UTEST_EXPECT_RETURN(mk_port_destroy(bootstrap), MK_SUCCESS);
		UTEST_EXPECT_RETURN(mk_null(), MK_SUCCESS);     /* still answering */
	}
	mk_printf("trap_fuzz: %lu traps in %d rounds\n", total, ROUNDS);
	test_expect_counts_back_to(before, 0);
}
