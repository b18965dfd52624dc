/*
 * poll_calls.c: poll. Answered at once when a descriptor is ready or the
 * timeout is 0; otherwise parked (DESIGN rule 6) and tried again after
 * each event, and as time passes when it has a timeout.
 */
#include "call.h"
#include "files.h"
#include "lib/string.h"
#include "server/process.h"
#include "server/server.h"

struct linux_pollfd {
	int32_t fd;
	int16_t events, revents;
};
_Static_assert(sizeof(struct linux_pollfd) == 8, "Linux's layout");

int64_t ux_sys_poll(struct ux_call *c)
{
	uint64_t nfds = c->arg[1];
	int timeout_ms = (int)c->arg[2];
	struct linux_pollfd *fds = (struct linux_pollfd *)c->out;
	int64_t ready = 0;

	if (nfds > c->proc->files->nofile)
		return -UX_EINVAL;
	if (c->in_len[0] != nfds * sizeof(*fds) || c->out_cap < c->in_len[0])
		return -UX_EFAULT;      /* more than one message carries */
	memcpy(fds, c->in[0], c->in_len[0]);
	for (uint64_t i = 0; i < nfds; i++) {
		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;
		unsigned want = (uint16_t)fds[i].events | LINUX_POLLERR | LINUX_POLLHUP;
		unsigned got = vfs_poll(c->proc->files, fds[i].fd, want) &
			       (want | LINUX_POLLNVAL);
		fds[i].revents = (int16_t)got;
		ready += got != 0;
	}
	if (ready || timeout_ms == 0 ||
	    (timeout_ms > 0 && ux_waited_ms(c->since_ns, (uint64_t)timeout_ms))) {
		c->out_len = (uint32_t)(nfds * sizeof(*fds));
		return ready;
	}
	c->timed = timeout_ms > 0;
	return -UX_EPARK;
}
