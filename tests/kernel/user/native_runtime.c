/*
 * native_runtime.c: the native runtime's threads, lock and allocator,
 * used from several threads at once.
 */
#include "lib/native/lock.h"
#include "utest.h"

#define THREADS 8
#define ROUNDS 200

static struct native_lock counter_lock = NATIVE_LOCK_INIT;
static volatile uint64_t counter, finished;

/* A read-yield-write increment: without the lock, increments are lost. */
static void add_under_lock(uint64_t rounds)
{
	for (uint64_t i = 0; i < rounds; i++) {
		native_lock(&counter_lock);
		uint64_t seen = counter;
		mk_thread_yield();
		counter = seen + 1;
		native_unlock(&counter_lock);
	}
	__atomic_fetch_add(&finished, 1, __ATOMIC_RELEASE);
}

static void wait_finished(uint64_t n)
{
	int64_t start = mk_clock_ticks();

	while (__atomic_load_n(&finished, __ATOMIC_ACQUIRE) < n) {
		if (mk_clock_ticks() - start > 500)
			utest_fail("only %lu of %lu threads finished", finished, n);
		mk_thread_yield();
	}
}

UTEST(native_threads_share_a_lock_without_losing_updates)
{
	counter = finished = 0;
	for (int i = 0; i < THREADS; i++)
		UTEST_EXPECT_RETURN(native_thread_spawn(add_under_lock, ROUNDS, 0, NULL), MK_SUCCESS);
	wait_finished(THREADS);
	UTEST_ASSERT(counter == THREADS * ROUNDS);
}

static void nothing(uint64_t unused)
{
	(void)unused;
	__atomic_fetch_add(&finished, 1, __ATOMIC_RELEASE);
}

UTEST(native_thread_stacks_are_reused)
{
	struct mk_object_counts before, after;

	finished = 0;
	UTEST_EXPECT_RETURN(native_thread_spawn(nothing, 0, 0, NULL), MK_SUCCESS);     /* warm-up */
	wait_finished(1);
	UTEST_EXPECT_RETURN(mk_host_object_counts(native_host_port(), &before), MK_SUCCESS);
	for (int i = 0; i < 50; i++) {
		UTEST_EXPECT_RETURN(native_thread_spawn(nothing, 0, 0, NULL), MK_SUCCESS);
		wait_finished(2 + i);
	}
	/* Let the last thread finish leaving the kernel. */
	for (int i = 0; i < 10; i++)
		mk_thread_yield();
	UTEST_EXPECT_RETURN(mk_host_object_counts(native_host_port(), &after), MK_SUCCESS);
	UTEST_ASSERT(after.free_frames == before.free_frames);
}

/* Fills a block with a pattern derived from its address and size. */
static void fill(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)((uint64_t)p + n + i);
}

static int intact(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (uint8_t)((uint64_t)p + n + i))
			return 0;
	return 1;
}

static const size_t sizes[] = { 1, 15, 16, 17, 100, 1000, 2032, 2033, 5000, 70000 };
#define NSIZES (sizeof(sizes) / sizeof(sizes[0]))

static void allocate_and_check(uint64_t rounds)
{
	for (uint64_t r = 0; r < rounds; r++) {
		uint8_t *blocks[NSIZES];
		for (size_t i = 0; i < NSIZES; i++) {
			blocks[i] = native_malloc(sizes[i]);
			if (!blocks[i] || ((uint64_t)blocks[i] & 15))
				utest_fail("native_malloc(%zu) gave %p", sizes[i], blocks[i]);
			fill(blocks[i], sizes[i]);
			mk_thread_yield();      /* let the other threads interleave */
		}
		for (size_t i = 0; i < NSIZES; i++) {
			if (!intact(blocks[i], sizes[i]))
				utest_fail("block of %zu bytes at %p overwritten", sizes[i], blocks[i]);
			native_free(blocks[i]);
		}
	}
	__atomic_fetch_add(&finished, 1, __ATOMIC_RELEASE);
}

