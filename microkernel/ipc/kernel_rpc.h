/*
 * kernel_rpc.h: the kernel as a client: a request message the kernel
 * built, sent to a task's port, and the one reply that comes back on a
 * reply port the kernel makes for the call. Exception messages use it
 * (kern/exception.c); so can other kernel-originated requests (pagers).
 */
#ifndef MK_IPC_KERNEL_RPC_H
#define MK_IPC_KERNEL_RPC_H

#include "ipc/mqueue.h"
#include "mk/return.h"

struct ipc_kmsg;

/* Sends request (its dest right set by the caller, its reply right left
 * absent: a send-once right to the call's reply port goes there), waits
 * for room and then for the reply, each as `wait` allows. request is
 * always consumed. On MK_SUCCESS *reply is the reply kmsg (destination
 * consumed; the caller destroys it): either the server's answer, or a
 * send-once notification (id MK_NOTIFY_SEND_ONCE) when the reply right was
 * destroyed unanswered. Errors: MK_DEAD_NAME (the destination is dead),
 * MK_INTERRUPTED (thread_abort or termination), MK_TIMED_OUT,
 * MK_RESOURCE_SHORTAGE. A reply that comes later goes to a dead port. */
mk_return_t ipc_kernel_rpc(struct ipc_kmsg *request, struct ipc_wait wait,
			   struct ipc_kmsg **reply);

#endif
