/*
 * ipc_assert.h: MK_ASSERT, the internal-invariant check of ipc/. In the
 * kernel a broken invariant panics; host unit tests define MK_HOST_TEST
 * before including the sources and get a message and abort() instead.
 * Never used on what a task controls: that gets an mk_return_t.
 */
#ifndef MK_IPC_ASSERT_H
#define MK_IPC_ASSERT_H

#ifdef MK_HOST_TEST
#include <stdio.h>
#include <stdlib.h>
#define MK_ASSERT(cond)                                                        \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: assertion failed: %s\n",       \
				__FILE__, __LINE__, #cond);                    \
			abort();                                               \
		}                                                              \
	} while (0)
#else
#include "kern/console.h"
#define MK_ASSERT(cond)                                                        \
	do {                                                                   \
		if (!(cond))                                                   \
			panic("%s:%d: assertion failed: %s", __FILE__,         \
			      __LINE__, #cond);                                \
	} while (0)
#endif

#endif