UTEST(native_malloc_blocks_never_overlap_across_threads)
{
	finished = 0;
	for (int i = 0; i < 4; i++)
		UTEST_EXPECT_RETURN(native_thread_spawn(allocate_and_check, 20, 0, NULL), MK_SUCCESS);
	allocate_and_check(20);
	wait_finished(5);
	uint8_t *z = native_calloc(100, 7);
	UTEST_ASSERT(z);
	for (int i = 0; i < 700; i++)
		UTEST_ASSERT(z[i] == 0);
	native_free(z);
	UTEST_ASSERT(native_calloc((size_t)1 << 40, 1 << 20) == NULL);  /* overflow */
	UTEST_ASSERT(native_malloc((size_t)1 << 50) == NULL);
}

UTEST(native_free_returns_large_blocks_and_reuses_small_ones)
{
	struct mk_object_counts before, after;

	/* Warm-up: the class's chunk, and the page tables under the large
	 * region's addresses (the kernel keeps page tables once made). */
	native_free(native_malloc(64));
	uint8_t *big = native_malloc(256 * 1024);
	UTEST_ASSERT(big);
	fill(big, 256 * 1024);
	native_free(big);
	UTEST_EXPECT_RETURN(mk_host_object_counts(native_host_port(), &before), MK_SUCCESS);
	void *small = native_malloc(64);
	native_free(small);
	UTEST_ASSERT(native_malloc(64) == small);       /* the same block again */
	native_free(small);
	big = native_malloc(256 * 1024);
	UTEST_ASSERT(big);
	fill(big, 256 * 1024);                          /* 64 frames in use */
	native_free(big);
	UTEST_EXPECT_RETURN(mk_host_object_counts(native_host_port(), &after), MK_SUCCESS);
	UTEST_ASSERT(after.free_frames == before.free_frames);
}

UTEST(native_msg_call_gets_the_answer_and_receive_times_out)
{
	mk_port_name_t service, reply;
	struct {
		struct mk_msg_header header;
		uint64_t data;
	} m = { { MK_MSGH_BITS(MK_MSG_TYPE_MAKE_SEND, MK_MSG_TYPE_MAKE_SEND_ONCE), sizeof(m),
		  0, 0, 0, 77 }, 41 };

	UTEST_EXPECT_RETURN(native_port_receive_right(&service), MK_SUCCESS);
	UTEST_EXPECT_RETURN(native_port_receive_right(&reply), MK_SUCCESS);
	UTEST_EXPECT_RETURN(native_msg_receive(&m, sizeof(m), service, 20), MK_TIMED_OUT);
	/* Queue a request, then answer it before the call's receive: the
	 * call below finds its answer waiting. */
	m.header.remote_port = service;
	m.header.local_port = reply;
	UTEST_EXPECT_RETURN(native_msg_send(&m, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(native_msg_receive(&m, sizeof(m), service, 1000), MK_SUCCESS);
	UTEST_ASSERT(m.header.id == 77 && m.data == 41);
	m.header.bits = MK_MSGH_BITS(MK_MSG_TYPE_MOVE_SEND_ONCE, 0);
	m.header.local_port = MK_PORT_NULL;
	m.data = 42;
	UTEST_EXPECT_RETURN(native_msg_send(&m, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(native_msg_receive(&m, sizeof(m), reply, 1000), MK_SUCCESS);
	UTEST_ASSERT(m.data == 42);
	/* A call to our own port: the request comes back as the answer. */
	m.header = (struct mk_msg_header){ MK_MSGH_BITS(MK_MSG_TYPE_MAKE_SEND, 0), sizeof(m),
					   service, MK_PORT_NULL, 0, 78 };
	UTEST_EXPECT_RETURN(native_msg_call(&m, sizeof(m), service, 1000), MK_SUCCESS);
	UTEST_ASSERT(m.header.id == 78 && m.data == 42);
	m.header = (struct mk_msg_header){ MK_MSGH_BITS(MK_MSG_TYPE_MAKE_SEND, 0), sizeof(m),
					   service, MK_PORT_NULL, 0, 79 };
	UTEST_EXPECT_RETURN(native_msg_call(&m, sizeof(m), reply, 20), MK_TIMED_OUT);
	UTEST_EXPECT_RETURN(mk_port_destroy(service), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(reply), MK_SUCCESS);
}
