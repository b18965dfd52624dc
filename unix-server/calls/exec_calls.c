/*
 * exec_calls.c: execve. The program replaces the process's image: a new
 * task gets it (server/exec_task.c) and only once it runs does the old
 * task end, so a failed execve returns its error to the old image as
 * Linux's does. The process keeps its pid, port, descriptors (less the
 * close-on-exec ones), working directory, limits, ignored signals and
 * mask; handled signals go back to their defaults. A "#!" script runs
 * its interpreter (server/exec_program.c), AT_EXECFN and the name still
 * the script's as on Linux.
 */
#include "call.h"
#include "files.h"
#include "lib/string.h"
#include "server/exec_program.h"
#include "server/exec_task.h"
#include "server/process.h"
#include "server/server.h"

#define EXEC_STRINGS_MAX 4096           /* far more than one message holds */
#define SIG_IGN 1

/* The vectors in the block, NUL-checked: vec[0..argc) then envp. */
static int64_t read_block(const struct ux_call *c, const char ***vec, uint32_t *argc,
			  uint32_t *envc)
{
	const struct ux_argv_block *b = (const void *)c->in[1];
	uint32_t len = c->in_len[1];

	if (!b || len < sizeof(*b))
		return -UX_EFAULT;
	uint64_t n = (uint64_t)b->argc + b->envc;
	if (n > EXEC_STRINGS_MAX)
		return -UX_E2BIG;
	const char **v = native_malloc((n + 1) * sizeof(*v));
	if (!v)
		return -UX_ENOMEM;
	const char *s = b->strings, *end = (const char *)b + len;
	for (uint64_t i = 0; i < n; i++) {
		const char *nul = s;
		while (nul < end && *nul)
			nul++;
		if (nul == end) {
			native_free(v);
			return -UX_EFAULT;      /* a malformed block */
		}
		v[i] = s;
		s = nul + 1;
	}
	v[n] = NULL;
	*vec = v;
	*argc = b->argc;
	*envc = b->envc;
	return 0;
}

static void signals_after_exec(struct process *p)
{
	for (int i = 0; i < PROCESS_SIGNALS; i++)
		if (p->sigactions[i].handler != SIG_IGN)
			memset(&p->sigactions[i], 0, sizeof(p->sigactions[i]));
}

int64_t ux_sys_execve(struct ux_call *c)
{
	struct process *p = c->proc;
	const char *path = call_path(c, 0), **vec;
	uint32_t argc, envc;
	struct exec_program prog;
	int64_t r = read_block(c, &vec, &argc, &envc);

	if (r < 0)
		return r;
	r = exec_program_find(p->files, path, vec, argc, &prog);
	if (r == 0) {
		struct exec_request req = { prog.file, path, prog.argv, prog.argc, vec + argc, envc };
		r = exec_task_replace(p, &req);
		exec_program_done(&prog);
	}
	native_free(vec);
	if (r < 0)
		return r;
	vfs_proc_exec(p->files);
	signals_after_exec(p);
	signal_check(p);        /* a pending signal whose handler is gone */
	process_set_comm(p, path);
	process_vfork_release(p);
	c->no_reply = true;     /* the caller's task is gone */
	return 0;
}
