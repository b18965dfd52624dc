/*
 * pager_util.h: a user-level pager for the pager tests and benchmarks: a
 * thread of the same task serving a pager port, answering each data
 * request with a pattern that names the page (or zero-fill), and
 * stopping at the object's terminate notice.
 */
#ifndef MK_TESTS_PAGER_UTIL_H
#define MK_TESTS_PAGER_UTIL_H

#include "lib/native/native.h"
#include "mk/pager.h"

#define PAGE MK_PAGE_SIZE

union pager_msg {
	struct mk_msg_header header;
	struct mk_pager_request_msg request;
	struct mk_pager_terminate_msg terminate;
};

enum pager_mode {
	PAGER_SUPPLY,                   /* every page: the pattern */
	PAGER_ODD_PAGES_ZERO,           /* odd pages: data_unavailable */
};

struct test_pager {
	mk_port_name_t port;            /* receive right */
	enum pager_mode mode;
	volatile uint64_t requests;     /* data requests answered */
	volatile int terminated;        /* the terminate notice came */
	volatile int64_t failure;       /* first unexpected result, 0 if none */
};

/* Word i of the object's page at offset, as the test pager supplies it. */
static inline uint64_t pager_pattern(uint64_t offset, uint64_t i)
{
	return 0xa5ull << 56 | (offset / PAGE) << 16 | i;
}

static inline void pager_fill(uint64_t *page, uint64_t offset)
{
	for (uint64_t i = 0; i < PAGE / 8; i++)
		page[i] = pager_pattern(offset, i);
}

/* Answers one request the way pg's mode says. */
static inline int64_t pager_answer(struct test_pager *pg, const struct mk_pager_request_msg *m)
{
	static uint64_t page[PAGE / 8] __attribute__((aligned(PAGE)));
	mk_port_name_t control = m->control.value;

	if (pg->mode == PAGER_ODD_PAGES_ZERO && (m->offset / PAGE) % 2)
		return mk_pager_data_unavailable(control, m->offset, m->length);
	pager_fill(page, m->offset);
	return mk_pager_data_supply(control, m->offset, page, m->length);
}

/* The pager thread: serves pg until the terminate notice. */
static inline void pager_serve(uint64_t arg)
{
	struct test_pager *pg = (struct test_pager *)arg;
	union pager_msg m;

	for (;;) {
		int64_t r = mk_msg(&m, MK_MSG_OPTION_RECEIVE | MK_MSG_OPTION_RCV_TIMEOUT, 0, sizeof(m),
				   pg->port, 5000);
		if (r == MK_SUCCESS && m.header.id == MK_PAGER_TERMINATE) {
			mk_port_destroy(m.terminate.control.value);
			pg->terminated = 1;
			return;
		}
		if (r == MK_SUCCESS && m.header.id != MK_PAGER_DATA_REQUEST)
			r = MK_MSG_INVALID_HEADER;
		if (r == MK_SUCCESS) {
			pg->requests++;         /* before the answer wakes the faulting thread */
			r = pager_answer(pg, &m.request);
		}
		if (r != MK_SUCCESS) {
			pg->failure = r;
			return;
		}
		mk_port_deallocate(m.request.control.value);
	}
}

/* Waits up to 2 s for the pager thread to see the terminate notice;
 * false if it did not (or failed). */
static inline int pager_wait_terminated(struct test_pager *pg)
{
	int64_t start = mk_clock_ticks();

	while (!pg->terminated && !pg->failure && mk_clock_ticks() - start < 200)
		mk_thread_yield();
	return pg->terminated;
}

#endif
